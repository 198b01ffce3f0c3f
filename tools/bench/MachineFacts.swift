import Foundation

/// What the figures were measured on: read the ratios with these in mind (2 shared cores, other builds running).
struct MachineFacts: Encodable, Sendable {
    var cores: Int
    /// 1, 5 and 15 minute load averages when the bench started.
    var loadAverageAtStart: [Double]
    /// `release` or `debug`: figures from a debug build mean nothing.
    var buildConfiguration: String
    var operatingSystem: String
    /// ISO 8601, UTC.
    var date: String

    /// The facts now.
    static func current() -> MachineFacts {
        var load = [0.0, 0.0, 0.0]
        let read = getloadavg(&load, 3)
        #if DEBUG
        let configuration = "debug"
        #else
        let configuration = "release"
        #endif
        return MachineFacts(
            cores: ProcessInfo.processInfo.activeProcessorCount, loadAverageAtStart: read == 3 ? load : [],
            buildConfiguration: configuration, operatingSystem: ProcessInfo.processInfo.operatingSystemVersionString,
            date: ISO8601DateFormatter().string(from: Date()))
    }
}
