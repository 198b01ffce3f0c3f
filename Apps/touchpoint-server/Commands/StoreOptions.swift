import ArgumentParser
import Foundation
import TouchpointServer

/// Where the server keeps its data.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "Directory of the embedded SQLite store.")
    var data: String

    func open(mustExist: Bool = true) throws -> SQLiteServerStore {
        if mustExist, !SQLiteServerStore.exists(directory: data) {
            throw UserError("no server store in \(data): run `touchpoint-server init --data \(data)` first")
        }
        return try SQLiteServerStore(directory: data)
    }
}
