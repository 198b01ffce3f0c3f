import NIOCore
import SwiftProtobuf

/// Serializes `Envelope`s into frames, compressing payloads at or above the
/// threshold once compression has been negotiated.
///
/// Compression starts plain: a connection handler calls
/// ``CompressionSwitch/enable()`` on ``compressionSwitch`` once the handshake
/// allows it (server: after sending a Welcome with `COMPRESSION_ZLIB`; client:
/// after receiving one).
///
/// ```swift
/// let encoder = FrameEncoder(compression: .defaults, maxFrameBytes: welcome.limits.maxFrameBytes)
/// try channel.pipeline.syncOperations.addHandler(MessageToByteHandler(encoder))
/// // after the handshake negotiated zlib:
/// encoder.compressionSwitch.enable()
/// ```
public struct FrameEncoder: MessageToByteEncoder, Sendable {
    /// Each envelope becomes one frame.
    public typealias OutboundIn = Touchpoint_V1_Envelope

    /// Threshold and level used once compression is on.
    public let compression: CompressionConfiguration
    /// The peer's frame limit, which its owner may set once the peer announced it (a server: from Hello).
    public let limit: FrameSizeLimit
    /// The largest payload the peer accepts now; bigger envelopes fail to encode.
    public var maxFrameBytes: Int { limit.value }
    /// Turns compression on for this encoder (shared by its copies).
    public let compressionSwitch: CompressionSwitch
    /// Told the sizes of every frame written; nil by default.
    public var observer: FrameSizeObserver?

    /// Creates an encoder.
    ///
    /// - Parameters:
    ///   - compression: threshold and level; `enabled == false` never compresses.
    ///   - maxFrameBytes: the peer's announced maximum frame payload.
    ///   - compressionEnabled: start with compression on (for tests and vectors).
    public init(
        compression: CompressionConfiguration = .defaults,
        maxFrameBytes: Int = ProtocolLimits.defaultMaxFrameBytes,
        compressionEnabled: Bool = false
    ) {
        self.compression = compression
        self.limit = FrameSizeLimit(maxFrameBytes)
        self.compressionSwitch = CompressionSwitch(enabled: compressionEnabled)
    }

    /// Creates an encoder whose frame limit its owner may set once the peer announced it.
    public init(compression: CompressionConfiguration = .defaults, limit: FrameSizeLimit) {
        self.compression = compression
        self.limit = limit
        self.compressionSwitch = CompressionSwitch(enabled: false)
    }

    /// Appends one frame carrying `data` (see ``encode(_:into:)``).
    public func encode(data: Touchpoint_V1_Envelope, out: inout ByteBuffer) throws {
        try encode(data, into: &out)
    }

    /// Appends one frame carrying `envelope` to `out`.
    ///
    /// - Throws: `RESOURCE_EXHAUSTED` when the payload exceeds `maxFrameBytes`;
    ///   `INTERNAL` when the envelope cannot be serialized.
    public func encode(_ envelope: Touchpoint_V1_Envelope, into out: inout ByteBuffer) throws(ProtocolError) {
        let bytes: [UInt8]
        do {
            bytes = try envelope.serializedBytes()
        } catch {
            throw ProtocolError(.internal, "cannot serialize Envelope: \(error)", cause: error)
        }
        var payload = ByteBuffer(bytes: bytes)
        let maxFrameBytes = maxFrameBytes
        var compress = compression.enabled && compressionSwitch.isEnabled && bytes.count >= compression.threshold
        if compress {
            let packed = Zlib.deflate(payload, level: compression.level)
            // Incompressible payloads (rare for protobuf) go plain.
            if packed.readableBytes < bytes.count {
                guard bytes.count <= maxFrameBytes else { throw Self.tooLarge(bytes.count, maxFrameBytes) }
                payload = packed
            } else {
                compress = false
            }
        }
        let start = out.writerIndex
        try Self.writeFrame(payload: &payload, compressed: compress, maxFrameBytes: maxFrameBytes, into: &out)
        observer?(bytes.count, out.writerIndex - start)
    }

    /// Appends a frame with the given (already compressed, when `compressed`) payload.
    public static func writeFrame(
        payload: inout ByteBuffer,
        compressed: Bool,
        maxFrameBytes: Int = ProtocolLimits.defaultMaxFrameBytes,
        into out: inout ByteBuffer
    ) throws(ProtocolError) {
        guard payload.readableBytes <= maxFrameBytes else { throw tooLarge(payload.readableBytes, maxFrameBytes) }
        out.reserveCapacity(minimumWritableBytes: Frame.headerSize + payload.readableBytes)
        out.writeInteger(compressed ? Frame.compressedFlag : 0, as: UInt8.self)
        out.writeInteger(UInt32(payload.readableBytes), endianness: .big, as: UInt32.self)
        out.writeBuffer(&payload)
    }

    private static func tooLarge(_ size: Int, _ limit: Int) -> ProtocolError {
        ProtocolError(
            .resourceExhausted,
            "message of \(size) bytes exceeds the peer's \(limit)-byte frame limit",
            details: ["length": String(size), "limit": String(limit)]
        )
    }
}
