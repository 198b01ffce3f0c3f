/// The peak resident set of one bench phase.
struct PhaseMemory: Encodable, Sendable {
    var phase: String
    /// This process (with the in-process server of the sync phase).
    var benchPeakRSSKilobytes: Int
    /// The server child of the load phase; nil where there is no server or it runs in the bench process.
    var serverPeakRSSKilobytes: Int?
    /// True when the phase's server runs in the bench process (its memory is in `benchPeakRSSKilobytes`).
    var serverInBenchProcess = false
    /// True when the peak was reset before the phase; false: the running maximum of the process so far.
    var resetBeforePhase: Bool

    /// Runs `body` as phase `name`, with this process's peak reset first where the kernel allows.
    static func measure<T>(_ name: String, _ body: () async throws -> T) async rethrows -> (T, PhaseMemory) {
        let reset = PeakMemory.reset()
        let result = try await body()
        return (result, PhaseMemory(phase: name, benchPeakRSSKilobytes: PeakMemory.kilobytes(), resetBeforePhase: reset))
    }
}
