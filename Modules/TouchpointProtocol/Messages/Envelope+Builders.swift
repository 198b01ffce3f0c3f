import TouchpointModel

/// Shorthand for the message every frame carries.
public typealias Envelope = Touchpoint_V1_Envelope

extension Touchpoint_V1_Envelope {
    /// An envelope with a request id and a body.
    public init(requestID: UInt64, body: Touchpoint_V1_Envelope.OneOf_Body) {
        self.init()
        self.requestID = requestID
        self.body = body
    }

    /// An `Error` frame; `fatal` means the sender closes the connection after it.
    public static func error(_ error: ProtocolError, requestID: UInt64 = 0, fatal: Bool) -> Envelope {
        Envelope(requestID: requestID, body: .error(error.wire(fatal: fatal)))
    }

    /// A `PushRequest` carrying outbox changes (sequences = local outbox sequences).
    public static func pushRequest(
        requestID: UInt64, changes: [SequencedChange], previousSequence: UInt64? = nil
    ) throws(ProtocolError) -> Envelope {
        var request = Touchpoint_V1_PushRequest()
        request.batch = try Touchpoint_V1_ChangeBatch(changes: changes)
        if let previousSequence { request.previousSequence = previousSequence }
        return Envelope(requestID: requestID, body: .pushRequest(request))
    }

    /// The `PushAck` answering the push with `requestID`.
    public static func pushAck(requestID: UInt64, _ acknowledgement: PushAcknowledgement) -> Envelope {
        Envelope(requestID: requestID, body: .pushAck(acknowledgement.wire))
    }

    /// A `PullRequest` for the changes after `afterSequence`; `maxChanges` 0 = the server's maximum;
    /// `outboxDepth`, when given, reports the changes waiting in the client's outbox.
    public static func pullRequest(
        requestID: UInt64, afterSequence: UInt64, maxChanges: Int = 0, outboxDepth: Int? = nil, appliedSequence: UInt64? = nil
    ) -> Envelope {
        var request = Touchpoint_V1_PullRequest()
        request.afterSequence = afterSequence
        if let appliedSequence { request.appliedSequence = appliedSequence }
        request.maxChanges = UInt32(clamping: maxChanges)
        if let outboxDepth { request.outboxDepth = UInt64(clamping: outboxDepth) }
        return Envelope(requestID: requestID, body: .pullRequest(request))
    }

    /// A `PullPage` (sequences = server sequences).
    public static func pullPage(
        requestID: UInt64,
        changes: [SequencedChange],
        nextCursor: UInt64,
        hasMore: Bool,
        sequenceHead: UInt64
    ) throws(ProtocolError) -> Envelope {
        .pullPage(
            requestID: requestID, batch: try Touchpoint_V1_ChangeBatch(changes: changes), nextCursor: nextCursor,
            hasMore: hasMore, sequenceHead: sequenceHead)
    }

    /// A `PullPage` carrying a batch already encoded.
    public static func pullPage(
        requestID: UInt64, batch: Touchpoint_V1_ChangeBatch, nextCursor: UInt64, hasMore: Bool, sequenceHead: UInt64
    ) -> Envelope {
        var page = Touchpoint_V1_PullPage()
        page.batch = batch
        page.nextCursor = nextCursor
        page.more = hasMore
        page.sequenceHead = sequenceHead
        return Envelope(requestID: requestID, body: .pullPage(page))
    }

    /// An `AdminRequest`.
    public static func adminRequest(requestID: UInt64, _ command: Touchpoint_V1_AdminRequest.OneOf_Command) -> Envelope {
        var request = Touchpoint_V1_AdminRequest()
        request.command = command
        return Envelope(requestID: requestID, body: .adminRequest(request))
    }

    /// An `AdminResponse` to the admin request with `requestID`.
    public static func adminResponse(requestID: UInt64, _ result: Touchpoint_V1_AdminResponse.OneOf_Result) -> Envelope {
        var response = Touchpoint_V1_AdminResponse()
        response.result = result
        return Envelope(requestID: requestID, body: .adminResponse(response))
    }

    /// A `Ping` with an opaque nonce.
    public static func ping(requestID: UInt64 = 0, nonce: UInt64) -> Envelope {
        var ping = Touchpoint_V1_Ping()
        ping.nonce = nonce
        return Envelope(requestID: requestID, body: .ping(ping))
    }

    /// The `Pong` answering a ping (same request id and nonce).
    public static func pong(requestID: UInt64, nonce: UInt64) -> Envelope {
        var pong = Touchpoint_V1_Pong()
        pong.nonce = nonce
        return Envelope(requestID: requestID, body: .pong(pong))
    }

    /// A `Goodbye`: the sender sends nothing more and closes.
    public static func goodbye(_ reason: String) -> Envelope {
        var goodbye = Touchpoint_V1_Goodbye()
        goodbye.reason = reason
        return Envelope(requestID: 0, body: .goodbye(goodbye))
    }

    /// The message kind, e.g. `push_request`, for logs and errors.
    public var kindName: String {
        switch body {
        case nil: "empty"
        case .hello: "hello"
        case .welcome: "welcome"
        case .error: "error"
        case .pushRequest: "push_request"
        case .pushAck: "push_ack"
        case .pullRequest: "pull_request"
        case .pullPage: "pull_page"
        case .ping: "ping"
        case .pong: "pong"
        case .goodbye: "goodbye"
        case .adminRequest: "admin_request"
        case .adminResponse: "admin_response"
        }
    }
}
