import TouchpointCLI
import TouchpointModel
import TouchpointStore

extension Console {
    /// Prints one line for `error` on stderr and exits non-zero (help and version exit as usual).
    static func fail(_ error: any Error) -> Never {
        fail(error, as: TouchpointAgent.self) { error in
            switch error {
            case let error as TouchpointModel.ValidationError: error.description
            case let error as StoreError: error.message
            case let error as ImportError: error.message
            default: nil
            }
        }
    }
}
