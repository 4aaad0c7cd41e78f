import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ScribeConnectors
import ScribeSandbox
import Testing

/// The sandboxes' token endpoints on the wire: each vendor's path, client authentication, answer
/// fields and refusal body.
@Suite("Sandbox CRM OAuth", .sharedHTTPClient)
struct SandboxCRMOAuthTests {
    /// POSTs a refresh form to the harness's token URL, with Basic credentials when the vendor wants them.
    static func post(_ harness: OAuthHarness, refreshToken: String, basic: Bool, formCredentials: Bool) async throws -> (status: Int, json: [String: Any]) {
        var form = "grant_type=refresh_token&refresh_token=\(refreshToken)"
        if formCredentials { form += "&client_id=\(harness.oauth.clientID)&client_secret=\(harness.oauth.clientSecret)" }
        var request = HTTPClientRequest(url: harness.registration.tokenURL)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        if basic {
            request.headers.add(name: "Authorization", value: "Basic " + Data("\(harness.oauth.clientID):\(harness.oauth.clientSecret)".utf8).base64EncodedString())
        }
        request.body = .bytes(ByteBuffer(string: form))
        let response = try await harness.httpClient.execute(request, timeout: .seconds(5))
        let body = try await response.body.collect(upTo: 1 << 16)
        let json = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any] ?? [:]
        return (Int(response.status.code), json)
    }

    @Test("a refresh answers the vendor's fields; only Pipedrive rotates and spends the refresh token", arguments: OAuthCRM.allCases)
    func refreshAnswer(crm: OAuthCRM) async throws {
        try await OAuthHarness.run(crm) { harness in
            let refresh = harness.oauth.grant().refreshToken
            let basic = crm == .pipedrive
            let answer = try await Self.post(harness, refreshToken: refresh, basic: basic, formCredentials: !basic)
            #expect(answer.status == 200)
            #expect((answer.json["access_token"] as? String)?.isEmpty == false)
            switch crm {
            case .hubspot:
                #expect(answer.json["refresh_token"] as? String == refresh)
                #expect(answer.json["expires_in"] as? Int == 1800)
            case .salesforce:
                #expect(answer.json["refresh_token"] == nil)
                #expect(answer.json["expires_in"] == nil)
                #expect(answer.json["instance_url"] as? String == harness.baseURL)
            case .pipedrive:
                #expect(answer.json["refresh_token"] as? String != refresh)
                #expect(answer.json["api_domain"] != nil)
            }
            let again = try await Self.post(harness, refreshToken: refresh, basic: basic, formCredentials: !basic)
            #expect(again.status == (crm == .pipedrive ? 400 : 200))
        }
    }

    @Test("an unknown refresh token gets the vendor's refusal", arguments: OAuthCRM.allCases)
    func refusal(crm: OAuthCRM) async throws {
        try await OAuthHarness.run(crm) { harness in
            let basic = crm == .pipedrive
            let answer = try await Self.post(harness, refreshToken: "never-issued", basic: basic, formCredentials: !basic)
            #expect(answer.status == 400)
            switch crm {
            case .hubspot: #expect(answer.json["status"] as? String == "BAD_REFRESH_TOKEN")
            case .salesforce: #expect(answer.json["error"] as? String == "invalid_grant" && answer.json["error_description"] as? String == "expired access/refresh token")
            case .pipedrive: #expect(answer.json["error"] as? String == "invalid_grant")
            }
        }
    }

    @Test("Pipedrive wants the client's credentials as HTTP Basic, not in the form")
    func pipedriveNeedsBasic() async throws {
        try await OAuthHarness.run(.pipedrive) { harness in
            let answer = try await Self.post(harness, refreshToken: harness.oauth.grant().refreshToken, basic: false, formCredentials: true)
            #expect(answer.status == 401)
            #expect(harness.oauth.refreshCount == 0)
        }
    }

    @Test("HubSpot answers an expired OAuth token with EXPIRED_AUTHENTICATION, an unknown one with INVALID_AUTHENTICATION")
    func hubspotExpiredBody() async throws {
        try await OAuthHarness.run(.hubspot) { harness in
            let access = harness.oauth.grant().accessToken
            harness.oauth.expireAccessTokens()
            for (token, category) in [(access, "EXPIRED_AUTHENTICATION"), ("never-issued", "INVALID_AUTHENTICATION")] {
                var request = HTTPClientRequest(url: harness.baseURL + "/crm/v3/properties/calls")
                request.headers.add(name: "Authorization", value: "Bearer \(token)")
                let response = try await harness.httpClient.execute(request, timeout: .seconds(5))
                let body = try await response.body.collect(upTo: 1 << 16)
                let json = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any] ?? [:]
                #expect(response.status.code == 401)
                #expect(json["category"] as? String == category)
            }
        }
    }
}
