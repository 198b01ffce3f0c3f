import Foundation
import NIOCore
import NIOPosix
import SwiftProtobuf
import TouchpointClient
import TouchpointProtocol

/// A hand-driven session over TCP: frames go out as raw bytes (so a test can
/// pipeline or corrupt them), replies come back one decoded envelope at a time.
final class RawSession {
    private var inbound: NIOAsyncChannelInboundStream<Envelope>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>

    private init(inbound: NIOAsyncChannelInboundStream<Envelope>.AsyncIterator, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>) {
        self.inbound = inbound
        self.outbound = outbound
    }

    /// Connects, runs `body`, closes.
    static func with<Result>(_ endpoint: Endpoint, _ body: (RawSession) async throws -> Result) async throws -> Result {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: endpoint.host, port: endpoint.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(FrameDecoder()))
                    return try NIOAsyncChannel<Envelope, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            try await body(RawSession(inbound: inbound.makeAsyncIterator(), outbound: outbound))
        }
    }

    /// Writes the bytes in one write.
    func send(_ bytes: [UInt8]) async throws {
        try await outbound.write(ByteBuffer(bytes: bytes))
    }

    /// The next envelope from the server; nil once it closed.
    func next() async throws -> Envelope? {
        try await inbound.next()
    }

    /// One uncompressed frame carrying the envelope.
    static func frame(_ envelope: Envelope) throws -> [UInt8] {
        let payload: [UInt8] = try envelope.serializedBytes()
        let length = UInt32(payload.count)
        return [0, UInt8(length >> 24), UInt8(length >> 16 & 0xff), UInt8(length >> 8 & 0xff), UInt8(length & 0xff)] + payload
    }
}
