import Foundation
import TouchpointModel

/// A kept conflict: both sides of one field, with versions, sites and agents.
///
/// The one type for it: the server's store fills it, the admin handler sends it
/// (``ConflictRecord/wire``), the admin client reads it back (``ConflictRecord/init(wire:record:)``)
/// and `touchpointctl` renders it; its `Encodable` form is what `conflicts … --json` prints.
public struct ConflictRecord: Hashable, Sendable, Codable {
    /// One side: value, version (HLC and site) and the agent behind it.
    public struct Side: Hashable, Sendable, Codable {
        public var value: FieldValue
        public var version: FieldVersion
        /// The agent behind the version's site, when known.
        public var agent: UUID?

        public init(_ state: FieldState, agent: UUID? = nil) {
            value = state.value
            version = state.version
            self.agent = agent
        }

        /// Value and version.
        public var state: FieldState { FieldState(value: value, version: version) }
        /// The HLC as its raw 64 bits.
        public var hlc: UInt64 { version.hlc.rawValue }
        /// The wall-clock time of the HLC.
        public var at: Date { Date(timeIntervalSince1970: Double(version.hlc.physical) / 1000) }
        /// The site that wrote it.
        public var site: String { version.site.description }

        enum CodingKeys: String, CodingKey { case value, hlc, at, site, agent }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(value, forKey: .value)
            try container.encode(hlc, forKey: .hlc)
            try container.encode(at, forKey: .at)
            try container.encode(site, forKey: .site)
            try container.encodeIfPresent(agent, forKey: .agent)
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let site = try container.decode(String.self, forKey: .site)
            guard let siteID = SiteID(site) else {
                throw DecodingError.dataCorruptedError(forKey: .site, in: container, debugDescription: "not a site id: \(site)")
            }
            value = try container.decode(FieldValue.self, forKey: .value)
            version = FieldVersion(hlc: HLC(rawValue: try container.decode(UInt64.self, forKey: .hlc)), site: siteID)
            agent = try container.decodeIfPresent(UUID.self, forKey: .agent)
        }
    }

    public var id: Int64
    public var entity: EntityType
    public var entityID: UUID
    public var field: String
    public var winner: Side
    public var loser: Side
    public var detectedAt: Date
    public var resolvedAt: Date?
    public var resolvedBy: UUID?
    /// What the resolution kept: `winner`, `loser` or `value`.
    public var resolution: String?
    /// The record's current fields by name (value, version), as `conflict_show` sends them; nil in listings.
    public var record: [String: Side]?

    public init(
        id: Int64, entity: EntityType, entityID: UUID, field: String, winner: Side, loser: Side, detectedAt: Date,
        resolvedAt: Date? = nil, resolvedBy: UUID? = nil, resolution: String? = nil, record: [String: Side]? = nil
    ) {
        self.id = id
        self.entity = entity
        self.entityID = entityID
        self.field = field
        self.winner = winner
        self.loser = loser
        self.detectedAt = detectedAt
        self.resolvedAt = resolvedAt
        self.resolvedBy = resolvedBy
        self.resolution = resolution
        self.record = record
    }

    public var isOpen: Bool { resolvedAt == nil }

    enum CodingKeys: String, CodingKey {
        case id, entity, field, winner, loser, resolution, record
        case entityID = "entity_id"
        case detectedAt = "detected_at"
        case resolvedAt = "resolved_at"
        case resolvedBy = "resolved_by"
    }
}
