import Foundation
import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import ScribeConnectors
import ScribeSandbox
import Testing

@Suite("ClioSandbox speaks Clio Manage API v4", .sharedHTTPClient)
struct ClioSandboxTests {
    static let customers = ClioHarness.company.customers

    @Test("refuses a missing or wrong bearer token with Doorkeeper's flat invalid_token 401 and its WWW-Authenticate")
    func wrongToken() async throws {
        try await ClioHarness.run { harness in
            for token in [nil, "not-a-clio-token"] {
                let response = try await harness.raw(.GET, "/api/v4/users/who_am_i.json", token: token)
                #expect(response.status == 401)
                #expect(try response.jsonObject["error"] as? String == "invalid_token")
                #expect(try response.jsonObject["error_description"] as? String == "The access token provided is expired, revoked, malformed or invalid for other reasons.")
                #expect(response.headers.first(name: "WWW-Authenticate")?.contains(#"error="invalid_token""#) == true)
            }
            #expect(harness.sandbox.requestCount(for: "users.who_am_i") == 2)
        }
    }

    @Test("answers who_am_i with only id and etag unless fields are asked for, wrapped in data")
    func whoAmI() async throws {
        try await ClioHarness.run { harness in
            let bare = try #require(try ClioHarness.data(try await harness.raw(.GET, "/api/v4/users/who_am_i.json")) as? [String: Any])
            #expect(Set(bare.keys) == ["id", "etag"])
            let response = try await harness.raw(.GET, "/api/v4/users/who_am_i?fields=id,name,time_zone")
            #expect(response.status == 200)
            let user = try #require(try ClioHarness.data(response) as? [String: Any])
            #expect(Set(user.keys) == ["id", "name", "time_zone"])
            #expect(user["id"] as? Int == ClioSandbox.userID)
        }
    }

    @Test("an issued token that expired gets the invalid_token 401; the refresh grant at /oauth/token gives one that works; a bad refresh token is invalid_grant")
    func expiredTokenAndRefresh() async throws {
        try await ClioHarness.run { harness in
            let pair = harness.sandbox.oauth.grant()
            #expect(try await harness.raw(.GET, "/api/v4/users/who_am_i.json", token: pair.accessToken).status == 200)
            harness.sandbox.oauth.expireAccessTokens()
            let expired = try await harness.raw(.GET, "/api/v4/users/who_am_i.json", token: pair.accessToken)
            #expect(expired.status == 401)
            #expect(try expired.jsonObject["error"] as? String == "invalid_token")

            let oauth = harness.sandbox.oauth
            let form = "grant_type=refresh_token&client_id=\(oauth.clientID)&client_secret=\(oauth.clientSecret)&refresh_token=\(pair.refreshToken)"
            let refreshed = try await harness.formPost("/oauth/token", form)
            #expect(refreshed.status == 200)
            let answer = try refreshed.jsonObject
            #expect(answer["token_type"] as? String == "Bearer")
            #expect(answer["refresh_token"] == nil)
            let access = try #require(answer["access_token"] as? String)
            #expect(try await harness.raw(.GET, "/api/v4/users/who_am_i.json", token: access).status == 200)

            let refused = try await harness.formPost("/oauth/token", form.replacingOccurrences(of: pair.refreshToken, with: "spent"))
            #expect(refused.status == 400)
            #expect(try refused.jsonObject["error"] as? String == "invalid_grant")
        }
    }

    @Test("query finds a contact by its number exactly as stored, in each of seven formats", arguments: 0..<7)
    func searchStoredFormat(index: Int) async throws {
        let customer = Self.customers[index]
        try await ClioHarness.run { harness in
            let response = try await harness.searchContacts(customer.storedPhone)
            #expect(response.status == 200)
            let found = try #require(try ClioHarness.data(response) as? [[String: Any]])
            #expect(found.compactMap { $0["id"] as? Int } == [harness.sandbox.contacts[index].id])
            #expect(found.first?["primary_phone_number"] as? String == customer.storedPhone)
        }
    }

