import Foundation
import NIOCore
import SwiftProtobuf
import Testing
import TouchpointModel
import TouchpointProtocol

@Suite struct GoldenVectorTests {
    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: GoldenVector.directory.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }()

    struct Description: Decodable {
        struct Failure: Decodable {
            var code: String
            var number: Int
        }

        struct Sequenced: Decodable {
            var sequence: UInt64
            var change: Change
        }

        var hex: String
        var compressed: Bool?
        var max_frame_bytes: Int
        var error: Failure?
        var batch_error: Failure?
        var changes: [Sequenced]?
    }

    static func load(_ name: String) throws -> (bytes: [UInt8], description: Description, envelopeJSON: String?) {
        let directory = GoldenVector.directory
        let bytes = try [UInt8](Data(contentsOf: directory.appendingPathComponent("\(name).bin")))
        let json = try Data(contentsOf: directory.appendingPathComponent("\(name).json"))
        let description = try JSONDecoder().decode(Description.self, from: json)
        let object = try JSONSerialization.jsonObject(with: json) as? [String: Any]
        let envelope = try object?["envelope"].map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
        return (bytes, description, envelope)
    }

    @Test func everyKindIsCovered() {
        #expect(Self.names.count == GoldenVector.all.count)
        #expect(Self.names.count >= 28)
    }

    @Test(arguments: names)
    func vectorDecodesAndReencodesByteForByte(name: String) throws {
        let (bytes, description, envelopeJSON) = try Self.load(name)
        #expect(bytes.map { String(format: "%02x", $0) }.joined() == description.hex)
        var decoder = FrameDecoder(maxFrameBytes: description.max_frame_bytes)
        var buffer = ByteBuffer(bytes: bytes)

        if let failure = description.error {
            let error = try #require(throws: ProtocolError.self) {
                while try decoder.decodeLast(buffer: &buffer, seenEOF: true) != nil {}
            }
            #expect(error.code.name == failure.code && error.code.rawValue == failure.number)
            return
        }

        let envelope = try #require(try decoder.decodeLast(buffer: &buffer, seenEOF: true))
        #expect(buffer.readableBytes == 0)
        var options = JSONDecodingOptions()
        options.ignoreUnknownFields = false
        #expect(envelope == (try Envelope(jsonString: try #require(envelopeJSON), options: options)))

        let compressed = try #require(description.compressed)
        #expect((bytes[0] & Frame.compressedFlag != 0) == compressed)
        #expect(GoldenVector.frame(envelope, compressed: compressed) == bytes)

        let batch: Touchpoint_V1_ChangeBatch? = switch envelope.body {
        case .pushRequest(let push): push.batch
        case .pullPage(let page): page.batch
        default: nil
        }
        if let failure = description.batch_error {
            let error = try #require(throws: ProtocolError.self) { try batch?.decodedChanges() }
            #expect(error.code.name == failure.code)
        } else if let expected = description.changes {
            let decoded = try #require(try batch?.decodedChanges())
            #expect(decoded == expected.map { SequencedChange(sequence: $0.sequence, change: $0.change) })
        }
    }

    @Test(arguments: EntityType.allCases)
    func eachEntityHasAVectorWithEveryFieldOfItsSchema(entity: EntityType) throws {
        let (_, description, _) = try Self.load("record_\(entity.rawValue)")
        let change = try #require(description.changes?.first?.change)
        #expect(change.entity == entity)
        #expect(Set(change.fields.map(\.name)) == Set(entity.fieldNames))
        #expect(change.fields.allSatisfy { !$0.value.isNull }, "every field is filled")
        try entity.validate(id: change.id, fields: Dictionary(uniqueKeysWithValues: change.fields.map { ($0.name, $0.value) }))
    }

    @Test(arguments: names)
    func idsInTheDescriptionsAreLowerCase(name: String) throws {
        let text = try String(contentsOf: GoldenVector.directory.appendingPathComponent("\(name).json"), encoding: .utf8)
        var rest = text[...]
        while let range = rest.range(of: "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", options: .regularExpression) {
            #expect(rest[range] == rest[range].lowercased(), "\(name): \(rest[range])")
            rest = rest[range.upperBound...]
        }
    }

    @Test func theDigestVectorCarriesTheSpecsWorkedExample() throws {
        let (bytes, _, _) = try Self.load("admin_digest_response")
        var decoder = FrameDecoder(maxFrameBytes: ProtocolLimits.defaultMaxFrameBytes)
        var buffer = ByteBuffer(bytes: bytes)
        let envelope = try #require(try decoder.decodeLast(buffer: &buffer, seenEOF: true))
        guard case .adminResponse(let response) = envelope.body, case .digest(let digest) = response.result else {
            Issue.record("not a digest response")
            return
        }
        let note = try #require(digest.digests.first { $0.entity == .note })
        #expect(note.records == 1)
        #expect(note.digest.map { String(format: "%02x", $0) }.joined() == "8a387a5496d5f3ea")
        #expect(digest.digests.filter { $0.entity != .note }.allSatisfy { $0.records == 0 && $0.digest == Data(count: 8) })
    }

    @Test func committedVectorsMatchTheGenerator() throws {
        for vector in GoldenVector.all {
            let url = GoldenVector.directory.appendingPathComponent("\(vector.name).bin")
            #expect(try [UInt8](Data(contentsOf: url)) == vector.bytes, "\(vector.name) differs from its generator")
        }
    }

    /// Regenerates Protocol/vectors: `TOUCHPOINT_WRITE_VECTORS=1 swift test --filter writeVectors`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TOUCHPOINT_WRITE_VECTORS"] != nil))
    func writeVectors() throws {
        let directory = GoldenVector.directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for vector in GoldenVector.all {
            try Data(vector.bytes).write(to: directory.appendingPathComponent("\(vector.name).bin"))
            try (vector.json() + Data("\n".utf8)).write(to: directory.appendingPathComponent("\(vector.name).json"))
        }
    }
}
