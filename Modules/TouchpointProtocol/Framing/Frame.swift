import NIOCore
import SwiftProtobuf

/// One frame: `[flags: 1 byte][length: 4 bytes big-endian][payload]`.
///
/// `payload` is always the plain protobuf `Envelope`; `compressed` records
/// whether it travelled zlib-compressed (flag bit 0).
public struct Frame: Hashable, Sendable {
    /// Bytes before the payload: flags and length.
    public static let headerSize = 5
    /// Flag bit 0: the payload is zlib-compressed.
    public static let compressedFlag: UInt8 = 0b0000_0001
    /// Every flag bit this version defines; any other set bit is an error.
    public static let knownFlags: UInt8 = compressedFlag

    /// Whether the payload was (or is to be) sent compressed.
    public var compressed: Bool
    /// The uncompressed payload: a serialized `Envelope`.
    public var payload: ByteBuffer

    /// Creates a frame.
    public init(compressed: Bool, payload: ByteBuffer) {
        self.compressed = compressed
        self.payload = payload
    }

    /// Parses the payload as an `Envelope` with a body.
    ///
    /// - Throws: `INVALID_ARGUMENT` for bytes that are not an Envelope or an
    ///   Envelope without a body; `UNIMPLEMENTED` for a body this version does not know.
    public func envelope() throws(ProtocolError) -> Touchpoint_V1_Envelope {
        try Self.parseEnvelope(payload)
    }

    /// Parses and checks an envelope payload (see ``envelope()``).
    public static func parseEnvelope(_ payload: ByteBuffer) throws(ProtocolError) -> Touchpoint_V1_Envelope {
        let envelope: Touchpoint_V1_Envelope
        do {
            envelope = try Touchpoint_V1_Envelope(serializedBytes: Array(payload.readableBytesView))
        } catch {
            throw ProtocolError(.invalidArgument, "payload is not a valid Envelope: \(error)", cause: error)
        }
        guard envelope.body != nil else {
            if envelope.unknownFields.data.isEmpty {
                throw ProtocolError(.invalidArgument, "Envelope has no body")
            }
            throw ProtocolError(.unimplemented, "Envelope body is of a kind this protocol version does not know")
        }
        return envelope
    }
}