    @Test("query does not normalise numbers: E.164 finds only contacts stored in E.164")
    func searchIsNotNormalised() async throws {
        try await ClioHarness.run { harness in
            // Customer 0 is stored as +1XXXXXXXXXX; customers 1…6 in other formats.
            for index in 0..<7 {
                let found = try #require(try ClioHarness.data(try await harness.searchContacts(Self.customers[index].phoneNumber)) as? [[String: Any]])
                #expect(found.count == (index == 0 ? 1 : 0), "customer \(index) stored as \(Self.customers[index].storedPhone)")
            }
            #expect(harness.sandbox.requestCount(for: "contacts.search") == 7)
        }
    }

    @Test("creates a contact (201) and finds it by the number it was given; a missing type is a 422 naming it")
    func createContact() async throws {
        try await ClioHarness.run { harness in
            let created = try await harness.raw(
                .POST, "/api/v4/contacts.json?fields=id,name,type,first_name,last_name",
                json: #"{"data":{"name":"Nora Quint","type":"Person","phone_numbers":[{"name":"Work","number":"+15035550188","default_number":true}]}}"#
            )
            #expect(created.status == 201)
            let contact = try #require(try ClioHarness.data(created) as? [String: Any])
            #expect(contact["name"] as? String == "Nora Quint")
            #expect(contact["first_name"] as? String == "Nora")
            #expect(contact["last_name"] as? String == "Quint")
            let found = try #require(try ClioHarness.data(try await harness.searchContacts("+15035550188")) as? [[String: Any]])
            #expect(found.first?["id"] as? Int == contact["id"] as? Int)

            let refused = try await harness.raw(.POST, "/api/v4/contacts.json", json: #"{"data":{"name":"No Type"}}"#)
            #expect(refused.status == 422)
            #expect(try refused.clioError.message.contains("type"))
        }
    }

    @Test("a communication is created (201), read, patched, found by the marker in its body, deleted (204), then 404")
    func communicationLifecycle() async throws {
        try await ClioHarness.run { harness in
            let contact = harness.sandbox.contacts[0]
            let matter = try #require(harness.sandbox.matters.first)
            let marker = "callscribe:log-8812"
            let created = try await harness.raw(
                .POST, "/api/v4/communications.json?fields=id,subject,type,matter{id,display_number},senders",
                json: #"""
                {"data":{"type":"PhoneCommunication","subject":"Inbound call","body":"Spoke about the lease\n\#(marker)","received_at":"2026-03-02T10:00:00.000Z",
                "senders":[{"id":\#(contact.id),"type":"Contact"}],"receivers":[{"id":\#(ClioSandbox.userID),"type":"User"}],
                "matter":{"id":\#(matter.id)},"notification_event_subscribers":[{"user_id":\#(ClioSandbox.userID)}]}}
                """#
            )
            #expect(created.status == 201)
            let record = try #require(try ClioHarness.data(created) as? [String: Any])
            let id = try #require(record["id"] as? Int)
            #expect(record["type"] as? String == "PhoneCommunication")
            #expect((record["matter"] as? [String: Any])?["display_number"] as? String == matter.displayNumber)
            #expect(((record["senders"] as? [[String: Any]])?.first)?["id"] as? Int == contact.id)

            let patched = try await harness.raw(.PATCH, "/api/v4/communications/\(id).json?fields=id,subject,body", json: #"{"data":{"body":"Updated notes\n\#(marker)"}}"#)
            #expect(patched.status == 200)
            let read = try #require(try ClioHarness.data(try await harness.raw(.GET, "/api/v4/communications/\(id).json?fields=subject,body")) as? [String: Any])
            #expect(read["subject"] as? String == "Inbound call")
            #expect(read["body"] as? String == "Updated notes\n\(marker)")

            let found = try #require(try ClioHarness.data(try await harness.raw(.GET, "/api/v4/communications.json?query=\(StrictPercentEncoding.encode(marker))&fields=id")) as? [[String: Any]])
            #expect(found.compactMap { $0["id"] as? Int } == [id])
            let none = try #require(try ClioHarness.data(try await harness.raw(.GET, "/api/v4/communications.json?query=callscribe:log-0000")) as? [[String: Any]])
            #expect(none.isEmpty)

            let deleted = try await harness.raw(.DELETE, "/api/v4/communications/\(id).json")
            #expect(deleted.status == 204)
            #expect(deleted.body.readableBytes == 0)
            let gone = try await harness.raw(.GET, "/api/v4/communications/\(id).json")
            #expect(gone.status == 404)
            #expect(try gone.clioError.type == "NotFound")
        }
    }

    @Test("deleteRecord removes a communication behind the client's back: read and update get Clio's 404")
    func deleteRecordKnob() async throws {
        try await ClioHarness.run { harness in
            let created = try await harness.raw(.POST, "/api/v4/communications.json", json: #"{"data":{"type":"PhoneCommunication","subject":"Call","body":"Notes"}}"#)
            let id = try #require((try ClioHarness.data(created) as? [String: Any])?["id"] as? Int)
            #expect(harness.sandbox.deleteRecord(id))
            let patch = try await harness.raw(.PATCH, "/api/v4/communications/\(id).json", json: #"{"data":{"body":"late notes"}}"#)
            #expect(patch.status == 404)
            #expect(try patch.clioError.message == "Communication could not be found")
            #expect(try await harness.raw(.GET, "/api/v4/communications/\(id).json").status == 404)
            #expect(!harness.sandbox.deleteRecord(id))
        }
    }

    @Test(
        "refuses invalid communications with a 422 naming the field, storing nothing",
        arguments: [
            (#"{"data":{"type":"PhoneCommunication","subject":"x","body":"x","mood":"happy"}}"#, "mood"),
            (#"{"data":{"type":"PhoneCommunication"}}"#, "subject"),
            (#"{"data":{"type":"PhoneCommunication","subject":"x"}}"#, "body"),
            (#"{"data":{"type":"FaxCommunication","subject":"x","body":"x"}}"#, "type"),
            (#"{"data":{"type":"PhoneCommunication","subject":"x","body":"x","received_at":"yesterday"}}"#, "received_at"),
            (#"{"data":{"type":"PhoneCommunication","subject":"x","body":"x","senders":[{"id":1,"type":"Contact"}]}}"#, "senders"),
            (#"{"data":{"type":"PhoneCommunication","subject":"x","body":"x","matter":{"id":1}}}"#, "matter"),
        ]
    )
    func invalidCommunication(json: String, field: String) async throws {
        try await ClioHarness.run { harness in
            let response = try await harness.raw(.POST, "/api/v4/communications.json", json: json)
            #expect(response.status == 422)
            #expect(try response.clioError.type == "ValidationError")
            #expect(try response.clioError.message.hasPrefix("Validation failed: \(field) "))
            #expect(harness.sandbox.communications.isEmpty)
        }
    }

    @Test("a contact's matters: as client (matters.json?client_id) and through relationships (relationships.json?contact_id)")
    func matters() async throws {
        try await ClioHarness.run { harness in
            let client = harness.sandbox.contacts[0]
            let response = try await harness.raw(.GET, "/api/v4/matters.json?client_id=\(client.id)&fields=id,display_number,description,status")
            let matters = try #require(try ClioHarness.data(response) as? [[String: Any]])
            #expect(matters.compactMap { $0["status"] as? String } == ["Open", "Pending", "Closed"])
            #expect(Set(matters[0].keys) == ["id", "display_number", "description", "status"])
            let open = try #require(try ClioHarness.data(try await harness.raw(.GET, "/api/v4/matters.json?client_id=\(client.id)&status=open,pending")) as? [[String: Any]])
            #expect(open.count == 2)

            let witness = harness.sandbox.contacts[2]
            let related = try await harness.raw(.GET, "/api/v4/relationships.json?contact_id=\(witness.id)&fields=matter{id,display_number,description,status}")
            let relationships = try #require(try ClioHarness.data(related) as? [[String: Any]])
            #expect(relationships.count == 3)
            let matter = try #require(relationships.first?["matter"] as? [String: Any])
            #expect(Set(matter.keys) == ["id", "display_number", "description", "status"])
            #expect(matter["id"] as? Int == matters[0]["id"] as? Int)
        }
    }

    @Test("lists page with limit and meta.paging.next, a full URL carrying the query and page_token")
    func pagination() async throws {
        try await ClioHarness.run { harness in
            var url: String? = "/api/v4/contacts.json?limit=15&fields=id"
            var ids: [Int] = []
            var pages = 0
            while let next = url {
                let response = try await harness.raw(.GET, next)
                #expect(response.status == 200)
                let object = try response.jsonObject
                ids += ((object["data"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? Int }
                let meta = try #require(object["meta"] as? [String: Any])
                #expect(meta["records"] as? Int == Self.customers.count)
                url = (meta["paging"] as? [String: Any])?["next"] as? String
                if let url { #expect(url.hasPrefix(harness.baseURL + "/api/v4/contacts.json?limit=15&fields=id&page_token=")) }
                pages += 1
            }
            #expect(pages == 3)
            #expect(ids == harness.sandbox.contacts.map(\.id))
            #expect(try await harness.raw(.GET, "/api/v4/contacts.json?limit=201").status == 400)
        }
    }

    @Test("normal answers carry X-RateLimit-Limit, -Remaining and -Reset (a unix time a minute ahead)")
    func rateLimitHeaders() async throws {
        try await ClioHarness.run { harness in
            let response = try await harness.raw(.GET, "/api/v4/contacts.json")
            #expect(response.headers.first(name: "X-RateLimit-Limit") == "50")
            #expect(response.headers.first(name: "X-RateLimit-Remaining") == "49")
            let reset = try #require(response.headers.first(name: "X-RateLimit-Reset").flatMap(Int.init))
            #expect(abs(reset - Int(Date().timeIntervalSince1970) - 60) <= 2)
            #expect(response.headers.first(name: "Retry-After") == nil)
        }
    }

    @Test("failNextRateLimited: 429 with Retry-After, nothing remaining, Clio's error body; then served again")
    func rateLimited() async throws {
        try await ClioHarness.run { harness in
            harness.sandbox.failNextRateLimited(retryAfter: 17)
            let limited = try await harness.raw(.GET, "/api/v4/contacts.json")
            #expect(limited.status == 429)
            #expect(limited.headers.first(name: "Retry-After") == "17")
            #expect(limited.headers.first(name: "X-RateLimit-Remaining") == "0")
            #expect(try limited.clioError.type == "RateLimited")
            #expect(try await harness.raw(.GET, "/api/v4/contacts.json").status == 200)
            #expect(harness.sandbox.requestCount(for: "contacts.search") == 2)
        }
    }

    @Test("failNextValidation names the field; failNextExpiredToken is the expired-token 401")
    func plannedFailures() async throws {
        try await ClioHarness.run { harness in
            harness.sandbox.failNextValidation(field: "received_at")
            let invalid = try await harness.raw(.POST, "/api/v4/communications.json", json: #"{"data":{"type":"PhoneCommunication","subject":"ok","body":"ok"}}"#)
            #expect(invalid.status == 422)
            #expect(try invalid.clioError.message.contains("received_at"))
            #expect(harness.sandbox.communications.isEmpty)

            harness.sandbox.failNextExpiredToken()
            let expired = try await harness.raw(.GET, "/api/v4/users/who_am_i.json")
            #expect(expired.status == 401)
            #expect(try expired.jsonObject["error_description"] as? String == "The access token provided is expired, revoked, malformed or invalid for other reasons.")
            #expect(expired.headers.first(name: "WWW-Authenticate")?.contains(#"error="invalid_token""#) == true)
        }
    }

    @Test("outage answers 503 with Clio's body; latency delays answers; requests are counted per operation")
    func outageLatencyCounting() async throws {
        try await ClioHarness.run { harness in
            harness.sandbox.outage = true
            let down = try await harness.raw(.GET, "/api/v4/contacts.json")
            #expect(down.status == 503)
            #expect(try down.clioError.type == "ServiceUnavailable")
            harness.sandbox.outage = false

            harness.sandbox.latency = .milliseconds(300)
            let start = ContinuousClock.now
            #expect(try await harness.raw(.GET, "/api/v4/matters.json").status == 200)
            #expect(ContinuousClock.now - start >= .milliseconds(300))
            #expect(harness.sandbox.requestsByOperation == ["contacts.search": 1, "matters.list": 1])
            harness.sandbox.resetCounters()
            #expect(harness.sandbox.requestCount == 0)
        }
    }
}

extension ClioHarness {
    /// A urlencoded POST, as an OAuth client sends to the token endpoint.
    func formPost(_ path: String, _ form: String) async throws -> ConnectorHTTPResponse {
        var request = HTTPClientRequest(url: self.baseURL + path)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.body = .bytes(ByteBuffer(string: form))
        let response = try await self.httpClient.execute(request, timeout: .seconds(10))
        return ConnectorHTTPResponse(status: Int(response.status.code), headers: response.headers, body: try await response.body.collect(upTo: 1 << 20))
    }
}

extension ConnectorHTTPResponse {
    /// Clio's `{"error":{"type","message"}}`.
    var clioError: (type: String, message: String) {
        get throws {
            let error = try #require(try self.jsonObject["error"] as? [String: Any])
            return (try #require(error["type"] as? String), try #require(error["message"] as? String))
        }
    }
}

@Suite("ClioSandbox reads contacts and lists communications by contact", .sharedHTTPClient)
struct ClioSandboxReadTests {
    @Test("a contact reads back by id with its phone numbers as stored; an unknown id is Clio's 404")
    func readContact() async throws {
        try await ClioHarness.run { harness in
            let contact = harness.sandbox.contacts[3]
            let response = try await harness.raw(.GET, "/api/v4/contacts/\(contact.id).json?fields=id,name,phone_numbers{number,name,default_number}")
            #expect(response.status == 200)
            let record = try #require(try ClioHarness.data(response) as? [String: Any])
            let numbers = try #require(record["phone_numbers"] as? [[String: Any]])
            #expect(numbers.first?["number"] as? String == ClioHarness.company.customers[3].storedPhone)
            #expect(numbers.first?["default_number"] as? Bool == true)
            let missing = try await harness.raw(.GET, "/api/v4/contacts/1.json")
            #expect(missing.status == 404)
            #expect(try missing.clioError.type == "NotFound")
            #expect(try await harness.raw(.GET, "/api/v4/contacts.json?fields=id,mood").status == 400)
        }
    }

    @Test("communications.json?contact_id lists only the communications with that contact as sender or receiver")
    func communicationsByContact() async throws {
        try await ClioHarness.run { harness in
            let (first, second) = (harness.sandbox.contacts[0].id, harness.sandbox.contacts[1].id)
            for contact in [first, second, first] {
                let json = #"{"data":{"type":"PhoneCommunication","subject":"Call","body":"Notes","senders":[{"id":\#(contact),"type":"Contact"}],"receivers":[{"id":\#(ClioSandbox.userID),"type":"User"}]}}"#
                #expect(try await harness.raw(.POST, "/api/v4/communications.json", json: json).status == 201)
            }
            let listed = try #require(try ClioHarness.data(try await harness.raw(.GET, "/api/v4/communications.json?contact_id=\(first)&fields=id,senders{id}")) as? [[String: Any]])
            #expect(listed.count == 2)
            #expect(listed.allSatisfy { (($0["senders"] as? [[String: Any]])?.first?["id"] as? Int) == first })
        }
    }
}
