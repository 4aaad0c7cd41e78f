import AsyncHTTPClient
import Foundation
import Logging
import ScribeConnectors
import ScribeCore
import ScribeStore
import ScribeTelephony
import ServiceLifecycle

/// The composition root: builds every part from the configuration and hands the HTTP edge and the
/// CLI what they need. The only place that knows every concrete type.
public final class Callscribe: Sendable {
    public let configuration: CallscribeConfiguration
    public let store: any LedgerStore
    /// People, sessions, API tokens and their settings (the same SQLite file as the ledger).
    public let people: any PeopleStore
    public let effects: Effects
    public let logger: Logger
    /// The Verification-Token every webhook delivery must carry.
    public let webhookToken: String
    /// Fulfilled by the HTTP edge with the port it bound.
    public let serverListening = OneShot<Int>()

    let secrets: SecretBox
    /// The ledger as SQLite, for what only it offers (the sealed RingCentral token pair).
    let ledger: SQLiteLedgerStore
    let passwords: PasswordHasher
    let signInThrottle = SignInThrottle()
    let httpClient: HTTPClient
    let ringCentral: RingCentralClient
    let connectors = ConnectorRegistry()
    /// Each CRM connection's request budget, shared by every connector built for it.
    let rateLimiters: RateLimiterBook
    let contacts: ContactCache
    let customFieldCatalogue: CustomFieldCatalogue
    let eventsStored = WorkSignal()
    let logsClaimed = WorkSignal()
    /// Pauses and resumes CRM writing (the benchmark's backlog); open unless paused.
    public let writeGate = WriteGate()
    /// Asks the call-log sync for a sweep now rather than at its next interval.
    let sweepNow = WorkSignal()
    /// Known once start-up has stored the account's extensions and CRM connections.
    let accountID = OneShot<AccountID>()
    let parser = WebhookDeliveryParser()
    /// The backfill an admin started from the web app, if any.
    public let backfills = BackfillRunner()
    let appender: EventAppender
    /// Signs the recording links written to CRM records and checks them when they are followed.
    let recordingSigner: RecordingLinkSigner
    /// RingCentral sign-ins in progress (authorization-code grant), and the signal that one finished.
    let connectStates = ConnectStateBook()
    /// Each OAuth CRM connection's token provider: one refresh in flight per connection.
    let crmTokens = CRMTokenProviderBook()
    let ringCentralConnected = WorkSignal()
    /// The ledger's queue of recordings to archive and where the archived ones are.
    let recordingArchive: any RecordingArchiveStore
    /// The archive folder, when `CALLSCRIBE_RECORDINGS_DIR` is set.
    let recordingFolder: RecordingFolder?

    /// Opens the ledger (migrating it) and wires every part. Nothing runs until ``services()`` are run.
    public init(configuration: CallscribeConfiguration, effects: Effects = .live, httpClient: HTTPClient = .shared, logger: Logger) throws {
        self.configuration = configuration
        self.effects = effects
        self.logger = logger
        self.httpClient = httpClient
        try FileManager.default.createDirectory(at: configuration.dataDirectory, withIntermediateDirectories: true)
        let ledger = try SQLiteLedgerStore(path: configuration.databasePath)
        self.store = ledger
        self.ledger = ledger
        self.people = ledger
        self.passwords = configuration.passwordHasher
        self.secrets = try SecretBox(base64Key: configuration.secretKey, dataDirectory: configuration.dataDirectory)
        self.webhookToken = configuration.webhookToken ?? self.secrets.derivedToken(for: "ringcentral-webhook-verification")
        self.ringCentral = RingCentralClient(
            credentials: configuration.ringCentral, httpClient: httpClient,
            tokenStore: LedgerTokenStore(ledger: ledger, secrets: self.secrets, now: effects.now), logger: logger, now: effects.now
        )
        self.rateLimiters = RateLimiterBook(settings: configuration.rateLimits, now: effects.now)
        self.contacts = ContactCache(lifetime: configuration.contactCacheLifetime, now: effects.now)
        self.customFieldCatalogue = CustomFieldCatalogue(now: effects.now)
        self.appender = EventAppender(store: self.store, now: effects.now)
        self.recordingSigner = RecordingLinkSigner(secrets: self.secrets)
        self.recordingArchive = ledger
        self.recordingFolder = configuration.recordingArchive.directory.map(RecordingFolder.init(url:))
    }

