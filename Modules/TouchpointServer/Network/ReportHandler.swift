import Foundation
import TouchpointProtocol
import TouchpointReports

/// Answers the admin `report` request: decodes the JSON `ReportRequest`, computes the
/// report over the store's merged records and returns the `ReportResult` as JSON.
struct ReportHandler: Sendable {
    let store: any ServerStore

    func handle(_ request: Touchpoint_V1_ReportRequest) async throws -> Touchpoint_V1_ReportResponse {
        let reportRequest: ReportRequest
        do {
            reportRequest = request.requestJson.isEmpty ? ReportRequest() : try ReportRequest(json: request.requestJson)
        } catch {
            throw ProtocolError(.invalidArgument, "report request_json is not a report request: \(error)")
        }
        let result = try ReportEngine.compute(reportRequest, on: try await store.reportDataset())
        var response = Touchpoint_V1_ReportResponse()
        response.json = try result.json()
        return response
    }
}
