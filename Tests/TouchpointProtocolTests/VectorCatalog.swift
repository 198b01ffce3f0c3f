import Foundation
import NIOCore
import SwiftProtobuf
import TouchpointModel
import TouchpointProtocol

/// The contents of Protocol/vectors: one vector per message kind, plain and
/// compressed, and malformed frames with the error each must produce.
enum VectorCatalog {
    static func hello() -> Envelope {
        var client = ClientSessionStateMachine(configuration: ClientSessionConfiguration(
            siteID: Samples.agentSite, agentID: Samples.agentID, token: "tp_7Qm2vX9kR4", clientName: "touchpoint-agent/1.0"
        ))
        return try! client.start()
    }

    static func welcome() -> Envelope {
        var server = ServerSessionStateMachine(configuration: ServerSessionConfiguration(serverID: Samples.serverSite))
        _ = server.received(hello())
        let agent = SessionAgent(id: Samples.agentID, name: "Dana Field", territories: ["north", "south"])
        let epoch = ServerEpoch(UUID(uuidString: "5e1f0c3a-7b2d-4e8f-9a61-0c2b3d4e5f60")!)
        guard case .send(let welcome) = server.authenticated(
            role: .agent, sequenceHead: 1284, serverTimeMs: 1_715_679_000_123, agent: agent, serverEpoch: epoch)
        else {
            fatalError("no welcome")
        }
        return welcome
    }

    static let push = Samples.interactions(3, firstSequence: 41)
    static let bigPush = Samples.interactions(40, firstSequence: 101)
    static let page = (0..<3).map { SequencedChange(sequence: 1285 + UInt64($0) * 2, change: Samples.customerEdit($0)) }
    static let bigPage = Samples.interactions(40, firstSequence: 2001)

    /// The PushRequest annotated byte by byte in PROTOCOL.md section 11.
    static let workedExample: [SequencedChange] = {
        let version = FieldVersion(hlc: Samples.hlc(logical: 1), site: Samples.agentSite)
        let note = Change(entity: .note, id: UUID(uuidString: "11111111-2222-4333-8444-555555555555")!, fields: [
            FieldChange(name: "body", value: .text("Called back"), version: version),
            FieldChange(name: "customer_id", value: .id(Samples.customerID), version: version),
        ])
        return [SequencedChange(sequence: 7, change: note)]
    }()

    /// The record of PROTOCOL.md section 6.9's digest example: the note of section 11
    /// with all five fields (one of them null), stamped by one edit.
    static let digestExample: RecordState = {
        let version = FieldVersion(hlc: Samples.hlc(logical: 1), site: Samples.agentSite)
        let (id, fields) = Samples.everyField(.note)
        var values = fields
        values["case_id"] = .null
        values["created_at"] = .integer(1_715_679_000_000)
        return RecordState(entity: .note, id: id, fields: values.mapValues { FieldState(value: $0, version: version) })
    }()

    /// One vector per entity: a change carrying every field of its record schema.
    static func records() -> [GoldenVector] {
        let pushed: [EntityType] = [.interaction, .supportCase, .feedback, .followUp, .note]
        let customer = [SequencedChange(sequence: 1401, change: Samples.wholeRecord(.customer))]
        var vectors: [GoldenVector] = [
            .valid("record_customer", "A customer entering the agent's scope: the whole record, every field with its version (two sites), each a replay",
                   try! .pullPage(requestID: 12, changes: customer, nextCursor: 1401, hasMore: false, sequenceHead: 1401), changes: customer),
        ]
        for (offset, entity) in pushed.enumerated() {
            let changes = [SequencedChange(sequence: 51 + UInt64(offset), change: Samples.creation(entity))]
            vectors.append(.valid(
                "record_\(entity.rawValue)", "A new \(entity.displayName) with every field, pushed by its author (one version, no bases)",
                try! .pushRequest(requestID: 13 + UInt64(offset), changes: changes), changes: changes))
        }
        let deletion = [SequencedChange(sequence: 60, change: Samples.caseDeletion())]
        vectors.append(.valid(
            "push_request_delete", "A delete of the sample case: _deleted = 1, then every field its author had seen (base = version, null)",
            try! .pushRequest(requestID: 18, changes: deletion), changes: deletion))
        return vectors
    }

