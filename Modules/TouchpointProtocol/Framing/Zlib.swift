import CZlib
import NIOCore

/// A thin binding over the system zlib: one-shot deflate, and inflate with a
/// hard output limit so a zip bomb is an error, not an allocation.
///
/// ```swift
/// let packed = Zlib.deflate(payload)
/// let unpacked = try Zlib.inflate(packed, limit: 4 << 20)
/// ```
public enum Zlib {
    /// The container around the deflate stream.
    public enum Format: Sendable {
        /// RFC 1950 (2-byte header, Adler-32 trailer): what frames carry.
        case zlib
        /// RFC 1952 (gzip header and CRC-32): for comparisons with gzip'd files.
        case gzip

        fileprivate var windowBits: Int32 {
            switch self {
            case .zlib: 15
            case .gzip: 15 + 16
            }
        }
    }

    /// Compresses `input` in one call.
    ///
    /// - Parameters:
    ///   - level: zlib level, 1 (fastest) … 9 (smallest); 6 is zlib's default.
    ///   - format: `.zlib` for frames.
    public static func deflate(
        _ input: ByteBuffer,
        level: Int32 = 6,
        format: Format = .zlib,
        allocator: ByteBufferAllocator = ByteBufferAllocator()
    ) -> ByteBuffer {
        var stream = z_stream()
        let initialized = deflateInit2_(
            &stream, level, Z_DEFLATED, format.windowBits, 8, Z_DEFAULT_STRATEGY,
            zlibVersion(), Int32(MemoryLayout<z_stream>.size)
        )
        // Only fails on bad parameters or out of memory: both are bugs or fatal here.
        precondition(initialized == Z_OK, "deflateInit2 failed: \(initialized)")
        defer { deflateEnd(&stream) }

        let bound = Int(deflateBound(&stream, UInt(input.readableBytes)))
        var output = allocator.buffer(capacity: bound)
        input.withUnsafeReadableBytes { inBytes in
            stream.next_in = UnsafeMutablePointer(mutating: inBytes.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(inBytes.count)
            output.writeWithUnsafeMutableBytes(minimumWritableBytes: bound) { outBytes in
                stream.next_out = outBytes.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(outBytes.count)
                let finished = CZlib.deflate(&stream, Z_FINISH)
                // deflateBound guarantees room for a single Z_FINISH call.
                precondition(finished == Z_STREAM_END, "deflate did not finish: \(finished)")
                return outBytes.count - Int(stream.avail_out)
            }
        }
        return output
    }

    /// Decompresses a zlib stream (RFC 1950) into at most `limit` bytes.
    ///
    /// Never holds more than `limit + 1` bytes of output (rounded up by the
    /// allocator): the first byte past the limit ends the inflation.
    ///
    /// - Throws: `RESOURCE_EXHAUSTED` when the output would exceed `limit`;
    ///   `INVALID_ARGUMENT` for a corrupt or truncated stream, or bytes after its end.
    public static func inflate(
        _ input: ByteBuffer,
        limit: Int,
        allocator: ByteBufferAllocator = ByteBufferAllocator()
    ) throws(ProtocolError) -> ByteBuffer {
        var stream = z_stream()
        let initialized = inflateInit2_(&stream, Format.zlib.windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard initialized == Z_OK else {
            throw ProtocolError(.resourceExhausted, "cannot start zlib inflate (code \(initialized))")
        }
        defer { inflateEnd(&stream) }

        let result: Result<ByteBuffer, ProtocolError> = input.withUnsafeReadableBytes { inBytes in
            stream.next_in = UnsafeMutablePointer(mutating: inBytes.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(inBytes.count)
            // Start at 4x the input (typical ratios are 3-10x), capped by the limit.
            let initial = min(max(inBytes.count * 4, 256), limit + 1)
            var output = allocator.buffer(capacity: initial)
            while true {
                let produced = output.readableBytes
                if produced > limit {
                    return .failure(bomb(limit))
                }
                if output.writableBytes == 0 {
                    output.reserveCapacity(min(max(output.capacity * 2, 256), limit + 1))
                }
                let window = min(output.writableBytes, limit + 1 - produced)
                var code: Int32 = Z_OK
                output.writeWithUnsafeMutableBytes(minimumWritableBytes: 0) { outBytes in
                    stream.next_out = outBytes.bindMemory(to: Bytef.self).baseAddress
                    stream.avail_out = uInt(window)
                    code = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return window - Int(stream.avail_out)
                }
                switch code {
                case Z_STREAM_END:
                    if output.readableBytes > limit { return .failure(bomb(limit)) }
                    if stream.avail_in != 0 {
                        return .failure(ProtocolError(.invalidArgument, "\(stream.avail_in) bytes after the end of the zlib stream"))
                    }
                    return .success(output)
                case Z_OK:
                    continue
                case Z_BUF_ERROR where stream.avail_in != 0:
                    continue  // no room for output: the loop grows the buffer or hits the limit
                case Z_BUF_ERROR:
                    return .failure(ProtocolError(.invalidArgument, "truncated zlib stream"))
                case Z_MEM_ERROR:
                    return .failure(ProtocolError(.resourceExhausted, "out of memory while inflating"))
                default:
                    let reason = stream.msg.map { String(cString: $0) } ?? "code \(code)"
                    return .failure(ProtocolError(.invalidArgument, "corrupt zlib stream: \(reason)"))
                }
            }
        }
        return try result.get()
    }

    private static func bomb(_ limit: Int) -> ProtocolError {
        ProtocolError(
            .resourceExhausted,
            "compressed payload inflates past the \(limit)-byte limit",
            details: ["limit": String(limit)]
        )
    }
}
