import Foundation
import Testing

/// A part of a document between `<!-- NAME:begin -->` and `<!-- NAME:end -->` that a test
/// renders from the code: the test fails when the document differs, and rewrites the part
/// when the environment variable `write` is `1` (the tools/generate-* scripts set it).
struct GeneratedDocSection {
    /// The document, relative to the package root.
    let path: String
    /// The marker name.
    let name: String
    /// The variable that makes ``check(_:regenerate:sourceLocation:)`` write instead of compare.
    let write: String

    /// Expects the part to be `rendered` (or writes it); `regenerate` names the script that does.
    func check(_ rendered: String, regenerate: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(path)
        var document = try String(contentsOf: url, encoding: .utf8)
        let start = try #require(document.range(of: "<!-- \(name):begin -->"), "\(path) has the \(name) markers")
        let stop = try #require(document.range(of: "<!-- \(name):end -->", range: start.upperBound..<document.endIndex))
        let part = "\n" + rendered + "\n"
        if ProcessInfo.processInfo.environment[write] == "1" {
            document.replaceSubrange(start.upperBound..<stop.lowerBound, with: part)
            try document.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(
            String(document[start.upperBound..<stop.lowerBound]) == part,
            "\(path)'s \(name) differ from the descriptors: run \(regenerate)", sourceLocation: sourceLocation)
    }
}
