import Foundation
import TouchpointCLI

/// A one-line progress bar on stderr, redrawn at most ten times a second; silent when stderr is not a terminal.
final class ProgressBar {
    private let enabled: Bool
    private var lastDraw = ContinuousClock.now - .seconds(1)
    private var drawn = false

    /// A bar that draws only when `enabled` and stderr is a terminal.
    init(enabled: Bool) { self.enabled = enabled && Console.stderrIsTerminal }

    /// Redraws with `done` of `total` and a caption.
    func update(done: Int, total: Int, caption: String) {
        guard enabled, total > 0 else { return }
        let now = ContinuousClock.now
        guard now - lastDraw >= .milliseconds(100) || done >= total else { return }
        lastDraw = now
        let width = 30
        let fraction = min(1, Double(done) / Double(total))
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        Console.errorRaw("\r\(bar) \(Int(fraction * 100))% \(caption)\u{1B}[K")
        drawn = true
    }

    /// Erases the bar so the next line starts clean.
    func clear() {
        guard drawn else { return }
        Console.errorRaw("\r\u{1B}[K")
        drawn = false
    }
}
