import Foundation

/// The value of one synced field. Dates travel as `.integer` milliseconds since
/// the epoch and ids as `.text`, so the wire and SQL stay simple.
public enum FieldValue: Hashable, Sendable, CustomStringConvertible {
    case null
    case text(String)
    case integer(Int64)
    case real(Double)

    /// The text, or nil for any other case.
    public var text: String? { if case .text(let s) = self { s } else { nil } }
    /// The integer, or nil for any other case.
    public var integer: Int64? { if case .integer(let i) = self { i } else { nil } }
    /// The number as a Double for `.integer` and `.real`.
    public var real: Double? {
        switch self {
        case .real(let d): d
        case .integer(let i): Double(i)
        default: nil
        }
    }
    /// True for `.null`.
    public var isNull: Bool { self == .null }

    public var description: String {
        switch self {
        case .null: "null"
        case .text(let s): "\"\(s)\""
        case .integer(let i): "\(i)"
        case .real(let d): "\(d)"
        }
    }
}

extension FieldValue {
    /// A date as integer milliseconds.
    public static func date(_ date: Date) -> FieldValue { .integer(Int64(HLC.milliseconds(date))) }
    /// An optional date; `.null` when absent.
    public static func date(_ date: Date?) -> FieldValue { date.map { .date($0) } ?? .null }
    /// An id as its lowercase text.
    public static func id(_ id: UUID) -> FieldValue { .text(id.lowercasedText) }
    /// An optional id; `.null` when absent.
    public static func id(_ id: UUID?) -> FieldValue { id.map { .id($0) } ?? .null }
    /// Optional text; `.null` when absent.
    public static func text(_ text: String?) -> FieldValue { text.map { .text($0) } ?? .null }
    /// An optional integer; `.null` when absent.
    public static func int(_ value: Int?) -> FieldValue { value.map { .integer(Int64($0)) } ?? .null }
}

extension FieldValue: Codable {
    private enum Key: String, CodingKey { case text, int, real }

    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), single.decodeNil() {
            self = .null
            return
        }
        let c = try decoder.container(keyedBy: Key.self)
        if let s = try c.decodeIfPresent(String.self, forKey: .text) {
            self = .text(s)
        } else if let i = try c.decodeIfPresent(Int64.self, forKey: .int) {
            self = .integer(i)
        } else if let d = try c.decodeIfPresent(Double.self, forKey: .real) {
            self = .real(d)
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "empty field value"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var c = encoder.singleValueContainer()
            try c.encodeNil()
        case .text(let s):
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(s, forKey: .text)
        case .integer(let i):
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(i, forKey: .int)
        case .real(let d):
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(d, forKey: .real)
        }
    }
}
