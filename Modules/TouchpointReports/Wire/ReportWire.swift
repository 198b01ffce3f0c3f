import Foundation
import TouchpointProtocol

/// The checks every report message gets: times in whole milliseconds since the Unix epoch (0 for
/// none) within 1970–9999, counts within `Int64`, and the statistics' own checks.
enum ReportWire {
    /// The latest time a report message carries: the last millisecond of year 9999 (UTC).
    static let maxMilliseconds: UInt64 = 253_402_300_799_999

    /// The milliseconds of `date`, rounded to the nearest; `invalidRequest` for a date before 1970 or after 9999.
    static func milliseconds(_ date: Date, name: String) throws(ReportError) -> UInt64 {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        guard milliseconds >= 0, milliseconds <= Double(maxMilliseconds) else {
            throw .invalidRequest("\(name) \(ReportRequest.format(date)) is outside 1970–9999, the range reports cover")
        }
        return UInt64(milliseconds)
    }

    /// The date of `milliseconds`; `INVALID_ARGUMENT` naming `field` past year 9999.
    static func date(_ milliseconds: UInt64, field: String) throws(ProtocolError) -> Date {
        guard milliseconds <= maxMilliseconds else {
            throw ProtocolError(
                .invalidArgument, "\(field) \(milliseconds) is out of range: at most \(maxMilliseconds)", details: ["field": field])
        }
        return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// A count read from the wire; `INVALID_ARGUMENT` naming `field` above `Int64.max`.
    static func count(_ value: UInt64, field: String) throws(ProtocolError) -> Int {
        Int(try WireInteger.int64(value, field: field))
    }

    /// Runs a statistic's validating initializer on values read from the wire; its refusal is
    /// `INVALID_ARGUMENT` naming `field`.
    static func checked<T>(field: String, _ make: () throws(ReportError) -> T) throws(ProtocolError) -> T {
        do {
            return try make()
        } catch {
            throw ProtocolError(.invalidArgument, "\(field): \(error.message)", details: ["field": field])
        }
    }
}
