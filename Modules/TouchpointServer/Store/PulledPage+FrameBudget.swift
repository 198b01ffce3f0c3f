import Foundation
import TouchpointModel
import TouchpointProtocol

extension PulledPage {
    /// The leading changes of the page that fit the client's frame limit, with
    /// the cursor and `more` adjusted; the page itself when all fit.
    ///
    /// A page always holds at least one change when one fits at all; a change
    /// too large for the client's frames fails the request with a clear
    /// `RESOURCE_EXHAUSTED` instead of a frame the client would reject.
    func fitting(_ budget: FrameBudget) throws -> PulledPage {
        let count = budget.fittingCount(changes.lazy.map(\.change))
        if count == changes.count { return self }
        guard count > 0 else {
            let first = changes[0]
            let record = "\(first.change.entity.rawValue) \(first.change.id.lowercasedText)"
            throw ProtocolError(
                .resourceExhausted,
                "change \(first.sequence) (\(record)) takes up to \(FrameBudget.bound(first.change)) bytes, more than "
                    + "your frame limit of \(budget.maxFrameBytes) bytes allows: raise the client's max frame size",
                details: ["limit": String(budget.maxFrameBytes)])
        }
        let kept = Array(changes.prefix(count))
        return PulledPage(changes: kept, nextCursor: kept[count - 1].sequence, hasMore: true, sequenceHead: sequenceHead)
    }
}
