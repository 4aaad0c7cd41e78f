import Foundation
import NIOHTTP1
import ScribeConnectors
import ScribeCore
import ScribeSandbox
import Testing

@Suite("HubSpotSandbox speaks HubSpot's API", .sharedHTTPClient)
struct HubSpotSandboxTests {
    static let contact = Contact(id: "1003", name: "Carmen Dubois")

    @Test("refuses a request without the token, with HubSpot's 401 body")
    func requiresToken() async throws {
        try await HubSpotHarness.run { harness in
            let response = try await harness.raw(.GET, "/crm/v3/objects/calls", token: nil)

            #expect(response.status == 401)
            let body = try response.jsonObject
            #expect(body["status"] as? String == "error")
            #expect(body["category"] as? String == "INVALID_AUTHENTICATION")
            #expect((body["message"] as? String)?.hasPrefix("Authentication credentials not found") == true)
            #expect(UUID(uuidString: body["correlationId"] as? String ?? "") != nil)
            #expect(harness.sandbox.requestsByOperation == ["calls.list": 1])
        }
    }

    @Test("answers with HubSpot's rate-limit headers and a 503 body during an outage")
    func headersAndOutage() async throws {
        try await HubSpotHarness.run { harness in
            let ok = try await harness.raw(.GET, "/crm/v3/objects/calls")
            #expect(ok.status == 200)
            #expect(ok.headers.first(name: "X-HubSpot-RateLimit-Max") == "190")
            #expect(ok.headers.first(name: "X-HubSpot-RateLimit-Daily-Remaining") == "499999")

            harness.sandbox.outage = true
            let down = try await harness.raw(.GET, "/crm/v3/objects/calls")
            #expect(down.status == 503)
            #expect(try down.jsonObject["status"] as? String == "error")
            #expect(harness.sandbox.requestCount == 2)
        }
    }

    @Test("sends Retry-After and the rate-limit body on an injected 429")
    func injected429() async throws {
        try await HubSpotHarness.run { harness in
            harness.sandbox.failNext(status: 429, retryAfter: 3)
            let response = try await harness.raw(.GET, "/crm/v3/objects/calls")

            #expect(response.status == 429)
            #expect(response.headers.first(name: "Retry-After") == "3")
            let body = try response.jsonObject
            #expect(body["errorType"] as? String == "RATE_LIMIT")
            #expect(body["policyName"] as? String == "TEN_SECONDLY_ROLLING")
        }
    }

