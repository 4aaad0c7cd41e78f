import Foundation
import ScribeApp
import ScribeCore
import Testing

/// The per-kind request budgets: documented defaults, 0 for off, and errors naming their setting.
@Suite("RateLimitSettings")
struct RateLimitSettingsTests {
    func configuration(_ settings: [String: String]) throws -> CallscribeConfiguration {
        try CallscribeConfiguration(SettingsSource(environment: CRMSettingsTests.phone.merging(["HUBSPOT_ACCESS_TOKEN": "hs"].merging(settings) { _, new in new }) { _, new in new }))
    }

    @Test("the defaults are each vendor's smallest documented budget, over its own window")
    func defaults() throws {
        let limits = try self.configuration([:]).rateLimits
        #expect(limits.limit(for: .hubspot) == RateLimit(requests: 100, per: 10))
        #expect(limits.limit(for: .pipedrive) == RateLimit(requests: 20, per: 2))
        #expect(limits.limit(for: .salesforce) == RateLimit(requests: 50_000, per: 86_400))
        #expect(limits.maximumWait == 10)
    }

    @Test("each budget is configurable and 0 turns it off")
    func configured() throws {
        let limits = try self.configuration([
            "HUBSPOT_REQUESTS_PER_10_SECONDS": "190", "PIPEDRIVE_REQUESTS_PER_2_SECONDS": "0", "CALLSCRIBE_RATE_LIMIT_MAX_WAIT_SECONDS": "30",
        ]).rateLimits
        #expect(limits.limit(for: .hubspot) == RateLimit(requests: 190, per: 10))
        #expect(limits.limit(for: .pipedrive) == nil)
        #expect(limits.maximumWait == 30)
    }

    @Test("a bad value is refused, naming its setting", arguments: [
        ("HUBSPOT_REQUESTS_PER_10_SECONDS", "-1"), ("PIPEDRIVE_REQUESTS_PER_2_SECONDS", "lots"), ("SALESFORCE_REQUESTS_PER_DAY", "20000000"),
        ("CALLSCRIBE_RATE_LIMIT_MAX_WAIT_SECONDS", "301"),
    ])
    func refused(setting: String, value: String) {
        do {
            _ = try self.configuration([setting: value])
            Issue.record("expected an error")
        } catch let error as ConfigurationError {
            #expect(error.setting == setting)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("the settings are listed in the help reference")
    func documented() {
        for name in ["HUBSPOT_REQUESTS_PER_10_SECONDS", "PIPEDRIVE_REQUESTS_PER_2_SECONDS", "SALESFORCE_REQUESTS_PER_DAY", "CALLSCRIBE_RATE_LIMIT_MAX_WAIT_SECONDS"] {
            #expect(Setting.reference.contains(name))
        }
    }
}
