/// TLS for a client session: the server's certificate is verified against the
/// certificates in `caFile` (PEM), or against the system trust store when nil.
public struct ClientTLS: Hashable, Sendable {
    /// A PEM file of trusted CA certificates; nil for the system trust store.
    public var caFile: String?

    /// TLS verified against `caFile`, or the system trust store.
    public init(caFile: String? = nil) { self.caFile = caFile }
}