    @Test("updates a call with PATCH, and answers 404 for an unknown one")
    func patchesCall() async throws {
        try await HubSpotHarness.run { harness in
            let id = try await harness.connector().createCallRecord(.fixture(contact: Self.contact))

            let patched = try await harness.raw(.PATCH, "/crm/v3/objects/calls/\(id.rawValue)", json: #"{"properties":{"hs_call_title":"Renamed","hs_call_duration":1000}}"#)
            #expect(patched.status == 200)
            let properties = try #require(try patched.jsonObject["properties"] as? [String: Any])
            #expect(properties["hs_call_title"] as? String == "Renamed")
            #expect(properties["hs_call_duration"] as? String == "1000")
            #expect(harness.sandbox.call(id: id.rawValue)?.properties["hs_call_title"] == "Renamed")
            #expect(harness.sandbox.call(id: id.rawValue)?.properties["callscribe_log_id"] == "log-0001")

            let missing = try await harness.raw(.PATCH, "/crm/v3/objects/calls/123", json: #"{"properties":{"hs_call_title":"x"}}"#)
            #expect(missing.status == 404)
            #expect(try missing.jsonObject["category"] as? String == "OBJECT_NOT_FOUND")
            #expect(try missing.jsonObject["message"] as? String == "resource not found")
        }
    }

    @Test("reads a call with chosen properties and its contact association")
    func readsCall() async throws {
        try await HubSpotHarness.run { harness in
            let id = try await harness.connector().createCallRecord(.fixture(contact: Self.contact))

            let response = try await harness.raw(.GET, "/crm/v3/objects/calls/\(id.rawValue)?properties=hs_call_title,callscribe_log_id,hubspot_owner_id&associations=contacts")

            #expect(response.status == 200)
            let body = try response.jsonObject
            #expect(body["id"] as? String == id.rawValue)
            #expect(body["archived"] as? Bool == false)
            let properties = try #require(body["properties"] as? [String: Any])
            #expect(Set(properties.keys) == ["hs_call_title", "callscribe_log_id", "hubspot_owner_id", "hs_object_id", "hs_createdate", "hs_lastmodifieddate"])
            #expect(properties["callscribe_log_id"] as? String == "log-0001")
            #expect(properties["hubspot_owner_id"] is NSNull)
            let associations = try #require(body["associations"] as? [String: Any])
            let contacts = try #require((associations["contacts"] as? [String: Any])?["results"] as? [[String: Any]])
            #expect(contacts.count == 1)
            #expect(contacts.first?["id"] as? String == "1003")
            #expect(contacts.first?["type"] as? String == "call_to_contact")
        }
    }

    @Test("lists calls a page at a time")
    func listsCalls() async throws {
        try await HubSpotHarness.run { harness in
            let connector = harness.connector()
            for marker in ["log-1", "log-2", "log-3"] {
                _ = try await connector.createCallRecord(.fixture(marker: CallLogID(marker), contact: Self.contact))
            }

            let first = try await harness.raw(.GET, "/crm/v3/objects/calls?limit=2&properties=callscribe_log_id").jsonObject
            let firstResults = try #require(first["results"] as? [[String: Any]])
            #expect(firstResults.compactMap { ($0["properties"] as? [String: Any])?["callscribe_log_id"] as? String } == ["log-1", "log-2"])
            let after = try #require(((first["paging"] as? [String: Any])?["next"] as? [String: Any])?["after"] as? String)

            let second = try await harness.raw(.GET, "/crm/v3/objects/calls?limit=2&after=\(after)&properties=callscribe_log_id").jsonObject
            let secondResults = try #require(second["results"] as? [[String: Any]])
            #expect(secondResults.compactMap { ($0["properties"] as? [String: Any])?["callscribe_log_id"] as? String } == ["log-3"])
            #expect(second["paging"] == nil)
        }
    }

    @Test("searches contacts with AND'd filters, wildcards, IN, HAS_PROPERTY, a property selection and paging")
    func searchesContacts() async throws {
        let customer = HubSpotHarness.company.customers[2]
        let national = try #require(PhoneNumber(parsing: customer.phoneNumber)).nationalNumber
        let withMobile = HubSpotHarness.company.customers.filter { $0.storedMobile != nil }.count
        try await HubSpotHarness.run { harness in
            let wildcard = try await harness.raw(
                .POST, "/crm/v3/objects/contacts/search",
                json: #"{"filterGroups":[{"filters":[{"propertyName":"hs_searchable_calculated_phone_number","operator":"CONTAINS_TOKEN","value":"*\#(national.suffix(7))"},{"propertyName":"firstname","operator":"EQ","value":"\#(customer.firstName.uppercased())"}]}],"properties":["firstname","nickname"],"limit":5}"#
            ).jsonObject
            #expect(wildcard["total"] as? Int == 1)
            let found = try #require((wildcard["results"] as? [[String: Any]])?.first)
            #expect(found["id"] as? String == "1003")
            let properties = try #require(found["properties"] as? [String: Any])
            #expect(Set(properties.keys) == ["firstname", "nickname", "hs_object_id", "createdate", "lastmodifieddate"])
            #expect(properties["nickname"] is NSNull)

            let mobiles = try await harness.raw(
                .POST, "/crm/v3/objects/contacts/search",
                json: #"{"filterGroups":[{"filters":[{"propertyName":"mobilephone","operator":"HAS_PROPERTY"}]}],"limit":1}"#
            ).jsonObject
            #expect(mobiles["total"] as? Int == withMobile)
            #expect((mobiles["results"] as? [[String: Any]])?.count == 1)
            #expect(((mobiles["paging"] as? [String: Any])?["next"] as? [String: Any])?["after"] as? String == "1")

            let named = try await harness.raw(
                .POST, "/crm/v3/objects/contacts/search",
                json: #"{"filterGroups":[{"filters":[{"propertyName":"hs_object_id","operator":"IN","values":["1001","1002","9999"]}]},{"filters":[{"propertyName":"lastname","operator":"EQ","value":"Desk"}]}]}"#
            ).jsonObject
            #expect((named["results"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["1001", "1002", "1041"])
        }
    }

    @Test("refuses more than five filter groups")
    func tooManyGroups() async throws {
        try await HubSpotHarness.run { harness in
            let group = #"{"filters":[{"propertyName":"phone","operator":"EQ","value":"1"}]}"#
            let response = try await harness.raw(
                .POST, "/crm/v3/objects/contacts/search",
                json: #"{"filterGroups":[\#(Array(repeating: group, count: 6).joined(separator: ","))]}"#
            )
            #expect(response.status == 400)
            #expect(try response.jsonObject["category"] as? String == "VALIDATION_ERROR")
        }
    }

    @Test("shows calls newest first and contacts on an HTML page, escaped")
    func page() async throws {
        try await HubSpotHarness.run { harness in
            let connector = harness.connector()
            _ = try await connector.createCallRecord(.fixture(marker: "log-old", contact: Self.contact))
            var entry = CallLogEntry.fixture(marker: "log-new", contact: Self.contact)
            entry.subject = "<script>alert(1)</script>"
            _ = try await connector.createCallRecord(entry)

            let response = try await harness.raw(.GET, "/", token: nil)

            #expect(response.status == 200)
            #expect(response.headers.first(name: "Content-Type") == "text/html; charset=utf-8")
            let html = response.bodyText
            #expect(html.contains(#"<meta http-equiv="refresh" content="3">"#))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!html.contains("<script>"))
            let newer = try #require(html.range(of: "log-new"))
            let older = try #require(html.range(of: "log-old"))
            #expect(newer.lowerBound < older.lowerBound)
            let customer = HubSpotHarness.company.customers[2]
            #expect(html.contains("<td>\(customer.firstName) \(customer.lastName) (1003)</td>"))
            #expect(html.contains("Front Desk"))
            // Two creates and the portal's dispositions, read once by the connector that made both.
            #expect(harness.sandbox.requestCount == 3)
        }
    }

    @Test("keeps call records across a restart when given a file")
    func persistsCalls() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("hubspot-sandbox-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        let written = try await HubSpotHarness.run(persistenceURL: file) { harness in
            let id = try await harness.connector().createCallRecord(.fixture(contact: Self.contact))
            _ = try await harness.raw(.PATCH, "/crm/v3/objects/calls/\(id.rawValue)", json: #"{"properties":{"hs_call_title":"Renamed"}}"#)
            return harness.sandbox.calls
        }

        let restarted = HubSpotSandbox(company: HubSpotHarness.company, accessToken: HubSpotHarness.token, persistenceURL: file)

        #expect(restarted.calls == written)
        #expect(restarted.calls.first?.properties["hs_call_title"] == "Renamed")
        #expect(restarted.contacts.count == HubSpotHarness.company.customers.count + 2)
        try await HubSpotHarness.run(persistenceURL: file) { harness in
            let next = try await harness.connector().createCallRecord(.fixture(marker: "log-2", contact: Self.contact))
            #expect(next == "50000000002")
            #expect(harness.sandbox.calls.count == 2)
        }
    }
}
