import Foundation
import TouchpointModel

/// A way to cut a report: by what served the customer, who served them, who they are, or when.
///
/// Values of a dimension are text: vocabulary raw values for `channel` and `stage`
/// (`in_person`, `onboarding`), touchpoint slugs, agent names, team, persona and segment
/// as recorded, ISO weeks `2026-W47` and months `2026-11` (both UTC). A record with no
/// value for a dimension falls in the group ``ReportDimension/noValue``.
public enum ReportDimension: String, CaseIterable, Codable, Sendable, CodingKeyRepresentable {
    case channel, touchpoint, stage, agent, team, persona, segment, week, month

    /// The group of records that have no value for a dimension.
    public static let noValue = "(none)"

    /// Parses a dimension name (case-insensitive); the error lists the accepted names.
    public static func parse(_ text: String) throws(ReportError) -> ReportDimension {
        let normalized = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let dimension = ReportDimension(rawValue: normalized) else {
            let accepted = allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidRequest("unknown dimension '\(text)' (expected one of: \(accepted))")
        }
        return dimension
    }

    /// A column heading, e.g. `Journey stage`.
    public var title: String {
        switch self {
        case .channel: "Channel"
        case .touchpoint: "Touchpoint"
        case .stage: "Journey stage"
        case .agent: "Agent"
        case .team: "Team"
        case .persona: "Persona"
        case .segment: "Segment"
        case .week: "Week"
        case .month: "Month"
        }
    }

    /// The period unit for `week` and `month`; nil for the other dimensions.
    public var periodUnit: PeriodUnit? {
        switch self {
        case .week: .week
        case .month: .month
        default: nil
        }
    }

    /// Checks and normalizes a filter value: vocabulary values and slugs are parsed, periods checked.
    func normalize(_ value: String) throws(ReportError) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if trimmed == Self.noValue { return trimmed }
        do {
            switch self {
            case .channel: return try Channel.parse(trimmed).rawValue
            case .stage: return try JourneyStage.parse(trimmed).rawValue
            case .touchpoint: return try Touchpoint.validate(trimmed)
            case .week, .month:
                guard let unit = periodUnit, let label = unit.normalizedLabel(trimmed) else {
                    let example = self == .week ? "2026-W47" : "2026-11"
                    throw ReportError.invalidRequest("\(rawValue) filter '\(value)' is not like \(example)")
                }
                return label
            default:
                guard !trimmed.isEmpty else { throw ReportError.invalidRequest("empty \(rawValue) filter value") }
                return trimmed
            }
        } catch let error as ReportError {
            throw error
        } catch {
            throw .invalidRequest("\(error)")
        }
    }

    /// Where a value sorts among this dimension's values: journey order for stages, vocabulary order for channels.
    func sortKey(_ value: String) -> (Int, String) {
        if value == Self.noValue { return (Int.max, value) }
        switch self {
        case .channel: return (Channel.allCases.firstIndex { $0.rawValue == value } ?? 99, value)
        case .stage: return (JourneyStage.allCases.firstIndex { $0.rawValue == value } ?? 99, value)
        default: return (0, value.lowercased())
        }
    }
}
