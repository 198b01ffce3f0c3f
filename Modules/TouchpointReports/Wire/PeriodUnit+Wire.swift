import TouchpointProtocol

extension PeriodUnit {
    /// The wire enum value.
    var wire: Touchpoint_V1_ReportPeriodUnit {
        switch self {
        case .week: .week
        case .month: .month
        }
    }

    /// Reads a wire unit: nil for `UNSPECIFIED`; `INVALID_ARGUMENT` naming `field` for an unknown one.
    static func from(wire: Touchpoint_V1_ReportPeriodUnit, field: String) throws(ProtocolError) -> PeriodUnit? {
        switch wire {
        case .unspecified: return nil
        case .week: return .week
        case .month: return .month
        case .UNRECOGNIZED(let value):
            throw ProtocolError(.invalidArgument, "\(field): unknown period unit \(value)", details: ["field": field])
        }
    }
}
