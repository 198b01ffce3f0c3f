import TouchpointProtocol

extension ReportDimension {
    /// The wire enum value.
    var wire: Touchpoint_V1_ReportDimension {
        switch self {
        case .channel: .channel
        case .touchpoint: .touchpoint
        case .stage: .stage
        case .agent: .agent
        case .team: .team
        case .persona: .persona
        case .segment: .segment
        case .week: .week
        case .month: .month
        }
    }

    /// Reads a wire dimension; `INVALID_ARGUMENT` naming `field` for an unset or unknown one.
    init(wire: Touchpoint_V1_ReportDimension, field: String) throws(ProtocolError) {
        switch wire {
        case .channel: self = .channel
        case .touchpoint: self = .touchpoint
        case .stage: self = .stage
        case .agent: self = .agent
        case .team: self = .team
        case .persona: self = .persona
        case .segment: self = .segment
        case .week: self = .week
        case .month: self = .month
        case .unspecified, .UNRECOGNIZED:
            throw ProtocolError(.invalidArgument, "\(field): unknown report dimension \(wire.rawValue)", details: ["field": field])
        }
    }
}
