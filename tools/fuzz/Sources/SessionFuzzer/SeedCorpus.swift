import Foundation
import NIOCore
import TouchpointModel
import TouchpointProtocol
import TouchpointReports

/// The seed corpus: valid sessions of every request kind, in each input mode of
/// ``FuzzInput``, including the out-of-range integers of issue 9 so the fuzzer
/// starts next to them.
enum SeedCorpus {
    static let outOfRange: UInt64 = 1 << 63

    /// Writes the seeds as files `seed-…` in `directory`; returns how many.
    static func write(to directory: URL) throws -> Int {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let seeds = try self.seeds()
        for (name, bytes) in seeds {
            try Data(bytes).write(to: directory.appendingPathComponent("seed-\(name)"))
        }
        return seeds.count
    }

    static func seeds() throws -> [(String, [UInt8])] {
        let agent = try agentRequests()
        let admin = try adminRequests()
        let agentHello = try SessionHarness.hello(token: FuzzWorld.agentAlias, agentID: FuzzWorld.agentID)
        let adminHello = try SessionHarness.hello(token: FuzzWorld.adminAlias, agentID: nil)
        var seeds: [(String, [UInt8])] = [
            ("raw-agent", try [0] + frames([agentHello] + agent.map(\.1) + [.goodbye("done")])),
            ("raw-admin", try [0] + frames([adminHello] + admin.map(\.1))),
            ("agent-all", [1] + payloads(agent.map(\.1))),
            ("admin-all", [2] + payloads(admin.map(\.1))),
            ("no-hello", [3] + payloads([agentHello] + agent.map(\.1))),
        ]
        seeds += agent.map { ("agent-\($0.0)", [1] + payloads([$0.1])) }
        seeds += admin.map { ("admin-\($0.0)", [2] + payloads([$0.1])) }
        return seeds
    }

    private static func agentRequests() throws -> [(String, Envelope)] {
        let site = FuzzWorld.site
        let customer = try Customer(
            id: UUID(uuidString: "c0000000-0000-4000-8000-0000000000f1")!, name: "Fuzz", email: "f@example.com", territory: "north")
        let created = Change(entity: .customer, id: customer.id, fields: customer.fields.keys.sorted().map {
            FieldChange(name: $0, value: customer.fields[$0]!, version: FieldVersion(hlc: FuzzWorld.hlc(10), site: site))
        })
        let seen = FieldVersion(hlc: FuzzWorld.hlc(1), site: SiteID(UUID(uuidString: "5e55105f-0000-4000-8000-000000000001")!))
        let edit = Change(entity: .customer, id: FuzzWorld.customerID, fields: [
            FieldChange(name: "segment", value: .text("enterprise"), version: FieldVersion(hlc: FuzzWorld.hlc(11), site: site), base: seen)
        ])
        return [
            ("push", try .pushRequest(requestID: 10, changes: [SequencedChange(sequence: 1, change: created)])),
            ("push-edit", try .pushRequest(requestID: 11, changes: [SequencedChange(sequence: 2, change: edit)])),
            ("push-huge-sequence", try .pushRequest(requestID: 12, changes: [SequencedChange(sequence: outOfRange, change: created)])),
            ("pull", .pullRequest(requestID: 13, afterSequence: 0, maxChanges: 1)),
            ("pull-huge-cursor", .pullRequest(requestID: 14, afterSequence: outOfRange)),
            ("digest", .adminRequest(requestID: 15, .digest(Touchpoint_V1_DigestRequest()))),
            ("ping", .ping(requestID: 16, nonce: 42)),
        ]
    }

    private static func adminRequests() throws -> [(String, Envelope)] {
        var commands: [(String, Touchpoint_V1_AdminRequest.OneOf_Command)] = [
            ("status", .status(Touchpoint_V1_StatusRequest())),
            ("agents", .agentsList(Touchpoint_V1_AgentsListRequest())),
            ("digest", .digest(Touchpoint_V1_DigestRequest())),
        ]
        var add = Touchpoint_V1_AgentAddRequest()
        add.name = "East"
        add.territories = ["east"]
        commands.append(("agent-add", .agentAdd(add)))
        var revoke = Touchpoint_V1_AgentRevokeRequest()
        revoke.agentID = withUnsafeBytes(of: FuzzWorld.otherAgentID.uuid) { Data($0) }
        commands.append(("agent-revoke", .agentRevoke(revoke)))
        for afterID in [0, outOfRange] {
            var list = Touchpoint_V1_ConflictsListRequest()
            list.afterID = afterID
            list.includeResolved = true
            commands.append(("conflicts-\(afterID)", .conflictsList(list)))
        }
        for id in [1, outOfRange] {
            var show = Touchpoint_V1_ConflictShowRequest()
            show.conflictID = id
            commands.append(("conflict-show-\(id)", .conflictShow(show)))
        }
        for (name, choice) in [("winner", Touchpoint_V1_ConflictResolveRequest.Choice.keepWinner), ("loser", .takeLoser), ("custom", .custom)] {
            var resolve = Touchpoint_V1_ConflictResolveRequest()
            resolve.conflictID = 1
            resolve.choice = choice
            resolve.customValue = Touchpoint_V1_Value(.text("Anna"))
            commands.append(("resolve-\(name)", .conflictResolve(resolve)))
        }
        var resolveHuge = Touchpoint_V1_ConflictResolveRequest()
        resolveHuge.conflictID = outOfRange
        resolveHuge.choice = .keepWinner
        commands.append(("resolve-huge", .conflictResolve(resolveHuge)))
        for after in [0, outOfRange] {
            var tail = Touchpoint_V1_ChangesTailRequest()
            tail.afterSequence = after
            commands.append(("tail-\(after)", .changesTail(tail)))
        }
        for (name, request) in [
            ("default", ReportRequest()),
            ("by-channel", ReportRequest(by: [.channel], from: FuzzWorld.now - 86_400 * 30, to: FuzzWorld.now, trendUnit: .week)),
        ] {
            commands.append(("report-\(name)", .report(try Touchpoint_V1_ReportRequest(request))))
        }
        return commands.enumerated().map { index, named in
            (named.0, Envelope.adminRequest(requestID: UInt64(100 + index), named.1))
        }
    }

    private static func frames(_ envelopes: [Envelope]) throws -> [UInt8] {
        var out = ByteBuffer()
        for envelope in envelopes {
            try FrameEncoder(maxFrameBytes: FuzzInput.maxFrameBytes).encode(envelope, into: &out)
        }
        return Array(out.readableBytesView)
    }

    private static func payloads(_ envelopes: [Envelope]) -> [UInt8] {
        Array(envelopes.map { try! $0.serializedBytes() as [UInt8] }.joined(separator: FuzzInput.separator))
    }
}
