import Foundation
import NIOSSL
import TouchpointProtocol

/// TLS for the sync server: its certificate chain and private key (PEM files).
public struct ServerTLS: Hashable, Sendable {
    /// PEM file with the server's certificate, then any intermediates.
    public var certificateFile: String
    /// PEM file with the certificate's private key.
    public var privateKeyFile: String

    /// TLS with this certificate and key.
    public init(certificateFile: String, privateKeyFile: String) {
        self.certificateFile = certificateFile
        self.privateKeyFile = privateKeyFile
    }

    /// The server context; a file that cannot be read or parsed is one clear error.
    func makeContext() throws -> NIOSSLContext {
        for file in [certificateFile, privateKeyFile] where !FileManager.default.isReadableFile(atPath: file) {
            throw ProtocolError(.failedPrecondition, "cannot read the TLS file \(file)")
        }
        let chain: [NIOSSLCertificate]
        let key: NIOSSLPrivateKey
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificateFile)
        } catch {
            throw ProtocolError(.failedPrecondition, "\(certificateFile) holds no PEM certificate (\(error))")
        }
        do {
            key = try NIOSSLPrivateKey(file: privateKeyFile, format: .pem)
        } catch {
            throw ProtocolError(.failedPrecondition, "\(privateKeyFile) holds no PEM private key (\(error))")
        }
        guard !chain.isEmpty else { throw ProtocolError(.failedPrecondition, "\(certificateFile) holds no certificate") }
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw ProtocolError(.failedPrecondition, "the TLS certificate and key do not fit together (\(error))")
        }
    }
}
