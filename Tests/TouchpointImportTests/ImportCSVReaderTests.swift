import Testing
import TouchpointImport

@Suite struct ImportCSVReaderTests {
    func records(_ text: String) throws -> [CSVRecord] {
        var reader = CSVReader(Array(text.utf8))
        var all: [CSVRecord] = []
        while let record = try reader.next() { all.append(record) }
        return all
    }

    @Test func plainFieldsAndLineNumbers() throws {
        let all = try records("a,b,c\n1,2,3\n\n4,,6\n")
        #expect(all.map(\.fields) == [["a", "b", "c"], ["1", "2", "3"], ["4", "", "6"]])
        #expect(all.map(\.line) == [1, 2, 4])
    }

    @Test func quotedFieldsWithCommasQuotesAndNewlines() throws {
        let all = try records("name,note\n\"Doe, Jane\",\"said \"\"hi\"\"\"\n\"two\nlines\",x\nlast,\"\"\n")
        #expect(all.map(\.fields) == [["name", "note"], ["Doe, Jane", "said \"hi\""], ["two\nlines", "x"], ["last", ""]])
        #expect(all.map(\.line) == [1, 2, 3, 5])
    }

    @Test func crlfLineEndsAndAByteOrderMark() throws {
        let all = try records("\u{FEFF}a,b\r\n1,\"x\r\ny\"\r\n2,3")
        #expect(all.map(\.fields) == [["a", "b"], ["1", "x\r\ny"], ["2", "3"]])
        #expect(all.map(\.line) == [1, 2, 4])
    }

    @Test func trailingEmptyFieldAndNoFinalNewline() throws {
        #expect(try records("a,b,\n1,2,").map(\.fields) == [["a", "b", ""], ["1", "2", ""]])
    }

    @Test func nonASCIIText() throws {
        #expect(try records("name\nJosé Ñúñez — ☕️\n").map(\.fields) == [["name"], ["José Ñúñez — ☕️"]])
    }

    @Test func unterminatedQuoteNamesItsLine() throws {
        let error = #expect(throws: CSVError.self) { try records("a\n1\n\"open\nnever closed\n") }
        #expect(error?.description == "line 3: unterminated quoted field")
    }

    @Test(arguments: ["plain", "Doe, Jane", "say \"hi\"", "two\nlines", " edge ", "", "crlf\r\n"])
    func writerRoundTripsThroughTheReader(field: String) throws {
        let text = CSVWriter.record([field, nil, "x"])
        #expect(try records("h1,h2,h3\n" + text).last?.fields == [field, "", "x"])
    }
}
