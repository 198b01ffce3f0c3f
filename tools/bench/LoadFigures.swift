/// What `touchpoint-bench load` measured: the real server as a child process and N protocol clients.
struct LoadFigures: Encodable, Sendable {
    var agents: Int
    var territories: Int
    var recordsPerTerritory: Int
    /// Until every agent holds every record of its territory.
    var convergenceSeconds: Double
    var pushBatches: Int
    var pushLatencyP50Milliseconds: Double
    var pushLatencyP99Milliseconds: Double
    var serverCPUSeconds: Double
    var deliveredRecords: Int
    var pushedRecords: Int
    var serverCPUMicrosecondsPerDeliveredRecord: Double
    /// The server child's VmHWM.
    var serverPeakRSSKilobytes: Int
}
