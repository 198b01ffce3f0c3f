import Foundation
import Testing
import TouchpointModel
import TouchpointReports

#if canImport(FoundationXML)
import FoundationXML
#endif

/// CLV and revenue at risk on a dataset computed by hand.
///
/// Period 2026-03-02 (Monday, ISO week 10) to 2026-03-30: 28 days, weeks W10–W13. Every customer
/// but the prospect had an interaction in February, so joined before the period.
///
/// | customer | segment | annual value | lifecycle | in the period |
/// |---|---|---|---|---|
/// | a1 | smb | EUR 1,200.00 | active | NPS 3 by phone (03-05), then 9 by email (03-20): latest is a promoter |
/// | a2 | smb | EUR 600.00 | active | NPS 2 by phone (03-10): at risk |
/// | a3 | enterprise | USD 5,000.00 | active | NPS 6 by email (03-12): at risk |
/// | a4 | smb | none (EUR, no amount) | active | phone interaction 03-03, NPS 0 by phone 03-04: at risk, no value |
/// | a5 | smb | EUR 300.00 | churned | phone interaction and NPS 1 on 03-15: lost in W11, not at risk |
/// | a6 | smb | EUR 9,999.99 | prospect | phone interaction 03-06: never counted |
/// | a7 | enterprise | JPY 5,000,000 | active | nothing: not in any row |
@Suite struct CustomerValueTests {
    static let from = date("2026-03-02T00:00"), to = date("2026-03-30T00:00")
    static let ana = try! Agent(id: id(900), name: "Ana", team: "North", territories: ["north"])

    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }
    static func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text + ":00Z")! }

    static func customer(
        _ n: Int, _ segment: String, _ value: Int64?, _ currency: String?, _ lifecycle: LifecycleStage = .active
    ) -> Customer {
        var customer = try! Customer(id: id(n), name: "a\(n)", segment: segment, lifecycle: lifecycle, territory: "north")
        customer.annualValue = value
        customer.currency = currency
        return customer
    }

    static func interaction(_ n: Int, _ customer: Int, _ when: String, _ channel: Channel = .phone) -> Interaction {
        try! Interaction(
            id: id(100 + n), customerID: id(customer), agentID: ana.id, occurredAt: date(when), channel: channel,
            touchpoint: "billing", stage: .support, outcome: .resolved)
    }

    static func nps(_ n: Int, _ customer: Int, _ score: Int, _ when: String, _ channel: Channel) -> FeedbackResponse {
        try! FeedbackResponse(
            id: id(200 + n), customerID: id(customer), agentID: ana.id, kind: .nps, score: score, collectedAt: date(when),
            channel: channel, touchpoint: "billing", stage: .support)
    }

    static let dataset = ReportDataset(
        customers: [
            customer(1, "smb", 120_000, "EUR"), customer(2, "smb", 60_000, "EUR"), customer(3, "enterprise", 500_000, "USD"),
            customer(4, "smb", nil, "EUR"), customer(5, "smb", 30_000, "eur", .churned),
            customer(6, "smb", 999_999, "EUR", .prospect), customer(7, "enterprise", 5_000_000, "JPY"),
        ],
        interactions: [1, 2, 3, 4, 5, 7].map { interaction($0, $0, "2026-02-10T10:00") } + [
            interaction(14, 4, "2026-03-03T10:00"), interaction(15, 5, "2026-03-15T10:00"), interaction(16, 6, "2026-03-06T10:00"),
        ],
        feedback: [
            nps(1, 1, 3, "2026-03-05T10:00", .phone), nps(2, 1, 9, "2026-03-20T10:00", .email),
            nps(3, 2, 2, "2026-03-10T10:00", .phone), nps(4, 3, 6, "2026-03-12T10:00", .email),
            nps(5, 4, 0, "2026-03-04T10:00", .phone), nps(6, 5, 1, "2026-03-15T09:00", .phone),
        ],
        agents: [ana]
    )

    static func report(by: [ReportDimension] = [], threshold: Int = 30) throws -> ReportResult {
        try ReportEngine.compute(
            ReportRequest(by: by, from: from, to: to, smallSampleThreshold: threshold), on: dataset,
            generatedAt: date("2026-04-01T08:00"))
    }

    /// 6 customers active at the start (a1–a5, a7), 1 lost (a5) in 28 days: churn 1/6 a period,
    /// (1/6)·365.25/28 ≈ 2.174 a year, lifetime 6·28/365.25 = 168/365.25 ≈ 0.460 years.
    static let overallYears = 168 / 365.25

    @Test func overallCLVPerCurrency() throws {
        let value = try Self.report().overall.customerValue
        let lifetime = try #require(value.lifetime)
        #expect(lifetime.n == 6 && lifetime.lost == 1 && lifetime.periodDays == 28)
        #expect(isClose(lifetime.years, Self.overallYears, tolerance: 1e-12) && !lifetime.isCapped)
        #expect(isClose(lifetime.annualChurnPercent, 100.0 / 6 * 365.25 / 28, tolerance: 1e-9))
        // Customers with a record in the period: a1–a5 (a6 is a prospect, a7 has none); a4 has no amount.
        #expect(value.customers == 5 && value.withoutValue == 1)
        #expect(value.currencies.map(\.currency) == ["EUR", "USD"])  // never JPY: a7 is in no row; "eur" is EUR
        // EUR: a1 120,000 + a2 60,000 + a5 30,000 (churned in the period, still a customer of it) → mean 70,000.
        let eur = try #require(value["EUR"])
        #expect(eur.meanAnnualValue.value == 70_000 && eur.meanAnnualValue.n == 3)
        #expect(isClose(eur.clv.value, 70_000 * Self.overallYears, tolerance: 1e-6))  // ≈ 32,197 cents
        #expect(eur.clv.n == 3 && eur.clv.isSmallSample)
        let usd = try #require(value["USD"])
        #expect(isClose(usd.clv.value, 500_000 * Self.overallYears, tolerance: 1e-6))
    }

    @Test func revenueAtRiskCountsTheLatestAnswerOnly() throws {
        let value = try Self.report().overall.customerValue
        // At risk: a2 (EUR 60,000), a3 (USD 500,000), a4 (no amount). Not a1: its latest answer is a 9
        // after an earlier 3. Not a5: churned. Not a6: a prospect.
        #expect(value.atRisk == 3 && value.atRiskWithoutValue == 1)
        #expect(value["EUR"]?.revenueAtRisk == Figure(value: 60_000, n: 1, isSmallSample: false))
        #expect(value["USD"]?.revenueAtRisk == Figure(value: 500_000, n: 1, isSmallSample: false))
    }

    @Test func byChannelACustomerAtRiskCountsWhereTheirLatestAnswerWas() throws {
        let result = try Self.report(by: [.channel])
        let phone = try #require(result.group("phone")).customerValue
        // Phone: a1 (its 3), a2, a4, a5 → 4 customers, a4 without an amount; EUR mean (120k + 60k + 30k)/3.
        #expect(phone.customers == 4 && phone.withoutValue == 1)
        #expect(phone["EUR"]?.meanAnnualValue.value == 70_000)
        #expect(phone.atRisk == 2 && phone.atRiskWithoutValue == 1)  // a2 and a4
        #expect(phone["EUR"]?.revenueAtRisk.value == 60_000)
        // Email: a1 (its 9) and a3; only a3 is at risk there.
        let email = try #require(result.group("email")).customerValue
        #expect(email.customers == 2 && email["EUR"]?.meanAnnualValue.value == 120_000)
        #expect(email["EUR"]?.revenueAtRisk == Figure(value: 0, n: 0, isSmallSample: false))
        #expect(email["USD"]?.revenueAtRisk.value == 500_000)
        // A channel does not describe customers: both rows use the report's lifetime.
        #expect(phone.lifetime == result.overall.customerValue.lifetime && email.lifetime == phone.lifetime)
        // Chat: nobody.
        #expect(result.group("chat") == nil)
    }

    @Test func bySegmentEachRowHasTheLifetimeOfItsCustomers() throws {
        let result = try Self.report(by: [.segment])
        // smb: a1, a2, a4, a5 active at the start, a5 lost → 1/4 in 28 days → 4·28/365.25 years.
        let smb = try #require(result.group("smb")).customerValue
        #expect(smb.lifetime?.n == 4 && smb.lifetime?.lost == 1)
        #expect(isClose(smb["EUR"]?.clv.value, 70_000 * 112 / 365.25, tolerance: 1e-6))
        // enterprise: a3 and a7 active, none lost: churn 0 → the 10-year cap.
        let enterprise = try #require(result.group("enterprise")).customerValue
        #expect(enterprise.lifetime?.years == 10 && enterprise.lifetime?.isCapped == true)
        #expect(enterprise["USD"]?.clv.value == 5_000_000)
        #expect(enterprise.currencies.map(\.currency) == ["USD"])
    }

    @Test func byWeekTheLifetimeComesFromTheWeeksChurn() throws {
        let result = try Self.report(by: [.week])
        // W10: nobody lost → capped; W11 (03-09 to 03-16): a5 lost, 1 of 6 in 7 days → 6·7/365.25 years.
        #expect(result.group("2026-W10")?.customerValue.lifetime?.isCapped == true)
        let w11 = try #require(result.group("2026-W11")?.customerValue.lifetime)
        #expect(w11.lost == 1 && w11.periodDays == 7 && isClose(w11.years, 42 / 365.25, tolerance: 1e-12))
    }

    @Test func smallSamplesAreFlaggedAgainstTheThreshold() throws {
        // With a threshold of 3, EUR's 3 customers and the 6 behind the lifetime are enough; USD's 1 is not.
        let value = try Self.report(threshold: 3).overall.customerValue
        #expect(value["EUR"]?.clv.isSmallSample == false && value["EUR"]?.meanAnnualValue.isSmallSample == false)
        #expect(value["USD"]?.clv.isSmallSample == true)
        // With 7, the lifetime's 6 customers are too few even where the mean had enough.
        #expect(try Self.report(threshold: 7).overall.customerValue["EUR"]?.clv.isSmallSample == true)
        #expect(value["USD"]?.revenueAtRisk.isSmallSample == false)  // a total, never flagged
    }

    @Test func noPeriodNoLifetime() throws {
        let result = try ReportEngine.compute(ReportRequest(from: Self.date("2030-01-01T00:00")), on: Self.dataset)
        #expect(result.overall.customerValue == CustomerValue())
    }

    @Test func everyRendererShowsThem() throws {
        let result = try Self.report(by: [.segment])
        let table = try TableRenderer(width: 160).render(result)
        #expect(table.contains("322 EUR n=3*"))  // 32,197 cents, in whole euros
        #expect(table.contains("50000 USD n=1*"))  // enterprise, capped lifetime
        #expect(table.contains("10.0y cap n=2*"))
        #expect(table.contains("600.00 EUR n=1"))
        #expect(table.contains("CLV = mean annual value × expected lifetime"))
        let csv = try CSVRenderer().render(result)
        let header = try #require(csv.split(separator: "\r\n").first).split(separator: ",")
        for column in ["clv_eur", "clv_eur_n", "clv_eur_small", "mean_annual_value_usd", "revenue_at_risk_usd", "lifetime_years"] {
            #expect(header.contains(Substring(column)), "CSV lacks \(column)")
        }
        let json = try JSONRenderer().render(result)
        #expect(json.contains("\"customer_value\" : {") && json.contains("\"revenue_at_risk\" : {"))
        #expect(try JSONRenderer.decode(json) == result)
        let html = try HTMLRenderer().render(result)
        #expect(html.contains("data-metric=\"clv_eur\"") && html.contains("data-metric=\"revenue_at_risk_usd\""))
        #expect(html.contains("Revenue at risk (USD)") && html.contains("5000.00 USD"))
        #expect(XMLParser(data: Data(html.utf8)).parse())
    }
}
