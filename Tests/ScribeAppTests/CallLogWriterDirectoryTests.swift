import Foundation
import ScribeApp
import ScribeCore
import ScribeStore
import ScribeTestSupport
import Synchronization
import Testing

/// Owners mapped by email, the company's own numbers, and the disposition written only when ours
/// changed: through the writer, against a recorded CRM.
@Suite("CallLogWriter owners, own numbers and dispositions")
struct CallLogWriterDirectoryTests {
    typealias H = WriterHarness

    /// A CRM that lists users (and counts how often it is asked), around the recorded one.
    final class UsersCRM: CRMConnector, Sendable {
        let inner: StrictCRMConnector
        let listed: [CRMUser]
        private let reads = Mutex(0)

        init(_ inner: StrictCRMConnector, users: [CRMUser]) {
            self.inner = inner
            self.listed = users
        }

        var userReads: Int { self.reads.withLock { $0 } }
        var bodyFormat: BodyFormat { self.inner.bodyFormat }
        var capabilities: ConnectorCapabilities {
            var capabilities = self.inner.capabilities
            capabilities.owners = true
            return capabilities
        }

        func users() async throws(ConnectorError) -> [CRMUser] {
            self.reads.withLock { $0 += 1 }
            return self.listed
        }

        func findContacts(matching phone: PhoneNumber) async throws(ConnectorError) -> [Contact] { try await self.inner.findContacts(matching: phone) }
        func createContact(named name: String, phone: PhoneNumber) async throws(ConnectorError) -> Contact { try await self.inner.createContact(named: name, phone: phone) }
        func relatedRecords(of contact: ContactID) async throws(ConnectorError) -> [RelatedRecord] { try await self.inner.relatedRecords(of: contact) }
        func customFields() async throws(ConnectorError) -> [CustomField] { try await self.inner.customFields() }
        func createCallRecord(_ entry: CallLogEntry) async throws(ConnectorError) -> CRMRecordID { try await self.inner.createCallRecord(entry) }
        func updateCallRecord(_ id: CRMRecordID, with entry: CallLogEntry) async throws(ConnectorError) { try await self.inner.updateCallRecord(id, with: entry) }
        func readCallRecord(_ id: CRMRecordID) async throws(ConnectorError) -> CallRecordSnapshot { try await self.inner.readCallRecord(id) }
        func findCallRecord(marker: CallLogID) async throws(ConnectorError) -> CRMRecordID? { try await self.inner.findCallRecord(marker: marker) }
    }

    static let users = [CRMUser(id: "owner-7", name: "Alex Agent", email: "alex@example.com"), CRMUser(id: "owner-8", name: "Bo", email: "bo@example.com")]

    func signUp(_ harness: H, email: String) async throws {
        let user = User(id: "u-1", accountID: H.account, extensionID: "ext-1", email: email, name: "Alex Agent", role: .agent)
        try await harness.sqlite.createUser(user, passwordHash: "x")
    }

    @Test("an agent without an admin's mapping owns the record through the CRM user with their email")
    func ownerByEmail() async throws {
        let harness = try await H()
        try await self.signUp(harness, email: "ALEX@example.com")
        let book = RecordBook(contacts: [H.jane])
        let crm = UsersCRM(book.connector(), users: Self.users)
        harness.connectors.register(crm, for: H.connection)

        try await harness.writer(nil).run(harness.job)

        #expect(book.creates.map(\.ownerID) == ["owner-7"])
        #expect(crm.userReads == 1)
    }

    @Test("an admin's mapping wins, and the CRM's users are not read")
    func adminMappingWins() async throws {
        let harness = try await H()
        try await self.signUp(harness, email: "alex@example.com")
        let book = RecordBook(contacts: [H.jane])
        let crm = UsersCRM(book.connector(), users: Self.users)
        harness.connectors.register(crm, for: H.connection)
        var settings = LoggingSettings()
        settings.crmOwner = "owner-admin"

        try await harness.writer(nil, settings: settings).run(harness.job)

        #expect(book.creates.map(\.ownerID) == ["owner-admin"])
        #expect(crm.userReads == 0)
    }

    @Test("no person with that extension, or no CRM user with their email: the owner is left to the CRM")
    func unmapped() async throws {
        let harness = try await H()
        try await self.signUp(harness, email: "nobody@example.com")
        let book = RecordBook(contacts: [H.jane])
        harness.connectors.register(UsersCRM(book.connector(), users: Self.users), for: H.connection)

        try await harness.writer(nil).run(harness.job)

        #expect(book.creates.count == 1)
        #expect(book.creates.first?.ownerID == nil)
    }

    @Test("a call from one of the company's own numbers is skipped as ours, and the CRM is never asked")
    func companyNumber() async throws {
        let harness = try await H(counterpart: "+16505550199", callerName: "Front desk")
        let book = RecordBook(contacts: [H.jane])
        let connector = book.connector()
        try await harness.writer(connector, settings: LoggingSettings(policy: LoggingPolicy(companyNumbers: ["+16505550199"]))).run(harness.job)

        #expect(connector.calls.isEmpty)
        let log = try await harness.log()
        #expect(log.state == .skipped(.ownNumber))
        #expect(log.timeline.map(\.message) == ["Not logged: \(SkipReason.ownNumber.explanation)"])
    }

    @Test("the disposition a person chose is written on create, and an update that changes nothing of it leaves it out")
    func dispositionWrittenOnce() async throws {
        let harness = try await H()
        let book = RecordBook(contacts: [H.jane])
        _ = try await harness.sqlite.saveAgentInput(AgentInput(sessionID: H.session, extensionID: "ext-1", disposition: "Meeting booked"), now: H.now)
        let writer = harness.writer(book.connector())
        try await writer.run(harness.job)
        #expect(book.creates.map(\.disposition) == ["Meeting booked"])
        #expect(book.creates.first?.writesDisposition == true)

        // Notes arrive later: the update carries them, not the disposition again.
        harness.move(to: 200)
        _ = try await harness.sqlite.saveAgentInput(
            AgentInput(sessionID: H.session, extensionID: "ext-1", notes: AgentNotes(text: "Call back Tuesday", isFinal: true, updatedAt: H.at(200))), now: H.at(200)
        )
        try await harness.runDue(writer)
        let update = try #require(book.updates.last)
        #expect(update.entry.body.contains("Call back Tuesday"))
        #expect(update.entry.writesDisposition == false)
    }
}
