import Foundation
import Logging

/// `serve --log-format json`: one JSON object per line on stderr, for log
/// collectors — `time` (ISO 8601, UTC, milliseconds), `level`, `label`, `message`,
/// `source` and the metadata as string fields (`agent`, `peer`, `error`, …).
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields = metadata.merging(metadataProvider?.get() ?? [:]) { _, provided in provided }
            .merging(event.metadata ?? [:]) { _, given in given }
            .mapValues { "\($0)" }
        if let error = event.error { fields["error"] = "\(error)" }
        var line: [String: String] = [
            "time": Self.time(), "level": event.level.rawValue, "label": label, "message": event.message.description,
            "source": event.source,
        ]
        for (key, value) in fields where line[key] == nil { line[key] = value }
        guard var data = try? JSONSerialization.data(withJSONObject: line, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        data.append(UInt8(ascii: "\n"))
        FileHandle.standardError.write(data)
    }

    private static func time() -> String {
        Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(Date())
    }
}
