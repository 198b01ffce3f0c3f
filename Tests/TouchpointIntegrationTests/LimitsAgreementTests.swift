import Foundation
import Testing
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointServer

/// One limits type, one set of defaults: what `touchpoint-server serve` defaults to,
/// what its Welcome announces, what its sessions enforce and what the docs say are
/// the same values, ``ProtocolLimits/defaults``.
@Suite struct LimitsAgreementTests {
    static let defaults = ProtocolLimits.defaults

    @Test func everyConfigurationStartsFromTheSameDefaults() {
        #expect(SyncService.Configuration.defaults.limits == Self.defaults)
        #expect(ServerSessionConfiguration(serverID: SiteID.random()).limits == Self.defaults)
        #expect(ClientSessionConfiguration(siteID: SiteID.random(), agentID: nil, token: "t").limits == Self.defaults)
        #expect(ProtocolLimits(wire: Touchpoint_V1_Limits()) == Self.defaults, "0 on the wire means the default")
    }

    @Test func serveHelpShowsTheDefaults() throws {
        // Whitespace collapsed: the help wraps to the terminal's width.
        let help = try ServerProcess.run(["serve", "--help"]).output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for (option, value) in [
            ("--max-frame-bytes", Self.defaults.maxFrameBytes), ("--max-batch-changes", Self.defaults.maxBatchChanges),
            ("--max-page-changes", Self.defaults.maxPageChanges),
        ] {
            // The last mention is the option's own entry (the first is the usage line).
            let entry = help.components(separatedBy: option + " ").dropFirst().last ?? ""
            #expect(entry.prefix(300).contains("(default: \(value))"), "\(option) defaults to \(value):\n\(help)")
        }
    }

    /// `serve` without limit options announces the defaults in Welcome and its sessions
    /// enforce exactly them: a batch one change over `maxBatchChanges` is refused naming
    /// the limit, a frame over `maxFrameBytes` ends the session. (Applying a whole
    /// default batch is left to the small limits below: it costs a suite running in parallel.)
    @Test func serveWithoutOptionsAnnouncesAndEnforcesTheDefaults() async throws {
        let fixture = try ServerProcessFixture("limits-defaults")
        defer { fixture.tearDown() }
        try fixture.start()
        try await Self.check(fixture, limits: Self.defaults, applyingAFullBatch: false)
    }

    /// Limits given on the command line are the ones announced and enforced.
    @Test func serveOptionsAreAnnouncedAndEnforced() async throws {
        let fixture = try ServerProcessFixture("limits-options")
        defer { fixture.tearDown() }
        try fixture.start(["--max-frame-bytes", "65536", "--max-batch-changes", "7", "--max-page-changes", "5"])
        try await Self.check(
            fixture, limits: ProtocolLimits(maxFrameBytes: 65536, maxBatchChanges: 7, maxPageChanges: 5), applyingAFullBatch: true)
    }

