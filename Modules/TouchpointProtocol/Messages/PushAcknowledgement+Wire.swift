extension PushAcknowledgement {
    /// The wire `PushAck`.
    public var wire: Touchpoint_V1_PushAck {
        var ack = Touchpoint_V1_PushAck()
        ack.ackedSequence = ackedSequence
        ack.applied = UInt32(clamping: applied)
        ack.duplicates = UInt32(clamping: duplicates)
        ack.conflicts = UInt32(clamping: conflicts)
        ack.sequenceHead = sequenceHead
        ack.rejected = rejected.map(\.wire)
        return ack
    }

    /// Reads a wire `PushAck`.
    public init(wire: Touchpoint_V1_PushAck) {
        self.init(
            ackedSequence: wire.ackedSequence, applied: Int(wire.applied), duplicates: Int(wire.duplicates),
            conflicts: Int(wire.conflicts), rejected: wire.rejected.map(Rejection.init(wire:)), sequenceHead: wire.sequenceHead)
    }
}

extension Rejection {
    /// The wire `Rejection`.
    public var wire: Touchpoint_V1_Rejection {
        var rejection = Touchpoint_V1_Rejection()
        rejection.sequence = sequence
        rejection.code = code.wire
        rejection.message = message
        return rejection
    }

    /// Reads a wire `Rejection`; an unknown or OK code becomes `UNKNOWN`.
    public init(wire: Touchpoint_V1_Rejection) {
        self.init(sequence: wire.sequence, code: ProtocolError.Code(wire: wire.code), message: wire.message)
    }
}
