import NIOConcurrencyHelpers
import NIOCore
import Testing
import TouchpointProtocol

/// The encoder and decoder tell their observer each frame's payload as serialized and
/// the frame as it travelled: the same figures on both ends, smaller on the wire once compressed.
@Suite struct FrameSizeObserverTests {
    @Test(arguments: [false, true])
    func bothEndsSeeTheSameSizes(compressed: Bool) throws {
        let written = NIOLockedValueBox<[(payload: Int, frame: Int)]>([])
        let read = NIOLockedValueBox<[(payload: Int, frame: Int)]>([])
        var encoder = FrameEncoder(compression: .init(threshold: 0), maxFrameBytes: .max, compressionEnabled: compressed)
        encoder.observer = { payload, frame in written.withLockedValue { $0.append((payload, frame)) } }
        var decoder = FrameDecoder(maxFrameBytes: 1 << 24)
        decoder.observer = { payload, frame in read.withLockedValue { $0.append((payload, frame)) } }

        var out = ByteBuffer()
        try encoder.encode(try Envelope.pushRequest(requestID: 1, changes: Samples.interactions(50)), into: &out)
        let frameBytes = out.readableBytes
        _ = try #require(try decoder.decodeFrame(buffer: &out))

        let sent = try #require(written.withLockedValue { $0.first })
        let received = try #require(read.withLockedValue { $0.first })
        #expect(sent.frame == frameBytes && received.frame == frameBytes)
        #expect(sent.payload == received.payload)
        #expect(compressed ? sent.frame < sent.payload : sent.frame == sent.payload + Frame.headerSize)
    }
}
