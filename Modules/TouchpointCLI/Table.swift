/// A table for humans: a header row and aligned columns separated by two spaces.
public struct Table {
    public var headers: [String]
    public var rows: [[String]] = []

    public init(_ headers: String...) { self.headers = headers }

    public mutating func add(_ cells: String...) { rows.append(cells) }

    /// Adds a row from an array of cells.
    public mutating func add(row cells: [String]) { rows.append(cells) }

    /// The table as lines, each without trailing spaces.
    public var lines: [String] {
        var widths = headers.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        return ([headers] + rows).map { row in
            let padded = row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: max(0, widths[i] - cell.count))
            }
            var line = padded.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// Prints the table, or `empty` when it has no rows.
    public func print(empty: String) {
        if rows.isEmpty {
            Swift.print(empty)
        } else {
            for line in lines { Swift.print(line) }
        }
    }
}
