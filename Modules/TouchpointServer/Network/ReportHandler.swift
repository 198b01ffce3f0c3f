import Foundation
import TouchpointProtocol
import TouchpointReports

/// Answers the admin `report` request: reads the typed `ReportRequest`, computes the
/// report over the store's merged records and answers the typed `ReportResponse`.
struct ReportHandler: Sendable {
    let store: any ServerStore

    func handle(_ request: Touchpoint_V1_ReportRequest) async throws -> Touchpoint_V1_ReportResponse {
        let reportRequest = try ReportRequest(wire: request)
        let result = try ReportEngine.compute(reportRequest, on: try await store.reportDataset())
        return try Touchpoint_V1_ReportResponse(result)
    }
}
