/// Why a person's request (notes, manual log, retry) was refused; the HTTP edge and the CLI map it
/// to an answer naming the problem.
public enum PeopleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No such call log.
    case logNotFound(String)
    /// No such thing (an API token, a user) of this kind and id.
    case notFound(String, String)
    /// A field of the request is wrong.
    case invalidField(String, String)
    /// The request contradicts the account's settings or the log's state.
    case conflict(String)

    public var description: String {
        switch self {
        case .logNotFound(let id): "no call log with id '\(id)'"
        case .notFound(let kind, let id): "no \(kind) with id '\(id)'"
        case .invalidField(let field, let problem): "\(field): \(problem)"
        case .conflict(let message): message
        }
    }
}
