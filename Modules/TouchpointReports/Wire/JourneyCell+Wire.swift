import TouchpointProtocol

extension Touchpoint_V1_ReportJourneyCell {
    /// The wire form of a journey map cell.
    init(_ cell: JourneyCell) {
        self.init()
        stage = cell.stage
        touchpoint = cell.touchpoint
        interactions = UInt64(clamping: cell.interactions)
        nps = Touchpoint_V1_ReportFigure(cell.nps)
        csat = Touchpoint_V1_ReportFigure(cell.csat)
    }
}

extension JourneyCell {
    /// Reads a journey map cell; `INVALID_ARGUMENT` naming `field` for an out-of-range number.
    init(wire: Touchpoint_V1_ReportJourneyCell, field: String) throws(ProtocolError) {
        self.init(
            stage: wire.stage, touchpoint: wire.touchpoint,
            interactions: try ReportWire.count(wire.interactions, field: "\(field).interactions"),
            nps: try Figure(wire: wire.nps, field: "\(field).nps"),
            csat: try Figure(wire: wire.csat, field: "\(field).csat")
        )
    }
}
