import Foundation

/// What a field holds, how it travels and which values it accepts.
///
/// Every kind travels as one of two wire types (PROTOCOL.md §6): text or a
/// 64-bit integer; null is the absence of a value.
public enum FieldKind: Hashable, Sendable {
    /// Free text of the given size (NUL is never allowed).
    case text(TextSize)
    /// A lower-case slug: 1–64 of `a-z`, `0-9`, `_` (a touchpoint).
    case slug
    /// An integer in a closed range.
    case integer(ClosedRange<Int64>)
    /// A point in time: milliseconds since 1970-01-01T00:00:00Z, UTC.
    case time
    /// One value of a closed vocabulary.
    case vocabulary(name: String, values: [String])
    /// The id of a record of the named entity (`customer`, `case`, …) or of an `agent`: a UUID as lower-case text.
    case reference(String)
    /// Tags: comma-separated text, each tag short text without a comma, all of them long text at most.
    case tags
    /// An amount of money in minor units of the record's currency (cents for EUR), 0 … 10¹².
    case money
    /// An ISO 4217 currency code: three upper-case letters, e.g. `EUR`.
    case currency

    /// The sizes of free text (see ``TextLimit``).
    public enum TextSize: Hashable, Sendable {
        /// At most 200 characters and 800 bytes of UTF-8.
        case short
        /// At most 64 KiB of UTF-8.
        case long
    }

    /// The vocabulary of a ``Vocabulary`` type.
    public static func vocabulary<V: Vocabulary>(_ type: V.Type) -> FieldKind {
        .vocabulary(name: V.vocabularyName, values: V.allCases.map(\.rawValue))
    }

    /// The most minor units a ``money`` field accepts.
    public static let maxMoney: Int64 = 1_000_000_000_000

    /// The wire type: `integer` for integers, times and money; `text` for the rest.
    public var wireType: String {
        switch self {
        case .integer, .time, .money: "integer"
        case .text, .slug, .vocabulary, .reference, .tags, .currency: "text"
        }
    }

    /// True for a point in time (shown as ISO 8601 in files and JSON).
    public var isTime: Bool { self == .time }

    /// True for the kinds that travel as integers.
    public var isInteger: Bool { wireType == "integer" }

    /// What the kind accepts, in one line (for help and the spec).
    public var summary: String {
        switch self {
        case .text(.short): "text, at most \(TextLimit.shortCharacters) characters (\(TextLimit.shortBytes) bytes of UTF-8), no NUL"
        case .text(.long): "text, at most \(TextLimit.longBytes) bytes of UTF-8, no NUL"
        case .slug: "text: 1–64 of a-z, 0-9 and _"
        case .integer(let range): "integer \(range.lowerBound) … \(range.upperBound)"
        case .time: "integer: milliseconds since 1970-01-01T00:00:00Z"
        case .vocabulary(_, let values): "text, one of: " + values.map { "`\($0)`" }.joined(separator: ", ")
        case .reference(let entity): "text: the id (UUID, lower-case) of \(entity == "agent" ? "an" : "a") \(entity)"
        case .tags:
            "text: tags joined by `,`, each at most \(TextLimit.shortCharacters) characters, all at most \(TextLimit.longBytes) bytes"
        case .money: "integer: minor units of `currency` (cents for EUR), 0 … \(Self.maxMoney)"
        case .currency: "text: ISO 4217 code, three upper-case letters (e.g. EUR)"
        }
    }
}
