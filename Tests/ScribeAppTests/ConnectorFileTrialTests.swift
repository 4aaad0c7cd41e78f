import AsyncHTTPClient
import Foundation
import Logging
import ScribeApp
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import ScribeTestSupport
import Testing

/// `callscribe connectors test FILE`: a connector file tried step by step against a CRM, here each
/// vendor's sandbox on loopback.
@Suite("Trying a connector file against its CRM")
struct ConnectorFileTrialTests {
    static let company = SandboxCompany(seed: 42, customerCount: 12)

    static func trial(_ spec: ConnectorSpec, _ inputs: [String: String]) throws -> ConnectorFileTrial {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return try ConnectorFileTrial(
            spec: spec, inputs: inputs, httpClient: .shared, now: { Date(timeIntervalSince1970: 1_795_251_907) }, makeID: { "trial-1" }, logger: logger
        )
    }

    /// Runs `body` with a fresh sandbox of `vendor` served on loopback, its shipped file, and the file's inputs for it.
    static func withShipped(
        _ vendor: SandboxConnectorFile.Vendor, _ body: (SandboxConnectorFile, ConnectorSpec, [String: String]) async throws -> Void
    ) async throws {
        let file = SandboxConnectorFile(vendor, company: Self.company, logger: Logger(label: "test"))
        let spec = try ConnectorSpec.load(contentsOf: vendor.fileURL.path)
        try await withSandboxServer(name: vendor.rawValue, router: file.router()) { url in
            try await body(file, spec, file.inputs(baseURL: url))
        }
    }

    static func firstCustomer() throws -> PhoneNumber {
        try #require(PhoneNumber(parsing: Self.company.customers[0].phoneNumber))
    }

    @Test("every step of a shipped file passes in order, and the test record is left in the CRM as updated")
    func everyStepPasses() async throws {
        try await Self.withShipped(.insightly) { file, spec, inputs in
            let insightly = try #require(file.insightly)
            let steps = try await Self.trial(spec, inputs).run(phone: try Self.firstCustomer(), contact: nil)
            #expect(steps.map(\.step) == ["find_contacts", "find_contacts_by_name", "create_call", "read_call", "update_call", "find_call", "related_records"])
            #expect(steps.allSatisfy { $0.ok }, "\(steps)")
            let event = try #require(insightly.events.first)
            #expect(insightly.events.count == 1)
            #expect(event.location == "callscribe-test-trial-1")
            #expect(event.details?.contains("then updated") == true)
        }
    }

    @Test("the first failing step ends the trial with the CRM's answer")
    func stopsAtFirstFailure() async throws {
        try await Self.withShipped(.insightly) { file, spec, given in
            var inputs = given
            inputs["api_key"] = "not-the-key"
            let steps = try await Self.trial(spec, inputs).run(phone: try Self.firstCustomer(), contact: nil)
            #expect(steps.map(\.step) == ["find_contacts"])
            #expect(steps.first?.ok == false)
            #expect(steps.first?.detail.contains("HTTP 401") == true, "the CRM's answer: \(steps.first?.detail ?? "")")
            #expect(steps.first?.detail.contains("not-the-key") == false, "a credential is never repeated")
            #expect(file.insightly?.events.isEmpty == true)
        }
    }

    @Test("an expired OAuth2 access token is refreshed once; a refresh token that does not rotate stays usable")
    func refreshWithoutRotation() async throws {
        try await Self.withShipped(.clio) { file, spec, inputs in
            let clio = try #require(file.clio)
            clio.oauth.expireAccessTokens()
            let steps = try await Self.trial(spec, inputs).run(phone: try Self.firstCustomer(), contact: nil)
            #expect(steps.allSatisfy { $0.ok }, "\(steps)")
            #expect(!steps.contains { $0.step == "tokens" })
            #expect(clio.oauth.refreshCount == 1)
        }
    }

    @Test("when the CRM rotates the refresh token during the trial, a failed tokens step says the one in the inputs is spent")
    func rotationIsReported() async throws {
        let pipedrive = PipedriveSandbox(company: Self.company, apiToken: "pd-unused")
        try await withSandboxServer(name: "pipedrive", router: pipedrive.router()) { url in
            let spec = try ConnectorSpec.load(Self.pipedriveOAuthFile, file: "pipedrive-oauth.yaml")
            let granted = pipedrive.oauth.grant()
            let inputs = [
                "base_url": url, "token_url": url + "/oauth/token", "client_id": pipedrive.oauth.clientID,
                "client_secret": pipedrive.oauth.clientSecret, "refresh_token": granted.refreshToken, "access_token": granted.accessToken,
            ]
            pipedrive.oauth.expireAccessTokens()
            let steps = try await Self.trial(spec, inputs).run(phone: try Self.firstCustomer(), contact: nil)
            #expect(steps.map(\.step) == ["find_contacts", "create_call", "update_call", "tokens"])
            #expect(steps.dropLast().allSatisfy { $0.ok }, "\(steps)")
            let tokens = try #require(steps.last)
            #expect(!tokens.ok)
            #expect(tokens.detail.contains("spent"))
            #expect(!tokens.detail.contains(granted.refreshToken) && !tokens.detail.contains(granted.accessToken))
            #expect(pipedrive.oauth.refreshCount == 1)
            #expect(pipedrive.activities.count == 1)
        }
    }

    /// A small connector file for Pipedrive's API v2 over OAuth2, whose refresh tokens rotate.
    static let pipedriveOAuthFile = """
        connector: pipedrive-oauth
        title: Pipedrive over OAuth2
        format_version: 1
        base_url: "{{inputs.base_url}}"
        inputs:
          base_url: {description: the company's API address}
          token_url: {description: the OAuth server's token endpoint}
        auth:
          kind: oauth2
          token_url: "{{inputs.token_url}}"
          client_authentication: basic
        operations:
          find_contacts:
            request:
              method: GET
              path: /api/v2/persons/search
              query: {term: "{{phone.digits}}", fields: phone}
            results: "{{response.data.items}}"
            contact:
              id: "{{item.item.id}}"
              name: "{{item.item.name}}"
          create_call:
            request:
              method: POST
              path: /api/v2/activities
              json:
                subject: "{{call.subject}}"
                type: call
                note: "{{call.body}}"
                participants: [{person_id: "{{contact.id | number}}", primary: true}]
            id: "{{response.data.id}}"
          update_call:
            request:
              method: PATCH
              path: "/api/v2/activities/{{record.id}}"
              json: {note: "{{call.body}}"}
        """
}