    static func admin() -> [GoldenVector] {
        var digest = RecordDigest()
        digest.add(digestExample)
        let conflict = Touchpoint_V1_ConflictShowResponse.with {
            $0.conflict = .with {
                $0.conflictID = 17
                $0.entity = .customer
                $0.entityID = Samples.customerID.wireBytes
                $0.field = "lifecycle"
                $0.winner = .init(FieldState(value: .text("at_risk"), version: FieldVersion(hlc: Samples.hlc(5_000, logical: 1), site: Samples.agentSite)))
                $0.loser = .init(FieldState(value: .text("active"), version: FieldVersion(hlc: Samples.hlc(4_000), site: Samples.serverSite)))
                $0.detectedAtMs = 1_715_679_006_000
                $0.agentID = Samples.agentID.wireBytes
            }
            let record = Samples.wholeRecord(.customer)
            $0.record = record.fields.map { Touchpoint_V1_FieldSnapshot(name: $0.name, FieldState(value: $0.value, version: $0.version)) }
        }
        return [
            .valid("admin_conflict_show_request", "Admin asks for conflict 17", .adminRequest(requestID: 19, .conflictShow(.with { $0.conflictID = 17 }))),
            .valid("admin_conflict_show_response", "Conflict 17 and the record's current fields, sorted by name",
                   .adminResponse(requestID: 19, .conflictShow(conflict))),
            .valid("admin_digest_request", "Verify: the digest of every entity in the session's scope", .adminRequest(requestID: 20, .digest(.init()))),
            .valid("admin_digest_response", "PROTOCOL.md section 6.9: one note (the worked example), every other entity empty",
                   .adminResponse(requestID: 20, .digest(Touchpoint_V1_DigestResponse(digest, sequenceHead: 1401)))),
        ] + auditAndBackup()
    }

    /// The audit log read back, and the last step of a remote backup.
    static func auditAndBackup() -> [GoldenVector] {
        let resolved = AuditEntry(
            id: 42, time: Date(timeIntervalSince1970: 1_715_679_010), actor: .init(agentID: Samples.agentID, name: "Dana Field"),
            action: .conflictResolve, target: "conflict 17", outcome: .ok,
            detail: "customer \(Samples.customerID.lowercasedText) lifecycle: kept value")
        let refused = AuditEntry(
            id: 43, time: Date(timeIntervalSince1970: 1_715_679_020), actor: .localOperator(user: "ops"), action: .agentRevoke,
            target: Samples.agentID.lowercasedText, outcome: .refused("no active agent with id \(Samples.agentID.lowercasedText)"))
        let backupID = UUID(uuidString: "b4c6a0e2-5d1f-4e3a-9b87-2c0d1e2f3a4b")!.wireBytes
        let backup = Touchpoint_V1_BackupResponse.with {
            $0.backupID = backupID
            $0.totalBytes = 100
            $0.sha256 = Data((0..<32).map { UInt8($0) })
            $0.offset = 52
            $0.chunk = Data((52..<100).map { UInt8($0) })
            $0.done = true
        }
        return [
            .valid("admin_audit_list_request", "The latest 2 audit entries since 2024-05-14T09:30:00Z",
                   .adminRequest(requestID: 21, .auditList(.with { $0.sinceMs = 1_715_679_000_000; $0.limit = 2 }))),
            .valid("admin_audit_list_response", "A conflict resolution by an admin, then a revoke refused to the local operator; older ones left out",
                   .adminResponse(requestID: 21, .auditList(.with { $0.entries = [resolved.wire, refused.wire]; $0.more = true }))),
            .valid("admin_backup_request", "Fetch backup b4c6a0e2-… from byte 52",
                   .adminRequest(requestID: 22, .backup(.with { $0.backupID = backupID; $0.offset = 52 }))),
            .valid("admin_backup_response", "Its last chunk, bytes 52..<100 of 100 (sha256 field: a placeholder of 32 bytes)",
                   .adminResponse(requestID: 22, .backup(backup))),
        ]
    }

