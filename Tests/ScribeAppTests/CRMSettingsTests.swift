import Foundation
import ScribeApp
import ScribeConnectors
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

/// OAuth with refresh: a CRM's refresh token switches it to OAuth, with the vendor's token endpoint.
@Suite("CRMSettings OAuth")
struct CRMSettingsOAuthTests {
    func configuration(_ settings: [String: String]) throws -> CallscribeConfiguration {
        try CallscribeConfiguration(SettingsSource(environment: CRMSettingsTests.phone.merging(settings) { _, new in new }))
    }

    @Test("HubSpot with a refresh token needs its client id and secret, not an access token")
    func hubspot() throws {
        let crm = try self.configuration(["HUBSPOT_REFRESH_TOKEN": "hs-refresh", "HUBSPOT_CLIENT_ID": "hs-id", "HUBSPOT_CLIENT_SECRET": "hs-secret"]).crm
        #expect(crm.credential == "")
        #expect(crm.oauth?.refreshToken == "hs-refresh")
        #expect(crm.oauth?.registration == .init(tokenURL: "https://api.hubapi.com/oauth/v1/token", clientID: "hs-id", clientSecret: "hs-secret", clientAuthentication: .form))
        #expect(throws: ConfigurationError(setting: "HUBSPOT_CLIENT_SECRET", problem: "is required")) {
            try self.configuration(["HUBSPOT_REFRESH_TOKEN": "hs-refresh", "HUBSPOT_CLIENT_ID": "hs-id"])
        }
    }

    @Test("Salesforce refreshes at its instance unless told otherwise; Pipedrive sends Basic credentials")
    func salesforceAndPipedrive() throws {
        let salesforce = try self.configuration([
            "CALLSCRIBE_CRM": "salesforce", "SALESFORCE_INSTANCE_URL": "https://acme.my.salesforce.com", "SALESFORCE_REFRESH_TOKEN": "sf-refresh",
            "SALESFORCE_CLIENT_ID": "sf-id", "SALESFORCE_CLIENT_SECRET": "sf-secret", "SALESFORCE_ACCESS_TOKEN": "sf-first",
        ]).crm
        #expect(salesforce.credential == "sf-first")
        #expect(salesforce.oauth?.registration.tokenURL == "https://acme.my.salesforce.com/services/oauth2/token")
        let pipedrive = try self.configuration([
            "CALLSCRIBE_CRM": "pipedrive", "PIPEDRIVE_REFRESH_TOKEN": "pd-refresh", "PIPEDRIVE_CLIENT_ID": "pd-id", "PIPEDRIVE_CLIENT_SECRET": "pd-secret",
        ]).crm
        #expect(pipedrive.oauth?.registration == .init(tokenURL: "https://oauth.pipedrive.com/oauth/token", clientID: "pd-id", clientSecret: "pd-secret", clientAuthentication: .basic))
    }

    @Test("without a refresh token nothing changes: the static token is still required")
    func staticTokenUnchanged() throws {
        let crm = try self.configuration(["HUBSPOT_ACCESS_TOKEN": "hs-token"]).crm
        #expect(crm == CRMSettings(kind: .hubspot, baseURL: "https://api.hubapi.com", credential: "hs-token"))
    }
}
