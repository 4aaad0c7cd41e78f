import Foundation
import ScribeCore

/// One call log in full: the summary plus its timeline and the contacts a person may choose among.
public struct CallLogDetail: Codable, Sendable, Hashable {
    public struct Event: Codable, Sendable, Hashable {
        public var at: Date
        public var message: String
    }

    public struct Candidate: Codable, Sendable, Hashable {
        public var id: String
        public var name: String
    }

    public var log: CallLogSummary
    public var timeline: [Event]
    public var candidates: [Candidate]
    public var personEdited: Bool

    public init(_ log: CallLog) {
        self.log = CallLogSummary(log)
        self.timeline = log.timeline.map { Event(at: $0.at, message: $0.message) }
        self.candidates = log.candidates.map { Candidate(id: $0.id.rawValue, name: $0.name) }
        self.personEdited = log.personEdited
    }
}
