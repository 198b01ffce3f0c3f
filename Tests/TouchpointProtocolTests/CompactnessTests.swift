import Foundation
import NIOCore
import SwiftProtobuf
import Testing
import TouchpointModel
import TouchpointProtocol

/// Bytes per typical interaction record on the wire, against the same records
/// as NDJSON (the Model's JSON form, one change per line) and gzip'd NDJSON.
/// The figures are printed (and quoted in PROTOCOL.md); the test asserts only
/// the ordering, which holds on any machine.
@Suite struct CompactnessTests {
    struct Figures {
        var records: Int
        var protobuf: Int
        var frameZlib: Int
        var ndjson: Int
        var ndjsonGzip: Int

        func perRecord(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / Double(records)) }

        var line: String {
            "| \(records) | \(perRecord(protobuf)) | \(perRecord(frameZlib)) | \(perRecord(ndjson)) | \(perRecord(ndjsonGzip)) |"
        }
    }

    static func measure(_ count: Int) throws -> Figures {
        let changes = Samples.interactions(count)
        let envelope = try Envelope.pushRequest(requestID: 1, changes: changes)
        var plain = ByteBuffer()
        try FrameEncoder(maxFrameBytes: .max).encode(envelope, into: &plain)
        var packed = ByteBuffer()
        try FrameEncoder(compression: .init(threshold: 0), maxFrameBytes: .max, compressionEnabled: true).encode(envelope, into: &packed)

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var ndjson = Data()
        for sequenced in changes {
            struct Line: Encodable {
                var sequence: UInt64
                var change: Change
            }
            ndjson += try encoder.encode(Line(sequence: sequenced.sequence, change: sequenced.change))
            ndjson += Data("\n".utf8)
        }
        let gzip = Zlib.deflate(ByteBuffer(bytes: ndjson), format: .gzip)
        return Figures(records: count, protobuf: plain.readableBytes, frameZlib: packed.readableBytes,
                       ndjson: ndjson.count, ndjsonGzip: gzip.readableBytes)
    }

    @Test func protobufBatchesAreSmallerThanGzippedNDJSON() throws {
        print("| records per batch | frame, plain | frame, zlib | NDJSON | NDJSON, gzip |")
        for count in [1, 10, 100, 1000] {
            let figures = try Self.measure(count)
            print(figures.line)
            #expect(figures.protobuf < figures.ndjson)
            if count >= 10 {
                #expect(figures.frameZlib < figures.ndjsonGzip)
            }
        }
    }
}