    static func messages() -> [GoldenVector] {
        let statusResponse: Touchpoint_V1_StatusResponse = {
            var agent = Touchpoint_V1_AgentStatus()
            agent.agentID = Samples.agentID.wireBytes
            agent.name = "Dana Field"
            agent.lastSeenMs = 1_715_679_000_123
            agent.cursor = 1280
            agent.ackedSequence = 43
            agent.siteID = Samples.agentSite.wireBytes
            var status = Touchpoint_V1_StatusResponse()
            status.serverID = Samples.serverSite.wireBytes
            status.sequenceHead = 1290
            status.startedAtMs = 1_715_600_000_000
            status.store = "sqlite"
            status.openConflicts = 2
            status.agents = [agent]
            return status
        }()
        let resolve = Touchpoint_V1_ConflictResolveRequest.with {
            $0.conflictID = 17
            $0.choice = .custom
            $0.customValue = .with { $0.text = "active" }
        }
        let rejection = Rejection(
            sequence: 117, code: .permissionDenied,
            message: "interaction 1a000000-0000-4000-8000-000000000010: its customer is in territory 'south', outside your territories")
        return [
            .valid("hello", "Client opens the session: versions 1..1, zlib offered, default limits", hello()),
            .valid("welcome", "Server accepts: version 1, zlib, agent Dana Field (north, south), sequence head 1284, store epoch 5e1f0c3a-…", welcome()),
            .valid("push_request", "Three new interactions (outbox sequences 41..43)", try! .pushRequest(requestID: 2, changes: push), changes: push),
            .valid("push_request_zlib", "Forty new interactions, zlib-compressed", try! .pushRequest(requestID: 3, changes: bigPush), compressed: true, changes: bigPush),
            .valid("push_ack", "The push with request 2 was applied up to outbox sequence 43", .pushAck(requestID: 2, PushAcknowledgement(ackedSequence: 43, applied: 3, sequenceHead: 1287))),
            .valid("push_ack_rejected", "The push with request 3 was acknowledged; one change was refused as out of scope",
                   .pushAck(requestID: 3, PushAcknowledgement(ackedSequence: 140, applied: 39, rejected: [rejection], sequenceHead: 1326))),
            .valid("push_request_pipelined", "A batch (outbox sequence 44) sent before the PushAck of the batch ending at 43",
                   try! .pushRequest(requestID: 7, changes: [SequencedChange(sequence: 44, change: push[0].change)], previousSequence: 43),
                   changes: [SequencedChange(sequence: 44, change: push[0].change)]),
            .valid("pull_request", "Pull up to 500 changes after server sequence 1284", .pullRequest(requestID: 4, afterSequence: 1284, maxChanges: 500)),
            .valid("pull_request_pipelined", "Pull after 1290, sent before the page ending at 1290 was applied (cursor applied: 1284)",
                   .pullRequest(requestID: 8, afterSequence: 1290, maxChanges: 500, outboxDepth: 0, appliedSequence: 1284)),
            .valid("pull_page", "Three customer edits with base versions; cursor 1290, more to come",
                   try! .pullPage(requestID: 4, changes: page, nextCursor: 1290, hasMore: true, sequenceHead: 1400), changes: page),
            .valid("pull_page_zlib", "Forty interactions, zlib-compressed, last page",
                   try! .pullPage(requestID: 5, changes: bigPage, nextCursor: 2040, hasMore: false, sequenceHead: 2040), compressed: true, changes: bigPage),
            .valid("ping", "Keepalive from the client", .ping(requestID: 6, nonce: 0x0123_4567_89AB_CDEF)),
            .valid("pong", "Answer to ping 6", .pong(requestID: 6, nonce: 0x0123_4567_89AB_CDEF)),
            .valid("goodbye", "Orderly close", .goodbye("agent shutting down")),
            .valid("error_request", "A request-scoped, retryable error",
                   .error(ProtocolError(.unavailable, "store is busy", details: ["store": "sqlite"], retryAfter: .milliseconds(1500)), requestID: 2, fatal: false)),
            .valid("error_fatal", "A fatal error: the server closes after it",
                   .error(ProtocolError(.failedPrecondition, "no common protocol version: client speaks 2…3, server 1…1",
                                        details: ["server_max_version": "1", "server_min_version": "1"]), requestID: 1, fatal: true)),
            .valid("admin_status_request", "Admin asks for the server status", .adminRequest(requestID: 7, .status(.init()))),
            .valid("admin_status_response", "Server status with one agent row", .adminResponse(requestID: 7, .status(statusResponse))),
            .valid("admin_conflict_resolve_request", "Resolve conflict 17 with a custom value", .adminRequest(requestID: 8, .conflictResolve(resolve))),
            .valid("admin_report_request", "Admin asks for the week of 2026-11-02 cut by channel, segment smb, weekly trend",
                   .adminRequest(requestID: 9, .report(reportRequest()))),
            .valid("admin_report_response", "The report: every metric overall, for phone and for the week; one journey cell",
                   .adminResponse(requestID: 9, .report(reportResponse()))),
            invalidBatch(),
            .valid("worked_example", "PROTOCOL.md section 11: one note with two fields", try! .pushRequest(requestID: 2, changes: workedExample), changes: workedExample),
        ]
    }

