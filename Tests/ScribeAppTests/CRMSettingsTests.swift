import Foundation
import ScribeApp
import Testing

/// Choosing the CRM: only the chosen CRM's settings are required, and a wrong choice is named.
@Suite("CRMSettings")
struct CRMSettingsTests {
    static let phone: [String: String] = [
        "RINGCENTRAL_CLIENT_ID": "rc-client", "RINGCENTRAL_CLIENT_SECRET": "rc-secret", "RINGCENTRAL_JWT": "rc-jwt",
    ]

    func configuration(_ settings: [String: String]) throws -> CallscribeConfiguration {
        try CallscribeConfiguration(SettingsSource(environment: Self.phone.merging(settings) { _, new in new }))
    }

    @Test("Pipedrive needs only its token; its URL has a default")
    func pipedrive() throws {
        let configuration = try self.configuration(["CALLSCRIBE_CRM": "pipedrive", "PIPEDRIVE_API_TOKEN": "pd-token"])
        #expect(configuration.crm == CRMSettings(kind: .pipedrive, baseURL: "https://api.pipedrive.com", credential: "pd-token"))
    }

    @Test("Salesforce needs its instance URL and token, and names whichever is missing")
    func salesforce() throws {
        let configuration = try self.configuration([
            "CALLSCRIBE_CRM": "Salesforce", "SALESFORCE_INSTANCE_URL": "https://acme.my.salesforce.com/", "SALESFORCE_ACCESS_TOKEN": "sf-token",
        ])
        #expect(configuration.crm == CRMSettings(kind: .salesforce, baseURL: "https://acme.my.salesforce.com", credential: "sf-token"))
        #expect(throws: ConfigurationError(setting: "SALESFORCE_INSTANCE_URL", problem: "is required")) {
            try self.configuration(["CALLSCRIBE_CRM": "salesforce", "SALESFORCE_ACCESS_TOKEN": "sf-token"])
        }
    }

    @Test("an unknown CRM is refused, naming CALLSCRIBE_CRM and the choices")
    func unknown() {
        do {
            _ = try self.configuration(["CALLSCRIBE_CRM": "dynamics"])
            Issue.record("expected an error")
        } catch let error as ConfigurationError {
            #expect(error.setting == "CALLSCRIBE_CRM")
            #expect(error.problem.contains("hubspot, pipedrive, salesforce"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
