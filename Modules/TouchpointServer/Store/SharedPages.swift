import NIOConcurrencyHelpers
import TouchpointModel
import TouchpointProtocol

/// Pull pages shared by every agent with the same scope: a page of the change
/// log is read and decoded once and served to each agent that pulls it, each
/// leaving out its own changes.
///
/// A page covers the sequences `(after, end]` of one scope. A full page (as
/// many entries as the page size) never changes; a page that ended at the head
/// grows when a pull finds it, by reading only what came after its end. An
/// agent whose cursor falls inside a page gets the rest of it, so agents that
/// started apart fall into step on the same pages. Pulls arriving together
/// share one read, and a pull never
/// misses a change committed before it arrived: each pull first asks the store
/// for its head, and a page that ended at an older head is read further.
///
/// A full page is also encoded once (``Slice/batch``), so agents that pull most
/// of it share the encoding too.
///
/// Memory is bounded by `maxEntries` (least recently used pages go first).
public final class SharedPages: Sendable {
    /// One page's entries after a cursor, as a pull serves them.
    public struct Slice: Sendable {
        /// The entries after the cursor, in sequence order (the puller's own included).
        public var entries: ArraySlice<LoggedChange>
        /// The page covers the log up to here.
        public var end: UInt64
        /// The head when the page was last read.
        public var head: UInt64
        /// True when the page holds a whole page size (more may follow `end`).
        public var full: Bool
        /// A full page encoded once for every agent: `batch.changes[i]` is `entries[i]`
        /// (the slice keeps the page's indices) over tables for the whole page.
        public var batch: Touchpoint_V1_ChangeBatch?
        /// The most bytes the whole page's batch can take (``FrameBudget/bound(_:)`` summed).
        public var pageBound: Int
    }

    /// What the cache did so far and holds now.
    public struct Statistics: Hashable, Sendable {
        /// Reads of the change log (pages started or grown).
        public var reads = 0
        /// Decoded entries held now.
        public var entries = 0
        /// Pages held now.
        public var pages = 0
    }

    private struct Key: Hashable {
        var territories: [String]?
        var after: UInt64
    }

    private struct Page {
        var entries: [LoggedChange] = []
        var end: UInt64
        var head: UInt64 = 0
        var full = false
        var lastUse: UInt64 = 0
        var batch: Touchpoint_V1_ChangeBatch?
        var bound = 0
        /// ``LogBounds/rewrittenThrough`` as the pull that started the read knew it.
        var rewrittenThrough: UInt64 = 0

        func slice(after cursor: UInt64) -> Slice {
            var low = 0
            var high = entries.count
            while low < high {
                let middle = (low + high) / 2
                if entries[middle].sequenced.sequence <= cursor { low = middle + 1 } else { high = middle }
            }
            return Slice(entries: entries[low...], end: max(end, cursor), head: head, full: full, batch: batch, pageBound: bound)
        }
    }

    private struct State {
        /// Pages by scope, then by the cursor they start after.
        var pages: [[String]?: [UInt64: Page]] = [:]
        var pageCount = 0
        var reading: [Key: Task<Page, any Error>] = [:]
        var tick: UInt64 = 0
        var entries = 0
        var reads = 0
        /// The highest ``LogBounds/rewrittenThrough`` a pull brought.
        var rewrittenThrough: UInt64 = 0
    }

    private enum Step {
        case serve(Slice)
        case wait(Key, Task<Page, any Error>)
    }

    /// The most decoded entries kept in memory across pages.
    public let maxEntries: Int
    /// The most pages kept (caught-up agents leave small pages at their cursors).
    public let maxPages: Int
    private let state = NIOLockedValueBox(State())

    /// Creates an empty cache keeping at most `maxEntries` entries (default 40,000, about
    /// 50 MB) in at most `maxPages` pages.
    public init(maxEntries: Int = 40_000, maxPages: Int = 2_048) {
        self.maxEntries = maxEntries
        self.maxPages = maxPages
    }

    /// What the cache did so far and holds now.
    public var statistics: Statistics {
        state.withLockedValue { state in
            Statistics(reads: state.reads, entries: state.entries, pages: state.pageCount)
        }
    }

    /// The entries after `cursor` in `territories` (nil: every territory), at
    /// most `pageSize`, from a shared page, reading the store only for what no
    /// page holds yet.
    public func slice(
        after cursor: UInt64, territories: [String]?, pageSize: Int, store: any ServerStore
    ) async throws -> Slice {
        try await slice(after: cursor, territories: territories, pageSize: pageSize, current: try await store.head(), store: store)
    }

