import ArgumentParser
import Foundation
import TOMLKit

/// `serve`'s settings from three places, flags winning: the command line, then
/// `TOUCHPOINT_*` environment variables, then a TOML file (`--config FILE`, or
/// `TOUCHPOINT_CONFIG`). A setting's name is its flag's: `max-connections = 1000`
/// in the file, `TOUCHPOINT_MAX_CONNECTIONS=1000` in the environment.
///
/// The known names are `serve`'s own options (read from the command's
/// description), so a flag added to `serve` is a setting everywhere at once, and a
/// misspelt one is refused with the file's name and the names it could be.
enum ServeSettings {
    /// `serve`'s options, long names without the dashes.
    static let names: [String] = {
        struct Dump: Decodable {
            struct Command: Decodable { let arguments: [Argument]? }
            struct Argument: Decodable {
                let kind: String
                let names: [Name]?
            }
            struct Name: Decodable {
                let kind: String
                let name: String
            }
            let command: Command
        }
        let dump = try? JSONDecoder().decode(Dump.self, from: Data(Serve._dumpHelp().utf8))
        return (dump?.command.arguments ?? []).filter { $0.kind == "option" }
            .compactMap { $0.names?.first { $0.kind == "long" }?.name }.filter { $0 != "config" && $0 != "help" }
    }()

    /// The environment variable of a setting: `max-connections` → `TOUCHPOINT_MAX_CONNECTIONS`.
    static func variable(_ name: String) -> String {
        "TOUCHPOINT_" + name.uppercased().replacingOccurrences(of: "-", with: "_")
    }

    /// `serve`'s command line (after `serve`) with the settings of the environment and
    /// the file added for every option the command line does not give.
    static func arguments(_ given: [String], environment: [String: String]) throws -> [String] {
        var given = given
        var path = environment["TOUCHPOINT_CONFIG"]
        if let index = given.firstIndex(where: { $0 == "--config" || $0.hasPrefix("--config=") }) {
            if given[index] == "--config" {
                guard given.indices.contains(index + 1) else { throw UserError("--config needs a FILE") }
                path = given[index + 1]
                given.removeSubrange(index...(index + 1))
            } else {
                path = String(given[index].dropFirst("--config=".count))
                given.remove(at: index)
            }
        }
        let file = try path.map(read) ?? [:]
        var arguments = given
        for name in names where !given.contains(where: { $0 == "--\(name)" || $0.hasPrefix("--\(name)=") }) {
            // `--name=value`: a value that starts with a dash (-1) stays a value.
            if let value = environment[variable(name)] ?? file[name] { arguments.append("--\(name)=\(value)") }
        }
        return arguments
    }

    /// The settings of a TOML file, as flag values; an unknown name or a value that is
    /// not a string, number or boolean is refused in one line naming the file.
    static func read(_ path: String) throws -> [String: String] {
        guard let data = FileManager.default.contents(atPath: path) else { throw UserError("cannot read the config file \(path)") }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: String(decoding: data, as: UTF8.self))
        } catch let error as TOMLParseError {
            throw UserError("\(path): \(error.description) (line \(error.source.begin.line), column \(error.source.begin.column))")
        }
        var settings: [String: String] = [:]
        for key in table.keys.sorted() {
            guard names.contains(key) else {
                throw UserError("\(path): unknown setting '\(key)'; serve's settings are \(names.joined(separator: ", "))")
            }
            let value = table[key]
            if let text = value?.string {
                settings[key] = text
            } else if let number = value?.int {
                settings[key] = String(number)
            } else if let number = value?.double {
                settings[key] = String(number)
            } else if let flag = value?.bool {
                settings[key] = String(flag)
            } else {
                throw UserError("\(path): setting '\(key)' must be a string, a number or a boolean")
            }
        }
        return settings
    }
}
