import Foundation
import ScribeApp
import ScribeCore
import ScribeStore
import ScribeTestSupport
import Testing

/// Every branch of the logging policy, end to end through the writer: what the CRM is asked, what
/// the log's state is, and the decision with its reason in the log's timeline.
@Suite("CallLogWriter policy")
struct CallLogWriterPolicyTests {
    typealias H = WriterHarness

    /// A call the policy skips before asking the CRM anything.
    struct SkippedCall: Sendable, CustomTestStringConvertible {
        var policy: LoggingPolicy
        var counterpart = H.caller
        var voicemail = false
        var reason: SkipReason

        var testDescription: String { self.reason.rawValue }
    }

    static let skippedCalls: [SkippedCall] = [
        SkippedCall(policy: LoggingPolicy(autoLog: false), reason: .autoLogOff),
        SkippedCall(policy: LoggingPolicy(blockedNumbers: [H.caller]), reason: .blockedNumber),
        SkippedCall(policy: LoggingPolicy(blockedExtensions: ["ext-1"]), reason: .blockedExtension),
        SkippedCall(policy: LoggingPolicy(), counterpart: "102", reason: .internalCall),
        SkippedCall(policy: LoggingPolicy(logVoicemails: false), voicemail: true, reason: .voicemail),
        SkippedCall(policy: LoggingPolicy(minimumDuration: 61), reason: .tooShort),
    ]

    @Test("skips with the reason and no CRM request", arguments: skippedCalls)
    func skipped(call: SkippedCall) async throws {
        let harness = try await H(counterpart: call.counterpart, voicemail: call.voicemail)
        let book = RecordBook(contacts: [H.jane])
        let connector = book.connector()
        try await harness.writer(connector, settings: LoggingSettings(policy: call.policy)).run(harness.job)

        #expect(connector.calls.isEmpty)
        let log = try await harness.log()
        #expect(log.state == .skipped(call.reason))
        #expect(log.timeline.map(\.message) == ["Not logged: \(call.reason.explanation)"])
        #expect(log.timeline.first?.at == H.now)
        #expect(book.records.isEmpty)
        #expect(try await harness.remainingJobs().isEmpty)
    }

    @Test("a voicemail is logged when voicemails are on, and a long enough call when there is a minimum")
    func notSkipped() async throws {
        for (policy, voicemail) in [(LoggingPolicy(logVoicemails: true), true), (LoggingPolicy(minimumDuration: 60), false)] {
            let harness = try await H(voicemail: voicemail)
            let book = RecordBook(contacts: [H.jane])
            try await harness.writer(book.connector(), settings: LoggingSettings(policy: policy)).run(harness.job)
            #expect(try await harness.log().state == .logged)
            #expect(book.records.count == 1)
        }
    }

    // MARK: Unknown callers

    @Test("unknown caller, left unlogged: skipped as unknown_contact after one search")
    func unknownLeftUnlogged() async throws {
        let harness = try await H()
        let book = RecordBook()
        let connector = book.connector(creatingContacts: true)
        try await harness.writer(connector, settings: LoggingSettings(policy: LoggingPolicy(unknownContact: .leaveUnlogged))).run(harness.job)

        #expect(connector.calls == ["findContacts(+14155550123)"])
        let log = try await harness.log()
        #expect(log.state == .skipped(.unknownContact))
        #expect(log.timeline.map(\.message) == ["No contact has +14155550123; left for logging by hand."])
        #expect(book.contactsCreated.isEmpty)
    }

    @Test(
        "unknown caller, placeholder: one contact created, named from the caller id, and the record on it",
        arguments: [("Sam Lee", "Sam Lee"), (nil, "Caller +14155550123"), ("", "Caller +14155550123")] as [(String?, String)]
    )
    func unknownPlaceholder(callerName: String?, expectedName: String) async throws {
        let harness = try await H(callerName: callerName)
        let book = RecordBook()
        let connector = book.connector(creatingContacts: true)
        try await harness.writer(connector, settings: LoggingSettings(policy: LoggingPolicy(unknownContact: .createPlaceholder))).run(harness.job)

        #expect(connector.calls == ["findContacts(+14155550123)", "createContact(+14155550123)", "createCallRecord(\(harness.logID))"])
        let contact = try #require(book.contactsCreated.first)
        #expect(book.contactsCreated.count == 1)
        #expect(contact.name == expectedName)
        #expect(book.creates.first?.contact == contact)
        let log = try await harness.log()
        #expect(log.state == .logged)
        #expect(log.contact == contact)
        #expect(log.timeline.map(\.message) == ["Created contact \(expectedName) (no contact had the number).", "Created the CRM record with basics."])
    }

