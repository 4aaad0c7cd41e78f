import Foundation
import Logging
import ScribeApp
import ScribeCore
import ServiceLifecycle

/// Plays the agents of the sandbox company: a few seconds after some calls end, someone types and
/// saves notes through the same path the web app uses, so the demo shows records gaining notes.
public struct DemoAgents: Service {
    let callscribe: Callscribe
    /// How often the agents look at their finished calls.
    let interval: Duration
    /// One call in this many gets notes.
    let oneIn: Int
    let logger: Logger

    public init(callscribe: Callscribe, interval: Duration = .seconds(3), oneIn: Int = 2, logger: Logger) {
        self.callscribe = callscribe
        self.interval = interval
        self.oneIn = oneIn
        self.logger = logger
    }

    static let sentences = [
        "Asked about the renewal price; sending the quote today.",
        "Wants a call back on Thursday about the invoice.",
        "Reported the app logs out after the update; opened a ticket.",
        "Happy with the service; interested in the team plan.",
    ]

    public func run() async throws {
        do {
            try await self.play()
        } catch is CancellationError {
            // Stopped with the demo: not a failure.
        }
    }

    private func play() async throws {
        try await cancelWhenGracefulShutdown {
            var noted = Set<CallLogID>()
            while !Task.isCancelled {
                try await Task.sleep(for: self.interval)
                let logs = try await self.callscribe.store.callLogs(CallLogQuery(filter: .logged, limit: 50))
                for log in logs where !noted.contains(log.id) && log.leg.result == .answered {
                    noted.insert(log.id)
                    // Stable per call, so a restarted demo makes the same choices.
                    let pick = Int(StableHash.hex(log.key.sessionID.rawValue).suffix(4), radix: 16) ?? 0
                    guard pick % self.oneIn == 0 else { continue }
                    // Never over what a person typed or asked for.
                    let content = try await self.callscribe.store.content(session: log.key.sessionID, extension: log.key.extensionID)
                    guard content.notes == nil, log.request == nil else { continue }
                    let text = Self.sentences[pick % Self.sentences.count]
                    _ = try await self.callscribe.saveNotes(session: log.key.sessionID, extension: log.key.extensionID, text: text, final: true, by: .console)
                }
            }
        }
    }
}
