import Foundation
import NIOHTTP1
import ScribeConnectors
import ScribeSandbox
import Testing

@Suite("InsightlySandbox speaks Insightly API v3.1", .sharedHTTPClient)
struct InsightlySandboxTests {
    static let customers = InsightlyHarness.company.customers

    @Test("takes the API key as the Basic user name with an empty password; a wrong or missing key is a 401")
    func basicAuth() async throws {
        try await InsightlyHarness.run { harness in
            let me = try await harness.raw(.GET, "/v3.1/users/me")
            #expect(me.status == 200)
            #expect(try me.jsonObject["USER_ID"] as? Int == InsightlySandbox.userID)
            for key in [nil, "wrong-key"] as [String?] {
                let refused = try await harness.raw(.GET, "/v3.1/users/me", key: key)
                #expect(refused.status == 401)
                #expect(try refused.jsonObject["Message"] as? String == "Authorization has been denied for this request.")
            }
            // A bearer token is not how Insightly authenticates.
            let bearer = try await harness.httpClient.rawSandboxRequest(.GET, harness.baseURL + "/v3.1/users/me", headers: [("Authorization", "Bearer \(InsightlyHarness.apiKey)")], json: nil)
            #expect(bearer.status == 401)
            #expect(harness.sandbox.requestCount(for: "users.me") == 4)
        }
    }

    @Test("contacts/search on PHONE matches the stored string exactly, in each of seven formats, and answers an array", arguments: 0..<7)
    func searchStoredFormat(index: Int) async throws {
        let customer = Self.customers[index]
        try await InsightlyHarness.run { harness in
            let response = try await harness.search("contacts", "PHONE", customer.storedPhone)
            #expect(response.status == 200)
            let found = try response.jsonArray
            #expect(found.compactMap { $0["CONTACT_ID"] as? Int } == [harness.sandbox.contacts[index].id])
            #expect(found.first?["PHONE"] as? String == customer.storedPhone)
        }
    }

    @Test("search does not normalise: the national number finds only a contact stored as bare digits")
    func searchIsExact() async throws {
        try await InsightlyHarness.run { harness in
            for index in 0..<7 {
                let national = String(Self.customers[index].phoneNumber.dropFirst(2))
                let found = try await harness.search("contacts", "PHONE", national).jsonArray
                // Style 6 stores the ten digits as they are.
                #expect(found.count == (index == 6 ? 1 : 0), "customer \(index) stored as \(Self.customers[index].storedPhone)")
            }
        }
    }

    @Test("PHONE_MOBILE on contacts, PHONE and MOBILE on leads; an unknown field_name is a 400 naming it")
    func mobileAndLeads() async throws {
        try await InsightlyHarness.run { harness in
            let withMobile = try #require(Self.customers.firstIndex { $0.storedMobile != nil })
            let mobile = try await harness.search("contacts", "PHONE_MOBILE", Self.customers[withMobile].storedMobile ?? "").jsonArray
            #expect(mobile.first?["CONTACT_ID"] as? Int == harness.sandbox.contacts[withMobile].id)

            let lead = try #require(harness.sandbox.leads.first)
            let byPhone = try await harness.search("leads", "PHONE", lead.phone ?? "").jsonArray
            #expect(byPhone.compactMap { $0["LEAD_ID"] as? Int } == [lead.id])
            let byMobile = try await harness.search("leads", "MOBILE", lead.mobile ?? "").jsonArray
            #expect(byMobile.compactMap { $0["LEAD_ID"] as? Int } == [lead.id])
            // Contacts have PHONE_MOBILE, not MOBILE.
            let wrongField = try await harness.search("contacts", "MOBILE", "1")
            #expect(wrongField.status == 400)
            #expect((try wrongField.jsonObject["Message"] as? String)?.contains("MOBILE") == true)
            let custom = try await harness.search("leads", "Extra_Phone__c", "1")
            #expect(custom.status == 400)
        }
    }

    @Test("brief=true leaves out LINKS and CUSTOMFIELDS; capitalised paths answer too")
    func brief() async throws {
        try await InsightlyHarness.run { harness in
            let stored = Self.customers[0].storedPhone
            let brief = try await harness.raw(.GET, "/v3.1/Contacts/Search?field_name=PHONE&field_value=\(StrictPercentEncoding.encode(stored))&brief=true").jsonArray
            #expect(brief.count == 1)
            #expect(brief.first?["LINKS"] == nil)
            #expect(brief.first?["CUSTOMFIELDS"] == nil)
            let full = try await harness.search("contacts", "PHONE", stored).jsonArray
            #expect((full.first?["LINKS"] as? [[String: Any]])?.isEmpty == false)
        }
    }

