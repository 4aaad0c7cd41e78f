import Foundation
import NIOCore
import NIOHTTP1
import ScribeConnectors
import ScribeSandbox
import Testing

@Suite("ZohoSandbox speaks Zoho CRM's REST API v8", .sharedHTTPClient)
struct ZohoSandboxTests {
    static let callBody = #"{"data":[{"Subject":"Inbound call from Alice","Call_Type":"Inbound","Call_Start_Time":"2026-11-20T10:00:00+00:00","Call_Duration":"02:05","Description":"Talked about renewal [callscribe:abc123]","Who_Id":{"id":"WHO"}}]}"#

    @Test("refuses a missing, wrong or Bearer-prefixed token with 401 INVALID_TOKEN")
    func refusesBadTokens() async throws {
        try await ZohoHarness.run { harness in
            let responses = [
                try await harness.raw(.GET, "/crm/v8/Contacts/search?phone=123", token: nil),
                try await harness.raw(.GET, "/crm/v8/Contacts/search?phone=123", token: "1000.wrong"),
                try await harness.httpClient.rawSandboxRequest(
                    .GET, harness.baseURL + "/crm/v8/Contacts/search?phone=123", headers: [("Authorization", "Bearer \(ZohoHarness.token)")], json: nil
                ),
            ]
            for response in responses {
                #expect(response.status == 401)
                let body = try response.jsonObject
                #expect(body["code"] as? String == "INVALID_TOKEN")
                #expect(body["message"] as? String == "invalid oauth token")
                #expect(body["status"] as? String == "error")
                #expect((body["details"] as? [String: Any])?.isEmpty == true)
            }
            #expect(harness.sandbox.requestCount(for: "Contacts.search") == 3)
        }
    }

    @Test("an expired OAuth token gets INVALID_TOKEN; the refresh grant in the query string gives a working one")
    func oauthRefresh() async throws {
        try await ZohoHarness.run { harness in
            let (access, refresh) = harness.sandbox.oauth.grant()
            #expect(try await harness.raw(.GET, "/crm/v8/Contacts/search?phone=123", token: access).status == 204)

            harness.sandbox.oauth.expireAccessTokens()
            let expired = try await harness.raw(.GET, "/crm/v8/Contacts/search?phone=123", token: access)
            #expect(expired.status == 401)
            #expect(try expired.jsonObject["code"] as? String == "INVALID_TOKEN")

            let oauth = harness.sandbox.oauth
            let query = "grant_type=refresh_token&client_id=\(oauth.clientID)&client_secret=\(oauth.clientSecret)&refresh_token=\(refresh)"
            let token = try await harness.raw(.POST, "/oauth/v2/token?\(query)", token: nil)
            #expect(token.status == 200)
            let answer = try token.jsonObject
            let fresh = try #require(answer["access_token"] as? String)
            #expect(answer["api_domain"] as? String == harness.baseURL)
            #expect(answer["expires_in"] as? Int == 1800)
            #expect(answer["refresh_token"] == nil)
            #expect(try await harness.raw(.GET, "/crm/v8/Contacts/search?phone=123", token: fresh).status == 204)

            // Zoho refuses a bad refresh token with 200 and an error field.
            let refused = try await harness.raw(.POST, "/oauth/v2/token?grant_type=refresh_token&client_id=\(oauth.clientID)&client_secret=\(oauth.clientSecret)&refresh_token=nope", token: nil)
            #expect(refused.status == 200)
            #expect(try refused.jsonObject["error"] as? String == "invalid_code")
            #expect(oauth.refreshCount == 1)
        }
    }