    static func invalidBatch() -> GoldenVector {
        var envelope = try! Envelope.pushRequest(requestID: 10, changes: Array(push.prefix(1)))
        if case .pushRequest(var request) = envelope.body {
            request.batch.changes[0].fields[3].name = 40
            envelope.body = .pushRequest(request)
        }
        return GoldenVector(
            name: "push_request_bad_name_index",
            description: "A well-formed frame whose batch refers to name 40 of a 12-entry table: the push fails with INVALID_ARGUMENT",
            bytes: GoldenVector.frame(envelope, compressed: false),
            expectation: .invalidBatch(envelope: envelope, code: .invalidArgument)
        )
    }

    static func malformed() -> [GoldenVector] {
        let ping = GoldenVector.frame(.ping(requestID: 6, nonce: 1), compressed: false)
        let compressedPing = Array(Zlib.deflate(ByteBuffer(bytes: ping.dropFirst(5))).readableBytesView)
        let bomb = Array(Zlib.deflate(ByteBuffer(repeating: 0, count: 4 * 1024 * 1024 + 1), level: 9).readableBytesView)
        return [
            .malformed("bad_oversize_length", "Header announces 4194305 bytes, one over the default limit: rejected from the 5 header bytes",
                       GoldenVector.raw(flags: 0, length: 4_194_305, payload: []), .resourceExhausted),
            .malformed("bad_reserved_flag", "Flag bit 1 is reserved", GoldenVector.raw(flags: 0x02, length: UInt32(ping.count - 5), payload: Array(ping.dropFirst(5))), .invalidArgument),
            .malformed("bad_truncated", "The connection closes 3 bytes into a 13-byte payload", Array(ping.prefix(8)), .invalidArgument),
            .malformed("bad_zlib_corrupt", "Flag says zlib but the payload is not a zlib stream", GoldenVector.raw(flags: 1, length: 4, payload: [0x78, 0x9C, 0xFF, 0xFF]), .invalidArgument),
            .malformed("bad_zlib_truncated", "A zlib stream cut before its end", GoldenVector.raw(flags: 1, length: UInt32(compressedPing.count - 4), payload: Array(compressedPing.dropLast(4))), .invalidArgument),
            .malformed("bad_zlib_trailing", "Bytes after the end of the zlib stream", GoldenVector.raw(flags: 1, length: UInt32(compressedPing.count + 2), payload: compressedPing + [0, 0]), .invalidArgument),
            .malformed("bad_zlib_bomb", "4 MiB + 1 zero bytes deflated to \(bomb.count) bytes: inflating stops at the 4 MiB limit",
                       GoldenVector.raw(flags: 1, length: UInt32(bomb.count), payload: bomb), .resourceExhausted),
            .malformed("bad_protobuf", "The payload is not a protobuf message", GoldenVector.raw(flags: 0, length: 3, payload: [0xFF, 0xFF, 0xFF]), .invalidArgument),
            .malformed("bad_empty_envelope", "An Envelope with no body", GoldenVector.raw(flags: 0, length: 2, payload: [0x08, 0x01]), .invalidArgument),
            .malformed("bad_unknown_body", "An Envelope whose body is field 99, unknown to version 1", GoldenVector.raw(flags: 0, length: 5, payload: [0x08, 0x01, 0x98, 0x06, 0x01]), .unimplemented),
        ]
    }
}
