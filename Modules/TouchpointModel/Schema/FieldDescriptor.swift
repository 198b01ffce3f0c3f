import Foundation

/// One field of an entity: its name, kind, whether it is required, its default,
/// whether reports cut by it, and one line of help. Everything else that names a
/// field — the typed records, the store's columns, import and export columns, CLI
/// help, the record schema in PROTOCOL.md — comes from these or is checked
/// against them by a test.
public struct FieldDescriptor: Hashable, Sendable {
    /// The field's name on the wire, in the store and in files (snake_case).
    public let name: String
    /// What it holds.
    public let kind: FieldKind
    /// True when every record must have a value.
    public let isRequired: Bool
    /// The value a new record gets when its writer (an import row, a CLI command) leaves the field out.
    public let defaultValue: FieldDefault?
    /// True when reports can cut figures by this field.
    public let isDimension: Bool
    /// True when the field can identify a person or holds free text about one: erasing a
    /// customer (``Erasure``) replaces its value in the customer and its dependent records.
    public let isPersonal: Bool
    /// One line of help for users.
    public let help: String
    /// The record schema version that added the field: 1 for the first fields; a later field is optional,
    /// so replicas that do not know it yet keep syncing (PROTOCOL.md §14).
    public let since: Int

    /// Describes a field.
    public init(
        _ name: String, _ kind: FieldKind, required: Bool = false, default defaultValue: FieldDefault? = nil,
        dimension: Bool = false, personal: Bool = false, since: Int = 1, help: String
    ) {
        precondition(since == 1 || !required, "a field added later (\(name)) cannot be required: older replicas never write it")
        self.since = since
        self.name = name
        self.kind = kind
        self.isRequired = required
        self.defaultValue = defaultValue
        self.isDimension = dimension
        self.isPersonal = personal
        self.help = help
    }

    /// The help line followed by what the kind accepts, for CLI options.
    public var optionHelp: String {
        switch kind {
        case .vocabulary(_, let values): "\(help) One of: \(values.joined(separator: ", "))."
        default: help
        }
    }
}

/// The value a field takes when a new record leaves it out.
public enum FieldDefault: Hashable, Sendable {
    /// This value.
    case value(FieldValue)
    /// The id of the agent writing the record.
    case author
    /// `then` when the field `field` has a value, otherwise `otherwise` (a case given a resolution time is resolved).
    case whenSet(field: String, then: FieldValue, otherwise: FieldValue)

    /// The default for a record with `fields`, written by `author`.
    public func value(fields: [String: FieldValue], author: UUID) -> FieldValue {
        switch self {
        case .value(let value): value
        case .author: .id(author)
        case .whenSet(let field, let then, let otherwise): (fields[field] ?? .null).isNull ? otherwise : then
        }
    }

    /// How the default reads in docs.
    public var summary: String {
        switch self {
        case .value(let value): "`\(value.plain)`"
        case .author: "the writing agent"
        case .whenSet(let field, let then, let otherwise): "`\(then.plain)` when `\(field)` is given, else `\(otherwise.plain)`"
        }
    }
}

extension FieldValue {
    /// The value without quotes, for docs.
    var plain: String {
        switch self {
        case .null: "null"
        case .text(let s): s
        case .integer(let i): String(i)
        case .real(let d): String(d)
        }
    }
}
