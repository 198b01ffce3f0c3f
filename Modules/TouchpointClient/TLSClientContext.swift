import Foundation
import NIOCore
import NIOSSL
import TouchpointProtocol

/// Builds the TLS client side of a connection from ``ClientTLS`` and turns TLS
/// failures into one line a user can act on.
enum TLSClientContext {
    /// A client context verifying the server against the CA file or the system trust store.
    static func make(_ tls: ClientTLS) throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        configuration.certificateVerification = .fullVerification
        if let caFile = tls.caFile { configuration.trustRoots = .certificates(try TLSFiles.certificates(caFile)) }
        if let certificateFile = tls.certificateFile, let privateKeyFile = tls.privateKeyFile {
            let identity = try TLSFiles.identity(certificateFile: certificateFile, privateKeyFile: privateKeyFile)
            configuration.certificateChain = identity.chain
            configuration.privateKey = identity.key
        }
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw ProtocolError(.failedPrecondition, "cannot set up TLS: \(error)")
        }
    }

    /// The handler for a connection to `host` (its name checked against the certificate;
    /// an IP address is checked against the certificate's IP addresses).
    static func handler(_ context: NIOSSLContext, host: String) throws -> NIOSSLClientHandler {
        let isAddress = (try? SocketAddress(ipAddress: host, port: 0)) != nil
        return try NIOSSLClientHandler(context: context, serverHostname: isAddress ? nil : host)
    }

    /// One line for a TLS failure, or nil when `error` is not one.
    static func describe(_ error: any Error, endpoint: Endpoint) -> ProtocolError? {
        let cause = (error as? ProtocolError)?.cause ?? error
        guard cause is NIOSSLError || cause is BoringSSLError || cause is NIOSSLExtraError else { return nil }
        var reason = "\(cause)"
        if reason.contains("CERTIFICATE_VERIFY_FAILED") || reason.contains("certificate verify failed") {
            reason = "the server's certificate is not trusted (wrong --ca-file?)"
        } else if reason.contains("WRONG_VERSION_NUMBER") || reason.contains("wrong version number") {
            reason = "the server does not speak TLS (drop --tls?)"
        }
        return ProtocolError(.unavailable, "TLS with the server at \(endpoint) failed: \(reason)", cause: cause as? any Error & Sendable)
    }
}
