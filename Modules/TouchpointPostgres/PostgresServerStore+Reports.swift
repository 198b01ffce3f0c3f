import PostgresNIO
import TouchpointModel
import TouchpointProtocol
import TouchpointReports
import TouchpointServer

extension PostgresServerStore {
    public func reportDataset() async throws -> ReportDataset {
        let agents = try await self.agents().map(\.agent)
        return try await read { [self] connection in
            var table = PostgresRecordTable(logger: logger)
            func live<Record: SyncRecord>(_ type: Record.Type) async throws -> [Record] {
                var records: [Record] = []
                try await table.forEachState(Record.entity, liveOnly: true, on: connection) { state in
                    records.append(try Record(id: state.id, fields: state.values))
                }
                return records
            }
            return ReportDataset(
                customers: try await live(Customer.self), interactions: try await live(Interaction.self),
                cases: try await live(SupportCase.self), feedback: try await live(FeedbackResponse.self),
                followUps: try await live(FollowUp.self), agents: agents)
        }
    }
}
