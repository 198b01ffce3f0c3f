import Foundation

/// The identity of one replica (an agent database or the server); the HLC tie-break.
public struct SiteID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The underlying UUID.
    public let uuid: UUID

    /// Wraps an existing UUID.
    public init(_ uuid: UUID) { self.uuid = uuid }

    /// Parses a UUID string; nil when it is not one.
    public init?(_ string: String) {
        guard let uuid = UUID(uuidString: string) else { return nil }
        self.uuid = uuid
    }

    /// A fresh random site id.
    public static func random() -> SiteID { SiteID(UUID()) }

    /// Canonical lowercase text form; also the order used to break HLC ties.
    public var description: String { uuid.lowercasedText }

    public static func < (lhs: SiteID, rhs: SiteID) -> Bool {
        let l = lhs.uuid.uuid, r = rhs.uuid.uuid
        return withUnsafeBytes(of: l) { lb in
            withUnsafeBytes(of: r) { rb in lb.lexicographicallyPrecedes(rb) }
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let site = SiteID(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a site id: \(text)"))
        }
        self = site
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
