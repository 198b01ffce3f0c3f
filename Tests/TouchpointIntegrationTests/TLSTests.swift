import Foundation
import Testing
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointServer

/// Issue 9, TLS: the server serves TLS with a certificate from a throwaway CA made
/// at test time; agents and admins sync over it; a wrong CA or a plain peer fails
/// with one clear line.
@Suite(.serialized) struct TLSTests {
    @Test func agentsEnrolSyncAndVerifyOverTLS() throws {
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tp-tls-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let server = ServerProcess(data: root + "/server")
        try server.command(["init"])
        var tokens: [String] = []
        for name in ["ada", "bo"] {
            let added = try server.command(["agents", "add", "--name", name, "--territory", "north"])
            tokens.append(String(added.split(separator: "\n").last!.split(separator: " ").last!))
        }
        try server.start(["--tls-cert", certificates.certificateFile, "--tls-key", certificates.keyFile])
        defer { server.kill() }
        let address = server.endpoint.description
        let laptops = ["ada", "bo"].map { AgentProcess(db: "\(root)/\($0).sqlite") }
        for (laptop, token) in zip(laptops, tokens) {
            let enrolled = try laptop.run("init", "--server", address, "--token", token, "--tls", "--ca-file", certificates.caFile)
            #expect(enrolled.status == 0, "\(enrolled.stderr)")
        }
        #expect(try laptops[0].run("customer", "add", "--name", "Over TLS", "--territory", "north").status == 0)
        #expect(try laptops[0].run("sync").status == 0)
        #expect(try laptops[1].run("sync").status == 0)
        #expect(try laptops[1].run("customer", "list").stdout.contains("Over TLS"))
        for laptop in laptops { #expect(try laptop.run("verify").status == 0) }
    }

    @Test func wrongCAOrPlainPeerFailsWithOneLine() async throws {
        let certificates = try TestCertificates.make()
        let stranger = try TestCertificates.make("stranger")
        defer { certificates.remove(); stranger.remove() }
        var network = SyncServer.Configuration.defaults
        network.tls = ServerTLS(certificateFile: certificates.certificateFile, privateKeyFile: certificates.keyFile)
        let tlsServer = try await LiveServer.start(network: network)
        let plainServer = try await LiveServer.start()
        let laptop = try await tlsServer.laptop("ada", territories: ["north"])

        func connect(_ endpoint: Endpoint, tls: ClientTLS?) async throws {
            var configuration = try laptop.configuration
            configuration.tls = tls
            try await SyncConnection.withConnection(to: endpoint, configuration: configuration) { _ in }
        }
        try await connect(tlsServer.endpoint, tls: ClientTLS(caFile: certificates.caFile))

        let untrusted = await #expect(throws: ProtocolError.self) {
            try await connect(tlsServer.endpoint, tls: ClientTLS(caFile: stranger.caFile))
        }
        #expect(untrusted?.message.contains("not trusted") == true, "\(String(describing: untrusted))")
        #expect(untrusted?.message.contains("\n") == false)

        let plain = await #expect(throws: ProtocolError.self) {
            try await connect(plainServer.endpoint, tls: ClientTLS(caFile: certificates.caFile))
        }
        #expect(plain?.message.contains("TLS with the server") == true, "\(String(describing: plain))")
        await #expect(throws: ProtocolError.self) { try await connect(tlsServer.endpoint, tls: nil) }
        await tlsServer.stop()
        await plainServer.stop()
    }

    @Test func serverCheckingClientCertificatesRefusesPeersWithout() async throws {
        let certificates = try TestCertificates.make("mtls")
        defer { certificates.remove() }
        var network = SyncServer.Configuration.defaults
        network.tls = ServerTLS(
            certificateFile: certificates.certificateFile, privateKeyFile: certificates.keyFile, clientCAFile: certificates.caFile)
        let server = try await LiveServer.start(network: network)
        let laptop = try await server.laptop("ada", territories: ["north"])
        func connect(_ tls: ClientTLS) async throws {
            var configuration = try laptop.configuration
            configuration.tls = tls
            try await SyncConnection.withConnection(to: server.endpoint, configuration: configuration) { _ in }
        }
        try await connect(ClientTLS(
            caFile: certificates.caFile, certificateFile: certificates.clientCertificateFile,
            privateKeyFile: certificates.clientKeyFile))
        let refused = await #expect(throws: ProtocolError.self) { try await connect(ClientTLS(caFile: certificates.caFile)) }
        #expect(refused?.code == .unavailable)
        await server.stop()
    }
}
