/// Builds XHTML-compatible markup: escaped text, double-quoted attributes, self-closed empty elements.
///
/// The output parses as XML as well as HTML, so tests can check it with `XMLParser`.
struct Markup {
    private(set) var text = ""

    /// Escapes `&`, `<`, `>`, `"` and `'` for text and attribute values.
    static func escape(_ value: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(value.utf8.count)
        for character in value {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Opens an element.
    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        text += "<\(name)\(Self.attributes(attributes))>"
    }

    /// Closes an element.
    mutating func close(_ name: String) {
        text += "</\(name)>"
    }

    /// An element whose content `body` writes.
    mutating func wrap(_ name: String, _ attributes: [(String, String)] = [], _ body: (inout Markup) -> Void) {
        open(name, attributes)
        body(&self)
        close(name)
    }

    /// An element holding escaped text.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], _ content: String) {
        text += "<\(name)\(Self.attributes(attributes))>\(Self.escape(content))</\(name)>"
    }

    /// An element without content, self-closed.
    mutating func empty(_ name: String, _ attributes: [(String, String)] = []) {
        text += "<\(name)\(Self.attributes(attributes))/>"
    }

    /// Markup built elsewhere (already escaped).
    mutating func raw(_ markup: String) {
        text += markup
    }

    /// Escaped text.
    mutating func write(_ content: String) {
        text += Self.escape(content)
    }

    private static func attributes(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }
}

/// A number for an SVG coordinate: at most one decimal, no exponent.
func svgNumber(_ value: Double) -> String {
    FigureFormat.fixed(value, 1)
}
