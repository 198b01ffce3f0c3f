import NIOCore
import NIOTestUtils
import Testing
import TouchpointProtocol

@Suite struct FrameDecoderTests {
    static func frame(_ envelope: Envelope, compressed: Bool = false) throws -> ByteBuffer {
        var out = ByteBuffer()
        try FrameEncoder(compression: .init(threshold: 0), compressionEnabled: compressed).encode(envelope, into: &out)
        return out
    }

    static func rawFrame(flags: UInt8, length: UInt32, payload: [UInt8] = []) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeInteger(flags)
        buffer.writeInteger(length)
        buffer.writeBytes(payload)
        return buffer
    }

    static let envelopes: [Envelope] = [
        .ping(requestID: 7, nonce: 0xDEAD_BEEF),
        .goodbye("maintenance"),
        try! .pushRequest(requestID: 9, changes: Samples.interactions(20)),
    ]

    @Test func verifierSplitsAtEveryByteBoundary() throws {
        let pairs = try Self.envelopes.flatMap { envelope in
            try [false, true].map { compressed in (try Self.frame(envelope, compressed: compressed), [envelope]) }
        }
        try ByteToMessageDecoderVerifier.verifyDecoder(inputOutputPairs: pairs) { FrameDecoder() }
    }

    @Test func returnsNothingUntilTheFrameIsComplete() throws {
        var decoder = FrameDecoder()
        let whole = try Self.frame(.ping(requestID: 1, nonce: 2))
        var partial = whole.getSlice(at: 0, length: whole.readableBytes - 1)!
        #expect(try decoder.decode(buffer: &partial) == nil)
        #expect(partial.readerIndex == 0)
        var complete = whole
        #expect(try decoder.decode(buffer: &complete) == .ping(requestID: 1, nonce: 2))
        #expect(complete.readableBytes == 0)
    }

    @Test func oversizeLengthFailsFromTheHeaderAlone() throws {
        var decoder = FrameDecoder(maxFrameBytes: 1024)
        var header = Self.rawFrame(flags: 0, length: 1025)
        let error = try #require(throws: ProtocolError.self) { try decoder.decode(buffer: &header) }
        #expect(error.code == .resourceExhausted)
        var atLimit = Self.rawFrame(flags: 0, length: 1024)
        #expect(try decoder.decode(buffer: &atLimit) == nil)
    }

    @Test(arguments: [UInt8(0x02), 0x04, 0x80, 0xFF, 0x03])
    func reservedFlagBitsAreRejected(flags: UInt8) throws {
        var decoder = FrameDecoder()
        var buffer = ByteBuffer(bytes: [flags])
        let error = try #require(throws: ProtocolError.self) { try decoder.decode(buffer: &buffer) }
        #expect(error.code == .invalidArgument)
    }

    @Test func truncatedFrameAtEOFIsAnError() throws {
        var decoder = FrameDecoder()
        let whole = try Self.frame(.ping(requestID: 1, nonce: 2))
        var truncated = whole.getSlice(at: 0, length: 6)!
        let error = try #require(throws: ProtocolError.self) { try decoder.decodeLast(buffer: &truncated, seenEOF: true) }
        #expect(error.code == .invalidArgument)
        var empty = ByteBuffer()
        #expect(try decoder.decodeLast(buffer: &empty, seenEOF: true) == nil)
    }

    @Test func corruptZlibIsAnError() throws {
        var decoder = FrameDecoder()
        var buffer = Self.rawFrame(flags: 1, length: 6, payload: [0x78, 0x9C, 0xFF, 0xFF, 0xFF, 0xFF])
        let error = try #require(throws: ProtocolError.self) { try decoder.decode(buffer: &buffer) }
        #expect(error.code == .invalidArgument)
    }

    @Test func inflateBombIsAnErrorNotAnAllocation() throws {
        var decoder = FrameDecoder(maxFrameBytes: 64 * 1024)
        let bomb = Zlib.deflate(ByteBuffer(repeating: 0, count: 16 << 20), level: 9)
        #expect(bomb.readableBytes < 64 * 1024)
        var buffer = Self.rawFrame(flags: 1, length: UInt32(bomb.readableBytes), payload: Array(bomb.readableBytesView))
        let error = try #require(throws: ProtocolError.self) { try decoder.decode(buffer: &buffer) }
        #expect(error.code == .resourceExhausted)
    }

    @Test func garbagePayloadIsInvalidArgument() throws {
        var decoder = FrameDecoder()
        var buffer = Self.rawFrame(flags: 0, length: 3, payload: [0xFF, 0xFF, 0xFF])
        let error = try #require(throws: ProtocolError.self) { try decoder.decode(buffer: &buffer) }
        #expect(error.code == .invalidArgument)
    }

    @Test func emptyEnvelopeIsInvalidArgument() throws {
        var decoder = FrameDecoder()
        var buffer = Self.rawFrame(flags: 0, length: 0)
        let error = try #require(throws: ProtocolError.self) { try decoder.decode(buffer: &buffer) }
        #expect(error.code == .invalidArgument)
    }

    @Test func unknownBodyIsUnimplemented() throws {
        // Field 99, varint 1: a body kind from a future version.
        var decoder = FrameDecoder()
        var buffer = Self.rawFrame(flags: 0, length: 3, payload: [0x98, 0x06, 0x01])
        let error = try #require(throws: ProtocolError.self) { try decoder.decode(buffer: &buffer) }
        #expect(error.code == .unimplemented)
    }
}

@Suite struct FrameEncoderTests {
    @Test func smallPayloadsGoPlainEvenWithCompressionOn() throws {
        var out = ByteBuffer()
        try FrameEncoder(compressionEnabled: true).encode(.ping(requestID: 1, nonce: 1), into: &out)
        #expect(out.getInteger(at: 0, as: UInt8.self) == 0)
    }

    @Test func largePayloadsAreCompressedOnceEnabled() throws {
        let envelope = try Envelope.pushRequest(requestID: 1, changes: Samples.interactions(50))
        let encoder = FrameEncoder()
        var plain = ByteBuffer()
        try encoder.encode(envelope, into: &plain)
        #expect(plain.getInteger(at: 0, as: UInt8.self) == 0)
        encoder.compressionSwitch.enable()
        var packed = ByteBuffer()
        try encoder.encode(envelope, into: &packed)
        #expect(packed.getInteger(at: 0, as: UInt8.self) == 1)
        #expect(packed.readableBytes < plain.readableBytes)
        var decoder = FrameDecoder()
        #expect(try decoder.decode(buffer: &packed) == envelope)
    }

    @Test func envelopeOverThePeersLimitIsRefused() throws {
        let envelope = try Envelope.pushRequest(requestID: 1, changes: Samples.interactions(50))
        var out = ByteBuffer()
        let error = try #require(throws: ProtocolError.self) {
            try FrameEncoder(maxFrameBytes: 512).encode(envelope, into: &out)
        }
        #expect(error.code == .resourceExhausted)
        #expect(out.readableBytes == 0)
    }

    @Test func headerIsFlagsThenBigEndianLength() throws {
        var out = ByteBuffer()
        try FrameEncoder().encode(.ping(requestID: 1, nonce: 2), into: &out)
        #expect(out.getInteger(at: 1, endianness: .big, as: UInt32.self) == UInt32(out.readableBytes - Frame.headerSize))
    }
}
