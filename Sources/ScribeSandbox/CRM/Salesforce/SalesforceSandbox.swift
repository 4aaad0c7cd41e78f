import Foundation
import Logging
import ScribeCore
import Synchronization

/// A Salesforce org in memory, speaking the REST API (B3 of the API facts): contacts seeded from a
/// ``SandboxCompany``, call Tasks written by whoever holds the access token, SOSL phone and name search and
/// SOQL on Tasks.
///
/// Tests and demos steer it with thread-safe knobs (``outage``, ``failNext(count:status:errorCode:)``,
/// ``latency``) and read back exactly what it received (``tasks``, ``requestCount``, ``receivedQueries``).
///
/// ```swift
/// let salesforce = SalesforceSandbox(company: SandboxCompany(), accessToken: "00D…!sandbox")
/// let server = SandboxServer(name: "salesforce", router: salesforce.router(), logger: logger)
/// ```
public final class SalesforceSandbox: SandboxCRM {
    /// The token every API request must carry as `Authorization: Bearer …`.
    public let accessToken: String
    /// The org's OAuth server (`POST /services/oauth2/token`); its access tokens work beside ``accessToken``.
    public let oauth = SandboxCRMOAuth(dialect: .salesforce)

    let state: Mutex<SalesforceSandboxState>
    /// Outage, latency, planned failures and request counters; operations are counted as
    /// `search`, `query`, `contact.create`, `task.create`, `composite.sobjects.create`, `task.update`, `task.read`,
    /// `task.describe`.
    public let faults = SandboxFaults()
    /// The org's users (SOQL on `User`).
    public let directory: SandboxCRMDirectory
    let logger: Logger

    /// - Parameters:
    ///   - company: one Contact is seeded per customer (`Phone` = `storedPhone`, `MobilePhone` = `storedMobile`).
    ///   - accessToken: the token clients must present.
    public init(company: SandboxCompany, accessToken: String, logger: Logger = Logger(label: "callscribe.sandbox.salesforce")) {
        self.accessToken = accessToken
        self.logger = logger
        self.directory = SandboxCRMDirectory(company: company)
        var state = SalesforceSandboxState(people: SalesforceSandboxPerson.contacts(for: company))
        state.opportunities = SandboxDeal.seed(contactIDs: state.people.map(\.id)) { SalesforceSandboxID.make(keyPrefix: "006", number: 600_000 + $0) }
        self.state = Mutex(state)
    }

    /// Answers the next `count` API requests with `status` instead of serving them.
    ///
    /// - Parameter errorCode: the `errorCode` of the body; `nil` picks the usual one for the status
    ///   (401 `INVALID_SESSION_ID`, 403 `REQUEST_LIMIT_EXCEEDED`, 404 `NOT_FOUND`, 503 `SERVER_UNAVAILABLE`,
    ///   other 5xx `UNKNOWN_EXCEPTION`).
    public func failNext(count: Int = 1, status: Int, errorCode: String? = nil) {
        self.faults.failNext(count: count, SandboxFaults.PlannedFailure(status: status, errorCode: errorCode))
    }

    /// Zeroes the request counters and forgets the received queries.
    public func resetCounters() {
        self.faults.resetCounters()
        self.state.withLock { $0.receivedQueries = [] }
    }

    /// The `q` of every authenticated search and query, decoded, in the order received.
    public var receivedQueries: [String] {
        self.state.withLock { $0.receivedQueries }
    }

    /// The org's opportunities: two open and a closed one with a role for the first contact, one open for the second.
    public var opportunities: [SandboxDeal] {
        self.state.withLock { $0.opportunities }
    }

    /// The Tasks created so far, in order.
    public var tasks: [SalesforceSandboxTask] {
        self.state.withLock { $0.tasks }
    }

    /// The Task with `id` (15 or 18 characters).
    public func task(id: String) -> SalesforceSandboxTask? {
        self.state.withLock { state in state.taskIndex(id).map { state.tasks[$0] } }
    }

    /// The org's contacts: the seeded ones in customer order, then those created through the API.
    public var contacts: [SalesforceSandboxPerson] {
        self.state.withLock { $0.people.filter { $0.type == "Contact" } }
    }

    /// The org's leads, in the order added.
    public var leads: [SalesforceSandboxPerson] {
        self.state.withLock { $0.people.filter { $0.type == "Lead" } }
    }

    /// Adds a lead and returns its id; a converted one (`isConverted`) is what a lead becomes once
    /// turned into a contact.
    @discardableResult
    public func addLead(firstName: String, lastName: String, phone: String?, mobilePhone: String? = nil, isConverted: Bool = false) -> String {
        self.state.withLock { state in
            let id = SalesforceSandboxID.make(keyPrefix: "00Q", number: 200_000 + state.nextLeadNumber)
            state.nextLeadNumber += 1
            let now = Date()
            state.people.append(
                SalesforceSandboxPerson(
                    type: "Lead", id: id, firstName: firstName, lastName: lastName, phone: phone, mobilePhone: mobilePhone,
                    createdDate: now, lastModifiedDate: now, isConverted: isConverted
                )
            )
            return id
        }
    }
}
