import ArgumentParser
import TouchpointProtocol

/// `--max-frame-bytes`, `--max-batch-changes`, `--max-page-changes`: what the server
/// accepts, announced in Welcome and enforced by every session. The defaults are
/// ``ProtocolLimits/defaults``, the same values PROTOCOL.md §8 gives.
struct LimitOptions: ParsableArguments {
    @Option(help: "Largest frame payload a session may send after Welcome, in bytes (compressed or inflated).")
    var maxFrameBytes = ProtocolLimits.defaults.maxFrameBytes

    @Option(help: "Most changes in one push batch.")
    var maxBatchChanges = ProtocolLimits.defaults.maxBatchChanges

    @Option(help: "Most changes in one pull page (a client may ask for fewer).")
    var maxPageChanges = ProtocolLimits.defaults.maxPageChanges

    func validate() throws {
        let wire = 1...Int(UInt32.max)
        guard (1024...Int(UInt32.max)).contains(maxFrameBytes) else {
            throw ValidationError("--max-frame-bytes must be 1024…\(UInt32.max)")
        }
        guard wire.contains(maxBatchChanges), wire.contains(maxPageChanges) else {
            throw ValidationError("--max-batch-changes and --max-page-changes must be 1…\(UInt32.max)")
        }
    }

    /// The limits asked for.
    var limits: ProtocolLimits {
        ProtocolLimits(maxFrameBytes: maxFrameBytes, maxBatchChanges: maxBatchChanges, maxPageChanges: maxPageChanges)
    }
}
