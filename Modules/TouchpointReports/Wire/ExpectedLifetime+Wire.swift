import TouchpointProtocol

extension Touchpoint_V1_ReportLifetime {
    /// The wire form of a lifetime: its counts and days, and what follows from them for other readers.
    init(_ lifetime: ExpectedLifetime) {
        self.init()
        atStart = UInt64(clamping: lifetime.n)
        lost = UInt64(clamping: lifetime.lost)
        periodDays = lifetime.periodDays
        if let annual = lifetime.annualChurnPercent { annualChurnPercent = annual }
        if let years = lifetime.years { self.years = years }
        capped = lifetime.isCapped
    }
}

extension ExpectedLifetime {
    /// Rebuilds a lifetime from its counts and days (the derived fields are not read);
    /// `INVALID_ARGUMENT` naming `field` when they are out of range or impossible.
    init(wire: Touchpoint_V1_ReportLifetime, field: String) throws(ProtocolError) {
        let atStart = try ReportWire.count(wire.atStart, field: "\(field).at_start")
        let lost = try ReportWire.count(wire.lost, field: "\(field).lost")
        self = try ReportWire.checked(field: field) { () throws(ReportError) in
            try ExpectedLifetime(atStart: atStart, lost: lost, periodDays: wire.periodDays)
        }
    }
}
