import Foundation
import Testing
@testable import TouchpointModel

/// The verify digest as PROTOCOL.md section 6.9 lays it out, byte for byte.
@Suite struct RecordDigestTests {
    static let site = SiteID(UUID(uuidString: "6f1c2a7e-3b9d-4e51-8a0c-2d4f6b8e1a35")!)
    static let serverSite = SiteID(UUID(uuidString: "0b5e9c3d-71a4-4f28-9d6e-c8a1f3b2e704")!)

    /// The record of the worked example, from the numbers printed in the spec.
    static let workedExample: RecordState = {
        let version = FieldVersion(hlc: HLC(rawValue: 0x018f_766f_f5c0_0001), site: site)
        let values: [String: FieldValue] = [
            "author_agent_id": .text("a3d8f1c6-5e2b-47a9-b0d4-9c7e1f3a6b58"),
            "body": .text("Called back"),
            "case_id": .null,
            "created_at": .integer(1_715_679_000_000),
            "customer_id": .text("c4e1b7a2-9f3d-4c65-8e0b-1a2d3f4e5b6c"),
        ]
        return RecordState(
            entity: .note, id: UUID(uuidString: "11111111-2222-4333-8444-555555555555")!,
            fields: values.mapValues { FieldState(value: $0, version: version) })
    }()

    static let workedExampleHash = "8a387a5496d5f3ea"

    static var spec: String {
        var url = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return (try? String(contentsOf: url.appendingPathComponent("Protocol/PROTOCOL.md"), encoding: .utf8)) ?? ""
    }

    @Test func theSpecsWorkedExampleHashesToTheHexItPrints() {
        let hash = RecordDigest.hash(Self.workedExample)
        #expect(String(format: "%016llx", hash) == Self.workedExampleHash)
        #expect(Self.spec.contains("`\(Self.workedExampleHash)`"), "PROTOCOL.md prints the digest of its worked example")
        var digest = RecordDigest()
        digest.add(Self.workedExample)
        #expect(digest.entities["note"] == RecordDigest.Part(count: 1, sum: hash))
        #expect(digest.entities["customer"] == RecordDigest.Part())
    }

    @Test func valuesAreWrittenAsTheSpecSays() {
        #expect(RecordDigest.digestText(.null) == "null")
        #expect(RecordDigest.digestText(.text("null")) == "\"null\"")
        #expect(RecordDigest.digestText(.text("say \"hi\"")) == "\"say \"hi\"\"", "text is quoted, never escaped")
        #expect(RecordDigest.digestText(.integer(-42)) == "-42")
        #expect(RecordDigest.digestText(.real(0.75)) == "r3fe8000000000000")
        #expect(RecordDigest.digestText(.real(0)) == "r0000000000000000")
        #expect(RecordDigest.digestText(.real(-0.0)) == "r8000000000000000")
    }

    /// A real (in a field a newer replica added) hashes by its IEEE-754 bits, not by how Swift prints it.
    @Test func aRealHashesByItsBits() {
        let version = FieldVersion(hlc: HLC(physical: 1_715_679_006_000, logical: 0), site: Self.serverSite)
        let record = RecordState(
            entity: .customer, id: UUID(uuidString: "c4e1b7a2-9f3d-4c65-8e0b-1a2d3f4e5b6c")!,
            fields: [
                "score": FieldState(value: .real(0.75), version: version),
                tombstoneField: FieldState(value: .integer(1), version: version),
                "name": FieldState(value: .text("Anika"), version: version),
            ])
        #expect(String(format: "%016llx", RecordDigest.hash(record)) == "ffbe5c7d57608a7d")
    }

    @Test func theSumDoesNotDependOnOrder() {
        var other = Self.workedExample
        other.id = UUID(uuidString: "22222222-2222-4333-8444-555555555555")!
        var forward = RecordDigest()
        forward.add(Self.workedExample)
        forward.add(other)
        var backward = RecordDigest()
        backward.add(other)
        backward.add(Self.workedExample)
        #expect(forward == backward)
        #expect(forward.entities["note"]?.sum == RecordDigest.hash(Self.workedExample) &+ RecordDigest.hash(other))
    }
}
