import ArgumentParser
import TouchpointModel

extension ArgumentHelp {
    /// The help of an option that sets a record field: the field's descriptor help (with its vocabulary),
    /// then `note` (e.g. the option's default). A field name that is not in the descriptor stops the program
    /// the first time the help is built, which the CLI help tests do for every command.
    public static func field(_ descriptor: EntityDescriptor, _ name: String, _ note: String? = nil) -> ArgumentHelp {
        ArgumentHelp([descriptor[name].optionHelp, note].compactMap { $0 }.joined(separator: " "))
    }
}
