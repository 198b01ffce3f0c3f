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
}
