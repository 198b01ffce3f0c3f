import ArgumentParser
import Foundation
import TouchpointProtocol

/// `--tls`, `--ca-file`, `--tls-client-cert`, `--tls-client-key`: how a CLI reaches
/// the server over TLS, shared by `touchpoint-agent init` and `touchpointctl`.
public struct TLSClientOptions: ParsableArguments {
    @Flag(help: "Connect over TLS, verifying the server against the system trust store or --ca-file.")
    public var tls = false

    @Option(help: ArgumentHelp("With --tls: a PEM file of the CA certificates to trust.", valueName: "PEM"))
    public var caFile: String?

    @Option(help: ArgumentHelp("With --tls: a client certificate, for servers that check them.", valueName: "PEM"))
    public var tlsClientCert: String?

    @Option(help: ArgumentHelp("With --tls-client-cert: its private key.", valueName: "PEM"))
    public var tlsClientKey: String?

    public init() {}

    public func validate() throws {
        if caFile != nil || tlsClientCert != nil, !tls, !Self.tlsFromEnvironment {
            throw ValidationError("--ca-file and --tls-client-cert go with --tls")
        }
        if (tlsClientCert == nil) != (tlsClientKey == nil) {
            throw ValidationError("--tls-client-cert and --tls-client-key go together")
        }
    }

    /// The TLS settings asked for (nil: plain TCP), paths made absolute; with
    /// `environment`, `TOUCHPOINT_TLS=1` and `TOUCHPOINT_CA_FILE` fill in what the options leave out.
    public func settings(environment: Bool = false) -> ClientTLS? {
        let variables = environment ? ProcessInfo.processInfo.environment : [:]
        guard tls || variables["TOUCHPOINT_TLS"] == "1" else { return nil }
        func absolute(_ path: String?) -> String? { path.map { URL(fileURLWithPath: $0).standardizedFileURL.path } }
        let caFile = caFile ?? variables["TOUCHPOINT_CA_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        return ClientTLS(caFile: absolute(caFile), certificateFile: absolute(tlsClientCert), privateKeyFile: absolute(tlsClientKey))
    }

    private static var tlsFromEnvironment: Bool { ProcessInfo.processInfo.environment["TOUCHPOINT_TLS"] == "1" }
}
