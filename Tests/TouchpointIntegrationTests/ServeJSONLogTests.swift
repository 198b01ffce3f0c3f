import Foundation
import Testing

/// `serve --log-format json`: every log line on stderr is one JSON object with
/// the time, level, label and message, and the metadata as fields.
@Suite struct ServeJSONLogTests {
    @Test func everyLogLineIsOneJSONObject() async throws {
        let data = NSTemporaryDirectory() + "touchpoint-jsonlog-\(UUID().uuidString.prefix(8))"
        _ = try ServerProcess(data: data).command(["init"])
        let lines = try await offPool { () throws -> [String] in
            let process = Process()
            process.executableURL = ServerProcess.binary
            process.arguments = ["serve", "--data", data, "--listen", "127.0.0.1:0", "--log-format", "json"]
            let (out, err) = (Pipe(), Pipe())
            process.standardOutput = out
            process.standardError = err
            try process.run()
            // Its first lines: "listening on" on stdout, then the "serving" log line on stderr.
            var stdout = Data()
            while !String(decoding: stdout, as: UTF8.self).contains("\n") {
                let chunk = out.fileHandleForReading.availableData
                guard !chunk.isEmpty else { break }
                stdout.append(chunk)
            }
            var stderr = Data()
            while !String(decoding: stderr, as: UTF8.self).contains("\"serving\"") {
                let chunk = err.fileHandleForReading.availableData
                guard !chunk.isEmpty else { break }
                stderr.append(chunk)
            }
            process.terminate()
            stderr.append(err.fileHandleForReading.readDataToEndOfFile())
            process.waitUntilExit()
            let text = String(decoding: stderr, as: UTF8.self)
            return text.split(separator: "\n").map(String.init)
        }
        let objects = try lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String], "not one JSON object: \(line)")
        }
        let serving = try #require(objects.first { $0["message"] == "serving" }, "\(lines)")
        #expect(serving["level"] == "info" && serving["label"] == "touchpoint.server")
        #expect(serving["address"]?.contains("127.0.0.1") == true, "metadata as fields: \(serving)")
        #expect(serving["time"]?.hasSuffix("Z") == true && serving["time"]?.contains("T") == true, "\(serving)")
        #expect(objects.contains { $0["message"] == "stopped" }, "\(lines)")
    }
}
