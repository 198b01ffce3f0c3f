import ArgumentParser
import Foundation

/// Writes to stdout and stderr, and turns failures into one `error: …` line and an exit code.
public enum Console {
    /// Writes a line to stderr.
    public static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Writes text to stderr without a line end (progress bars).
    public static func errorRaw(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// True when stderr is a terminal.
    public static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    /// True when stdout is a terminal.
    public static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) != 0 }

    /// The terminal's width in columns: `COLUMNS`, else the tty's, else 100.
    public static var terminalWidth: Int {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 100
    }

    /// Prints one line for `error` on stderr and exits non-zero (help and version exit as usual).
    ///
    /// `describe` gives the message of the library errors the app knows; others are the parser's.
    public static func fail<Command: ParsableCommand>(
        _ error: any Error, as command: Command.Type, describe: (any Error) -> String?
    ) -> Never {
        if let code = error as? ExitCode { exit(code.rawValue) }
        var code: Int32 = 1
        let message: String
        if let cliError = error as? CLIError {
            message = cliError.description
        } else if let described = describe(error) {
            message = described
        } else {
            let parserCode = Command.exitCode(for: error)
            if parserCode == .success { Command.exit(withError: error) }  // --help, --version
            code = parserCode.rawValue
            message = Command.message(for: error)
        }
        let line = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        self.error("error: \(line)")
        exit(code)
    }
}

extension ParsableCommand {
    /// Parses the command line, runs the chosen command and turns any failure into one
    /// `error: …` line on stderr and a non-zero exit; `describe` names the app's library errors.
    public static func runAsRoot(describe: @Sendable (any Error) -> String?) async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            Console.fail(error, as: Self.self, describe: describe)
        }
    }
}
