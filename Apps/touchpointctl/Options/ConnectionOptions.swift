import ArgumentParser
import Foundation
import TouchpointAdminClient
import TouchpointCLI
import TouchpointClient
import TouchpointProtocol

/// Where the server is and the admin token, from options or the environment.
struct ConnectionOptions: ParsableArguments {
    @Option(help: "The sync server, HOST:PORT (default: $TOUCHPOINT_SERVER).") var server: String?
    @Option(help: "An admin token (default: $TOUCHPOINT_TOKEN).") var token: String?
    /// TLS: the options, else `TOUCHPOINT_TLS=1` and `TOUCHPOINT_CA_FILE`.
    @OptionGroup var tlsOptions: TLSClientOptions

    /// The TLS settings the options and environment ask for (nil: plain TCP).
    func clientTLS() -> ClientTLS? { tlsOptions.settings(environment: true) }

    func validate() throws {
        _ = try endpoint()
        _ = try adminToken()
    }

    func endpoint() throws -> Endpoint {
        guard let text = server ?? ProcessInfo.processInfo.environment["TOUCHPOINT_SERVER"], !text.isEmpty else {
            throw ValidationError("no server: pass --server HOST:PORT or set TOUCHPOINT_SERVER")
        }
        do {
            return try Endpoint(parsing: text)
        } catch {
            throw ValidationError("--server: '\(text)' is not HOST:PORT (e.g. 127.0.0.1:7070)")
        }
    }

    func adminToken() throws -> String {
        guard let token = token ?? ProcessInfo.processInfo.environment["TOUCHPOINT_TOKEN"], !token.isEmpty else {
            throw ValidationError("no token: pass --token ADMIN_TOKEN or set TOUCHPOINT_TOKEN")
        }
        return token
    }

    /// Opens an admin session, runs `body` and closes.
    func connect<Result>(_ body: (AdminClient) async throws -> Result) async throws -> Result {
        try await AdminClient.connect(to: try endpoint(), token: try adminToken(), tls: clientTLS(), body)
    }
}

/// `--json` for read commands.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON on stdout (and nothing else there).") var json = false
}

extension AdminClient {
    /// The agent named by an id, a unique id prefix or a name (case-insensitive).
    func agent(_ text: String) async throws -> AgentSyncState {
        let agents = try await agents(includeRevoked: true)
        let needle = text.lowercased()
        if let exact = agents.first(where: { $0.id.uuidString.lowercased() == needle }) { return exact }
        let byName = agents.filter { $0.name.lowercased() == needle }
        let byPrefix = needle.count >= 4 ? agents.filter { $0.id.uuidString.lowercased().hasPrefix(needle) } : []
        let matches = byName.isEmpty ? byPrefix : byName
        guard matches.count == 1 else {
            throw CLIError(matches.isEmpty ? "no agent '\(text)'" : "'\(text)' names \(matches.count) agents; give the id")
        }
        return matches[0]
    }

    /// Agent names by id.
    func agentNames() async throws -> [UUID: String] {
        Dictionary(try await agents(includeRevoked: true).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }
}
