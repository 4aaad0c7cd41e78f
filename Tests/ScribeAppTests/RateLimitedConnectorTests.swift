import Foundation
import ScribeApp
import ScribeCore
import ScribeTestSupport
import Synchronization
import Testing

/// The connector decorator: one token per CRM request, waits on the test clock, bounded waits, and
/// a 429 that pauses the whole connection.
@Suite("RateLimitedConnector")
struct RateLimitedConnectorTests {
    static let contact = Contact(id: "c-1", name: "Jane Doe")
    static let phone = PhoneNumber(parsing: "+14155550123")!

    /// A limiter whose sleeps move the test clock and are written down instead of waited.
    final class Timeline: Sendable {
        let clock = TestClock()
        private let slept = Mutex<[TimeInterval]>([])
        var sleeps: [TimeInterval] { self.slept.withLock { $0 } }

        func limiter(_ limit: RateLimit, maximumWait: TimeInterval = 60) -> ConnectionRateLimiter {
            ConnectionRateLimiter(limit: limit, maximumWait: maximumWait, now: self.clock.read) { [self] seconds in
                self.slept.withLock { $0.append(seconds) }
                self.clock.advance(by: seconds)
            }
        }
    }

    static func entry(_ marker: CallLogID = "log-1") -> CallLogEntry {
        CallLogEntry(
            marker: marker, subject: "Inbound call with Jane Doe", body: "", startedAt: Date(timeIntervalSince1970: 1_800_000_000), duration: 60,
            direction: .inbound, result: .answered, fromNumber: "+14155550123", toNumber: "+16505550100", contact: Self.contact, sessionID: "s-1"
        )
    }

    /// A connector that answers every operation.
    static func everything() -> StrictCRMConnector {
        StrictCRMConnector(
            findContacts: { _ in [Self.contact] }, createCallRecord: { _ in "r-1" }, findCallRecord: { _ in "r-1" },
            createContact: { _, _ in Self.contact }, updateCallRecord: { _, _ in }, readCallRecord: { _ in CallRecordSnapshot(subject: "s", body: "b") },
            relatedRecords: { _ in [] }, customFields: { [] }, findContactsNamed: { _ in [Self.contact] }
        )
    }

    @Test("every operation spends one token of the connection's budget and reaches the CRM once")
    func everyOperationSpends() async throws {
        let timeline = Timeline()
        // Nine operations against a budget of nine: the tenth request has to wait one refill.
        let inner = Self.everything()
        let connector = RateLimitedConnector(inner, limiter: timeline.limiter(RateLimit(requests: 9, per: 9)))
        _ = try await connector.findContacts(matching: Self.phone)
        #expect(try await connector.findContacts(named: "Jane") == [Self.contact])
        #expect(connector.capabilities.nameSearch)
        _ = try await connector.createContact(named: "Jane Doe", phone: Self.phone)
        _ = try await connector.relatedRecords(of: "c-1")
        _ = try await connector.customFields()
        _ = try await connector.createCallRecord(Self.entry())
        try await connector.updateCallRecord("r-1", with: Self.entry())
        _ = try await connector.readCallRecord("r-1")
        _ = try await connector.findCallRecord(marker: "log-1")
        #expect(timeline.sleeps.isEmpty)
        _ = try await connector.findCallRecord(marker: "log-1")
        #expect(timeline.sleeps == [1])
        #expect(inner.calls.count == 10)
        #expect(inner.unplannedCalls.isEmpty)
        #expect(connector.bodyFormat == inner.bodyFormat)
    }

    @Test("a burst over the limit waits exactly one refill interval per extra request")
    func burstWaits() async throws {
        let timeline = Timeline()
        let inner = StrictCRMConnector(createCallRecord: { entry in CRMRecordID(entry.marker.rawValue) })
        // 64 per 8 s: one token every 0.125 s, exact in binary so the waits compare exactly.
        let connector = RateLimitedConnector(inner, limiter: timeline.limiter(RateLimit(requests: 64, per: 8)))
        for index in 0..<67 { _ = try await connector.createCallRecord(Self.entry(CallLogID("log-\(index)"))) }
        // 64 at once, then each extra request waits for the token after the last one's.
        #expect(timeline.sleeps == [0.125, 0.125, 0.125])
        #expect(timeline.clock.now == TestClock().now.addingTimeInterval(0.375))
        #expect(inner.calls.count == 67)
    }

    @Test("a wait longer than the maximum throws a retryable rateLimited without reaching the CRM")
    func tooLongThrows() async throws {
        let timeline = Timeline()
        let inner = StrictCRMConnector(findContacts: { _ in [Self.contact] })
        let connector = RateLimitedConnector(inner, limiter: timeline.limiter(RateLimit(requests: 2, per: 10), maximumWait: 4))
        _ = try await connector.findContacts(matching: Self.phone)
        _ = try await connector.findContacts(matching: Self.phone)
        do {
            _ = try await connector.findContacts(matching: Self.phone)
            Issue.record("expected rateLimited")
        } catch {
            #expect(error.kind == .rateLimited(retryAfter: 5))
            #expect(error.isRetryable)
            #expect(error.operation == "findContacts")
        }
        #expect(timeline.sleeps.isEmpty)
        #expect(inner.calls.count == 2)
    }

    @Test("a 429 from the CRM pauses the connection for every connector sharing its budget")
    func rateLimitedPausesOthers() async throws {
        let timeline = Timeline()
        let limiter = timeline.limiter(RateLimit(requests: 64, per: 8), maximumWait: 10)
        let refused = Mutex(true)
        let hammered = StrictCRMConnector(createCallRecord: { _ throws(ConnectorError) in
            if refused.withLock({ $0 }) {
                throw ConnectorError(.rateLimited(retryAfter: 7), operation: "hubspot.createCall", status: 429, message: "TEN_SECONDLY_ROLLING")
            }
            return "r-1"
        })
        let other = StrictCRMConnector(findContacts: { _ in [Self.contact] })
        let writer = RateLimitedConnector(hammered, limiter: limiter)
        let form = RateLimitedConnector(other, limiter: limiter)
        await #expect(throws: ConnectorError(.rateLimited(retryAfter: 7), operation: "hubspot.createCall", status: 429, message: "TEN_SECONDLY_ROLLING")) {
            try await writer.createCallRecord(Self.entry())
        }
        refused.withLock { $0 = false }
        // The other connector of the connection waits the CRM's Retry-After before its request.
        _ = try await form.findContacts(matching: Self.phone)
        #expect(timeline.sleeps == [7])
        // After the pause, requests go at the refill rate rather than in a new burst.
        _ = try await writer.createCallRecord(Self.entry())
        #expect(timeline.sleeps == [7, 0.125])
    }

    @Test("a pause longer than the maximum wait throws at once, naming how long is left")
    func longPauseThrows() async throws {
        let timeline = Timeline()
        let limiter = timeline.limiter(RateLimit(requests: 100, per: 10), maximumWait: 10)
        let inner = StrictCRMConnector(findContacts: { _ in [Self.contact] })
        limiter.pause(for: 30)
        do {
            _ = try await RateLimitedConnector(inner, limiter: limiter).findContacts(matching: Self.phone)
            Issue.record("expected rateLimited")
        } catch {
            #expect(error.kind == .rateLimited(retryAfter: 30))
        }
        #expect(inner.calls.isEmpty)
    }
}
