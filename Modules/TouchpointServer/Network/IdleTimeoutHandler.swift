import NIOCore
import TouchpointProtocol

/// Turns NIO's read-idle event into a `DEADLINE_EXCEEDED` error, so the session
/// loop answers a silent peer like any other failure: a fatal Error frame, then close.
final class IdleTimeoutHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = NIOAny
    let timeout: Duration

    init(timeout: Duration) { self.timeout = timeout }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read {
            context.fireErrorCaught(ProtocolError(.deadlineExceeded, "nothing received for \(timeout): closing the session"))
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    /// Arms the idle timer of a ready session. It sits behind the frame decoder,
    /// so only whole frames count as activity: bytes of a frame that never
    /// completes do not keep a session alive.
    static func install(on channel: any Channel, timeout: Duration) async throws {
        try await channel.eventLoop.submit {
            let pipeline = channel.pipeline.syncOperations
            let decoder = try pipeline.handler(type: ByteToMessageHandler<FrameDecoder>.self)
            try pipeline.addHandlers(
                [IdleStateHandler(readTimeout: TimeAmount(timeout)), IdleTimeoutHandler(timeout: timeout)], position: .after(decoder))
        }.get()
    }
}
