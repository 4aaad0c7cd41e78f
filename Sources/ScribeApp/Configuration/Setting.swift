/// One configuration setting: its environment variable, default, and what it means.
///
/// Settings are read from the environment, then from a JSON config file with the same names;
/// every one is documented by `callscribe serve --help` from this one table.
public struct Setting: Sendable, Hashable {
    public var name: String
    public var defaultValue: String?
    public var summary: String
    /// True for values that must never be printed (tokens, keys, secrets).
    public var isSecret: Bool

    public init(_ name: String, default defaultValue: String?, _ summary: String, secret: Bool = false) {
        self.name = name
        self.defaultValue = defaultValue
        self.summary = summary
        self.isSecret = secret
    }
}

extension Setting {
    public static let dataDirectory = Setting("CALLSCRIBE_DATA_DIR", default: "./data", "Folder for the SQLite ledger, the secret key and sandbox state.")
    public static let databasePath = Setting("CALLSCRIBE_DATABASE_PATH", default: nil, "SQLite ledger file. Default: <data dir>/callscribe.sqlite.")
    public static let host = Setting("CALLSCRIBE_HOST", default: "127.0.0.1", "Address the HTTP server listens on.")
    public static let port = Setting("CALLSCRIBE_PORT", default: "8080", "Port the HTTP server listens on (0 picks a free one).")
    public static let publicURL = Setting("CALLSCRIBE_PUBLIC_URL", default: nil, "URL RingCentral and people reach this server at: the webhook, and the recording links written to CRM records. Default: http://<host>:<port>.")
    public static let secretKey = Setting("CALLSCRIBE_SECRET_KEY", default: nil, "Base64 of 32 bytes that encrypts stored credentials. Default: a key generated once into <data dir>/secret.key.", secret: true)
    public static let ringCentralServer = Setting("RINGCENTRAL_SERVER_URL", default: "https://platform.ringcentral.com", "RingCentral API base URL.")
    public static let ringCentralClientID = Setting("RINGCENTRAL_CLIENT_ID", default: nil, "RingCentral app client id (required).")
    public static let ringCentralClientSecret = Setting("RINGCENTRAL_CLIENT_SECRET", default: nil, "RingCentral app client secret (required).", secret: true)
    public static let ringCentralJWT = Setting("RINGCENTRAL_JWT", default: nil, "RingCentral JWT credential of an admin user (required with RINGCENTRAL_AUTH=jwt).", secret: true)
    public static let webhookToken = Setting("CALLSCRIBE_WEBHOOK_TOKEN", default: nil, "Verification-Token RingCentral must send with every delivery. Default: generated at start-up.", secret: true)
    public static let crm = Setting("CALLSCRIBE_CRM", default: "hubspot", "The CRM calls are logged into: hubspot, pipedrive, salesforce, or file (a CRM described by CALLSCRIBE_CONNECTOR_FILE).")
    public static let hubSpotURL = Setting("HUBSPOT_API_URL", default: "https://api.hubapi.com", "HubSpot API base URL.")
    public static let hubSpotToken = Setting("HUBSPOT_ACCESS_TOKEN", default: nil, "HubSpot private-app access token (required for hubspot).", secret: true)
    public static let pipedriveURL = Setting("PIPEDRIVE_API_URL", default: "https://api.pipedrive.com", "Pipedrive API base URL.")
    public static let pipedriveToken = Setting("PIPEDRIVE_API_TOKEN", default: nil, "Pipedrive API token (required for pipedrive).", secret: true)
    public static let salesforceURL = Setting("SALESFORCE_INSTANCE_URL", default: nil, "Salesforce instance URL, e.g. https://example.my.salesforce.com (required for salesforce).")
    public static let salesforceToken = Setting("SALESFORCE_ACCESS_TOKEN", default: nil, "Salesforce access token (required for salesforce).", secret: true)
    public static let defaultCountryCode = Setting("CALLSCRIBE_DEFAULT_COUNTRY_CODE", default: "1", "Country calling code assumed for national numbers.")
    public static let workerConcurrency = Setting("CALLSCRIBE_WORKER_CONCURRENCY", default: "16", "CRM writes in flight at once (1-256).")
    public static let gracePeriod = Setting("CALLSCRIBE_GRACE_MILLISECONDS", default: "300", "How long after a hang-up a call waits before it is written, for late or out-of-order events (0-60000).")
    public static let maxAttempts = Setting("CALLSCRIBE_MAX_ATTEMPTS", default: "8", "Attempts before a failed CRM write is dead-lettered (1-100).")
    public static let syncInterval = Setting("CALLSCRIBE_SYNC_INTERVAL", default: "300", "Seconds between call-log reconciliation sweeps (5-86400).")
    public static let subscriptionCheck = Setting("CALLSCRIBE_SUBSCRIPTION_CHECK_SECONDS", default: "300", "Seconds between checks that the webhook subscription is active (5-86400); a blacklisted one is replaced.")
    public static let catchUpWindow = Setting("CALLSCRIBE_CATCH_UP_HOURS", default: "24", "How far back the first call-log sync looks, in hours (1-720).")
    public static let contactCacheSeconds = Setting("CALLSCRIBE_CONTACT_CACHE_SECONDS", default: "600", "How long a contact look-up is reused (0-86400).")
    public static let sessionHours = Setting("CALLSCRIBE_SESSION_HOURS", default: "12", "How long a web sign-in lasts, in hours (1-720).")
    public static let adminEmail = Setting("CALLSCRIBE_ADMIN_EMAIL", default: nil, "With CALLSCRIBE_ADMIN_PASSWORD: an admin made at start-up if no user has this email.")
    public static let adminPassword = Setting("CALLSCRIBE_ADMIN_PASSWORD", default: nil, "The first admin's password (at least 10 characters); never printed.", secret: true)
    public static let logLevel = Setting("CALLSCRIBE_LOG_LEVEL", default: "info", "trace, debug, info, notice, warning, error or critical.")

    /// Every setting, in the order `--help` lists them.
    public static let all: [Setting] = [
        .dataDirectory, .databasePath, .host, .port, .publicURL, .secretKey, .ringCentralServer, .ringCentralClientID,
        .ringCentralClientSecret, .ringCentralAuth, .ringCentralJWT, .webhookToken, .crm, .hubSpotURL, .hubSpotToken,
        .pipedriveURL, .pipedriveToken, .salesforceURL, .salesforceToken, .defaultCountryCode,
        .workerConcurrency, .gracePeriod, .maxAttempts, .syncInterval, .subscriptionCheck, .catchUpWindow, .contactCacheSeconds, .sessionHours,
        .adminEmail, .adminPassword, .logLevel,
    ] + [.subscriptionScope] + Setting.connectorFileSettings + Setting.crmOAuth + Setting.recordingArchive + Setting.rateLimits + Setting.logging

    /// The settings reference, for `--help` and the README.
    public static var reference: String {
        all.map { setting in
            let fallback = setting.defaultValue.map { " [default: \($0)]" } ?? ""
            return "  \(setting.name)\n      \(setting.summary)\(fallback)"
        }.joined(separator: "\n")
    }
}
