/// Why a backfill was refused before it read anything.
public enum BackfillError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The range is empty, reversed or in the future.
    case invalidRange(String)
    /// A page of the call log holds 1 to 1000 records.
    case invalidPageSize(Int)

    public var description: String {
        switch self {
        case .invalidRange(let problem): problem
        case .invalidPageSize(let size): "a page of the call log holds 1 to 1000 records, not \(size)"
        }
    }
}
