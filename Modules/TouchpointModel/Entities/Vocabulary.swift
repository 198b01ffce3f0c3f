import Foundation

/// A closed set of values that parses from its raw text with a clear error.
public protocol Vocabulary: RawRepresentable, CaseIterable, Hashable, Sendable, Codable where RawValue == String {
    /// Name used in error messages, e.g. `channel`.
    static var vocabularyName: String { get }
}

extension Vocabulary {
    /// Parses a raw value; the error lists the accepted values.
    public static func parse(_ text: String) throws -> Self {
        if let exact = Self(rawValue: text) { return exact }  // the common case, without Foundation string work
        let normalized = text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "-", with: "_")
        guard let value = Self(rawValue: normalized) else {
            let accepted = allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError(field: vocabularyName, message: "unknown \(vocabularyName) '\(text)' (expected one of: \(accepted))")
        }
        return value
    }
}
