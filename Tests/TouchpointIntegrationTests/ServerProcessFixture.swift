import Foundation
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointStore

/// A `touchpoint-server` child process on a fresh data directory with one
/// registered agent, and an in-memory laptop database for that agent.
struct ServerProcessFixture {
    let root: String
    let server: ServerProcess
    let agentID: UUID
    let token: String
    let laptop: AgentStore

    init(_ name: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("tp-\(name)-\(UUID())").path
        server = ServerProcess(data: root)
        try server.command(["init"])
        agentID = UUID()
        let added = try server.command(["agents", "add", "--name", "Ada", "--territory", "north", "--id", agentID.uuidString])
        guard let token = added.split(separator: "\n").last?.split(separator: " ").last.map(String.init) else {
            throw ProcessError("agents add printed no token: \(added)")
        }
        self.token = token
        laptop = try AgentStore.inMemory()
        try laptop.initialize(agentID: agentID, territories: ["north"])
    }

    /// Starts the server and points the laptop at it.
    func start(_ options: [String] = [], fileLimit: (value: Int, hard: Bool)? = nil) throws {
        try server.start(options, fileLimit: fileLimit)
        try laptop.setMeta(.server, server.endpoint.description)
        try laptop.setMeta(.token, token)
    }

    /// What a raw client announces in Hello to act as this agent, from a site of its own.
    var configuration: ClientSessionConfiguration {
        ClientSessionConfiguration(siteID: SiteID.random(), agentID: agentID, token: token)
    }

    /// Creates `count` customers on the laptop and syncs them; the summary of the sync.
    func syncNewCustomers(_ count: Int, named prefix: String) async throws -> SyncSummary {
        try laptop.create((0..<count).map { try Customer(name: "\(prefix) \($0)", territory: "north") as any SyncRecord })
        return try await AgentSync(store: laptop).syncOnce()
    }

    func tearDown() {
        server.kill()
        try? FileManager.default.removeItem(atPath: root)
    }
}
