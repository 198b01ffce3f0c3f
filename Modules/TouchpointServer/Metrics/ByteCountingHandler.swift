import NIOCore

/// Counts the bytes a sync connection reads and writes, first in the pipeline so
/// the counts are what crossed the wire (after compression and TLS).
final class ByteCountingHandler: ChannelDuplexHandler, Sendable {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let metrics: ServerMetrics

    init(metrics: ServerMetrics) { self.metrics = metrics }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        metrics.received(bytes: unwrapInboundIn(data).readableBytes)
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        metrics.sent(bytes: unwrapOutboundIn(data).readableBytes)
        context.write(data, promise: promise)
    }
}
