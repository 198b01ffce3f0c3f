import Foundation

extension EntityDescriptor {
    /// Checks every field's value against its descriptor: required fields present
    /// (and required text not blank), wire type, vocabulary, text limits, ranges,
    /// ids and currency codes. Rules that tie fields together stay with the record.
    public func check(_ values: [String: FieldValue]) throws {
        for field in fields { try check(field, values[field.name] ?? .null) }
    }

    private func check(_ field: FieldDescriptor, _ value: FieldValue) throws {
        let path = "\(name).\(field.name)"
        guard !value.isNull else {
            try require(!field.isRequired, path, "is required")
            return
        }
        switch (field.kind, value) {
        case (.integer(let range), .integer(let int)):
            try require(range.contains(int), path, range.lowerBound == 0 && range.upperBound == .max
                ? "must not be negative, got \(int)" : "must be \(range.lowerBound)…\(range.upperBound), got \(int)")
        case (.time, .integer):
            break
        case (.money, .integer(let int)):
            try require((0...FieldKind.maxMoney).contains(int), path, "must be 0…\(FieldKind.maxMoney) minor units, got \(int)")
        case (.text(let size), .text(let text)):
            try require(!field.isRequired || !text.isEmpty, path, "must not be empty")
            switch size {
            case .short: try TextLimit.short(text, path)
            case .long: try TextLimit.long(text, path)
            }
        case (.tags, .text(let text)):
            try TextLimit.long(text, path)
            for tag in text.split(separator: ",") { try TextLimit.short(String(tag), path) }
        case (.slug, .text(let text)):
            try require(Touchpoint.isSlug(text), path, "must be 1–64 letters, digits or '_', got '\(text)'")
        case (.vocabulary(let vocabulary, let accepted), .text(let text)):
            try require(accepted.contains(text), path,
                "unknown \(vocabulary) '\(text)' (expected one of: \(accepted.joined(separator: ", ")))")
        case (.reference, .text(let text)):
            try require(UUID(text: text)?.lowercasedText == text, path, "not a lower-case UUID: '\(text)'")
        case (.currency, .text(let text)):
            try require(text.utf8.count == 3 && text.utf8.allSatisfy { (0x41...0x5a).contains($0) }, path,
                "not an ISO 4217 currency code (three letters, e.g. EUR): '\(text)'")
        default:
            throw ValidationError(field: path, message: "expected \(field.kind.wireType), got \(value)")
        }
    }
}
