/// TLS for a client session: the server's certificate is verified against the
/// certificates in `caFile` (PEM), or against the system trust store when nil;
/// with a certificate and key, the client also proves who it is (for servers that
/// check client certificates).
public struct ClientTLS: Hashable, Sendable {
    /// A PEM file of trusted CA certificates; nil for the system trust store.
    public var caFile: String?
    /// A PEM file with this client's certificate chain, for servers that ask for one.
    public var certificateFile: String?
    /// The PEM private key of `certificateFile`.
    public var privateKeyFile: String?

    /// TLS verified against `caFile` (or the system trust store), with an optional client certificate.
    public init(caFile: String? = nil, certificateFile: String? = nil, privateKeyFile: String? = nil) {
        self.caFile = caFile
        self.certificateFile = certificateFile
        self.privateKeyFile = privateKeyFile
    }
}
