import Foundation

/// Prints `--json` output on stdout, and nothing else there, in the one JSON style of
/// both CLIs: snake_case keys, lower-case ids, dates as ISO 8601 UTC with milliseconds,
/// a value not known as `null` (never left out), keys sorted, pretty-printed.
///
/// Every `--json` command of `touchpoint-agent` and `touchpointctl` prints through here,
/// so the style is applied in one place: keys are converted to snake_case and UUIDs
/// encoded by `Encodable` types are lower-cased whatever the command built.
///
/// ```swift
/// try JSONOutput.encodable(conflict, adding: ["sequence": 42])
/// ```
public enum JSONOutput {
    /// Prints a JSON-compatible object or array (keys converted to snake_case).
    public static func object(_ object: Any) throws {
        print(try text(object))
    }

    /// Prints an `Encodable` value, with `extra` keys added when it encodes as an object.
    public static func encodable(_ value: some Encodable, adding extra: [String: Any] = [:]) throws {
        var tree = try jsonObject(value)
        if !extra.isEmpty, var object = tree as? [String: Any] {
            object.merge(extra) { _, new in new }
            tree = object
        }
        try self.object(tree)
    }

    /// An `Encodable` value as a JSON-compatible tree in this style, to nest in a larger object.
    public static func jsonObject(_ value: some Encodable) throws -> Any {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Self.date(date))
        }
        let data = try encoder.encode(value)
        let tree = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        return normalized(fillingNulls(tree, from: value), lowercasingIDs: true)
    }

    /// The text `object(_:)` prints, without the line end.
    public static func text(_ object: Any) throws -> String {
        let data = try JSONSerialization.data(
            withJSONObject: normalized(object, lowercasingIDs: false),
            options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes, .fragmentsAllowed])
        return String(decoding: data, as: UTF8.self)
    }

    /// A date as the CLIs print it: ISO 8601 in UTC with milliseconds, e.g. `2025-06-15T14:30:00.000Z`.
    public static func date(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// A key in snake_case: `entityID` → `entity_id`, `isSmallSample` → `is_small_sample`,
    /// `ttrP90` → `ttr_p90`; a snake_case key (`_deleted`, the tombstone field) is returned unchanged.
    public static func snakeCase(_ key: String) -> String {
        let underscores = key.prefix { $0 == "_" }
        var words: [String] = []
        var word = ""
        let characters = Array(key.dropFirst(underscores.count))
        for (index, character) in characters.enumerated() {
            let startsWord: Bool
            if character == "_" {
                if !word.isEmpty { words.append(word) }
                word = ""
                continue
            } else if character.isUppercase, let previous = word.last {
                // `fooBar`: a capital after a lower-case letter or digit; `URLKey`: the last
                // capital of a run when a lower-case letter follows.
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                startsWord = !previous.isUppercase || (next?.isLowercase ?? false)
            } else {
                startsWord = false
            }
            if startsWord {
                words.append(word)
                word = ""
            }
            word.append(character)
        }
        if !word.isEmpty { words.append(word) }
        return underscores + words.map { $0.lowercased() }.joined(separator: "_")
    }

    /// The tree with `null` for each optional stored property of `value` that is nil (an
    /// `Encodable` struct leaves those keys out), in nested structs and arrays too.
    private static func fillingNulls(_ tree: Any, from value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        switch (tree, mirror.displayStyle) {
        case (var object as [String: Any], .struct?):
            for child in mirror.children {
                guard let label = child.label, !label.hasPrefix("$"), !label.hasPrefix("_") else { continue }
                if let present = object[label] {
                    object[label] = fillingNulls(present, from: child.value)
                } else if case .optional? = Mirror(reflecting: child.value).displayStyle,
                    Mirror(reflecting: child.value).children.isEmpty
                {
                    object[label] = NSNull()
                }
            }
            return object
        case (let array as [Any], .collection?) where array.count == mirror.children.count:
            return zip(array, mirror.children).map { fillingNulls($0, from: $1.value) }
        case (_, .optional?):
            return mirror.children.first.map { fillingNulls(tree, from: $0.value) } ?? tree
        default:
            return tree
        }
    }

    /// Keys in snake_case everywhere in the tree; with `lowercasingIDs`, strings that are
    /// UUIDs (as `Encodable` UUIDs come out, upper-case) lower-cased as they are typed back.
    private static func normalized(_ value: Any, lowercasingIDs: Bool) -> Any {
        switch value {
        case let text as String where lowercasingIDs && text.count == 36 && UUID(uuidString: text) != nil:
            return text.lowercased()
        case let array as [Any]:
            return array.map { normalized($0, lowercasingIDs: lowercasingIDs) }
        case let object as [String: Any]:
            var result: [String: Any] = [:]
            for (key, element) in object { result[snakeCase(key)] = normalized(element, lowercasingIDs: lowercasingIDs) }
            return result
        default:
            return value
        }
    }
}