    @Test("phone= finds a contact by the exact text stored, in each of seven formats", arguments: 0..<7)
    func searchEachFormat(index: Int) async throws {
        let customer = ZohoHarness.company.customers[index]
        try await ZohoHarness.run { harness in
            let response = try await harness.searchPhone("Contacts", customer.storedPhone)

            #expect(response.status == 200)
            let data = try response.zohoData
            #expect(data.count == 1)
            #expect(data.first?["Phone"] as? String == customer.storedPhone)
            #expect(data.first?["Last_Name"] as? String == customer.lastName)
            #expect(data.first?["id"] as? String == harness.sandbox.records("Contacts")[index].id)
            let info = try #require(try response.jsonObject["info"] as? [String: Any])
            #expect(info["count"] as? Int == 1)
            #expect(info["more_records"] as? Bool == false)

            // Exact text: the E.164 form only finds the contact stored that way.
            let e164 = try await harness.searchPhone("Contacts", customer.phoneNumber)
            #expect(e164.status == (customer.storedPhone == customer.phoneNumber ? 200 : 204))
            if e164.status == 204 { #expect(e164.body.readableBytes == 0) }
        }
    }

    @Test("an unknown number is 204 with no body; a lead is found in Leads, not in Contacts")
    func leadsAndEmptySearch() async throws {
        try await ZohoHarness.run { harness in
            let none = try await harness.searchPhone("Contacts", "+19995550000")
            #expect(none.status == 204)
            #expect(none.body.readableBytes == 0)
            #expect(none.headers.first(name: "Content-Type") == nil)

            let lead = try #require(harness.sandbox.records("Leads").first)
            let phone = try #require(lead.text("Phone"))
            let found = try await harness.searchPhone("Leads", phone)
            #expect(found.status == 200)
            #expect(try found.zohoData.first?["id"] as? String == lead.id)
            #expect(try await harness.searchPhone("Contacts", phone).status == 204)

            // Every phone field is searched: a contact is found by its Mobile too.
            let (index, customer) = try #require(ZohoHarness.company.customers.enumerated().first { $0.element.storedMobile != nil })
            let byMobile = try await harness.searchPhone("Contacts", try #require(customer.storedMobile))
            #expect(try byMobile.zohoData.map { $0["id"] as? String } == [harness.sandbox.records("Contacts")[index].id])
        }
    }

    @Test("lists and searches page with page/per_page and info.more_records")
    func pagination() async throws {
        try await ZohoHarness.run { harness in
            var seen: [String] = []
            for (page, expected) in [(1, 15), (2, 15), (3, 10)] {
                let response = try await harness.raw(.GET, "/crm/v8/Contacts?fields=Last_Name,Phone&per_page=15&page=\(page)")
                #expect(response.status == 200)
                let data = try response.zohoData
                #expect(data.count == expected)
                #expect(data.allSatisfy { Set($0.keys) == ["id", "Last_Name", "Phone"] })
                seen += data.compactMap { $0["id"] as? String }
                let info = try #require(try response.jsonObject["info"] as? [String: Any])
                #expect(info["page"] as? Int == page)
                #expect(info["per_page"] as? Int == 15)
                #expect(info["more_records"] as? Bool == (page < 3))
            }
            #expect(seen == harness.sandbox.records("Contacts").map(\.id))
            #expect(try await harness.raw(.GET, "/crm/v8/Contacts?fields=Last_Name&per_page=15&page=4").status == 204)

            let missingFields = try await harness.raw(.GET, "/crm/v8/Contacts?per_page=15")
            #expect(missingFields.status == 400)
            #expect(try missingFields.jsonObject["code"] as? String == "REQUIRED_PARAM_MISSING")

            let search = try await harness.raw(.GET, "/crm/v8/Contacts/search?word=example.com&per_page=25&page=2")
            #expect(try search.zohoData.count == 15)
            let tooBig = try await harness.raw(.GET, "/crm/v8/Contacts/search?word=example.com&per_page=201")
            #expect(tooBig.status == 400)
            #expect(try (tooBig.jsonObject["details"] as? [String: Any])?["param_name"] as? String == "per_page")
        }
    }

    @Test("a call is inserted, read back, updated, found by its marker, deleted; a deleted record reads 204 and refuses updates")
    func callLifecycle() async throws {
        try await ZohoHarness.run { harness in
            let contact = harness.sandbox.records("Contacts")[0]
            let created = try await harness.raw(.POST, "/crm/v8/Calls", json: ZohoSandboxTests.callBody.replacingOccurrences(of: "WHO", with: contact.id))
            #expect(created.status == 201)
            let line = try #require(try created.zohoData.first)
            #expect(line["code"] as? String == "SUCCESS")
            #expect(line["message"] as? String == "record added")
            #expect(line["status"] as? String == "success")
            let id = try #require((line["details"] as? [String: Any])?["id"] as? String)

            let read = try await harness.raw(.GET, "/crm/v8/Calls/\(id)")
            #expect(read.status == 200)
            let record = try #require(try read.zohoData.first)
            #expect(record["Call_Duration_in_seconds"] as? Int == 125)
            #expect(record["Call_Type"] as? String == "Inbound")
            #expect((record["Who_Id"] as? [String: Any])?["name"] as? String == contact.text("Full_Name"))

            let updated = try await harness.raw(.PUT, "/crm/v8/Calls/\(id)", json: #"{"data":[{"Description":"Renewal agreed [callscribe:abc123]","Call_Duration":"03:00"}]}"#)
            #expect(updated.status == 200)
            #expect(try updated.zohoData.first?["message"] as? String == "record updated")
            let after = try #require(harness.sandbox.record("Calls", id: id))
            #expect(after.text("Description") == "Renewal agreed [callscribe:abc123]")
            #expect(after.text("Subject") == "Inbound call from Alice")

            let byWord = try await harness.raw(.GET, "/crm/v8/Calls/search?word=\(ZohoHarness.encode("callscribe:abc123"))")
            #expect(try byWord.zohoData.map { $0["id"] as? String } == [id])
            let byCriteria = try await harness.raw(.GET, "/crm/v8/Calls/search?criteria=\(ZohoHarness.encode("(Subject:equals:Inbound call from Alice)"))")
            #expect(try byCriteria.zohoData.map { $0["id"] as? String } == [id])
            #expect(try await harness.raw(.GET, "/crm/v8/Calls/search?word=\(ZohoHarness.encode("callscribe:zzz"))").status == 204)

            let deleted = try await harness.raw(.DELETE, "/crm/v8/Calls/\(id)")
            #expect(deleted.status == 200)
            #expect(try deleted.zohoData.first?["message"] as? String == "record deleted")
            #expect(try await harness.raw(.GET, "/crm/v8/Calls/\(id)").status == 204)

            // The test knob: deleted behind the logger's back.
            let second = try await harness.raw(.POST, "/crm/v8/Calls", json: ZohoSandboxTests.callBody.replacingOccurrences(of: "WHO", with: contact.id))
            let secondID = try #require((try second.zohoData.first?["details"] as? [String: Any])?["id"] as? String)
            #expect(harness.sandbox.deleteRecord(secondID))
            #expect(try await harness.raw(.GET, "/crm/v8/Calls/\(secondID)").status == 204)
            let refused = try await harness.raw(.PUT, "/crm/v8/Calls/\(secondID)", json: #"{"data":[{"Subject":"x"}]}"#)
            #expect(refused.status == 400)
            let refusal = try #require(try refused.zohoData.first)
            #expect(refusal["code"] as? String == "INVALID_DATA")
            #expect((refusal["details"] as? [String: Any])?["api_name"] as? String == "id")
        }
    }

    @Test(
        "refuses bad call and contact fields with the field in details.api_name",
        arguments: [
            ("Calls", #"{"data":[{"Call_Type":"Inbound","Call_Start_Time":"2026-11-20T10:00:00+00:00","Call_Duration":"01:00"}]}"#, "MANDATORY_NOT_FOUND", "Subject"),
            ("Calls", #"{"data":[{"Subject":"x","Call_Type":"Sideways","Call_Start_Time":"2026-11-20T10:00:00+00:00","Call_Duration":"01:00"}]}"#, "INVALID_DATA", "Call_Type"),
            ("Calls", #"{"data":[{"Subject":"x","Call_Type":"Inbound","Call_Start_Time":"2026-11-20 10:00","Call_Duration":"01:00"}]}"#, "INVALID_DATA", "Call_Start_Time"),
            ("Calls", #"{"data":[{"Subject":"x","Call_Type":"Inbound","Call_Start_Time":"2026-11-20T10:00:00+00:00","Call_Duration":"1:75"}]}"#, "INVALID_DATA", "Call_Duration"),
            ("Calls", #"{"data":[{"Subject":"x","Call_Type":"Inbound","Call_Start_Time":"2026-11-20T10:00:00+00:00"}]}"#, "MANDATORY_NOT_FOUND", "Call_Duration"),
            ("Calls", #"{"data":[{"Subject":"x","Call_Type":"Inbound","Call_Start_Time":"2026-11-20T10:00:00+00:00","Call_Duration":"01:00","Who_Id":{"id":"123"}}]}"#, "INVALID_DATA", "Who_Id"),
            ("Contacts", #"{"data":[{"First_Name":"No","Phone":"555"}]}"#, "MANDATORY_NOT_FOUND", "Last_Name"),
            ("Leads", #"{"data":[{"Last_Name":"Lead"}]}"#, "MANDATORY_NOT_FOUND", "Company"),
        ]
    )
    func validation(module: String, body: String, code: String, field: String) async throws {
        try await ZohoHarness.run { harness in
            let response = try await harness.raw(.POST, "/crm/v8/\(module)", json: body)

            #expect(response.status == 400)
            let line = try #require(try response.zohoData.first)
            #expect(line["code"] as? String == code)
            #expect(line["status"] as? String == "error")
            let details = try #require(line["details"] as? [String: Any])
            #expect(details["api_name"] as? String == field)
            #expect(details["json_path"] as? String == "$.data[0].\(field)")
            #expect(harness.sandbox.records(module).count == (module == "Calls" ? 0 : module == "Leads" ? 3 : 40))
        }
    }

    @Test("a created contact is found by its phone; a batch with one bad record is 201 with an error line")
    func createContact() async throws {
        try await ZohoHarness.run { harness in
            let body = #"{"data":[{"First_Name":"New","Last_Name":"Caller","Phone":"+1 909 555 0101"},{"First_Name":"Bad"}]}"#
            let response = try await harness.raw(.POST, "/crm/v8/Contacts", json: body)
            #expect(response.status == 201)
            let lines = try response.zohoData
            #expect(lines.map { $0["code"] as? String } == ["SUCCESS", "MANDATORY_NOT_FOUND"])
            let id = try #require((lines[0]["details"] as? [String: Any])?["id"] as? String)

            let found = try await harness.searchPhone("Contacts", "+1 909 555 0101")
            #expect(try found.zohoData.first?["id"] as? String == id)
            #expect(try found.zohoData.first?["Full_Name"] as? String == "New Caller")

            // The bulk update form: ids inside data.
            let updated = try await harness.raw(.PUT, "/crm/v8/Contacts", json: #"{"data":[{"id":"\#(id)","Email":"new.caller@example.com"}]}"#)
            #expect(updated.status == 200)
            #expect(harness.sandbox.record("Contacts", id: id)?.text("Email") == "new.caller@example.com")
            #expect(harness.sandbox.record("Contacts", id: id)?.text("Phone") == "+1 909 555 0101")
        }
    }

    @Test("a contact's deals come from its Deals related list; none is 204")
    func relatedDeals() async throws {
        try await ZohoHarness.run { harness in
            let contacts = harness.sandbox.records("Contacts")
            let first = try await harness.raw(.GET, "/crm/v8/Contacts/\(contacts[0].id)/Deals?fields=Deal_Name,Stage")
            #expect(first.status == 200)
            let deals = try first.zohoData
            #expect(deals.compactMap { $0["Deal_Name"] as? String } == ["Annual renewal", "Upgrade to Premium", "Pilot (closed won)"])
            #expect(deals.compactMap { $0["Stage"] as? String }.last == "Closed Won")
            #expect(try await harness.raw(.GET, "/crm/v8/Contacts/\(contacts[1].id)/Deals").zohoData.count == 1)
            #expect(try await harness.raw(.GET, "/crm/v8/Contacts/\(contacts[2].id)/Deals").status == 204)
            #expect(harness.sandbox.requestCount(for: "Contacts.related") == 3)
        }
    }

    @Test("an unknown module is INVALID_MODULE; a search with no criterion is REQUIRED_PARAM_MISSING; bad criteria INVALID_QUERY")
    func badRequests() async throws {
        try await ZohoHarness.run { harness in
            let module = try await harness.raw(.GET, "/crm/v8/Potatoes/search?phone=1")
            #expect(module.status == 400)
            #expect(try module.jsonObject["code"] as? String == "INVALID_MODULE")
            let none = try await harness.raw(.GET, "/crm/v8/Contacts/search")
            #expect(none.status == 400)
            #expect(try none.jsonObject["code"] as? String == "REQUIRED_PARAM_MISSING")
            let criteria = try await harness.raw(.GET, "/crm/v8/Calls/search?criteria=\(ZohoHarness.encode("(Subject:resembles:x)"))")
            #expect(criteria.status == 400)
            #expect(try criteria.jsonObject["code"] as? String == "INVALID_QUERY")
        }
    }

    @Test("fault knobs: outage 503, 429 with Retry-After, INVALID_DATA naming a field, expired token, latency, counters")
    func faults() async throws {
        try await ZohoHarness.run { harness in
            let sandbox = harness.sandbox
            sandbox.outage = true
            let down = try await harness.searchPhone("Contacts", "123")
            #expect(down.status == 503)
            #expect(try down.jsonObject["status"] as? String == "error")
            sandbox.outage = false

            sandbox.failNext(.rateLimited(retryAfter: 7))
            let limited = try await harness.searchPhone("Contacts", "123")
            #expect(limited.status == 429)
            #expect(limited.headers.first(name: "Retry-After") == "7")
            #expect(try limited.jsonObject["code"] as? String == "TOO_MANY_REQUESTS")
            #expect(try await harness.searchPhone("Contacts", "123").status == 204)

            sandbox.failNext(.invalidData(field: "Call_Start_Time"))
            let invalid = try await harness.raw(.POST, "/crm/v8/Calls", json: "{}")
            #expect(invalid.status == 400)
            #expect(try invalid.jsonObject["code"] as? String == "INVALID_DATA")
            #expect(try (invalid.jsonObject["details"] as? [String: Any])?["api_name"] as? String == "Call_Start_Time")

            sandbox.failNext(.expiredToken)
            let expired = try await harness.searchPhone("Contacts", "123")
            #expect(expired.status == 401)
            #expect(try expired.jsonObject["code"] as? String == "INVALID_TOKEN")

            sandbox.latency = .milliseconds(200)
            let start = ContinuousClock.now
            _ = try await harness.searchPhone("Contacts", "123")
            #expect(ContinuousClock.now - start >= .milliseconds(200))
            sandbox.latency = .zero

            #expect(sandbox.requestsByOperation == ["Contacts.search": 5, "Calls.insert": 1])
            sandbox.resetCounters()
            #expect(sandbox.requestCount == 0)
        }
    }
}
