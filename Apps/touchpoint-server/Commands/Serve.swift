import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import TouchpointProtocol
import TouchpointServer
import UnixSignals

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve agents until SIGTERM or SIGINT (in-flight batches finish or roll back).")

    @OptionGroup var store: StoreOptions

    @OptionGroup(title: "Limits") var limits: LimitOptions

    @Option(help: "Address to listen on, HOST:PORT.")
    var listen = "127.0.0.1:7070"

    @Option(help: ArgumentHelp(
        "Serve /metrics (Prometheus), /healthz and /readyz on HOST:PORT (default: off).", valueName: "HOST:PORT"))
    var metrics: String?

    @Option(help: "Refuse changes whose clock is more than this many seconds ahead of the server's.")
    var maxSkew: Double = 300

    @Option(help: "Most connections open at once (default 4096, lowered to fit the open-file limit); more are refused at once.")
    var maxConnections = SyncServer.Configuration.defaults.maxConnections

    @Option(help: "Most connections open at once from one IP address (default 512).")
    var maxConnectionsPerPeer = SyncServer.Configuration.defaults.maxConnectionsPerPeer

    @Option(help: "On SIGTERM/SIGINT, close sessions still open after this many seconds (default 10).")
    var drainTimeout: Double = 10

    @Option(help: ArgumentHelp("PEM certificate chain: serve TLS (with --tls-key).", valueName: "PEM"))
    var tlsCert: String?

    @Option(help: ArgumentHelp("PEM private key of --tls-cert.", valueName: "PEM"))
    var tlsKey: String?

    @Option(help: ArgumentHelp("With --tls-cert: accept only clients presenting a certificate signed by this CA.", valueName: "PEM"))
    var tlsClientCa: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    @Option(help: "Log format: text, or json (one object per line, for log collectors).")
    var logFormat: LogFormat = .text

    func validate() throws {
        guard maxConnections > 0, maxConnectionsPerPeer > 0 else {
            throw ValidationError("--max-connections and --max-connections-per-peer must be positive")
        }
        guard drainTimeout >= 0, drainTimeout <= 3600 else { throw ValidationError("--drain-timeout must be 0…3600 seconds") }
        if (tlsCert == nil) != (tlsKey == nil) { throw ValidationError("--tls-cert and --tls-key go together") }
        if tlsClientCa != nil, tlsCert == nil { throw ValidationError("--tls-client-ca goes with --tls-cert and --tls-key") }
    }

    func run() async throws {
        let endpoint = try Endpoint(parsing: listen)
        let metricsEndpoint = try metrics.map(Endpoint.init(parsing:))
        // Every line written while a connection is served carries its session (SessionLogContext).
        LoggingSystem.bootstrap({ [logLevel, logFormat] label, provider in
            switch logFormat {
            case .json:
                var handler = JSONLogHandler(label: label)
                handler.metadataProvider = provider
                handler.logLevel = logLevel
                return handler
            case .text:
                var handler = StreamLogHandler.standardError(label: label, metadataProvider: provider)
                handler.logLevel = logLevel
                return handler
            }
        }, metadataProvider: SessionLogContext.metadataProvider)
        let logger = Logger(label: "touchpoint.server")
        try await store.withStore(logger: logger) {
            try await serve($0, on: endpoint, metrics: metricsEndpoint, logger: logger)
        }
    }

    /// Serves `store` (and the metrics endpoint when there is one) until SIGTERM or SIGINT.
    private func serve(_ store: any ServerStore, on endpoint: Endpoint, metrics: Endpoint?, logger: Logger) async throws {
        var configuration = SyncService.Configuration.defaults
        configuration.maxClockSkew = maxSkew
        configuration.limits = limits.limits
        let service = SyncService(store: store, configuration: configuration, logger: logger)
        // Every connection takes a descriptor: use all the system allows.
        let openFiles = FileDescriptorLimit.raise()
        logger.debug("open-file limit", metadata: ["limit": "\(openFiles)"])
        var network = SyncServer.Configuration.defaults
        network.maxConnections = maxConnections
        network.maxConnectionsPerPeer = maxConnectionsPerPeer
        network.drainTimeout = .milliseconds(Int(drainTimeout * 1000))
        if let tlsCert, let tlsKey {
            network.tls = ServerTLS(certificateFile: tlsCert, privateKeyFile: tlsKey, clientCAFile: tlsClientCa)
        } else if !Self.isLoopback(endpoint.host) {
            logger.warning(
                "serving plain TCP on a non-loopback address: tokens and customer data cross the network unencrypted; use --tls-cert and --tls-key",
                metadata: ["address": "\(endpoint)"])
        }
        let server = try await SyncServer.bind(
            host: endpoint.host, port: endpoint.port, service: service, configuration: network, logger: logger)
        // Written unbuffered: scripts and tests wait for this line on a pipe.
        FileHandle.standardOutput.write(Data("listening on \(Endpoint(host: endpoint.host, port: server.port))\n".utf8))
        var services: [any Service] = [server]
        if let metrics {
            let operations: MetricsServer
            do {
                operations = try await MetricsServer.bind(host: metrics.host, port: metrics.port, service: service, logger: logger)
            } catch {
                throw UserError("cannot serve metrics on \(metrics): \(error)")
            }
            FileHandle.standardOutput.write(Data("metrics on \(Endpoint(host: metrics.host, port: operations.port))\n".utf8))
            services.append(operations)
        }
        let group = ServiceGroup(
            configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}

extension Serve {
    /// True for addresses only this machine can reach.
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
