import Foundation

/// The version of one field: the HLC of the edit and the site that made it.
///
/// Versions are totally ordered: by HLC, then by site id. The merge rule keeps
/// the higher one.
public struct FieldVersion: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// When the edit happened, in hybrid logical time.
    public let hlc: HLC
    /// The replica that made the edit.
    public let site: SiteID

    /// Creates a version.
    public init(hlc: HLC, site: SiteID) {
        self.hlc = hlc
        self.site = site
    }

    public static func < (lhs: FieldVersion, rhs: FieldVersion) -> Bool {
        (lhs.hlc, lhs.site) < (rhs.hlc, rhs.site)
    }

    public var description: String { "\(hlc)@\(site.description.prefix(8))" }
}
