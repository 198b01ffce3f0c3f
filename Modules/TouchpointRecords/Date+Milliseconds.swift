import Foundation

extension Date {
    /// A date from milliseconds since the epoch.
    public init(milliseconds: Int64) { self.init(timeIntervalSince1970: Double(milliseconds) / 1000) }
}
