import Foundation
import Logging
import ScribeCore
import ScribeTelephony

/// Everything the composition root needs, typed and validated.
public struct CallscribeConfiguration: Sendable {
    public var dataDirectory: URL
    public var databasePath: String
    public var host: String
    public var port: Int
    /// Where RingCentral delivers webhooks and where recording links in CRM records point; nil means `http://host:port`.
    public var publicURL: String?
    /// Base64 key for sealing credentials; nil means the data folder's key file.
    public var secretKey: String?
    public var ringCentral: RingCentralCredentials
    /// Nil means derived from the secret key, so it survives restarts.
    public var webhookToken: String?
    /// The CRM calls are logged into: its connector, base URL and credential.
    public var crm: CRMSettings
    /// Each CRM connection's request budget.
    public var rateLimits: RateLimitSettings
    public var defaultCountryCode: String
    public var workerConcurrency: Int
    /// How long after a hang-up a call waits before it is written.
    public var gracePeriod: TimeInterval
    public var retryPolicy: RetryPolicy
    public var syncInterval: TimeInterval
    public var subscriptionCheckInterval: TimeInterval
    /// A subscription with less than this left is renewed: a day, or half its life for short ones.
    public var subscriptionRenewBefore: TimeInterval = 86_400
    public var catchUpWindow: TimeInterval
    public var contactCacheLifetime: TimeInterval
    public var logLevel: Logger.Level
    /// How long a web sign-in lasts.
    public var sessionLifetime: TimeInterval
    /// An admin to make at start-up when no user has this email yet.
    public var bootstrapAdmin: (email: String, password: String)?
    /// How passwords are hashed; tests lower the cost.
    public var passwordHasher = PasswordHasher()
    /// What gets logged, when and how.
    public var logging: LoggingSettings
    /// Whether the webhook subscription covers the account or each extension by name.
    public var subscriptionScope: SubscriptionScope
    /// Whether and where recordings are archived.
    public var recordingArchive: RecordingArchiveSettings

    /// Reads and validates every setting; the first bad one stops start-up with its name.
    public init(_ source: SettingsSource) throws(ConfigurationError) {
        let dataDirectory = try source.required(.dataDirectory)
        self.dataDirectory = URL(fileURLWithPath: dataDirectory, isDirectory: true)
        self.databasePath = source.string(.databasePath) ?? self.dataDirectory.appendingPathComponent("callscribe.sqlite").path
        self.host = try source.required(.host)
        self.port = try source.integer(.port, in: 0...65535)
        self.publicURL = source.string(.publicURL) == nil ? nil : try source.url(.publicURL)
        self.secretKey = source.string(.secretKey)
        let grantName = try source.required(.ringCentralAuth)
        guard let grant = RingCentralGrant(rawValue: grantName) else {
            throw ConfigurationError(setting: Setting.ringCentralAuth.name, problem: "'\(grantName)' is not jwt or authorization_code")
        }
        self.ringCentral = RingCentralCredentials(
            serverURL: try source.url(.ringCentralServer), clientID: try source.required(.ringCentralClientID),
            clientSecret: try source.required(.ringCentralClientSecret), jwt: grant == .jwt ? try source.required(.ringCentralJWT) : "", grant: grant
        )
        self.webhookToken = source.string(.webhookToken)
        self.crm = try CRMSettings(source)
        self.rateLimits = try RateLimitSettings(source)
        let country = try source.required(.defaultCountryCode)
        guard (1...3).contains(country.count), country.allSatisfy({ $0.isASCII && $0.isNumber }), country.first != "0" else {
            throw ConfigurationError(setting: Setting.defaultCountryCode.name, problem: "'\(country)' is not a country calling code such as 1 or 44")
        }
        self.defaultCountryCode = country
        self.workerConcurrency = try source.integer(.workerConcurrency, in: 1...256)
        self.gracePeriod = TimeInterval(try source.integer(.gracePeriod, in: 0...60_000)) / 1000
        self.retryPolicy = RetryPolicy(maximumAttempts: try source.integer(.maxAttempts, in: 1...100))
        self.syncInterval = TimeInterval(try source.integer(.syncInterval, in: 5...86_400))
        self.subscriptionCheckInterval = TimeInterval(try source.integer(.subscriptionCheck, in: 5...86_400))
        self.catchUpWindow = TimeInterval(try source.integer(.catchUpWindow, in: 1...720) * 3600)
        self.contactCacheLifetime = TimeInterval(try source.integer(.contactCacheSeconds, in: 0...86_400))
        self.sessionLifetime = TimeInterval(try source.integer(.sessionHours, in: 1...720) * 3600)
        switch (source.string(.adminEmail), source.string(.adminPassword)) {
        case (let email?, let password?):
            guard password.count >= PasswordHasher.minimumLength else {
                throw ConfigurationError(setting: Setting.adminPassword.name, problem: "must be at least \(PasswordHasher.minimumLength) characters")
            }
            self.bootstrapAdmin = (email, password)
        case (nil, nil):
            self.bootstrapAdmin = nil
        case (nil, _?):
            throw ConfigurationError(setting: Setting.adminEmail.name, problem: "is required when CALLSCRIBE_ADMIN_PASSWORD is set")
        case (_?, nil):
            throw ConfigurationError(setting: Setting.adminPassword.name, problem: "is required when CALLSCRIBE_ADMIN_EMAIL is set")
        }
        let level = try source.required(.logLevel)
        guard let logLevel = Logger.Level(rawValue: level.lowercased()) else {
            throw ConfigurationError(setting: Setting.logLevel.name, problem: "'\(level)' is not one of trace, debug, info, notice, warning, error, critical")
        }
        self.logLevel = logLevel
        self.logging = try LoggingSettings(source, defaultCountryCode: country)
        self.subscriptionScope = try source.choice(.subscriptionScope, as: SubscriptionScope.self)
        self.recordingArchive = try RecordingArchiveSettings(source)
    }

    /// Where RingCentral sends an admin back after they connect it (authorization-code grant).
    public func ringCentralRedirectURI(boundPort: Int) -> String {
        (self.publicURL ?? "http://\(self.host):\(boundPort)") + "/ringcentral/callback"
    }

    /// The URL webhooks are delivered to, given the port the server actually bound.
    public func webhookAddress(boundPort: Int) -> String {
        (self.publicURL ?? "http://\(self.host):\(boundPort)") + "/webhooks/ringcentral"
    }
}
