// Fuzz target: bytes from the network go through the whole server session —
// frame decoding, ServerSessionStateMachine, SyncService and its handlers — into
// a fresh in-memory SQLite store per input, with a registered agent and admin so
// the authenticated paths are reached. See SessionHarness for the input format
// and the invariants checked; `--write-seeds DIR` writes the seed corpus.
import CLibFuzzer
import Foundation

if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "--write-seeds" {
    let count = try SeedCorpus.write(to: URL(fileURLWithPath: CommandLine.arguments[2]))
    print("wrote \(count) seeds to \(CommandLine.arguments[2])")
    exit(0)
}

let harness = try SessionHarness()

/// One fuzz input (also exported under libFuzzer's conventional name).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzSession(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    harness.run(Array(UnsafeBufferPointer(start: start, count: count)))
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzSession(data, size) })
