import Foundation
import NIOSSL
import TouchpointProtocol

/// TLS for the sync server: its certificate chain and private key (PEM files), and
/// optionally a CA whose client certificates every peer must present.
public struct ServerTLS: Hashable, Sendable {
    /// PEM file with the server's certificate, then any intermediates.
    public var certificateFile: String
    /// PEM file with the certificate's private key.
    public var privateKeyFile: String
    /// PEM file of the CA that signs client certificates; nil: no client certificate asked for.
    public var clientCAFile: String?

    /// TLS with this certificate and key, and client certificates from `clientCAFile` when given.
    public init(certificateFile: String, privateKeyFile: String, clientCAFile: String? = nil) {
        self.certificateFile = certificateFile
        self.privateKeyFile = privateKeyFile
        self.clientCAFile = clientCAFile
    }

    /// The server context; a file that cannot be read or parsed is one clear error.
    func makeContext() throws -> NIOSSLContext {
        let identity = try TLSFiles.identity(certificateFile: certificateFile, privateKeyFile: privateKeyFile)
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: identity.chain, privateKey: identity.key)
        configuration.minimumTLSVersion = .tlsv12
        if let clientCAFile {
            configuration.trustRoots = .certificates(try TLSFiles.certificates(clientCAFile))
            configuration.certificateVerification = .noHostnameVerification
        }
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw ProtocolError(.failedPrecondition, "the TLS certificate and key do not fit together (\(error))")
        }
    }
}
