/// Splits RFC 4180 CSV into records: quoted fields with embedded commas,
/// doubled quotes and newlines; LF or CRLF line ends; a leading UTF-8 BOM is skipped.
///
/// ```swift
/// var reader = CSVReader(Array("a,b\n1,\"x, y\"\n".utf8))
/// while let record = try reader.next() { print(record.line, record.fields) }
/// ```
public struct CSVReader: Sendable {
    private let bytes: [UInt8]
    private var index: Int
    private var line = 1

    /// Reads from UTF-8 bytes.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        index = bytes.starts(with: bom) ? 3 : 0
    }

    /// How far into the input the reader is (for progress).
    public var bytesRead: Int { index }

    /// The input size in bytes.
    public var totalBytes: Int { bytes.count }

    /// The next record, nil at the end; blank lines are skipped.
    public mutating func next() throws(CSVError) -> CSVRecord? {
        while index < bytes.count {
            let start = line
            let fields = try readRecord()
            if fields.count == 1, fields[0].isEmpty { continue }  // blank line
            return CSVRecord(line: start, fields: fields)
        }
        return nil
    }

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")

    private mutating func readRecord() throws(CSVError) -> [String] {
        var fields: [String] = []
        while true {
            let (field, endOfRecord) = try readField()
            fields.append(field)
            if endOfRecord { return fields }
        }
    }

    /// Reads one field and the delimiter after it; true when the delimiter ends the record.
    private mutating func readField() throws(CSVError) -> (String, Bool) {
        if index < bytes.count, bytes[index] == Self.quote { return try readQuotedField() }
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case Self.comma:
                defer { index += 1 }
                return (text(start..<index), false)
            case Self.lf, Self.cr:
                let end = index
                consumeLineEnd()
                return (text(start..<end), true)
            default:
                index += 1
            }
        }
        return (text(start..<index), true)
    }

    private mutating func readQuotedField() throws(CSVError) -> (String, Bool) {
        let startLine = line
        index += 1  // opening quote
        var value: [UInt8] = []
        var runStart = index
        while true {
            guard index < bytes.count else {
                throw CSVError(line: startLine, message: "unterminated quoted field")
            }
            let byte = bytes[index]
            if byte == Self.quote {
                value.append(contentsOf: bytes[runStart..<index])
                if index + 1 < bytes.count, bytes[index + 1] == Self.quote {
                    value.append(Self.quote)
                    index += 2
                    runStart = index
                    continue
                }
                index += 1  // closing quote
                break
            }
            if byte == Self.lf { line += 1 }
            index += 1
        }
        // Lenient about text between the closing quote and the delimiter: keep it.
        let tail = index
        while index < bytes.count, ![Self.comma, Self.lf, Self.cr].contains(bytes[index]) { index += 1 }
        value.append(contentsOf: bytes[tail..<index])
        let field = String(decoding: value, as: UTF8.self)
        guard index < bytes.count else { return (field, true) }
        if bytes[index] == Self.comma {
            index += 1
            return (field, false)
        }
        consumeLineEnd()
        return (field, true)
    }

    private mutating func consumeLineEnd() {
        if bytes[index] == Self.cr { index += 1 }
        if index < bytes.count, bytes[index] == Self.lf { index += 1 }
        line += 1
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}
