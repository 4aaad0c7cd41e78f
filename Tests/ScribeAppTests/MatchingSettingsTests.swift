import Foundation
import ScribeApp
import ScribeCore
import Testing

/// `CALLSCRIBE_MATCH_LEADS` and `CALLSCRIBE_COMPANY_NUMBERS`: defaults, parsing, and errors naming the setting.
@Suite("Matching settings")
struct MatchingSettingsTests {
    func configuration(_ settings: [String: String]) throws -> CallscribeConfiguration {
        try CallscribeConfiguration(SettingsSource(environment: CRMSettingsTests.phone.merging(["HUBSPOT_ACCESS_TOKEN": "hs"].merging(settings) { _, new in new }) { _, new in new }))
    }

    @Test("contacts first and no company numbers unless told")
    func defaults() throws {
        let policy = try self.configuration([:]).logging.policy
        #expect(policy.leadPriority == .contactsFirst)
        #expect(policy.companyNumbers.isEmpty)
    }

    @Test("each priority is read; company numbers are kept in E.164")
    func parsed() throws {
        let policy = try self.configuration(["CALLSCRIBE_MATCH_LEADS": "leads_first", "CALLSCRIBE_COMPANY_NUMBERS": "(650) 555-0100, +44 20 7946 0000"]).logging.policy
        #expect(policy.leadPriority == .leadsFirst)
        #expect(policy.companyNumbers == ["+16505550100", "+442079460000"])
        #expect(try self.configuration(["CALLSCRIBE_MATCH_LEADS": "contacts_only"]).logging.policy.leadPriority == .contactsOnly)
    }

    @Test("a bad value stops start-up naming the setting")
    func refused() {
        #expect(throws: ConfigurationError.self) { try self.configuration(["CALLSCRIBE_MATCH_LEADS": "leads_only"]) }
        do {
            _ = try self.configuration(["CALLSCRIBE_COMPANY_NUMBERS": "not a number"])
            Issue.record("accepted a bad company number")
        } catch let error as ConfigurationError {
            #expect(error.setting == "CALLSCRIBE_COMPANY_NUMBERS")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
