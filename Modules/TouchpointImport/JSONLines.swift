import Foundation
import TouchpointStore

/// Reads JSON Lines: one object per line, blank lines skipped. Values become
/// text the way CSV holds them (numbers in decimal, arrays joined with commas, null as absent).
struct JSONLines: Sendable {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var bytesRead: Int { index }
    var totalBytes: Int { bytes.count }

    mutating func next() -> SourceItem? {
        while index < bytes.count {
            line += 1
            let start = index
            while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            let end = index
            index = min(index + 1, bytes.count)
            let text = bytes[start..<end]
            guard text.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            return item(Data(text))
        }
        return nil
    }

    private func item(_ data: Data) -> SourceItem {
        guard let object = try? JSONSerialization.jsonObject(with: data) else {
            return .bad(RejectedRow(line: line, reason: "not valid JSON"))
        }
        guard let dictionary = object as? [String: Any] else {
            return .bad(RejectedRow(line: line, reason: "expected a JSON object"))
        }
        var values: [String: String] = [:]
        for (key, value) in dictionary {
            guard let text = Self.text(value) else {
                return .bad(RejectedRow(line: line, reason: "\(key): expected text, a number, an array or null"))
            }
            values[key] = text
        }
        let type = values.removeValue(forKey: "type")
        return .row(SourceRow(line: line, type: type?.isEmpty == false ? type : nil, values: values))
    }

    private static func text(_ value: Any) -> String? {
        switch value {
        case is NSNull: return ""
        case let s as String: return s
        case let n as NSNumber:
            let d = n.doubleValue
            return d == d.rounded() && abs(d) < 9e15 ? String(n.int64Value) : String(d)
        case let array as [Any]:
            let parts = array.compactMap { text($0) }
            return parts.count == array.count ? parts.joined(separator: ",") : nil
        default: return nil
        }
    }
}
