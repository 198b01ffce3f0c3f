import Foundation
import TouchpointModel

/// Turns the dataset's records into ``Fact``s, following the attribution rules of ``ReportDataset``.
struct Attribution {
    private let dataset: ReportDataset
    private let customers: [UUID: Customer]
    private let agents: [UUID: Agent]
    private let interactions: [UUID: Interaction]
    /// Interactions linked to each case (`Interaction.caseID`), earliest first.
    private let interactionsByCase: [UUID: [Interaction]]

    init(_ dataset: ReportDataset) {
        self.dataset = dataset
        customers = Self.index(dataset.customers, by: \.id)
        agents = Self.index(dataset.agents, by: \.id)
        interactions = Self.index(dataset.interactions, by: \.id)
        interactionsByCase = Dictionary(grouping: dataset.interactions.filter { $0.caseID != nil }) { $0.caseID! }
            .mapValues { $0.sorted { ($0.occurredAt, $0.id.uuidString) < ($1.occurredAt, $1.id.uuidString) } }
    }

    /// Every fact of the dataset, unfiltered.
    func facts() -> [Fact] {
        var facts: [Fact] = []
        facts.reserveCapacity(dataset.feedback.count + dataset.interactions.count + 2 * dataset.cases.count)
        let followedUp = Set(
            dataset.followUps.filter { $0.status != .cancelled }.compactMap(\.sourceFeedbackID)
        )
        var answerFacts: [UUID: Fact] = [:]
        for answer in dataset.feedback {
            let fact = answerFact(answer, followedUp: followedUp.contains(answer.id))
            answerFacts[answer.id] = fact
            facts.append(fact)
        }
        for interaction in dataset.interactions {
            facts.append(fact(.interaction, date: interaction.occurredAt, interaction: interaction))
        }
        for supportCase in dataset.cases {
            facts.append(contentsOf: caseFacts(supportCase))
        }
        for followUp in dataset.followUps {
            guard let source = followUp.sourceFeedbackID, var fact = answerFacts[source] else { continue }
            fact.kind = .closedLoop(followUp)
            facts.append(fact)
        }
        return facts
    }

    private func answerFact(_ answer: FeedbackResponse, followedUp: Bool) -> Fact {
        let linked = answer.interactionID.flatMap { interactions[$0] }
        let kind = Fact.Kind.answer(
            kind: answer.kind, score: answer.score, needsFollowUp: answer.needsFollowUp, followedUp: followedUp
        )
        return fact(
            kind, date: answer.collectedAt, recordID: answer.id, customerID: answer.customerID,
            channel: answer.channel ?? linked?.channel, touchpoint: answer.touchpoint ?? linked?.touchpoint,
            stage: answer.stage ?? linked?.stage, agentID: answer.agentID ?? linked?.agentID, team: answer.team
        )
    }

    private func caseFacts(_ supportCase: SupportCase) -> [Fact] {
        let linked = interactionsByCase[supportCase.id] ?? []
        let outcome = CaseOutcome(
            isResolved: supportCase.resolvedAt != nil,
            customerInteractionsAfterFirst: max(0, linked.count - 1),
            timesReopened: supportCase.reopenCount
        )
        let first = linked.first
        func caseFact(_ kind: Fact.Kind, _ date: Date) -> Fact {
            fact(
                kind, date: date, recordID: supportCase.id, customerID: supportCase.customerID, channel: first?.channel,
                touchpoint: first?.touchpoint, stage: first?.stage, agentID: supportCase.ownerAgentID ?? first?.agentID,
                team: nil
            )
        }
        var facts = [caseFact(.caseOpened(outcome), supportCase.openedAt)]
        if let resolvedAt = supportCase.resolvedAt {
            facts.append(caseFact(.caseResolved(openedAt: supportCase.openedAt, resolvedAt: resolvedAt), resolvedAt))
        }
        return facts
    }

    private func fact(_ kind: Fact.Kind, date: Date, interaction: Interaction) -> Fact {
        fact(
            kind, date: date, recordID: interaction.id, customerID: interaction.customerID, channel: interaction.channel,
            touchpoint: interaction.touchpoint, stage: interaction.stage, agentID: interaction.agentID, team: nil
        )
    }

    private func fact(
        _ kind: Fact.Kind, date: Date, recordID: UUID, customerID: UUID, channel: Channel?, touchpoint: String?,
        stage: JourneyStage?, agentID: UUID?, team: String?
    ) -> Fact {
        let customer = customers[customerID]
        let agent = agentID.flatMap { agents[$0] }
        let none = ReportDimension.noValue
        let keys: [ReportDimension: String] = [
            .channel: channel?.rawValue ?? none,
            .touchpoint: touchpoint ?? none,
            .stage: stage?.rawValue ?? none,
            .agent: agent?.name ?? agentID?.lowercasedText ?? none,
            .team: team ?? agent?.team ?? none,
            .persona: customer?.persona ?? none,
            .segment: customer?.segment ?? none,
            .week: PeriodUnit.week.label(of: date),
            .month: PeriodUnit.month.label(of: date),
        ]
        return Fact(kind: kind, date: date, recordID: recordID, customerID: customerID, keys: keys, agentID: agentID)
    }

    /// Records by id; a duplicated id keeps the first record.
    private static func index<Record>(_ records: [Record], by id: KeyPath<Record, UUID>) -> [UUID: Record] {
        Dictionary(records.map { ($0[keyPath: id], $0) }, uniquingKeysWith: { first, _ in first })
    }
}
