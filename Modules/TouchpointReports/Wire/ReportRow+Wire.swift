import TouchpointProtocol

extension Touchpoint_V1_ReportRow {
    /// The wire form of a row.
    init(_ row: ReportRow) {
        self.init()
        key = row.key
        figures = Touchpoint_V1_ReportFigures(row.metrics)
        customerValue = Touchpoint_V1_ReportCustomerValue(row.customerValue)
    }
}

extension ReportRow {
    /// Reads a row whose key must hold `keyCount` values; `INVALID_ARGUMENT` naming `field` otherwise.
    init(wire: Touchpoint_V1_ReportRow, keyCount: Int, field: String) throws(ProtocolError) {
        guard wire.key.count == keyCount else {
            throw ProtocolError(
                .invalidArgument, "\(field).key has \(wire.key.count) values for \(keyCount) dimensions",
                details: ["field": "\(field).key"])
        }
        self.init(
            key: wire.key, metrics: try wire.figures.figures(field: "\(field).figures"),
            customerValue: try CustomerValue(wire: wire.customerValue, field: "\(field).customer_value")
        )
    }
}
