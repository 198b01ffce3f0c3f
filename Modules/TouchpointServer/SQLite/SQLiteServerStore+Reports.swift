import Foundation
import GRDB
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords
import TouchpointReports

extension SQLiteServerStore {
    public func reportDataset() async throws -> ReportDataset {
        let agents = try await self.agents().map(\.agent)
        return try await writer.read { db in
            var table = RecordTable()
            func live<Record: SyncRecord>(_ type: Record.Type) throws -> [Record] {
                var records: [Record] = []
                try table.forEachState(Record.entity, where: "r.deleted = 0", db) { state in
                    records.append(try Record(id: state.id, fields: state.values))
                }
                return records
            }
            return ReportDataset(
                customers: try live(Customer.self), interactions: try live(Interaction.self),
                cases: try live(SupportCase.self), feedback: try live(FeedbackResponse.self),
                followUps: try live(FollowUp.self), agents: agents)
        }
    }
}
