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
        /// Slices served (one per pull).
        public var slices = 0
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
        var pages: [Key: Page] = [:]
        var reading: [Key: Task<Page, any Error>] = [:]
        var tick: UInt64 = 0
        var entries = 0
        var reads = 0
        var slices = 0
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
            Statistics(reads: state.reads, slices: state.slices, entries: state.entries, pages: state.pages.count)
        }
    }

    /// The entries after `cursor` in `territories` (nil: every territory), at
    /// most `pageSize`, from a shared page, reading the store only for what no
    /// page holds yet.
    public func slice(
        after cursor: UInt64, territories: [String]?, pageSize: Int, store: any ServerStore
    ) async throws -> Slice {
        let scope = territories.map { Array(Set($0)).sorted() }
        // Everything committed before this pull is at or below this head.
        let head = try await store.head()
        state.withLockedValue { $0.slices += 1 }
        while true {
            switch next(after: cursor, scope: scope, head: head, pageSize: pageSize, store: store) {
            case .serve(let slice):
                return slice
            case .wait(let key, let task):
                let page: Page
                do {
                    page = try await task.value
                } catch {
                    // A failed read is not kept: the next pull reads again.
                    state.withLockedValue { state in
                        if state.reading[key] == task { state.reading[key] = nil }
                    }
                    throw error
                }
                state.withLockedValue { state in
                    if state.reading[key] == task { state.reading[key] = nil }
                    if let known = state.pages[key], known.end > page.end { return }
                    state.entries += page.entries.count - (state.pages[key]?.entries.count ?? 0)
                    state.pages[key] = page
                    state.pages[key]?.lastUse = state.tick
                    evict(&state)
                }
            }
        }
    }

    /// A page that covers `cursor` and is current at `head`, or the read to wait for.
    private func next(after cursor: UInt64, scope: [String]?, head: UInt64, pageSize: Int, store: any ServerStore) -> Step {
        state.withLockedValue { state -> Step in
            state.tick &+= 1
            let covering = state.pages.filter { key, page in
                key.territories == scope && key.after <= cursor && (cursor < page.end || key.after == cursor)
            }
            if let (key, page) = covering.first(where: { $0.value.full || $0.value.head >= head }) {
                state.pages[key]?.lastUse = state.tick
                return .serve(page.slice(after: cursor))
            }
            let key = covering.max(by: { $0.value.end < $1.value.end })?.key ?? Key(territories: scope, after: cursor)
            if let task = state.reading[key] { return .wait(key, task) }
            let base = state.pages[key] ?? Page(end: cursor)
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

    /// Drops least recently used pages until the entries fit `maxEntries` and the pages `maxPages`.
    private func evict(_ state: inout State) {
        func over() -> Bool { state.entries > maxEntries || state.pages.count > maxPages }
        guard over() else { return }
        for (key, page) in state.pages.sorted(by: { $0.value.lastUse < $1.value.lastUse }) {
            guard over() else { return }
            state.pages[key] = nil
            state.entries -= page.entries.count
        }
    }
}
