/// The longest free text each field accepts, so that any record fits a sync
/// frame with room to spare (PROTOCOL.md §8) and no single edit can stall a
/// territory's sync.
///
/// - Short text (names, email, phone, segment, persona, territory, each tag,
///   case subject, team): at most 200 characters (and 800 bytes of UTF-8).
/// - Long text (note body, interaction summary, feedback comment, follow-up
///   note, and a customer's tags together): at most 64 KiB of UTF-8.
///
/// Free text may not contain NUL (U+0000): SQLite's text binding ends a value
/// at its first NUL, so a replica would keep a silently shortened string.
///
/// Every entity's `validate()` checks them, so the agent refuses an over-long
/// value when it is written and the server refuses it when it is pushed.
public enum TextLimit {
    /// Most characters in a short text field.
    public static let shortCharacters = 200
    /// Most UTF-8 bytes in a short text field (4 per character, so only
    /// pathological strings of combining marks reach it before the character limit).
    public static let shortBytes = 4 * shortCharacters
    /// Most UTF-8 bytes in a long text field: 64 KiB.
    public static let longBytes = 64 * 1024

    /// Refuses a short text over 200 characters.
    static func short(_ value: String?, _ field: String) throws {
        guard let value else { return }
        try refuseNUL(value, field)
        try require(
            value.count <= shortCharacters && value.utf8.count <= shortBytes, field,
            "must be at most \(shortCharacters) characters, got \(value.count)")
    }

    /// Refuses a long text over 64 KiB of UTF-8.
    static func long(_ value: String?, _ field: String) throws {
        guard let value else { return }
        try refuseNUL(value, field)
        try require(
            value.utf8.count <= longBytes, field,
            "must be at most 64 KiB (\(longBytes) bytes of UTF-8), got \(value.utf8.count) bytes")
    }

    /// Refuses text with a NUL character, which SQLite would cut the value at.
    private static func refuseNUL(_ value: String, _ field: String) throws {
        try require(!value.utf8.contains(0), field, "must not contain a NUL character (U+0000)")
    }
}
