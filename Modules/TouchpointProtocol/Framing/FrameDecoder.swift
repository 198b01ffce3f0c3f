import NIOCore

/// Splits a byte stream into frames and parses each into an `Envelope`.
///
/// Checks the 5-byte header before waiting for the payload: a length over
/// `maxFrameBytes` or an unknown flag bit fails at once, so an oversized frame
/// is never buffered. A compressed payload is inflated with the same limit.
///
/// ```swift
/// try channel.pipeline.syncOperations.addHandler(
///     ByteToMessageHandler(FrameDecoder(maxFrameBytes: limits.maxFrameBytes)))
/// ```
///
/// Every error is a ``ProtocolError``; the connection must answer it with a
/// fatal `Error` frame and close (``ServerSessionStateMachine/failed(_:)``).
public struct FrameDecoder: NIOSingleStepByteToMessageDecoder {
    /// Each frame decodes to one envelope.
    public typealias InboundOut = Touchpoint_V1_Envelope

    /// The limit, which its owner may move between frames (a server raises it after Welcome).
    public let limit: FrameSizeLimit
    /// Told the sizes of every frame read; nil by default.
    public var observer: FrameSizeObserver?

    /// The largest payload accepted now, compressed or inflated, in bytes.
    public var maxFrameBytes: Int { limit.value }

    /// Creates a decoder that accepts payloads up to `maxFrameBytes`.
    public init(maxFrameBytes: Int = ProtocolLimits.defaultMaxFrameBytes) {
        self.init(limit: FrameSizeLimit(maxFrameBytes))
    }

    /// Creates a decoder enforcing a limit its owner may change while frames flow.
    public init(limit: FrameSizeLimit) {
        self.limit = limit
    }

    /// Creates a decoder enforcing `limits.maxFrameBytes`.
    public init(limits: ProtocolLimits) {
        self.init(maxFrameBytes: limits.maxFrameBytes)
    }

    /// Decodes the next envelope, or returns nil until a whole frame has arrived.
    public mutating func decode(buffer: inout ByteBuffer) throws -> Touchpoint_V1_Envelope? {
        guard let frame = try decodeFrame(buffer: &buffer) else { return nil }
        return try frame.envelope()
    }

    /// Like ``decode(buffer:)``; at end of stream, leftover bytes of an incomplete frame are an error.
    public mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> Touchpoint_V1_Envelope? {
        if let envelope = try decode(buffer: &buffer) { return envelope }
        if seenEOF, buffer.readableBytes > 0 {
            throw ProtocolError(
                .invalidArgument,
                "connection closed inside a frame (\(buffer.readableBytes) bytes of an incomplete frame)"
            )
        }
        return nil
    }

    /// Reads one complete frame from `buffer`, inflating a compressed payload;
    /// nil (consuming nothing) until the whole frame has arrived.
    ///
    /// - Throws: `INVALID_ARGUMENT` for a reserved flag bit or a bad zlib
    ///   stream; `RESOURCE_EXHAUSTED` for a length over the limit or a payload
    ///   that inflates past it.
    public func decodeFrame(buffer: inout ByteBuffer) throws(ProtocolError) -> Frame? {
        guard let flags = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self),
            let length = buffer.getInteger(at: buffer.readerIndex + 1, as: UInt32.self)
        else {
            // Check the flags as soon as they arrive, even before the length.
            if let flags = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self) {
                try Self.checkFlags(flags)
            }
            return nil
        }
        try Self.checkFlags(flags)
        let maxFrameBytes = maxFrameBytes
        guard length <= maxFrameBytes else {
            throw ProtocolError(
                .resourceExhausted,
                "frame of \(length) bytes exceeds the \(maxFrameBytes)-byte limit",
                details: ["length": String(length), "limit": String(maxFrameBytes)]
            )
        }
        guard buffer.readableBytes >= Frame.headerSize + Int(length) else { return nil }
        buffer.moveReaderIndex(forwardBy: Frame.headerSize)
        let payload = buffer.readSlice(length: Int(length))!
        let frame = flags & Frame.compressedFlag == 0
            ? Frame(compressed: false, payload: payload)
            : Frame(compressed: true, payload: try Zlib.inflate(payload, limit: maxFrameBytes))
        observer?(frame.payload.readableBytes, Frame.headerSize + Int(length))
        return frame
    }

    private static func checkFlags(_ flags: UInt8) throws(ProtocolError) {
        guard flags & ~Frame.knownFlags == 0 else {
            throw ProtocolError(
                .invalidArgument,
                "frame has reserved flag bits set (flags 0x\(String(flags, radix: 16)))",
                details: ["flags": String(flags)]
            )
        }
    }
}
