import Foundation
import ScribeCore

extension Setting {
    // Each CRM's window is the one its vendor documents; only the budget is configurable.
    public static let hubSpotRequestsPer10Seconds = Setting(
        "HUBSPOT_REQUESTS_PER_10_SECONDS", default: "100",
        "HubSpot requests per rolling 10 s for one connection: 100 is the Free/Starter private-app burst limit, 190 Professional/Enterprise (0 turns the limit off; 0-10000)."
    )
    public static let pipedriveRequestsPer2Seconds = Setting(
        "PIPEDRIVE_REQUESTS_PER_2_SECONDS", default: "20",
        "Pipedrive requests per 2 s for one connection: 20 is the Essential plan's api_token burst limit (40 Advanced, 80 Professional, 100 Power, 120 Enterprise; 0 turns the limit off; 0-10000)."
    )
    public static let salesforceRequestsPerDay = Setting(
        "SALESFORCE_REQUESTS_PER_DAY", default: "50000",
        "Salesforce requests per 24 h for one connection: half the 100000 base of the org's daily API allocation, which other integrations share (0 turns the limit off; 0-10000000)."
    )
    public static let rateLimitMaxWait = Setting(
        "CALLSCRIBE_RATE_LIMIT_MAX_WAIT_SECONDS", default: "10",
        "Longest a CRM request waits for its connection's budget; a longer wait retries the job later instead (0-300)."
    )

    /// The rate-limit settings, in the order `--help` lists them.
    static let rateLimits: [Setting] = [.hubSpotRequestsPer10Seconds, .pipedriveRequestsPer2Seconds, .salesforceRequestsPerDay, .rateLimitMaxWait]
}

/// How many requests Callscribe sends each kind of CRM connection, kept under the vendor's
/// documented limits so that 429s are the exception rather than the throttle.
public struct RateLimitSettings: Sendable, Hashable {
    /// The budget per connection of each kind; a kind missing here is not limited.
    public var limits: [CRMSettings.Kind: RateLimit]
    /// The longest a request waits for its token.
    public var maximumWait: TimeInterval

    public init(limits: [CRMSettings.Kind: RateLimit], maximumWait: TimeInterval) {
        self.limits = limits
        self.maximumWait = maximumWait
    }

    /// No limits at all.
    public static let off = RateLimitSettings(limits: [:], maximumWait: 0)

    /// The budget of one connection of `kind`, or nil when its limit is off.
    public func limit(for kind: CRMSettings.Kind) -> RateLimit? { self.limits[kind] }

    /// Reads and validates the rate-limit settings; a bad one is an error naming it.
    init(_ source: SettingsSource) throws(ConfigurationError) {
        var limits: [CRMSettings.Kind: RateLimit] = [:]
        for kind in CRMSettings.Kind.allCases {
            guard let (setting, window, most) = Self.budget(of: kind) else { continue }
            let requests = try source.integer(setting, in: 0...most)
            if requests > 0 { limits[kind] = RateLimit(requests: requests, per: window) }
        }
        self.init(limits: limits, maximumWait: TimeInterval(try source.integer(.rateLimitMaxWait, in: 0...300)))
    }

    /// Each kind's setting, its vendor's window in seconds, and the largest budget accepted.
    private static func budget(of kind: CRMSettings.Kind) -> (Setting, TimeInterval, Int)? {
        switch kind {
        case .hubspot: (.hubSpotRequestsPer10Seconds, 10, 10_000)
        case .pipedrive: (.pipedriveRequestsPer2Seconds, 2, 10_000)
        case .salesforce: (.salesforceRequestsPerDay, 86_400, 10_000_000)
        // A connector file states its CRM's budget itself (`rate_limit`).
        case .file: nil
        }
    }
}
