/// A command that could not do what was asked, for a reason the person can act on. The argument
/// parser prints it as `Error: <message>` and exits with 1.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String

    init(_ message: String) {
        self.message = message
    }

    var description: String { self.message }
}
