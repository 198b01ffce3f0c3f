import TouchpointModel

/// The merged records a report is computed from.
///
/// Each record is attributed to dimension values and to a date as follows (see also docs/reports.md):
///
/// - **Feedback** is cut by its snapshot (channel, touchpoint, stage, agent, team captured at
///   rating time); a missing snapshot field falls back to the linked interaction, the team to
///   the agent's team, and persona and segment come from the customer. Dated by `collectedAt`.
/// - **Interactions** are cut by their own fields, the team of their agent and the persona and
///   segment of their customer. Dated by `occurredAt`.
/// - **Cases** are cut by the channel, touchpoint and stage of their first linked interaction
///   (earliest `occurredAt` among interactions whose `caseID` is the case), by their owner agent
///   (falling back to that interaction's agent) and the owner's team. Volume, first-contact
///   resolution and reopen rate count cases by `openedAt`; time to resolution counts them by
///   `resolvedAt`.
/// - **Closed-loop follow-ups** (`sourceFeedbackID` set) are cut and dated like the answer that
///   opened them; those whose answer is not in the dataset are left out.
public struct ReportDataset: Sendable {
    public var customers: [Customer]
    public var interactions: [Interaction]
    public var cases: [SupportCase]
    public var feedback: [FeedbackResponse]
    public var followUps: [FollowUp]
    /// Agents, for agent names and teams.
    public var agents: [Agent]

    /// Creates a dataset from merged records.
    public init(
        customers: [Customer] = [], interactions: [Interaction] = [], cases: [SupportCase] = [],
        feedback: [FeedbackResponse] = [], followUps: [FollowUp] = [], agents: [Agent] = []
    ) {
        self.customers = customers
        self.interactions = interactions
        self.cases = cases
        self.feedback = feedback
        self.followUps = followUps
        self.agents = agents
    }
}
