import TouchpointProtocol

extension Touchpoint_V1_ReportRequest {
    /// The wire form of a report request: the one place a request becomes a message.
    ///
    /// Throws `invalidRequest` for a date the wire cannot carry (before 1970 or after 9999).
    /// A threshold below 1 travels as 0, which the server reads as the default, 30.
    public init(_ request: ReportRequest) throws(ReportError) {
        self.init()
        dimensions = request.by.map(\.wire)
        if let from = request.from { startMs = try ReportWire.milliseconds(from, name: "--from") }
        if let to = request.to { endMs = try ReportWire.milliseconds(to, name: "--to") }
        reportFilters = request.filters.sorted { $0.key.rawValue < $1.key.rawValue }.map { dimension, values in
            var filter = Touchpoint_V1_ReportFilter()
            filter.dimension = dimension.wire
            filter.values = values
            return filter
        }
        smallSampleThreshold = UInt32(clamping: max(0, request.smallSampleThreshold))
        trendUnit = request.trendUnit?.wire ?? .unspecified
    }
}

extension ReportRequest {
    /// Reads a request from the wire: the one place a message becomes a request.
    ///
    /// Throws `INVALID_ARGUMENT` for an unknown dimension or period unit, a dimension filtered
    /// twice or a time past year 9999. The request still needs ``validated()``.
    public init(wire: Touchpoint_V1_ReportRequest) throws(ProtocolError) {
        self.init()
        for dimension in wire.dimensions {
            by.append(try ReportDimension(wire: dimension, field: "report.dimensions"))
        }
        if wire.startMs != 0 { from = try ReportWire.date(wire.startMs, field: "report.start_ms") }
        if wire.endMs != 0 { to = try ReportWire.date(wire.endMs, field: "report.end_ms") }
        for filter in wire.reportFilters {
            let dimension = try ReportDimension(wire: filter.dimension, field: "report.report_filters.dimension")
            guard filters[dimension] == nil else {
                throw ProtocolError(.invalidArgument, "report.report_filters names \(dimension.rawValue) twice")
            }
            filters[dimension] = filter.values
        }
        if wire.smallSampleThreshold != 0 { smallSampleThreshold = Int(wire.smallSampleThreshold) }
        trendUnit = try PeriodUnit.from(wire: wire.trendUnit, field: "report.trend_unit")
    }
}
