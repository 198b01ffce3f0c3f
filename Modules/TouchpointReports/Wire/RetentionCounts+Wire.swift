import TouchpointProtocol

extension Touchpoint_V1_ReportRetentionCounts {
    /// The wire form of the counts behind churn and retention.
    init(_ counts: RetentionCounts) {
        self.init()
        atStart = UInt64(clamping: counts.atStart)
        atEnd = UInt64(clamping: counts.atEnd)
        new = UInt64(clamping: counts.new)
        lost = UInt64(clamping: counts.lost)
    }
}

extension RetentionCounts {
    /// Reads the counts; `INVALID_ARGUMENT` naming `field` when they are out of range or contradict each other.
    init(wire: Touchpoint_V1_ReportRetentionCounts, field: String) throws(ProtocolError) {
        let atStart = try ReportWire.count(wire.atStart, field: "\(field).at_start")
        let atEnd = try ReportWire.count(wire.atEnd, field: "\(field).at_end")
        let new = try ReportWire.count(wire.new, field: "\(field).new")
        let lost = try ReportWire.count(wire.lost, field: "\(field).lost")
        self = try ReportWire.checked(field: field) { () throws(ReportError) in
            try RetentionCounts(atStart: atStart, atEnd: atEnd, new: new, lost: lost)
        }
    }
}
