import TouchpointProtocol

extension Touchpoint_V1_ReportFigure {
    /// The wire form of a figure: absent optionals for nil.
    init(_ figure: Figure) {
        self.init()
        if let value = figure.value { self.value = value }
        n = UInt64(clamping: figure.n)
        if let marginOfError = figure.marginOfError { self.marginOfError = marginOfError }
        if let lower = figure.lower { self.lower = lower }
        if let upper = figure.upper { self.upper = upper }
        smallSample = figure.isSmallSample
    }
}

extension Figure {
    /// The largest magnitude a figure read from the wire may have: 2⁵³, past which a double skips integers.
    ///
    /// Renderers turn counts into `Int`; the bound keeps a hostile server from trapping them.
    static let largestWireValue = 9_007_199_254_740_992.0

    /// Reads a figure; `INVALID_ARGUMENT` naming `field` for a number that is not finite or too large.
    init(wire: Touchpoint_V1_ReportFigure, field: String) throws(ProtocolError) {
        func number(_ isSet: Bool, _ value: Double, _ name: String) throws(ProtocolError) -> Double? {
            guard isSet else { return nil }
            guard value.isFinite, abs(value) <= Self.largestWireValue else {
                throw ProtocolError(
                    .invalidArgument, "\(field).\(name) \(value) is not a finite number within ±2^53",
                    details: ["field": "\(field).\(name)"])
            }
            return value
        }
        self.init(
            value: try number(wire.hasValue, wire.value, "value"),
            n: try ReportWire.count(wire.n, field: "\(field).n"),
            marginOfError: try number(wire.hasMarginOfError, wire.marginOfError, "margin_of_error"),
            lower: try number(wire.hasLower, wire.lower, "lower"),
            upper: try number(wire.hasUpper, wire.upper, "upper"),
            isSmallSample: wire.smallSample
        )
    }
}

extension Touchpoint_V1_ReportFigures {
    /// The wire form of a row's figures: a field per metric, absent where the row has none.
    init(_ figures: [Metric: Figure]) {
        self.init()
        for (metric, figure) in figures {
            self[keyPath: Self.field(metric).figure] = Touchpoint_V1_ReportFigure(figure)
        }
    }

    /// The figures of the metrics whose field is set.
    func figures(field: String) throws(ProtocolError) -> [Metric: Figure] {
        var figures: [Metric: Figure] = [:]
        for metric in Metric.allCases {
            let (figure, isSet) = Self.field(metric)
            guard self[keyPath: isSet] else { continue }
            figures[metric] = try Figure(wire: self[keyPath: figure], field: "\(field).\(metric.rawValue)")
        }
        return figures
    }

    /// The field of each metric; a switch, so a new metric does not compile until it has one.
    private static func field(
        _ metric: Metric
    ) -> (figure: WritableKeyPath<Self, Touchpoint_V1_ReportFigure>, isSet: KeyPath<Self, Bool>) {
        switch metric {
        case .nps: (\.nps, \.hasNps)
        case .csat: (\.csat, \.hasCsat)
        case .ces: (\.ces, \.hasCes)
        case .interactions: (\.interactions, \.hasInteractions)
        case .casesOpened: (\.casesOpened, \.hasCasesOpened)
        case .ttrMedian: (\.ttrMedian, \.hasTtrMedian)
        case .ttrP90: (\.ttrP90, \.hasTtrP90)
        case .fcr: (\.fcr, \.hasFcr)
        case .reopenRate: (\.reopenRate, \.hasReopenRate)
        case .detractorsWithoutFollowUp: (\.detractorsWithoutFollowUp, \.hasDetractorsWithoutFollowUp)
        case .closedLoopOpen: (\.closedLoopOpen, \.hasClosedLoopOpen)
        case .closedLoopCloseMedian: (\.closedLoopCloseMedian, \.hasClosedLoopCloseMedian)
        case .churn: (\.churn, \.hasChurn)
        case .retention: (\.retention, \.hasRetention)
        }
    }
}
