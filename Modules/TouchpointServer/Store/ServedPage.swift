import TouchpointProtocol

/// A pull page as the server answers it: the page, and the batch to send when
/// it comes from a page encoded once for every agent (nil: encode `page.changes`).
public struct ServedPage: Sendable {
    /// The page.
    public var page: PulledPage
    /// `page.changes` encoded, over the shared page's tables.
    public var batch: Touchpoint_V1_ChangeBatch?

    /// Creates a served page.
    public init(page: PulledPage, batch: Touchpoint_V1_ChangeBatch? = nil) {
        self.page = page
        self.batch = batch
    }

    /// The pull page envelope answering `requestID`.
    public func envelope(requestID: UInt64) throws(ProtocolError) -> Envelope {
        guard let batch else {
            return try .pullPage(
                requestID: requestID, changes: page.changes, nextCursor: page.nextCursor, hasMore: page.hasMore,
                sequenceHead: page.sequenceHead)
        }
        return .pullPage(
            requestID: requestID, batch: batch, nextCursor: page.nextCursor, hasMore: page.hasMore, sequenceHead: page.sequenceHead)
    }
}
