import NIOCore
import TouchpointProtocol

/// Answers a connection over the server's caps with a fatal
/// `RESOURCE_EXHAUSTED` Error (retry after a second) and closes it at once,
/// so the descriptor is free again and the peer does not wait in a queue.
final class RefusedConnectionHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    static let retryAfterMs: UInt32 = 1000

    let reason: String

    init(reason: String) { self.reason = reason }

    func channelActive(context: ChannelHandlerContext) {
        var error = ProtocolError(.resourceExhausted, "server busy: \(reason); try again later").wire(fatal: true)
        error.retryAfterMs = Self.retryAfterMs
        var frame = ByteBuffer()
        try? FrameEncoder(compression: .disabled).encode(Envelope(requestID: 0, body: .error(error)), into: &frame)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(frame)).whenComplete { _ in channel.close(promise: nil) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // Whatever the peer sent is dropped: it is being closed.
    }
}
