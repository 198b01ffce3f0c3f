import SwiftProtobuf
import Testing
import TouchpointProtocol

/// The push result has one type and one wire conversion, both ways.
@Suite struct PushAcknowledgementTests {
    static let acknowledgement = PushAcknowledgement(
        ackedSequence: 140, applied: 37, duplicates: 1, conflicts: 2,
        rejected: [
            Rejection(sequence: 117, code: .permissionDenied, message: "interaction 1a…: outside your territories"),
            Rejection(sequence: 139, code: .invalidArgument, message: "note 2b…: text is not UTF-8"),
        ],
        sequenceHead: 1326)

    @Test func survivesTheWire() throws {
        let envelope = Envelope.pushAck(requestID: 3, Self.acknowledgement)
        let decoded = try Envelope(serializedBytes: try envelope.serializedBytes() as [UInt8])
        guard case .pushAck(let wire) = decoded.body else {
            Issue.record("not a PushAck: \(decoded.kindName)")
            return
        }
        #expect(decoded.requestID == 3)
        #expect(PushAcknowledgement(wire: wire) == Self.acknowledgement)
    }

    @Test func unknownRejectionCodesReadAsUnknown() {
        var wire = Self.acknowledgement.wire
        wire.rejected[0].code = .UNRECOGNIZED(99)
        wire.rejected[1].code = .ok
        #expect(PushAcknowledgement(wire: wire).rejected.map(\.code) == [.unknown, .unknown])
    }

    @Test func aRefusedChangeBecomesItsRejection() {
        let refused = RefusedChange(sequence: 9, error: ProtocolError(.invalidArgument, "name is not UTF-8", details: ["field": "name"]))
        #expect(Rejection(refused) == Rejection(sequence: 9, code: .invalidArgument, message: "name is not UTF-8"))
    }
}
