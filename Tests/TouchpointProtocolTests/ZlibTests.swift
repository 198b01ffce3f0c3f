import NIOCore
import Testing
import TouchpointProtocol

@Suite struct ZlibTests {
    @Test func roundTripsText() throws {
        let text = String(repeating: "touchpoint sync frame ", count: 500)
        let packed = Zlib.deflate(ByteBuffer(string: text))
        #expect(packed.readableBytes < text.utf8.count / 10)
        let unpacked = try Zlib.inflate(packed, limit: text.utf8.count)
        #expect(String(buffer: unpacked) == text)
    }

    @Test func roundTripsEmptyInput() throws {
        let packed = Zlib.deflate(ByteBuffer())
        #expect(try Zlib.inflate(packed, limit: 0).readableBytes == 0)
    }

    @Test func outputOneByteOverTheLimitIsAnError() throws {
        let packed = Zlib.deflate(ByteBuffer(repeating: 7, count: 1001))
        #expect(try Zlib.inflate(packed, limit: 1001).readableBytes == 1001)
        let error = try #require(throws: ProtocolError.self) { try Zlib.inflate(packed, limit: 1000) }
        #expect(error.code == .resourceExhausted)
    }

    @Test func inflateBombIsRefusedWithoutInflating() throws {
        // 64 MiB of zeros deflate to ~64 KiB; the limit stops after 4 MiB + 1.
        let packed = Zlib.deflate(ByteBuffer(repeating: 0, count: 64 << 20), level: 9)
        let error = try #require(throws: ProtocolError.self) { try Zlib.inflate(packed, limit: 4 << 20) }
        #expect(error.code == .resourceExhausted)
    }

    @Test func corruptStreamIsInvalidArgument() throws {
        var packed = Zlib.deflate(ByteBuffer(string: String(repeating: "abc", count: 100)))
        packed.setInteger(UInt8(0xFF), at: packed.readerIndex + 4)
        let error = try #require(throws: ProtocolError.self) { try Zlib.inflate(packed, limit: 1 << 20) }
        #expect(error.code == .invalidArgument)
    }

    @Test func truncatedStreamIsInvalidArgument() throws {
        let packed = Zlib.deflate(ByteBuffer(string: String(repeating: "abc", count: 100)))
        let truncated = packed.getSlice(at: packed.readerIndex, length: packed.readableBytes - 3)!
        let error = try #require(throws: ProtocolError.self) { try Zlib.inflate(truncated, limit: 1 << 20) }
        #expect(error.code == .invalidArgument)
    }

    @Test func trailingBytesAreInvalidArgument() throws {
        var packed = Zlib.deflate(ByteBuffer(string: "hello"))
        packed.writeInteger(UInt8(0))
        let error = try #require(throws: ProtocolError.self) { try Zlib.inflate(packed, limit: 1 << 20) }
        #expect(error.code == .invalidArgument)
    }

    @Test func gzipFormatIsNotAcceptedInFrames() throws {
        let packed = Zlib.deflate(ByteBuffer(string: "hello"), format: .gzip)
        #expect(throws: ProtocolError.self) { try Zlib.inflate(packed, limit: 1 << 20) }
    }
}
