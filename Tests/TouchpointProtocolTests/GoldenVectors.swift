import Foundation
import NIOCore
import SwiftProtobuf
import TouchpointModel
import TouchpointProtocol

/// One golden frame: its bytes and what decoding them must give.
struct GoldenVector {
    enum Expectation {
        /// Decodes to `envelope`; `changes` is the decoded batch of a push or pull.
        case valid(envelope: Envelope, compressed: Bool, changes: [SequencedChange]?)
        /// Decodes to an envelope whose change batch is rejected with `code`.
        case invalidBatch(envelope: Envelope, code: ProtocolError.Code)
        /// The frame decoder fails with `code`.
        case malformed(code: ProtocolError.Code)
    }

    var name: String
    var description: String
    var bytes: [UInt8]
    var expectation: Expectation
    /// The decoder's limit for this vector.
    var maxFrameBytes = ProtocolLimits.defaultMaxFrameBytes

    /// The directory holding the committed vectors (found from this file, not from SwiftPM resources).
    static var directory: URL {
        var url = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent("Protocol/vectors")
    }

    static func frame(_ envelope: Envelope, compressed: Bool) -> [UInt8] {
        var out = ByteBuffer()
        let encoder = FrameEncoder(compression: CompressionConfiguration(threshold: 0), maxFrameBytes: .max, compressionEnabled: compressed)
        try! encoder.encode(envelope, into: &out)
        return Array(out.readableBytesView)
    }

    static func raw(flags: UInt8, length: UInt32, payload: [UInt8]) -> [UInt8] {
        [flags] + withUnsafeBytes(of: length.bigEndian) { Array($0) } + payload
    }

    static func valid(_ name: String, _ description: String, _ envelope: Envelope, compressed: Bool = false, changes: [SequencedChange]? = nil) -> GoldenVector {
        GoldenVector(name: name, description: description, bytes: frame(envelope, compressed: compressed),
                     expectation: .valid(envelope: envelope, compressed: compressed, changes: changes))
    }

    static func malformed(_ name: String, _ description: String, _ bytes: [UInt8], _ code: ProtocolError.Code, maxFrameBytes: Int = ProtocolLimits.defaultMaxFrameBytes) -> GoldenVector {
        GoldenVector(name: name, description: description, bytes: bytes, expectation: .malformed(code: code), maxFrameBytes: maxFrameBytes)
    }

    /// Every vector, in the order of PROTOCOL.md.
    static var all: [GoldenVector] {
        VectorCatalog.messages() + VectorCatalog.records() + VectorCatalog.admin() + VectorCatalog.malformed()
    }

    /// The JSON description written next to the .bin file.
    func json() throws -> Data {
        var object: [String: Any] = [
            "name": name,
            "description": description,
            "hex": bytes.map { String(format: "%02x", $0) }.joined(),
            "max_frame_bytes": maxFrameBytes,
        ]
        let options = {
            var options = JSONEncodingOptions()
            options.preserveProtoFieldNames = true
            return options
        }()
        switch expectation {
        case .valid(let envelope, let compressed, let changes):
            object["compressed"] = compressed
            object["envelope"] = try JSONSerialization.jsonObject(with: Data(envelope.jsonString(options: options).utf8))
            if let changes {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                object["changes"] = try changes.map { sequenced in
                    // Ids in lower case, as everywhere in the protocol's text forms.
                    var change = try JSONSerialization.jsonObject(with: encoder.encode(sequenced.change)) as? [String: Any] ?? [:]
                    change["id"] = sequenced.change.id.uuidString.lowercased()
                    return ["sequence": sequenced.sequence, "change": change] as [String: Any]
                }
            }
        case .invalidBatch(let envelope, let code):
            object["compressed"] = false
            object["envelope"] = try JSONSerialization.jsonObject(with: Data(envelope.jsonString(options: options).utf8))
            object["batch_error"] = ["code": code.name, "number": code.rawValue]
        case .malformed(let code):
            object["error"] = ["code": code.name, "number": code.rawValue]
        }
        return try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }
}
