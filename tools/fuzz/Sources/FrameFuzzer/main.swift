// Fuzz target: bytes from the network go through everything a server does
// with them before touching the store. Invariants checked on every input:
// - the decoder throws only ProtocolError, never crashes or over-allocates
//   (ASan + libFuzzer's -rss_limit_mb and -malloc_limit_mb catch that);
// - every decoding error leads the server state machine to a fatal Error
//   frame and the closed state;
// - whatever decodes re-encodes, and decodes again to the same bytes;
// - feeding the same bytes in small pieces gives the same result.
import CLibFuzzer
import Foundation
import NIOCore
import TouchpointModel
import TouchpointProtocol

let maxFrameBytes = 64 * 1024
let serverID = SiteID(UUID(uuidString: "0b5e9c3d-71a4-4f28-9d6e-c8a1f3b2e704")!)

/// What a run of the decoder produced: the envelopes' bytes, then the error code if any.
struct Outcome: Equatable {
    var envelopes: [[UInt8]] = []
    var error: ProtocolError.Code?
}

func run(_ input: ByteBuffer, chunk: Int) -> Outcome {
    var decoder = FrameDecoder(maxFrameBytes: maxFrameBytes)
    var server = ServerSessionStateMachine(configuration: ServerSessionConfiguration(serverID: serverID))
    var outcome = Outcome()
    var pending = ByteBuffer()
    var remaining = input
    while true {
        let take = min(chunk, remaining.readableBytes)
        var piece = remaining.readSlice(length: take)!
        pending.writeBuffer(&piece)
        let atEnd = remaining.readableBytes == 0
        do {
            while let envelope = try (atEnd ? decoder.decodeLast(buffer: &pending, seenEOF: true) : decoder.decode(buffer: &pending)) {
                outcome.envelopes.append(check(envelope, server: &server))
            }
        } catch let error as ProtocolError {
            switch server.failed(error) {
            case .sendAndClose(let reply):
                guard case .error(let wire) = reply.body, wire.fatal else { preconditionFailure("decoder error without a fatal Error frame") }
            case .none:
                break  // the session had already closed (e.g. after a Goodbye)
            default:
                preconditionFailure("decoder error did not close the session")
            }
            precondition(server.state == .closed, "decoder error did not close the session")
            outcome.error = error.code
            return outcome
        } catch {
            preconditionFailure("decoder threw a non-protocol error: \(error)")
        }
        if atEnd { return outcome }
    }
}

/// Drives the server machine with one envelope and checks re-encoding.
func check(_ envelope: Envelope, server: inout ServerSessionStateMachine) -> [UInt8] {
    var action = server.received(envelope)
    if case .authenticate = action {
        action = server.authenticated(role: .admin, sequenceHead: 1, serverTimeMs: 1)
    }
    if case .push(let requestID, let changes) = action {
        // Decoded changes must re-encode losslessly.
        let again = try! Envelope.pushRequest(requestID: requestID, changes: changes)
        guard case .pushRequest(let push) = again.body else { preconditionFailure() }
        let decoded = try! push.batch.decodedChanges()
        precondition(decoded.count == changes.count)
        if !changes.contains(where: { $0.change.fields.contains { $0.value.real?.isNaN == true } }) {
            precondition(decoded == changes, "change batch did not round-trip")
        }
    }
    var out = ByteBuffer()
    try! FrameEncoder(maxFrameBytes: .max).encode(envelope, into: &out)
    var decoder = FrameDecoder(maxFrameBytes: .max)
    let reparsed = try! decoder.decode(buffer: &out)!
    var first = ByteBuffer(), second = ByteBuffer()
    try! FrameEncoder(maxFrameBytes: .max).encode(envelope, into: &first)
    try! FrameEncoder(maxFrameBytes: .max).encode(reparsed, into: &second)
    precondition(first == second, "envelope did not re-encode to the same bytes")
    return Array(first.readableBytesView)
}

/// One fuzz input (also exported under libFuzzer's conventional name).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzFrames(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = ByteBuffer(bytes: UnsafeRawBufferPointer(start: start, count: count))
    let whole = run(input, chunk: max(count, 1))
    let pieces = run(input, chunk: 7)
    precondition(whole == pieces, "result depends on how the bytes were split")
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzFrames(data, size) })
