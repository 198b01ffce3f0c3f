import TouchpointCLI
import TouchpointImport
import TouchpointModel
import TouchpointRecords
import TouchpointStore

extension Console {
    /// The one-line message of the library errors the agent CLI knows; nil for the parser's.
    static func describe(_ error: any Error) -> String? {
        switch error {
        case let error as TouchpointModel.ValidationError: error.description
        case let error as StoreError: error.message
        case let error as ImportError: error.message
        default: nil
        }
    }
}
