import NIOCore
import SwiftProtobuf
import TouchpointProtocol

/// Turns an answer too big for the client's announced frame limit into a
/// request-scoped `RESOURCE_EXHAUSTED` Error before it reaches the frame
/// encoder, which would otherwise fail the whole connection (PROTOCOL.md §8:
/// a sender must not send a frame over the peer's limit).
///
/// Pull pages are already cut to the limit (``FrameBudget``); admin answers and
/// push acknowledgements are checked here.
final class AnswerSizeGuard: ChannelOutboundHandler, Sendable {
    typealias OutboundIn = Envelope
    typealias OutboundOut = Envelope

    let limit: FrameSizeLimit

    init(limit: FrameSizeLimit) { self.limit = limit }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let envelope = unwrapOutboundIn(data)
        switch envelope.body {
        case .adminResponse, .pushAck:
            let maxFrameBytes = limit.value
            let size = (try? envelope.serializedBytes() as [UInt8])?.count ?? 0
            guard size > maxFrameBytes else { break }
            let error = ProtocolError(
                .resourceExhausted,
                "the answer takes \(size) bytes, more than your frame limit of \(maxFrameBytes) bytes: ask for less or raise the limit",
                details: ["length": String(size), "limit": String(maxFrameBytes)])
            context.write(wrapOutboundOut(.error(error, requestID: envelope.requestID, fatal: false)), promise: promise)
            return
        default:
            break
        }
        context.write(data, promise: promise)
    }
}
