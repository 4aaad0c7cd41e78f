import Foundation
import NIOCore
import NIOHTTP1
import ScribeConnectors
import ScribeSandbox
import Testing

@Suite("OdooSandbox speaks Odoo 19's JSON-2 API", .sharedHTTPClient)
struct OdooSandboxTests {
    /// The seeded person partner for customer `index`.
    static func partner(_ harness: OdooHarness, customer index: Int) throws -> OdooSandboxRecord {
        let customer = OdooHarness.company.customers[index]
        return try #require(harness.sandbox.records("res.partner").first { $0.text("phone") == customer.storedPhone })
    }

    @Test("refuses a missing or wrong API key with 401 Unauthorized 'Invalid apikey'; the scheme's case does not matter")
    func apiKey() async throws {
        try await OdooHarness.run { harness in
            for key in [nil, "not-the-key"] as [String?] {
                let response = try await harness.call("res.partner", "search_count", #"{"domain": []}"#, key: key)
                #expect(response.status == 401)
                let body = try response.jsonObject
                #expect(body["name"] as? String == "werkzeug.exceptions.Unauthorized")
                #expect(body["message"] as? String == "Invalid apikey")
                #expect((body["arguments"] as? [Any])?.count == 2)
                #expect((body["arguments"] as? [Any])?.last as? Int == 401)
                #expect(body["context"] is [String: Any])
                #expect((body["debug"] as? String)?.hasPrefix("Traceback") == true)
            }
            let capital = try await harness.httpClient.rawSandboxRequest(
                .POST, harness.baseURL + "/json/2/res.partner/search_count",
                headers: [("Authorization", "Bearer \(OdooHarness.apiKey)")], json: #"{"domain": []}"#
            )
            #expect(capital.status == 200)
            #expect(try capital.jsonValue as? Int == harness.sandbox.records("res.partner").count)
            #expect(try await harness.call("res.partner", "search_count", "{}", database: "sandbox").status == 200)
            #expect(try await harness.call("res.partner", "search_count", "{}", database: "other").status == 404)

            harness.sandbox.failNext(.expiredKey)
            let expired = try await harness.call("res.partner", "search_count", "{}")
            #expect(expired.status == 401)
            #expect(try expired.jsonObject["message"] as? String == "Invalid apikey")
        }
    }

    @Test("phone_mobile_search strips formatting but not the country code, for each of seven stored formats", arguments: 0..<7)
    func phoneFormats(index: Int) async throws {
        let customer = OdooHarness.company.customers[index]
        let national = String(customer.phoneNumber.dropFirst(2))
        try await OdooHarness.run { harness in
            let partner = try OdooSandboxTests.partner(harness, customer: index)

            // The stored text itself, formatting and all.
            #expect(try await harness.partnerIDs(#"[["phone_mobile_search", "=", "\#(customer.storedPhone)"]]"#) == [partner.id])
            // The ten national digits anywhere in the cleaned number.
            #expect(try await harness.partnerIDs(#"[["phone_mobile_search", "ilike", "\#(national)"]]"#) == [partner.id])
            // E.164 with "=" only matches numbers stored with +1 in front (styles 0 and 4).
            let e164 = try await harness.partnerIDs(#"[["phone_mobile_search", "=", "\#(customer.phoneNumber)"]]"#)
            #expect(e164 == (index == 0 || index == 4 ? [partner.id] : []))
            // phone_sanitized holds E.164 whatever was typed.
            #expect(try await harness.partnerIDs(#"[["phone_sanitized", "=", "\#(customer.phoneNumber)"]]"#) == [partner.id])
            // The raw phone field compares text.
            #expect(try await harness.partnerIDs(#"[["phone", "=", "\#(customer.storedPhone)"]]"#) == [partner.id])
        }
    }

    @Test("search_read returns the asked fields with many2one as [id, name]; a short phone term is a UserError")
    func searchRead() async throws {
        let customer = OdooHarness.company.customers[1]
        try await OdooHarness.run { harness in
            let body = #"{"domain": [["phone_mobile_search", "ilike", "\#(customer.phoneNumber.dropFirst(2))"]], "fields": ["name", "phone", "parent_id", "is_company"], "context": {"lang": "en_US"}}"#
            let response = try await harness.call("res.partner", "search_read", body)
            #expect(response.status == 200)
            let rows = try #require(try response.jsonValue as? [[String: Any]])
            #expect(rows.count == 1)
            let row = try #require(rows.first)
            #expect(Set(row.keys) == ["id", "name", "phone", "parent_id", "is_company"])
            #expect(row["name"] as? String == "\(customer.firstName) \(customer.lastName)")
            #expect((row["parent_id"] as? [Any])?.last as? String == customer.company)
            #expect(row["is_company"] as? Bool == false)

            let short = try await harness.call("res.partner", "search", #"{"domain": [["phone_mobile_search", "=", "41"]]}"#)
            #expect(short.status == 422)
            #expect(try short.jsonObject["name"] as? String == "odoo.exceptions.UserError")
            #expect(try (short.jsonObject["context"] as? [String: Any])?.isEmpty == true)
        }
    }

    @Test("limit, offset and order page through search_read; search_count counts")
    func pagination() async throws {
        try await OdooHarness.run { harness in
            let persons = #"[["is_company", "=", false]]"#
            var seen: [Int] = []
            for (offset, expected) in [(0, 15), (15, 15), (30, 10), (45, 0)] {
                let response = try await harness.call("res.partner", "search_read", #"{"domain": \#(persons), "fields": ["name"], "limit": 15, "offset": \#(offset), "order": "id asc"}"#)
                let rows = try #require(try response.jsonValue as? [[String: Any]])
                #expect(rows.count == expected)
                seen += rows.compactMap { $0["id"] as? Int }
            }
            #expect(seen == harness.sandbox.records("res.partner").filter { $0.text("phone") != nil }.map(\.id))
            #expect(try await harness.call("res.partner", "search_count", #"{"domain": \#(persons)}"#).jsonValue as? Int == 40)
            let descending = try await harness.call("res.partner", "search", #"{"domain": \#(persons), "limit": 2, "order": "id desc"}"#)
            #expect(try descending.jsonValue as? [Int] == Array(seen.suffix(2).reversed()))
        }
    }

    @Test("create answers [id]; the new partner is found by phone; a nameless contact, an unknown field and ids are refused")
    func createPartner() async throws {
        try await OdooHarness.run { harness in
            let before = harness.sandbox.records("res.partner").count
            let created = try await harness.call("res.partner", "create", #"{"vals_list": {"name": "New Caller", "phone": "+1 909 555 0101", "email": "new@example.com"}}"#)
            #expect(created.status == 200)
            let ids = try #require(try created.jsonValue as? [Int])
            #expect(ids.count == 1)
            let partner = try #require(harness.sandbox.record("res.partner", id: ids[0]))
            #expect(partner.text("phone_sanitized") == "+19095550101")
            #expect(try await harness.partnerIDs(#"[["phone_mobile_search", "=", "+19095550101"]]"#) == ids)

            let written = try await harness.call("res.partner", "write", #"{"ids": \#(ids), "vals": {"phone": "(909) 555-0102"}}"#)
            #expect(try written.jsonValue as? Bool == true)
            #expect(harness.sandbox.record("res.partner", id: ids[0])?.text("phone_sanitized") == "+19095550102")
            #expect(harness.sandbox.record("res.partner", id: ids[0])?.text("email") == "new@example.com")

            let nameless = try await harness.call("res.partner", "create", #"{"vals_list": [{"phone": "123"}]}"#)
            #expect(nameless.status == 422)
            #expect(try nameless.jsonObject["name"] as? String == "odoo.exceptions.ValidationError")
            #expect(try (nameless.jsonObject["message"] as? String)?.contains("Contacts require a name") == true)

            let unknown = try await harness.call("res.partner", "create", #"{"vals_list": {"name": "X", "mobile_phone": "1"}}"#)
            #expect(unknown.status == 500)
            #expect(try unknown.jsonObject["name"] as? String == "builtins.ValueError")
            #expect(try unknown.jsonObject["message"] as? String == "Invalid field 'mobile_phone' in 'res.partner'")

            let withIDs = try await harness.call("res.partner", "create", #"{"ids": [1], "vals_list": {"name": "X"}}"#)
            #expect(withIDs.status == 422)
            let kwarg = try await harness.call("res.partner", "search_read", #"{"domian": []}"#)
            #expect(kwarg.status == 422)
            #expect(try kwarg.jsonObject["message"] as? String == "got an unexpected keyword argument 'domian'")
            #expect(harness.sandbox.records("res.partner").count == before + 1)
        }
    }

    @Test("a call note is posted on the chatter, read, updated, found by marker and unlinked; a deleted note is MissingError 404")
    func noteLifecycle() async throws {
        try await OdooHarness.run { harness in
            let partner = try OdooSandboxTests.partner(harness, customer: 0)
            let post = #"{"ids": [\#(partner.id)], "body": "Inbound call, 2 min\nRenewal [callscribe:xyz]", "message_type": "comment", "subtype_xmlid": "mail.mt_note"}"#
            let posted = try await harness.call("res.partner", "message_post", post)
            #expect(posted.status == 200)
            let messageID = try #require((try posted.jsonValue as? [Int])?.first)

            let read = try await harness.call("mail.message", "read", #"{"ids": [\#(messageID)], "fields": ["body", "model", "res_id", "subtype_id", "message_type"]}"#)
            let note = try #require((try read.jsonValue as? [[String: Any]])?.first)
            #expect(note["body"] as? String == "<p>Inbound call, 2 min<br>Renewal [callscribe:xyz]</p>")
            #expect(note["model"] as? String == "res.partner")
            #expect(note["res_id"] as? Int == partner.id)
            #expect((note["subtype_id"] as? [Any])?.last as? String == "Note")
            #expect(note["message_type"] as? String == "comment")

            let written = try await harness.call("mail.message", "write", #"{"ids": [\#(messageID)], "vals": {"body": "<p>Renewal agreed [callscribe:xyz]</p>"}}"#)
            #expect(try written.jsonValue as? Bool == true)

            let find = #"{"domain": [["model", "=", "res.partner"], ["res_id", "=", \#(partner.id)], ["body", "ilike", "callscribe:xyz"]], "fields": ["body"]}"#
            let found = try #require(try await harness.call("mail.message", "search_read", find).jsonValue as? [[String: Any]])
            #expect(found.map { $0["id"] as? Int } == [messageID])
            #expect(found.first?["body"] as? String == "<p>Renewal agreed [callscribe:xyz]</p>")

            #expect(try await harness.call("mail.message", "unlink", #"{"ids": [\#(messageID)]}"#).jsonValue as? Bool == true)
            let gone = try await harness.call("mail.message", "read", #"{"ids": [\#(messageID)]}"#)
            #expect(gone.status == 404)
            #expect(try gone.jsonObject["name"] as? String == "odoo.exceptions.MissingError")

            // The test knob: deleted behind the logger's back.
            let again = try #require((try await harness.call("res.partner", "message_post", post).jsonValue as? [Int])?.first)
            #expect(harness.sandbox.deleteRecord(id: again))
            let update = try await harness.call("mail.message", "write", #"{"ids": [\#(again)], "vals": {"body": "x"}}"#)
            #expect(update.status == 404)
            #expect(try (update.jsonObject["message"] as? String)?.hasPrefix("Record does not exist or has been deleted.") == true)
            #expect((try await harness.call("mail.message", "search_read", find).jsonValue as? [Any])?.isEmpty == true)

            let html = try await harness.call("res.partner", "message_post", #"{"ids": [\#(partner.id)], "body": "<b>bold</b>", "body_is_html": true}"#)
            let htmlID = try #require((try html.jsonValue as? [Int])?.first)
            #expect(harness.sandbox.record("mail.message", id: htmlID)?.text("body") == "<b>bold</b>")
            let missingPartner = try await harness.call("res.partner", "message_post", #"{"ids": [99999], "body": "x"}"#)
            #expect(missingPartner.status == 404)
        }
    }

    @Test("opportunities are crm.lead records on the partner; leads are found by phone")
    func related() async throws {
        try await OdooHarness.run { harness in
            let first = try OdooSandboxTests.partner(harness, customer: 0)
            let body = #"{"domain": [["partner_id", "=", \#(first.id)], ["type", "=", "opportunity"]], "fields": ["name", "stage_id", "probability"], "order": "id asc"}"#
            let rows = try #require(try await harness.call("crm.lead", "search_read", body).jsonValue as? [[String: Any]])
            #expect(rows.compactMap { $0["name"] as? String } == ["Annual renewal", "Upgrade to Premium", "Pilot (closed won)"])
            #expect((rows.last?["stage_id"] as? [Any])?.last as? String == "Won")
            let open = #"{"domain": [["partner_id", "=", \#(first.id)], ["stage_id", "!=", "Won"]]}"#
            #expect(try await harness.call("crm.lead", "search_count", open).jsonValue as? Int == 2)

            let lead = try #require(harness.sandbox.records("crm.lead").first { $0.text("type") == "lead" })
            let phone = try #require(lead.text("phone"))
            let leads = try await harness.call("crm.lead", "search", #"{"domain": [["type", "=", "lead"], ["phone_mobile_search", "=", "\#(phone)"]]}"#)
            #expect(try leads.jsonValue as? [Int] == [lead.id])
        }
    }

    @Test("an unknown model or method is 404 NotFound")
    func unknownPaths() async throws {
        try await OdooHarness.run { harness in
            let model = try await harness.call("res.partnr", "search", "{}")
            #expect(model.status == 404)
            #expect(try model.jsonObject["message"] as? String == "the model 'res.partnr' does not exist")
            #expect(try model.jsonObject["name"] as? String == "werkzeug.exceptions.NotFound")
            let method = try await harness.call("res.partner", "fly", "{}")
            #expect(method.status == 404)
            let notJSON = try await harness.call("res.partner", "search", "[1]")
            #expect(notJSON.status == 400)
        }
    }

    @Test("fault knobs: outage 503, 429 with Retry-After, a ValidationError naming a field, latency, counters")
    func faults() async throws {
        try await OdooHarness.run { harness in
            let sandbox = harness.sandbox
            sandbox.outage = true
            let down = try await harness.call("res.partner", "search", "{}")
            #expect(down.status == 503)
            #expect(try down.jsonObject["name"] as? String == "werkzeug.exceptions.ServiceUnavailable")
            sandbox.outage = false

            sandbox.failNext(.rateLimited(retryAfter: 9))
            let limited = try await harness.call("res.partner", "search", "{}")
            #expect(limited.status == 429)
            #expect(limited.headers.first(name: "Retry-After") == "9")
            #expect(try limited.jsonObject["name"] as? String == "werkzeug.exceptions.TooManyRequests")
            #expect(try await harness.call("res.partner", "search", "{}").status == 200)

            sandbox.failNext(.validation(field: "body"))
            let invalid = try await harness.call("mail.message", "write", "{}")
            #expect(invalid.status == 422)
            #expect(try invalid.jsonObject["name"] as? String == "odoo.exceptions.ValidationError")
            #expect(try (invalid.jsonObject["message"] as? String)?.contains("Field: body") == true)

            sandbox.latency = .milliseconds(200)
            let start = ContinuousClock.now
            _ = try await harness.call("res.partner", "search", "{}")
            #expect(ContinuousClock.now - start >= .milliseconds(200))
            sandbox.latency = .zero

            #expect(sandbox.requestsByOperation == ["res.partner.search": 4, "mail.message.write": 1])
        }
    }
}
