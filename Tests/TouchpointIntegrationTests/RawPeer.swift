import Foundation
import NIOCore
import NIOPosix
import TouchpointClient
import TouchpointModel
import TouchpointProtocol

/// A client written from PROTOCOL.md on a bare NIO channel: it sends whatever
/// bytes or envelopes a test gives it (plain frames, no compression) and hands
/// back every frame the server sends with its size on the wire.
///
/// Every peer closes itself after `lifetime`, so no wait on it can hang a test.
final class RawPeer {
    /// One frame from the server.
    struct Received: Sendable {
        let envelope: Envelope
        /// The payload length from the frame header.
        let length: Int
    }

    let channel: any NIOCore.Channel
    private var frames: AsyncStream<Received>.AsyncIterator
    private var nextRequestID: UInt64 = 1

    private init(channel: any NIOCore.Channel, frames: AsyncStream<Received>) {
        self.channel = channel
        self.frames = frames.makeAsyncIterator()
    }

    static func connect(to endpoint: Endpoint, lifetime: Duration = .seconds(60)) async throws -> RawPeer {
        let (stream, continuation) = AsyncStream.makeStream(of: Received.self)
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SizedFrameDecoder()))
                    try channel.pipeline.syncOperations.addHandler(Collector(continuation: continuation))
                }
            }
            .connect(host: endpoint.host, port: endpoint.port).get()
        channel.eventLoop.scheduleTask(in: TimeAmount(lifetime)) { channel.close(promise: nil) }
        return RawPeer(channel: channel, frames: stream)
    }

    /// Writes raw bytes.
    func send(bytes: [UInt8]) async throws {
        try await channel.writeAndFlush(ByteBuffer(bytes: bytes))
    }

    /// Writes one envelope as a plain frame.
    func send(_ envelope: Envelope) async throws {
        var out = ByteBuffer()
        try FrameEncoder(compression: .disabled, maxFrameBytes: Int(UInt32.max)).encode(envelope, into: &out)
        try await channel.writeAndFlush(out)
    }

    /// The next frame, or nil once the connection closed.
    func next() async -> Received? {
        await frames.next()
    }

    /// Sends Hello for `configuration` (compression off) and returns the answer.
    func hello(_ configuration: ClientSessionConfiguration) async throws -> Received? {
        var plain = configuration
        plain.compression = .disabled
        var machine = ClientSessionStateMachine(configuration: plain)
        try await send(try machine.start())
        return await next()
    }

    /// Sends a request with a fresh request id and returns the next frame.
    func request(_ make: (UInt64) -> Envelope) async throws -> Received? {
        defer { nextRequestID += 1 }
        try await send(make(nextRequestID))
        return await next()
    }

    func close() {
        channel.close(promise: nil)
    }

    /// Frames with their header length, parsed by the project's own frame decoder.
    private struct SizedFrameDecoder: NIOSingleStepByteToMessageDecoder {
        typealias InboundOut = Received
        let frames = FrameDecoder(maxFrameBytes: 64 * 1024 * 1024)

        mutating func decode(buffer: inout ByteBuffer) throws -> Received? {
            let length = buffer.getInteger(at: buffer.readerIndex + 1, as: UInt32.self).map(Int.init) ?? 0
            guard let frame = try frames.decodeFrame(buffer: &buffer) else { return nil }
            return Received(envelope: try frame.envelope(), length: length)
        }

        mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> Received? {
            try decode(buffer: &buffer)
        }
    }

    private final class Collector: ChannelInboundHandler, Sendable {
        typealias InboundIn = Received
        let continuation: AsyncStream<Received>.Continuation

        init(continuation: AsyncStream<Received>.Continuation) { self.continuation = continuation }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            continuation.yield(unwrapInboundIn(data))
        }

        func channelInactive(context: ChannelHandlerContext) {
            continuation.finish()
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            continuation.finish()
            context.close(promise: nil)
        }
    }
}
