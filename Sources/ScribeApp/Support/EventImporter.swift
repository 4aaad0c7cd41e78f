import Foundation
import ScribeCore
import ScribeTelephony

/// Feeds saved webhook bodies through the path a delivery takes (parse, then store deduplicated by
/// event id) and says what happened to each: for support, to replay what a customer's server received.
///
/// Events are only stored: a running server folds them into calls and logs them as usual.
public struct EventImporter: Sendable {
    /// What happened to one document.
    public enum Outcome: Sendable, Hashable, Codable {
        case stored(event: String, session: String)
        case duplicate(event: String, session: String)
        case rejected(field: String?, reason: String)
    }

    private let store: any LedgerStore
    private let parser = WebhookDeliveryParser()
    private let now: @Sendable () -> Date

    public init(store: any LedgerStore, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.now = now
    }

    /// Imports a file: one JSON document, a JSON array of documents, or JSON lines.
    public func importFile(_ data: Data) async throws -> [Outcome] {
        var outcomes: [Outcome] = []
        for document in Self.documents(in: data) {
            outcomes.append(try await self.importDocument(document))
        }
        return outcomes
    }

    func importDocument(_ document: Data) async throws -> Outcome {
        let event: TelephonyEvent
        do {
            switch try self.parser.parse(document) {
            case .telephony(let telephony):
                event = telephony
            case .insights(let insights):
                // Saved with the call; a running server's log worker picks up the writes they queue.
                let saved = try await self.store.recordInsights(insights.insights, session: insights.sessionID, now: self.now())
                return saved.changed
                    ? .stored(event: insights.id.rawValue, session: insights.sessionID.rawValue)
                    : .duplicate(event: insights.id.rawValue, session: insights.sessionID.rawValue)
            case .ignored(_, let reason):
                return .rejected(field: nil, reason: "nothing to log: \(reason)")
            }
        } catch let error as WebhookPayloadError {
            return .rejected(field: error.field, reason: error.problem)
        }
        let outcome = try await self.store.appendEvents([event], receivedAt: self.now())[0]
        return outcome == .stored
            ? .stored(event: event.id.rawValue, session: event.sessionID.rawValue)
            : .duplicate(event: event.id.rawValue, session: event.sessionID.rawValue)
    }

    /// Splits a file into documents: a whole object, the elements of a whole array, or one per line.
    static func documents(in data: Data) -> [Data] {
        if let object = try? JSONSerialization.jsonObject(with: data) {
            if let array = object as? [Any] {
                return array.compactMap { try? JSONSerialization.data(withJSONObject: $0) }
            }
            return [data]
        }
        return data.split(separator: UInt8(ascii: "\n")).map { Data($0) }.filter { line in
            line.contains { !($0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r")) }
        }
    }
}

extension EventImporter.Outcome: CustomStringConvertible {
    public var description: String {
        switch self {
        case .stored(let event, let session): "stored     \(event) (call \(session))"
        case .duplicate(let event, let session): "duplicate  \(event) (call \(session)): already stored, ignored"
        case .rejected(let field, let reason): "rejected   " + (field.map { "\($0): " } ?? "") + reason
        }
    }
}
