import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import TouchpointClient
import TouchpointServer
import UnixSignals

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve agents until SIGTERM or SIGINT (in-flight batches finish or roll back).")

    @OptionGroup var store: StoreOptions

    @Option(help: "Address to listen on, HOST:PORT.")
    var listen = "127.0.0.1:7070"

    @Option(help: "Refuse changes whose clock is more than this many seconds ahead of the server's.")
    var maxSkew: Double = 300

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    func run() async throws {
        let endpoint = try Endpoint(parsing: listen)
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = logLevel
            return handler
        }
        let logger = Logger(label: "touchpoint.server")
        var configuration = SyncService.Configuration.defaults
        configuration.maxClockSkew = maxSkew
        let service = SyncService(store: try store.open(), configuration: configuration, logger: logger)
        let server = try await SyncServer.bind(host: endpoint.host, port: endpoint.port, service: service, logger: logger)
        print("listening on \(Endpoint(host: endpoint.host, port: server.port))")
        let group = ServiceGroup(
            configuration: .init(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
