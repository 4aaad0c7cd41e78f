import Foundation
import ScribeCore
import Synchronization

/// A phone system's recordings, answering each call's look-ups from a plan: the first look-up gets
/// the first planned answer, and so on; a look-up past the plan gets nil. Every look-up is noted
/// with the clock's time.
final class PlannedRecordings: RecordingSource {
    private struct State {
        var answers: [TelephonySessionID: [RecordingLink?]]
        var asks: [(session: TelephonySessionID, at: Date)] = []
    }

    private let state: Mutex<State>
    private let clock: TestClock

    init(_ answers: [TelephonySessionID: [RecordingLink?]], clock: TestClock) {
        self.state = Mutex(State(answers: answers))
        self.clock = clock
    }

    /// When each look-up was made.
    var asks: [Date] { self.state.withLock { $0.asks.map(\.at) } }

    func recordingLink(for leg: CallLeg) async throws -> RecordingLink? {
        let now = self.clock.now
        return self.state.withLock { state in
            state.asks.append((leg.sessionID, now))
            guard var planned = state.answers[leg.sessionID], !planned.isEmpty else { return nil }
            let answer = planned.removeFirst()
            state.answers[leg.sessionID] = planned
            return answer
        }
    }
}
