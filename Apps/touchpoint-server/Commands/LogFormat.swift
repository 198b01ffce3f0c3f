import ArgumentParser

/// How `serve` writes its log lines.
enum LogFormat: String, CaseIterable, ExpressibleByArgument {
    /// `2026-11-29T20:33:56+0000 info touchpoint.server: key=value [module] message`.
    case text
    /// One JSON object per line (``JSONLogHandler``).
    case json
}