    @Test("a contact's LINKS lead to its organisation and opportunities, which read back by id")
    func relatedRecords() async throws {
        try await InsightlyHarness.run { harness in
            let contact = harness.sandbox.contacts[0]
            let read = try await harness.raw(.GET, "/v3.1/contacts/\(contact.id)").jsonObject
            let links = try #require(read["LINKS"] as? [[String: Any]])
            #expect(Set(links.compactMap { $0["LINK_OBJECT_NAME"] as? String }) == ["Organisation", "Opportunity"])
            let organisationID = try #require(links.first { $0["LINK_OBJECT_NAME"] as? String == "Organisation" }?["LINK_OBJECT_ID"] as? Int)
            let organisation = try await harness.raw(.GET, "/v3.1/organisations/\(organisationID)").jsonObject
            #expect(organisation["ORGANISATION_NAME"] as? String == Self.customers[0].company)
            let opportunityIDs = links.filter { $0["LINK_OBJECT_NAME"] as? String == "Opportunity" }.compactMap { $0["LINK_OBJECT_ID"] as? Int }
            #expect(opportunityIDs.count == 2)
            var states: [String] = []
            for id in opportunityIDs {
                states.append(try await harness.raw(.GET, "/v3.1/opportunities/\(id)").jsonObject["OPPORTUNITY_STATE"] as? String ?? "")
            }
            #expect(states == ["OPEN", "WON"])
            #expect(try await harness.raw(.GET, "/v3.1/opportunities/1").status == 404)
        }
    }

