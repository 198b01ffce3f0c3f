import Foundation

/// A closed set of values that parses from its raw text with a clear error.
public protocol Vocabulary: RawRepresentable, CaseIterable, Hashable, Sendable, Codable where RawValue == String {
    /// Name used in error messages, e.g. `channel`.
    static var vocabularyName: String { get }
}

extension Vocabulary {
    /// Parses a raw value; the error lists the accepted values.
    public static func parse(_ text: String) throws -> Self {
        if let exact = Self(rawValue: text) { return exact }  // the common case, without Foundation string work
        let normalized = text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "-", with: "_")
        guard let value = Self(rawValue: normalized) else {
            let accepted = allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError(field: vocabularyName, message: "unknown \(vocabularyName) '\(text)' (expected one of: \(accepted))")
        }
        return value
    }
}

/// The mechanism that served a touchpoint.
public enum Channel: String, Vocabulary {
    case phone, email, chat
    case inPerson = "in_person"
    case video, social, web, other
    public static let vocabularyName = "channel"
}

/// Where the customer is in their journey.
public enum JourneyStage: String, Vocabulary {
    case awareness, consideration, purchase, onboarding, usage, support, renewal, advocacy
    public static let vocabularyName = "stage"
}

/// Who started the interaction.
public enum Direction: String, Vocabulary {
    case inbound, outbound
    public static let vocabularyName = "direction"
}

/// What an interaction ended with.
public enum Outcome: String, Vocabulary {
    case resolved
    case followUp = "follow_up"
    case escalated
    case noAction = "no_action"
    public static let vocabularyName = "outcome"
}

/// A customer's lifecycle stage; churn and retention are computed from its transitions.
public enum LifecycleStage: String, Vocabulary {
    case prospect, onboarding, active
    case atRisk = "at_risk"
    case churned
    public static let vocabularyName = "lifecycle"
}

/// A case's status.
public enum CaseStatus: String, Vocabulary {
    case open, pending, resolved, closed
    public static let vocabularyName = "status"
}

/// A case's priority.
public enum CasePriority: String, Vocabulary {
    case low, normal, high, urgent
    public static let vocabularyName = "priority"
}

/// A follow-up's status.
public enum FollowUpStatus: String, Vocabulary {
    case open, done, cancelled
    public static let vocabularyName = "follow-up status"
}

/// An agent's role on the server.
public enum AgentRole: String, Vocabulary {
    case agent, admin
    public static let vocabularyName = "role"
}

/// A survey kind and its scale.
public enum SurveyKind: String, Vocabulary {
    case nps, csat, ces
    public static let vocabularyName = "survey kind"

    /// The accepted scores: NPS 0–10, CSAT 1–5, CES 1–7.
    public var scale: ClosedRange<Int> {
        switch self {
        case .nps: 0...10
        case .csat: 1...5
        case .ces: 1...7
        }
    }
}

/// Touchpoints are an open set (purchase, billing, complaint, …) kept as slugs.
public enum Touchpoint {
    /// Normalizes and checks a touchpoint name: lowercase letters, digits and `_`, 1–64 characters; the error
    /// names `field` (e.g. `interaction.touchpoint`).
    public static func validate(_ text: String, field: String = "touchpoint") throws -> String {
        if isSlug(text) { return text }  // already normalized: the common case
        let slug = text.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
        try require(isSlug(slug), field, "touchpoint must be 1–64 letters, digits or '_', got '\(text)'")
        return slug
    }

    /// True for a normalized touchpoint: 1–64 of `a-z`, `0-9`, `_`.
    static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 64
            && text.utf8.allSatisfy { (0x61...0x7a).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5f }
    }
}