    @Test("unknown caller, fallback: the record goes on the fallback contact and no contact is created")
    func unknownFallback() async throws {
        let harness = try await H()
        let book = RecordBook()
        let connector = book.connector()
        let policy = LoggingPolicy(unknownContact: .fallback("c-unknown", name: "Unknown callers"))
        try await harness.writer(connector, settings: LoggingSettings(policy: policy)).run(harness.job)

        #expect(connector.calls == ["findContacts(+14155550123)", "createCallRecord(\(harness.logID))"])
        #expect(connector.unplannedCalls.isEmpty)
        #expect(book.creates.first?.contact.id == "c-unknown")
        let log = try await harness.log()
        #expect(log.state == .logged)
        #expect(log.timeline.first?.message == "Matched Unknown callers: no contact has this number; logged against the fallback record.")
    }

    // MARK: Several contacts

    static let zoe = Contact(id: "c-1", name: "Zoe Zed", phoneNumbers: [H.caller], updatedAt: H.at(-10), createdAt: H.at(-1000))
    static let amy = Contact(id: "c-2", name: "Amy Able", phoneNumbers: [H.caller], updatedAt: H.at(-500), createdAt: H.at(-2000))
    static let mo = Contact(id: "c-3", name: "Max Mid", phoneNumbers: [H.caller], updatedAt: H.at(-100), createdAt: H.at(-9000))

    @Test("several contacts, ask: the log waits for a person's choice, then is created on the contact they chose")
    func severalAsk() async throws {
        let harness = try await H()
        let book = RecordBook(contacts: [Self.zoe, Self.amy, Self.mo])
        let connector = book.connector()
        let writer = harness.writer(connector, settings: LoggingSettings(policy: LoggingPolicy(multipleMatches: .askPerson)))
        try await writer.run(harness.job)

        #expect(connector.calls == ["findContacts(+14155550123)"])
        var log = try await harness.log()
        #expect(log.state == .waiting(.contactChoice, until: nil))
        #expect(log.candidates == [Self.zoe, Self.amy, Self.mo])
        #expect(log.timeline.map(\.message) == ["3 contacts have +14155550123; waiting for a person to choose."])
        #expect(try await harness.sqlite.nextJobDue() == nil, "nothing to do until a person chooses")

        harness.move(to: 300)
        try await harness.sqlite.requestLog(harness.logID, PersonRequest(requestedAt: H.at(300), contact: .existing("c-2")), now: H.at(300))
        #expect(try await harness.runDue(writer) == 1)

        #expect(book.creates.count == 1)
        #expect(book.creates.first?.contact == Self.amy)
        #expect(connector.unplannedCalls.isEmpty)
        log = try await harness.log()
        #expect(log.state == .logged)
        #expect(log.contact == Self.amy)
        #expect(log.requestHandledAt == H.at(300))
        #expect(!log.hasOpenRequest)
        #expect(log.timeline.map(\.message).suffix(2) == ["Amy Able chosen by a person.", "Created the CRM record with basics."])
    }

    @Test("a contact a person found by name, not among the number's matches, is logged on under the name they saw")
    func chosenByName() async throws {
        let harness = try await H()
        let book = RecordBook(contacts: [Self.zoe, Self.amy])
        let connector = book.connector()
        let writer = harness.writer(connector, settings: LoggingSettings(policy: LoggingPolicy(multipleMatches: .askPerson)))
        try await writer.run(harness.job)
        #expect(try await harness.log().state == .waiting(.contactChoice, until: nil))

        harness.move(to: 300)
        let request = PersonRequest(requestedAt: H.at(300), contact: .existing("c-99"), contactName: "Ada Lovelace")
        try await harness.sqlite.requestLog(harness.logID, request, now: H.at(300))
        #expect(try await harness.runDue(writer) == 1)

        let created = try #require(book.creates.first)
        #expect(created.contact.id == "c-99")
        #expect(created.contact.name == "Ada Lovelace")
        #expect(created.subject.contains("Ada Lovelace"))
        let log = try await harness.log()
        #expect(log.state == .logged)
        #expect(log.timeline.map(\.message).suffix(2) == ["Ada Lovelace chosen by a person.", "Created the CRM record with basics."])
    }

    @Test(
        "several contacts, automatic rules: the rule's pick, with the rule in the timeline",
        arguments: [
            (MultipleMatchRule.mostRecentlyUpdated, "c-1", "most recently updated"),
            (.alphabetical, "c-2", "first alphabetically"),
            (.earliestCreated, "c-3", "earliest created"),
        ] as [(MultipleMatchRule, ContactID, String)]
    )
    func severalAutomatic(rule: MultipleMatchRule, chosen: ContactID, explanation: String) async throws {
        let harness = try await H()
        let book = RecordBook(contacts: [Self.zoe, Self.amy, Self.mo])
        let connector = book.connector()
        try await harness.writer(connector, settings: LoggingSettings(policy: LoggingPolicy(multipleMatches: rule))).run(harness.job)

        #expect(connector.calls == ["findContacts(+14155550123)", "createCallRecord(\(harness.logID))"])
        let contact = try #require(book.creates.first?.contact)
        #expect(contact.id == chosen)
        let log = try await harness.log()
        #expect(log.contact?.id == chosen)
        #expect(log.timeline.map(\.message) == ["Matched \(contact.name): 3 contacts share this number; chose the \(explanation).", "Created the CRM record with basics."])
    }
}