    @Test("creates a contact and a lead (201), findable by the number given; a lead without LAST_NAME is a 400 naming it")
    func createPeople() async throws {
        try await InsightlyHarness.run { harness in
            let contact = try await harness.raw(.POST, "/v3.1/contacts", json: #"{"FIRST_NAME":"Nora","LAST_NAME":"Quint","PHONE":"+15035550188"}"#)
            #expect(contact.status == 201)
            let id = try #require(try contact.jsonObject["CONTACT_ID"] as? Int)
            #expect(try await harness.search("contacts", "PHONE", "+15035550188").jsonArray.first?["CONTACT_ID"] as? Int == id)

            let lead = try await harness.raw(.POST, "/v3.1/leads", json: #"{"FIRST_NAME":"Ola","LAST_NAME":"Lead","PHONE":"503.555.0189"}"#)
            #expect(lead.status == 201)
            #expect(try lead.jsonObject["LEAD_ID"] as? Int != nil)

            let refused = try await harness.raw(.POST, "/v3.1/leads", json: #"{"FIRST_NAME":"Ola"}"#)
            #expect(refused.status == 400)
            #expect((try refused.jsonObject["Message"] as? String)?.hasPrefix("LAST_NAME") == true)
            let unknown = try await harness.raw(.POST, "/v3.1/contacts", json: #"{"FIRST_NAME":"A","MOOD":"happy"}"#)
            #expect(unknown.status == 400)
            #expect((try unknown.jsonObject["Message"] as? String)?.hasPrefix("MOOD") == true)
        }
    }

    @Test("an event is created (201), linked to a contact, updated with PUT, read back with its LINKS, found by its LOCATION marker, deleted (202), then 404")
    func eventLifecycle() async throws {
        try await InsightlyHarness.run { harness in
            let contact = harness.sandbox.contacts[1]
            let marker = "callscribe:log-4411"
            let id = try await harness.createEvent(location: marker)
            let stored = try #require(harness.sandbox.event(id: id))
            #expect(stored.start == "2026-03-02 10:00:00")
            #expect(stored.end == "2026-03-02 10:05:00")

            let link = try await harness.raw(.POST, "/v3.1/events/\(id)/links", json: #"{"LINK_OBJECT_NAME":"contact","LINK_OBJECT_ID":\#(contact.id)}"#)
            #expect(link.status == 201)
            #expect(try link.jsonObject["LINK_OBJECT_NAME"] as? String == "contact")

            let put = try await harness.raw(.PUT, "/v3.1/events", json: #"{"EVENT_ID":\#(id),"TITLE":"Inbound call from Bruno","DETAILS":"Call back Friday","START_DATE_UTC":"2026-03-02 10:00:00","END_DATE_UTC":"2026-03-02 10:07:30"}"#)
            #expect(put.status == 200)
            let read = try await harness.raw(.GET, "/v3.1/events/\(id)").jsonObject
            #expect(read["TITLE"] as? String == "Inbound call from Bruno")
            #expect(read["DETAILS"] as? String == "Call back Friday")
            #expect(read["END_DATE_UTC"] as? String == "2026-03-02 10:07:30")
            #expect(read["LOCATION"] as? String == marker)
            #expect((read["LINKS"] as? [[String: Any]])?.first?["LINK_OBJECT_ID"] as? Int == contact.id)

            let found = try await harness.raw(.GET, "/v3.1/events/search?field_name=LOCATION&field_value=\(StrictPercentEncoding.encode(marker))").jsonArray
            #expect(found.compactMap { $0["EVENT_ID"] as? Int } == [id])
            #expect(try await harness.raw(.GET, "/v3.1/events/search?field_name=LOCATION&field_value=callscribe:log-0").jsonArray.isEmpty)

            let deleted = try await harness.raw(.DELETE, "/v3.1/events/\(id)")
            #expect(deleted.status == 202)
            let gone = try await harness.raw(.GET, "/v3.1/events/\(id)")
            #expect(gone.status == 404)
            #expect(try gone.jsonObject["Message"] as? String == "Event not found")
        }
    }

    @Test("deleteRecord removes an event behind the client's back: PUT, GET and linking get the 404")
    func deleteRecordKnob() async throws {
        try await InsightlyHarness.run { harness in
            let id = try await harness.createEvent(location: "callscribe:log-1")
            #expect(harness.sandbox.deleteRecord(id))
            let put = try await harness.raw(.PUT, "/v3.1/events", json: #"{"EVENT_ID":\#(id),"DETAILS":"late notes"}"#)
            #expect(put.status == 404)
            #expect(try await harness.raw(.GET, "/v3.1/events/\(id)").status == 404)
            let link = try await harness.raw(.POST, "/v3.1/events/\(id)/links", json: #"{"LINK_OBJECT_NAME":"contact","LINK_OBJECT_ID":\#(harness.sandbox.contacts[0].id)}"#)
            #expect(link.status == 404)
        }
    }

    @Test(
        "refuses invalid events with a 400 naming the field, storing nothing",
        arguments: [
            (#"{"START_DATE_UTC":"2026-03-02 10:00:00","END_DATE_UTC":"2026-03-02 10:05:00"}"#, "TITLE"),
            (#"{"TITLE":"x","END_DATE_UTC":"2026-03-02 10:05:00"}"#, "START_DATE_UTC"),
            (#"{"TITLE":"x","START_DATE_UTC":"soon","END_DATE_UTC":"2026-03-02 10:05:00"}"#, "START_DATE_UTC"),
            (#"{"TITLE":"x","START_DATE_UTC":"2026-03-02 10:05:00","END_DATE_UTC":"2026-03-02 10:00:00"}"#, "END_DATE_UTC"),
            (#"{"TITLE":"x","START_DATE_UTC":"2026-03-02 10:00:00","END_DATE_UTC":"2026-03-02 10:05:00","MOOD":"ok"}"#, "MOOD"),
            (#"{"TITLE":"x","START_DATE_UTC":"2026-03-02 10:00:00","END_DATE_UTC":"2026-03-02 10:05:00","OWNER_USER_ID":7}"#, "OWNER_USER_ID"),
        ]
    )
    func invalidEvent(json: String, field: String) async throws {
        try await InsightlyHarness.run { harness in
            let response = try await harness.raw(.POST, "/v3.1/events", json: json)
            #expect(response.status == 400)
            #expect((try response.jsonObject["Message"] as? String)?.hasPrefix("\(field) ") == true)
            #expect(harness.sandbox.events.isEmpty)
        }
    }

    @Test("a link to a record that does not exist, or of an unknown kind, is a 400 naming the field")
    func invalidLink() async throws {
        try await InsightlyHarness.run { harness in
            let id = try await harness.createEvent(location: "m")
            let missing = try await harness.raw(.POST, "/v3.1/events/\(id)/links", json: #"{"LINK_OBJECT_NAME":"contact","LINK_OBJECT_ID":1}"#)
            #expect(missing.status == 400)
            #expect((try missing.jsonObject["Message"] as? String)?.hasPrefix("LINK_OBJECT_ID") == true)
            let kind = try await harness.raw(.POST, "/v3.1/events/\(id)/links", json: #"{"LINK_OBJECT_NAME":"Spaceship","LINK_OBJECT_ID":1}"#)
            #expect((try kind.jsonObject["Message"] as? String)?.hasPrefix("LINK_OBJECT_NAME") == true)
            #expect(harness.sandbox.links(of: "Event", id: id).isEmpty)
        }
    }

    @Test("lists page with top and skip; count_total=true adds X-Total-Count")
    func pagination() async throws {
        try await InsightlyHarness.run { harness in
            var ids: [Int] = []
            var skip = 0
            while true {
                let response = try await harness.raw(.GET, "/v3.1/contacts?top=15&skip=\(skip)&count_total=true&brief=true")
                #expect(response.status == 200)
                #expect(response.headers.first(name: "X-Total-Count") == String(Self.customers.count))
                let page = try response.jsonArray.compactMap { $0["CONTACT_ID"] as? Int }
                ids += page
                if page.count < 15 { break }
                skip += 15
            }
            #expect(ids == harness.sandbox.contacts.map(\.id))
            #expect(try await harness.raw(.GET, "/v3.1/contacts?top=501").status == 400)
            #expect(try await harness.raw(.GET, "/v3.1/contacts").headers.first(name: "X-Total-Count") == nil)
        }
    }

    @Test("normal answers carry the daily quota headers; failNextRateLimited is a 429 with Retry-After and nothing remaining")
    func rateLimits() async throws {
        try await InsightlyHarness.run { harness in
            let normal = try await harness.raw(.GET, "/v3.1/users/me")
            #expect(normal.headers.first(name: "X-RateLimit-Limit") == String(InsightlySandbox.dailyLimit))
            #expect(normal.headers.first(name: "X-RateLimit-Remaining") == String(InsightlySandbox.dailyLimit - 1))

            harness.sandbox.failNextRateLimited(retryAfter: 3)
            let limited = try await harness.raw(.GET, "/v3.1/users/me")
            #expect(limited.status == 429)
            #expect(limited.headers.first(name: "Retry-After") == "3")
            #expect(limited.headers.first(name: "X-RateLimit-Remaining") == "0")
            #expect((try limited.jsonObject["Message"] as? String)?.contains("rate limit") == true)
            #expect(try await harness.raw(.GET, "/v3.1/users/me").status == 200)
        }
    }

    @Test("failNextValidation names the field; failNextExpiredToken is the 401 of a revoked key")
    func plannedFailures() async throws {
        try await InsightlyHarness.run { harness in
            harness.sandbox.failNextValidation(field: "START_DATE_UTC")
            let invalid = try await harness.raw(.POST, "/v3.1/events", json: #"{"TITLE":"x","START_DATE_UTC":"2026-03-02 10:00:00","END_DATE_UTC":"2026-03-02 10:05:00"}"#)
            #expect(invalid.status == 400)
            #expect((try invalid.jsonObject["Message"] as? String)?.hasPrefix("START_DATE_UTC") == true)
            #expect(harness.sandbox.events.isEmpty)

            harness.sandbox.failNextExpiredToken()
            let expired = try await harness.raw(.GET, "/v3.1/users/me")
            #expect(expired.status == 401)
            #expect(try expired.jsonObject["Message"] as? String == "Authorization has been denied for this request.")
        }
    }

    @Test("outage answers 503 with Insightly's body; latency delays answers; requests are counted per operation")
    func outageLatencyCounting() async throws {
        try await InsightlyHarness.run { harness in
            harness.sandbox.outage = true
            let down = try await harness.raw(.GET, "/v3.1/contacts")
            #expect(down.status == 503)
            #expect(try down.jsonObject["Message"] as? String == "The service is unavailable.")
            harness.sandbox.outage = false

            harness.sandbox.latency = .milliseconds(300)
            let start = ContinuousClock.now
            #expect(try await harness.raw(.GET, "/v3.1/events").status == 200)
            #expect(ContinuousClock.now - start >= .milliseconds(300))
            #expect(harness.sandbox.requestsByOperation == ["contacts.list": 1, "events.list": 1])
        }
    }
}

@Suite("InsightlySandbox updates events only by EVENT_ID", .sharedHTTPClient)
struct InsightlySandboxUpdateTests {
    @Test("a PUT without EVENT_ID is a 400 naming it; a PUT of an unknown id is a 404; fields left out keep their values")
    func putNeedsEventID() async throws {
        try await InsightlyHarness.run { harness in
            let missing = try await harness.raw(.PUT, "/v3.1/events", json: #"{"TITLE":"x"}"#)
            #expect(missing.status == 400)
            #expect((try missing.jsonObject["Message"] as? String)?.hasPrefix("EVENT_ID") == true)
            #expect(try await harness.raw(.PUT, "/v3.1/events", json: #"{"EVENT_ID":42,"TITLE":"x"}"#).status == 404)

            let id = try await harness.createEvent(location: "callscribe:log-77")
            let put = try await harness.raw(.PUT, "/v3.1/events", json: #"{"EVENT_ID":\#(id),"DETAILS":"Recording: https://example.com/r/1"}"#)
            #expect(put.status == 200)
            let event = try #require(harness.sandbox.event(id: id))
            #expect(event.details == "Recording: https://example.com/r/1")
            #expect(event.title == "Inbound call from Alice")
            #expect(event.location == "callscribe:log-77")
        }
    }
}
