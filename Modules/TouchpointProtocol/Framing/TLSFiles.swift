import Foundation
import NIOSSL

/// Loads the PEM files of a TLS identity (certificate chain and private key) or
/// trust roots, with one clear line naming the file when one cannot be used.
package enum TLSFiles {
    /// A certificate chain and its private key.
    package static func identity(
        certificateFile: String, privateKeyFile: String
    ) throws -> (chain: [NIOSSLCertificateSource], key: NIOSSLPrivateKeySource) {
        let chain = try certificates(certificateFile)
        try readable(privateKeyFile)
        do {
            return (chain.map { .certificate($0) }, .privateKey(try NIOSSLPrivateKey(file: privateKeyFile, format: .pem)))
        } catch {
            throw ProtocolError(.failedPrecondition, "\(privateKeyFile) holds no PEM private key (\(error))")
        }
    }

    /// The certificates of a PEM file (at least one).
    package static func certificates(_ file: String) throws -> [NIOSSLCertificate] {
        try readable(file)
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMFile(file)
        } catch {
            throw ProtocolError(.failedPrecondition, "\(file) holds no PEM certificate (\(error))")
        }
        guard !certificates.isEmpty else { throw ProtocolError(.failedPrecondition, "\(file) holds no PEM certificate") }
        return certificates
    }

    private static func readable(_ file: String) throws {
        guard FileManager.default.isReadableFile(atPath: file) else {
            throw ProtocolError(.failedPrecondition, "cannot read the TLS file \(file)")
        }
    }
}
