import Foundation

/// Touchpoints are an open set (purchase, billing, complaint, …) kept as slugs.
public enum Touchpoint {
    /// Normalizes and checks a touchpoint name: lowercase letters, digits and `_`, 1–64 characters; the error
    /// names `field` (e.g. `interaction.touchpoint`).
    public static func validate(_ text: String, field: String = "touchpoint") throws -> String {
        if isSlug(text) { return text }  // already normalized: the common case
        let slug = text.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
        try require(isSlug(slug), field, "touchpoint must be 1–64 letters, digits or '_', got '\(text)'")
        return slug
    }

    /// True for a normalized touchpoint: 1–64 of `a-z`, `0-9`, `_`.
    static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 64
            && text.utf8.allSatisfy { (0x61...0x7a).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5f }
    }
}
