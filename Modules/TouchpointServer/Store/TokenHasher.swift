import Crypto
import Foundation

/// Agent tokens: random secrets shown once; the server keeps only their SHA-256.
package enum TokenHasher {
    /// A fresh token: `tp_` then 48 hex characters (192 random bits).
    package static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<24).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return "tp_" + hex(bytes)
    }

    /// The hex SHA-256 of a token.
    package static func hash(_ token: String) -> String { hex(Array(SHA256.hash(data: Data(token.utf8)))) }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}
