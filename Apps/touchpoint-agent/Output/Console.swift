import ArgumentParser
import Foundation
import TouchpointModel
import TouchpointStore

/// Writes to stdout and stderr, and turns failures into one `error: …` line and an exit code.
enum Console {
    /// Writes a line to stderr.
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Writes text to stderr without a line end (progress bars).
    static func errorRaw(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// True when stderr is a terminal.
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    /// Prints one line for `error` on stderr and exits non-zero (help and version exit as usual).
    static func fail(_ error: any Error) -> Never {
        if let code = error as? ExitCode { exit(code.rawValue) }
        let message: String
        var code: Int32 = 1
        switch error {
        case let error as TouchpointModel.ValidationError: message = error.description
        case let error as StoreError: message = error.message
        case let error as ImportError: message = error.message
        case let error as CLIError: message = error.description
        default:
            let parserCode = TouchpointAgent.exitCode(for: error)
            if parserCode == .success { TouchpointAgent.exit(withError: error) }  // --help, --version
            code = parserCode.rawValue
            message = TouchpointAgent.message(for: error)
        }
        let line = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        self.error("error: \(line)")
        exit(code)
    }
}
