/// A scrape in the Prometheus text format 0.0.4, parsed: each `# TYPE` line and
/// each `name{label="value",…} value` sample line.
package struct PrometheusText: Sendable {
    /// One sample line.
    package struct Sample: Hashable, Sendable {
        package var name: String
        package var labels: [String: String]
        package var value: Double
    }

    /// Every sample, in the order of the text.
    package var samples: [Sample] = []
    /// The type each metric family declares (`counter`, `gauge`, `histogram`).
    package var types: [String: String] = [:]

    /// Parses `text`; a line that is neither a comment nor a sample is an error naming it.
    package init(parsing text: String) throws {
        for line in text.split(separator: "\n") where !line.isEmpty {
            if line.hasPrefix("# TYPE ") {
                let words = line.split(separator: " ")
                guard words.count == 4 else { throw Malformed(line: String(line)) }
                types[String(words[2])] = String(words[3])
            } else if !line.hasPrefix("#") {
                samples.append(try Self.sample(String(line)))
            }
        }
    }

    /// The value of the sample `name` whose labels include `labels`; nil when there is none.
    package func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        samples.first { sample in sample.name == name && labels.allSatisfy { sample.labels[$0.key] == $0.value } }?.value
    }

    private static func sample(_ line: String) throws -> Sample {
        guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else {
            throw Malformed(line: line)
        }
        let series = line[..<space]
        guard let brace = series.firstIndex(of: "{") else {
            return Sample(name: String(series), labels: [:], value: value)
        }
        guard series.hasSuffix("}") else { throw Malformed(line: line) }
        var labels: [String: String] = [:]
        // Label values here never hold `",` or escapes: fixed dimensions, set by the server.
        for pair in series[series.index(after: brace)..<series.index(before: series.endIndex)].split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[1].hasPrefix("\""), parts[1].hasSuffix("\"") else { throw Malformed(line: line) }
            labels[String(parts[0])] = String(parts[1].dropFirst().dropLast())
        }
        return Sample(name: String(series[..<brace]), labels: labels, value: value)
    }

    /// A line the parser does not understand.
    package struct Malformed: Error, CustomStringConvertible {
        let line: String
        package var description: String { "not a Prometheus text line: \(line)" }
    }
}