    /// ``slice(after:territories:pageSize:store:)`` for a pull that already read the store's
    /// head: every change committed before the pull is at or below `head`, and no page
    /// older than it is served.
    ///
    /// `rewrittenThrough` is the store's ``LogBounds/rewrittenThrough`` as the pull read it:
    /// a page starting below it that was read before the rewrite (a collection, an erasure)
    /// holds what the rewrite changed, so it is dropped and read again.
    public func slice(
        after cursor: UInt64, territories: [String]?, pageSize: Int, current head: UInt64, rewrittenThrough: UInt64 = 0,
        store: any ServerStore
    ) async throws -> Slice {
        let scope = territories.map { Array(Set($0)).sorted() }
        while true {
            switch next(after: cursor, scope: scope, head: head, rewrittenThrough: rewrittenThrough, pageSize: pageSize, store: store) {
            case .serve(let slice):
                return slice
            case .wait(let key, let task):
                let read = await task.result
                state.withLockedValue { state in
                    if state.reading[key] == task { state.reading[key] = nil }
                    // A failed read is not kept: the next pull reads again.
                    guard case .success(var page) = read else { return }
                    guard key.after >= state.rewrittenThrough || page.rewrittenThrough >= state.rewrittenThrough else { return }
                    let known = state.pages[key.territories]?[key.after]
                    if let known, known.end > page.end { return }
                    state.entries += page.entries.count - (known?.entries.count ?? 0)
                    state.pageCount += known == nil ? 1 : 0
                    page.lastUse = state.tick
                    state.pages[key.territories, default: [:]][key.after] = page
                    evict(&state)
                }
                _ = try read.get()
            }
        }
    }

    /// A page that covers `cursor` and is current at `head`, or the read to wait for.
    private func next(
        after cursor: UInt64, scope: [String]?, head: UInt64, rewrittenThrough: UInt64, pageSize: Int, store: any ServerStore
    ) -> Step {
        state.withLockedValue { state -> Step in
            state.tick &+= 1
            if rewrittenThrough > state.rewrittenThrough { forget(below: rewrittenThrough, &state) }
            let covering = (state.pages[scope] ?? [:]).filter { after, page in
                after <= cursor && (cursor < page.end || after == cursor)
            }
            if let (after, page) = covering.first(where: { $0.value.full || $0.value.head >= head }) {
                state.pages[scope]?[after]?.lastUse = state.tick
                return .serve(page.slice(after: cursor))
            }
            let key = Key(territories: scope, after: covering.max(by: { $0.value.end < $1.value.end })?.key ?? cursor)
            if let task = state.reading[key] { return .wait(key, task) }
            var base = state.pages[scope]?[key.after] ?? Page(end: cursor)
            base.rewrittenThrough = state.rewrittenThrough
            state.reads += 1
            let task = Task { try await Self.extend(base, to: pageSize, territories: scope, store: store) }
            state.reading[key] = task
            return .wait(key, task)
        }
    }

    /// Reads what follows `page` in the store, up to a whole page.
    private static func extend(_ page: Page, to pageSize: Int, territories: [String]?, store: any ServerStore) async throws -> Page {
        let wanted = pageSize - page.entries.count
        guard wanted > 0 else { return page }
        let read = try await store.scopedChanges(after: page.end, limit: wanted, territories: territories)
        var page = page
        page.entries += read.entries
        page.bound += read.entries.reduce(0) { $0 + FrameBudget.bound($1.sequenced.change) }
        page.full = read.entries.count == wanted
        page.end = page.full ? read.entries[read.entries.count - 1].sequenced.sequence : max(page.end, read.head)
        page.head = read.head
        if page.full { page.batch = try Touchpoint_V1_ChangeBatch(changes: page.entries.map(\.sequenced)) }
        return page
    }

    /// Drops the pages that start below a new compaction horizon (read before the
    /// collection that reached it, they may hold history it rewrote).
    private func forget(below rewrittenThrough: UInt64, _ state: inout State) {
        state.rewrittenThrough = rewrittenThrough
        for (scope, pages) in state.pages {
            for (after, page) in pages where after < rewrittenThrough {
                state.pages[scope]?[after] = nil
                state.pageCount -= 1
                state.entries -= page.entries.count
            }
        }
    }

    /// Drops least recently used pages until the entries fit `maxEntries` and the pages `maxPages`.
    private func evict(_ state: inout State) {
        func over() -> Bool { state.entries > maxEntries || state.pageCount > maxPages }
        guard over() else { return }
        let all = state.pages.flatMap { scope, pages in pages.map { (scope: scope, after: $0.key, page: $0.value) } }
        for (scope, after, page) in all.sorted(by: { $0.page.lastUse < $1.page.lastUse }) {
            guard over() else { return }
            state.pages[scope]?[after] = nil
            state.pageCount -= 1
            state.entries -= page.entries.count
        }
    }
}
