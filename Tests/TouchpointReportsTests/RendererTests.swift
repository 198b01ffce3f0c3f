import Foundation
import Testing
import TouchpointModel
import TouchpointReports

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("Renderers")
struct RendererTests {
    @Test(arguments: [60, 100, 160])
    func tableFitsTheWidth(_ width: Int) throws {
        let result = try Fixture.report(by: [.channel, .week])
        let text = try TableRenderer(width: width).render(result)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= width })
        #expect(text.contains("(all)") && text.contains("phone") && text.contains("2026-W45"))
        // Every metric column appears, in one or several blocks.
        for heading in ["NPS", "CSAT", "CES", "TTR median", "TTR p90", "FCR", "Reopen"] {
            #expect(text.contains(heading))
        }
        // The overall NPS with its margin, sample size and small-sample mark.
        #expect(text.contains("+18.2 ±49.2 n=11*"))
        #expect(text.contains("Churn 25.0% n=4* · Retention 75.0% n=4*"))
        #expect(text.contains("* small sample (n < 30)"))
    }

    @Test func tableColumnsAlign() throws {
        let text = try TableRenderer(width: 200).render(try Fixture.report(by: [.channel]))
        let lines = text.split(separator: "\n").map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("Channel") })
        // The rule under the heading and every row have the heading's column boundaries.
        let rule = lines[header + 1]
        #expect(rule.allSatisfy { $0 == "-" || $0 == " " })
        let rows = lines[(header + 2)...(header + 7)]
        #expect(rows.first?.hasPrefix("(all)") == true)
        let ruleEnd = rule.count
        #expect(rows.allSatisfy { $0.count <= ruleEnd })
        #expect(rows.contains { $0.count == ruleEnd })
    }

    @Test func csvParsesBackToTheSameNumbers() throws {
        let result = try Fixture.report(by: [.channel])
        let rows = parseCSV(try CSVRenderer().render(result))
        let header = rows[0]
        #expect(header.prefix(3) == ["scope", "channel", "nps"])
        #expect(rows.count == 1 + 1 + result.groups.count)
        func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name)) }
        for (row, expected) in zip(rows.dropFirst(), [result.overall] + result.groups) {
            #expect(row.count == header.count)
            for metric in Metric.allCases {
                let figure = expected[metric]
                let value = row[try column(metric.rawValue)]
                #expect((value.isEmpty ? nil : Double(value)) == figure?.value, "\(metric) in \(row[1])")
                if let figure {
                    #expect(Int(row[try column(metric.rawValue + "_n")]) == figure.n)
                    #expect(row[try column(metric.rawValue + "_small")] == (figure.isSmallSample ? "true" : "false"))
                }
            }
            if let moe = expected[.nps]?.marginOfError {
                #expect(Double(row[try column("nps_moe")]) == moe)
            }
        }
        #expect(rows[1][0] == "overall" && rows[2][0...1] == ["group", "phone"])
        #expect(rows[1][try column("churn")] == "25")
    }

    @Test func csvTrendAndJourneyMap() throws {
        let result = try Fixture.report()
        let trend = parseCSV(try CSVRenderer(content: .trend).render(result))
        #expect(trend.map { $0[0] } == ["week", "2026-W45", "2026-W46", "2026-W47", "2026-W48"])
        let npsColumn = try #require(trend[0].firstIndex(of: "nps"))
        #expect(trend.dropFirst().map { Double($0[npsColumn]) } == [100, 0, 0, -100])
        let journey = parseCSV(try CSVRenderer(content: .journeyMap).render(result))
        #expect(journey[0].prefix(4) == ["stage", "touchpoint", "interactions", "nps"])
        #expect(journey[3].prefix(3) == ["support", "billing", "3"])
        #expect(Double(journey[3][3]) == result.journeyMap[2].nps.value)
    }

    @Test func csvQuotesAndDefusesText() throws {
        let result = try reportWithExtraTeam("=cmd, \"quoted\"")
        let csv = try CSVRenderer().render(result)
        #expect(csv.contains("\"'=cmd, \"\"quoted\"\"\""))
        #expect(parseCSV(csv).contains { $0.count > 1 && $0[1] == "'=cmd, \"quoted\"" })
    }

    @Test func jsonDecodesBack() throws {
        let result = try Fixture.report(by: [.channel, .month])
        let json = try JSONRenderer().render(result)
        #expect(try JSONRenderer.decode(json) == result)
        #expect(json.contains("\"generated_at\" : \"2026-12-01T08:00:00.000Z\""))
        // Keys are snake_case and sorted: "dimensions" before "generated_at" before "groups".
        let dimensions = try #require(json.range(of: "\"dimensions\""))
        let groups = try #require(json.range(of: "\"groups\""))
        #expect(dimensions.lowerBound < groups.lowerBound)
        #expect(json.contains("\"nps\" : {"))
        let compact = try JSONRenderer(prettyPrinted: false).render(result)
        #expect(try JSONRenderer.decode(compact) == result)
    }

    @Test func jsonKeysAreSnakeCaseAndNoDataIsNull() throws {
        let result = try Fixture.report(by: [.channel])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(JSONRenderer().render(result).utf8)) as? [String: Any])
        var keys: Set<String> = []
        func collect(_ value: Any) {
            if let dictionary = value as? [String: Any] {
                keys.formUnion(dictionary.keys)
                dictionary.values.forEach(collect)
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        collect(object)
        #expect(keys.allSatisfy { $0 == $0.lowercased() && !$0.contains("-") }, "\(keys.sorted())")
        let period = try #require(object["period"] as? [String: Any])
        #expect(period["start"] as? String == "2026-11-02T00:00:00.000Z" && period["end"] as? String == "2026-11-30T00:00:00.000Z")
        let video = try #require((object["groups"] as? [[String: Any]])?.first { ($0["key"] as? [String]) == ["video"] })
        let ces = try #require((video["metrics"] as? [String: Any])?["ces"] as? [String: Any])
        #expect(ces["value"] is NSNull && ces["margin_of_error"] is NSNull && ces["n"] as? Int == 0)
        #expect(ces["small_sample"] as? Bool == true)
    }

    @Test func htmlIsSelfContainedWellFormedAndHasTheFigures() throws {
        let result = try reportWithExtraTeam("R&D <West> \"x\"")
        let html = try HTMLRenderer().render(result)
        // Parses as XML: every element closed, every text escaped.
        let parser = XMLParser(data: Data(html.utf8))
        let counter = ElementCounter()
        parser.delegate = counter
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        // No network: no URL of any kind, no external resources.
        #expect(!html.lowercased().contains("http"))
        #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("@import") && !html.contains("url(http"))
        // The text is escaped.
        #expect(html.contains("R&amp;D &lt;West&gt; &quot;x&quot;"))
        #expect(!html.contains("<West>"))
        // Scorecard, group table, a chart per metric, three heat maps.
        #expect(counter.counts["svg"] == Metric.perGroup.count + 3)
        #expect(html.contains("id=\"scorecard\"") && html.contains("id=\"groups\"") && html.contains("id=\"journey\""))
        // 12 answers now: promoters 6, detractors 3 → NPS 25, flagged as a small sample.
        #expect(html.contains("+25.0<span class=\"badge\">n&lt;30</span>"))
        #expect(html.contains("class=\"card small\" data-metric=\"nps\""))
        #expect(html.contains("4 customers active at start, 1 lost, 1 new, 4 at end."))
        for label in ["2026-W45", "2026-W48", "onboarding", "billing"] { #expect(html.contains(label)) }
    }
}

/// The fixture report by team, with one more answer (NPS 9 from c1) credited to `team`.
func reportWithExtraTeam(_ team: String) throws -> ReportResult {
    var dataset = Fixture.dataset
    dataset.feedback.append(
        try FeedbackResponse(
            customerID: Fixture.c1, kind: .nps, score: 9, collectedAt: Fixture.date("2026-11-05T10:00"), team: team
        )
    )
    return try ReportEngine.compute(
        ReportRequest(by: [.team], from: Fixture.from, to: Fixture.to), on: dataset,
        generatedAt: Fixture.date("2026-12-01T08:00")
    )
}

/// Counts elements by name while parsing.
final class ElementCounter: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        counts[elementName, default: 0] += 1
    }
}

/// A minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF rows.
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = [], row: [String] = [], field = ""
    var inQuotes = false
    var characters = Array(text)[...]
    while let character = characters.popFirst() {
        if inQuotes {
            if character == "\"" {
                if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { inQuotes = false }
            } else {
                field.append(character)
            }
        } else if character == "\"" {
            inQuotes = true
        } else if character == "," {
            row.append(field)
            field = ""
        } else if character == "\r\n" || character == "\n" {
            row.append(field)
            rows.append(row)
            row = []
            field = ""
        } else {
            field.append(character)
        }
    }
    if !field.isEmpty || !row.isEmpty { rows.append(row + [field]) }
    return rows
}
