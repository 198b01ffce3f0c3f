import ArgumentParser
import TouchpointStore

/// `reset-site`: the way out when this database was copied from another laptop.
struct ResetSiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-site",
        abstract: "Give this database a site id of its own (after it was copied from another laptop).",
        discussion: """
            Two databases with one site id lose each other's changes, so the server refuses a site whose \
            sequences go backwards. This takes a new site id and re-stamps the queued changes under it; \
            run `touchpoint-agent sync` next.
            """)

    @OptionGroup var store: StoreOptions

    func run() throws {
        let reset = try store.open().resetSite()
        print("site \(reset.oldSite) → \(reset.newSite); \(reset.requeued) queued change(s) re-stamped; run `touchpoint-agent sync`")
    }
}