    @Test func docsGiveTheDefaults() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let spec = try String(contentsOf: root.appendingPathComponent("Protocol/PROTOCOL.md"), encoding: .utf8)
        let operations = try String(contentsOf: root.appendingPathComponent("docs/operations.md"), encoding: .utf8)
        func row(_ text: String, _ start: String) -> String {
            text.split(separator: "\n").first { $0.hasPrefix(start) }.map(String.init) ?? "(no row starting \(start))"
        }
        let frame = String(Self.defaults.maxFrameBytes)
        #expect(row(spec, "| max frame bytes").replacingOccurrences(of: " ", with: "").contains("|\(frame)("))
        #expect(row(spec, "| max push batch").contains("| \(Self.defaults.maxBatchChanges) changes |"))
        #expect(row(spec, "| max pull page").contains("| \(Self.defaults.maxPageChanges) changes |"))
        #expect(row(operations, "| frame a session may send after Welcome").contains("| \(frame) bytes"))
        #expect(row(operations, "| push batch").contains("| \(Self.defaults.maxBatchChanges) changes"))
        #expect(row(operations, "| pull page").contains("| \(Self.defaults.maxPageChanges) changes"))
    }

    /// Welcome announces `limits`; a push of `maxBatchChanges + 1` changes is refused and,
    /// `applyingAFullBatch`, one of `maxBatchChanges` applied and a pull page holds
    /// `maxPageChanges`; a frame over `maxFrameBytes` ends the session.
    static func check(_ fixture: ServerProcessFixture, limits: ProtocolLimits, applyingAFullBatch: Bool) async throws {
        let pusher = try await RawPeer.connect(to: fixture.server.endpoint)
        defer { pusher.close() }
        let configuration = fixture.configuration
        guard case .welcome(let welcome)? = try await pusher.hello(configuration)?.envelope.body else {
            Issue.record("no Welcome")
            return
        }
        #expect(welcome.limits.maxFrameBytes == UInt32(limits.maxFrameBytes))
        #expect(welcome.limits.maxBatchChanges == UInt32(limits.maxBatchChanges))
        #expect(welcome.limits.maxPageChanges == UInt32(limits.maxPageChanges))

        let version = FieldVersion(hlc: HLC(physical: HLC.milliseconds(Date()), logical: 0), site: configuration.siteID)
        let changes = try (1...limits.maxBatchChanges + 1).map { sequence in
            let customer = try Customer(name: "Customer \(sequence)", territory: "north")
            let change = Change(entity: .customer, id: customer.id, fields: customer.fields.keys.sorted().map {
                FieldChange(name: $0, value: customer.fields[$0]!, version: version)
            })
            return SequencedChange(sequence: UInt64(sequence), change: change)
        }
        let over = try Envelope.pushRequest(requestID: 1, changes: changes)
        guard case .error(let refusal)? = try await pusher.request({ _ in over })?.envelope.body else {
            Issue.record("a batch over the limit was not refused")
            return
        }
        #expect(refusal.code == .resourceExhausted && !refusal.fatal)
        #expect(refusal.message.contains("\(limits.maxBatchChanges)"), "\(refusal.message)")

        // Another site pulls (a site's own changes are not echoed back to it).
        let puller = try await RawPeer.connect(to: fixture.server.endpoint)
        defer { puller.close() }
        guard case .welcome? = try await puller.hello(fixture.configuration)?.envelope.body else {
            Issue.record("no Welcome")
            return
        }
        if applyingAFullBatch {
            try await applyAndPull(Array(changes.dropLast()), pusher: pusher, puller: puller, limits: limits)
        }

        // A frame header announcing one byte over the limit ends the session, from the header alone.
        let length = UInt32(limits.maxFrameBytes + 1)
        try await puller.send(bytes: [0] + withUnsafeBytes(of: length.bigEndian, Array.init) + [0x08, 0x01])
        guard case .error(let error)? = await puller.next()?.envelope.body else {
            Issue.record("a frame over the limit did not end the session with an Error")
            return
        }
        #expect(error.code == .resourceExhausted && error.fatal)
    }

    /// A batch of exactly `maxBatchChanges` is applied; a pull page holds `maxPageChanges` of them.
    static func applyAndPull(_ batch: [SequencedChange], pusher: RawPeer, puller: RawPeer, limits: ProtocolLimits) async throws {
        let full = try Envelope.pushRequest(requestID: 2, changes: batch)
        guard case .pushAck(let ack)? = try await pusher.request({ _ in full })?.envelope.body else {
            Issue.record("a batch at the limit was not applied")
            return
        }
        #expect(ack.applied == UInt32(limits.maxBatchChanges))

        guard case .pullPage(let page)? = try await puller.request({ .pullRequest(requestID: $0, afterSequence: 0) })?.envelope.body
        else {
            Issue.record("no PullPage")
            return
        }
        #expect(page.batch.changes.count == min(limits.maxPageChanges, limits.maxBatchChanges))
        #expect(limits.maxPageChanges >= limits.maxBatchChanges || page.more, "a page cut at the limit says more follow")
    }
}
