/// A runtime failure shown as one line (`Error: …`) without the usage text.
struct UserError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
