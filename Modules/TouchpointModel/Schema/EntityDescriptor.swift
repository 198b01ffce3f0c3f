import Foundation

/// An entity described once: its fields in column order and its field groups.
///
/// ```swift
/// Customer.descriptor.names          // ["name", "email", …]
/// EntityType.supportCase.descriptor["status"].kind   // .vocabulary(name: "status", values: ["open", …])
/// ```
public struct EntityDescriptor: Sendable {
    /// The entity's name on the wire and in messages (`customer`, `case`, `follow_up`, `agent`).
    public let name: String
    /// One line on what a record of this entity is.
    public let summary: String
    /// The fields, in column order (`id` and the tombstone are not listed: every synced entity has them).
    public let fields: [FieldDescriptor]
    /// Fields that merge as one unit with one version (ARCHITECTURE.md "Field groups").
    public let groups: [[String]]
    /// The rules that tie fields together, in words (the record type's `validate()` checks them).
    public let rules: [String]

    private let index: [String: Int]

    /// Describes an entity; field names must be unique and groups must name its fields.
    public init(_ name: String, summary: String, fields: [FieldDescriptor], groups: [[String]] = [], rules: [String] = []) {
        self.name = name
        self.summary = summary
        self.fields = fields
        self.groups = groups
        self.rules = rules
        index = Dictionary(uniqueKeysWithValues: fields.enumerated().map { ($1.name, $0) })
        for member in groups.joined() { precondition(index[member] != nil, "group member \(name).\(member) is not a field") }
    }

    /// The field names in column order.
    public var names: [String] { fields.map(\.name) }

    /// The field named `name`, or nil.
    public func field(_ name: String) -> FieldDescriptor? { index[name].map { fields[$0] } }

    /// The field named `name`; a name that is not a field is a programming error.
    public subscript(_ name: String) -> FieldDescriptor {
        guard let field = field(name) else { preconditionFailure("\(self.name) has no field '\(name)'") }
        return field
    }

    /// The group a field belongs to, or nil when it merges alone.
    public func group(of field: String) -> [String]? { groups.first { $0.contains(field) } }

    /// The fields reports can cut by.
    public var dimensions: [FieldDescriptor] { fields.filter(\.isDimension) }

    /// The defaults of the fields `fields` leaves out, for a record written by `author`.
    public func defaults(for fields: [String: FieldValue], author: UUID) -> [String: FieldValue] {
        var values: [String: FieldValue] = [:]
        for field in self.fields where (fields[field.name] ?? .null).isNull {
            if let value = field.defaultValue?.value(fields: fields, author: author) { values[field.name] = value }
        }
        return values
    }
}
