/// Why a recording link was not played. A wrong link and a recording RingCentral does not have are
/// both `notFound`, so an answer never tells a guesser which part was wrong.
public enum RecordingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A missing or wrong signature, a malformed id, or no such recording.
    case notFound
    /// RingCentral asks us to wait (or Callscribe has not reached it yet); try again after this many seconds.
    case busy(retryAfter: Int)
    /// RingCentral failed or answered with something that is not audio.
    case unavailable
    /// The `Range` asked for holds no byte of the recording, which is this long (if known).
    case rangeNotSatisfiable(completeLength: Int?)

    public var description: String {
        switch self {
        case .notFound: "no such recording"
        case .busy: "the phone system is busy; try again shortly"
        case .unavailable: "the phone system did not hand over the recording"
        case .rangeNotSatisfiable: "the requested range is outside the recording"
        }
    }
}
