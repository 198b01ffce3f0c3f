import NIOCore
import TouchpointProtocol

/// What one fuzz input makes the server read: envelopes in order, ending at the
/// first decoding error (after which a real connection is closed).
///
/// The first byte picks the mode (its value modulo 4):
/// - 0, raw frames: the rest is a byte stream through `FrameDecoder`, Hello included;
/// - 1, agent, and 2, admin: a valid Hello with the agent's (admin's) token comes
///   first, then the rest split at ``separator`` into Envelope payloads, one frame each;
/// - 3, envelopes: the same without the Hello.
///
/// Splitting spares the fuzzer the frame length fields, so its mutations reach
/// the requests rather than the framing.
struct FuzzInput {
    /// One thing the server read.
    enum Item: Sendable {
        case envelope(Envelope)
        case failure(ProtocolError)
    }

    /// Separates Envelope payloads in the structured modes.
    static let separator = Array("|FZ|".utf8)
    /// The frame limit, small so the size and inflate limits are hit often.
    static let maxFrameBytes = 64 * 1024

    /// The envelopes, and the decoding error that ended them if any.
    private(set) var items: [Item] = []

    init(_ bytes: [UInt8], agentHello: Envelope, adminHello: Envelope) {
        guard let mode = bytes.first else { return }
        let rest = bytes.dropFirst()
        switch mode % 4 {
        case 0:
            decodeFrames(rest)
        case 1:
            items.append(.envelope(agentHello))
            parsePayloads(rest)
        case 2:
            items.append(.envelope(adminHello))
            parsePayloads(rest)
        default:
            parsePayloads(rest)
        }
    }

    private mutating func decodeFrames(_ bytes: ArraySlice<UInt8>) {
        var decoder = FrameDecoder(maxFrameBytes: Self.maxFrameBytes)
        var buffer = ByteBuffer(bytes: bytes)
        do {
            while let envelope = try decoder.decodeLast(buffer: &buffer, seenEOF: true) {
                items.append(.envelope(envelope))
            }
        } catch let error as ProtocolError {
            items.append(.failure(error))
        } catch {
            preconditionFailure("the frame decoder threw a non-protocol error: \(error)")
        }
    }

    private mutating func parsePayloads(_ bytes: ArraySlice<UInt8>) {
        guard !bytes.isEmpty else { return }
        for piece in Self.split(bytes) {
            guard piece.count <= Self.maxFrameBytes else {
                items.append(.failure(ProtocolError(.resourceExhausted, "frame over the limit")))
                return
            }
            do {
                items.append(.envelope(try Frame.parseEnvelope(ByteBuffer(bytes: piece))))
            } catch {
                items.append(.failure(error))
                return
            }
        }
    }

    /// The pieces of `bytes` between separators.
    static func split(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var pieces: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index + separator.count <= bytes.endIndex {
            if bytes[index..<index + separator.count].elementsEqual(separator) {
                pieces.append(bytes[start..<index])
                index += separator.count
                start = index
            } else {
                index += 1
            }
        }
        pieces.append(bytes[start...])
        return pieces
    }
}