    /// The long-running parts, for the one service group: start-up, folding, the CRM writer and the call-log sync.
    public func services() -> [ServiceGroupConfiguration.ServiceConfiguration] {
        let writer = CallLogWriter(
            store: self.store, connectors: self.connectors, contacts: self.contacts,
            settings: self.settingsBook,
            retryPolicy: self.configuration.retryPolicy, defaultCountryCode: self.configuration.defaultCountryCode,
            recordings: RingCentralRecordings(client: self.ringCentral, links: self.recordingLinks), effects: self.effects, logger: self.logger
        )
        return self.recordingArchiverService() + [
            .init(service: Startup(callscribe: self), successTerminationBehavior: .ignore),
            .init(
                service: SubscriptionKeeper(
                    callscribe: self, interval: self.configuration.subscriptionCheckInterval, renewBefore: self.configuration.subscriptionRenewBefore
                )
            ),
            .init(
                service: FoldWorker(
                    store: self.store, effects: self.effects, wake: self.eventsStored, logsClaimed: self.logsClaimed,
                    ready: self.accountID, batchSize: 500, gracePeriod: self.configuration.gracePeriod, logger: self.logger
                )
            ),
            .init(
                service: LogWorker(
                    store: self.store, writer: writer, effects: self.effects, wake: self.logsClaimed, ready: self.accountID, gate: self.writeGate,
                    concurrency: self.configuration.workerConcurrency, lease: 30, logger: self.logger
                )
            ),
            .init(
                service: CallLogSync(
                    client: self.ringCentral, store: self.store, accountID: self.accountID, effects: self.effects,
                    interval: self.configuration.syncInterval, catchUpWindow: self.configuration.catchUpWindow,
                    folded: self.eventsStored, sweepNow: self.sweepNow, logger: self.logger
                )
            ),
        ]
    }

    /// The phone-system account, once start-up has reached the phone system.
    public func account() async -> AccountID {
        await self.accountID.value
    }

    /// The logging settings in force for each person's calls.
    var settingsBook: SettingsBook {
        SettingsBook(server: self.configuration.logging, people: self.people)
    }

    /// Stores one webhook delivery; a duplicate is acknowledged and ignored. Telephony events go to
    /// the fold worker; RingSense insights are saved with the call and wake the log worker, whose
    /// jobs they queued.
    public func ingestWebhook(_ body: Data) async throws -> WebhookReceipt {
        switch try self.parser.parse(body) {
        case .telephony(let event):
            let outcome = try await self.appender.append(event)
            if outcome == .stored { self.eventsStored.signal() }
            return WebhookReceipt(kind: .telephony, status: outcome == .stored ? .stored : .duplicate, eventID: event.id, sessionID: event.sessionID)
        case .insights(let event):
            let status = try await self.saveInsights(event)
            return WebhookReceipt(kind: .insights, status: status, eventID: event.id, sessionID: event.sessionID)
        case .ignored(let eventID, let reason):
            self.logger.info("webhook delivery ignored", metadata: ["event": "\(eventID)", "reason": "\(reason)"])
            return WebhookReceipt(kind: .insights, status: .ignored, eventID: eventID, sessionID: nil)
        }
    }

    /// The connection's connector, behind the connection's shared request budget.
    func makeConnector(_ connection: CRMConnection) throws -> any CRMConnector {
        let credential = StoredCRMCredential(opened: try self.secrets.open(connection.sealedCredential))
        guard let kind = CRMSettings.kind(ofConnection: connection.kind) else {
            throw ConfigurationError(setting: "connection \(connection.id)", problem: "unknown CRM kind '\(connection.kind)'")
        }
        let connector: any CRMConnector
        switch kind {
        case .file:
            // A connector file admits each of its HTTP requests through the budget itself.
            return try self.makeFileConnector(connection, credential: credential)
        case .hubspot:
            connector = HubSpotConnector(baseURL: connection.baseURL, authorization: self.authorization(for: connection, kind: kind, credential: credential), httpClient: self.httpClient)
        case .pipedrive:
            connector = PipedriveConnector(baseURL: connection.baseURL, authorization: self.authorization(for: connection, kind: kind, credential: credential), httpClient: self.httpClient)
        case .salesforce:
            connector = SalesforceConnector(instanceURL: connection.baseURL, authorization: self.authorization(for: connection, kind: kind, credential: credential), httpClient: self.httpClient)
        }
        return self.rateLimiters.limited(connector, for: connection.id, kind: kind)
    }
}
