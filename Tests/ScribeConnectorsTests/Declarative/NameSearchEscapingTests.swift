import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ScribeConnectors
import ScribeCore
import Synchronization
import Testing
import ScribeTestSupport

/// `{{name}}` is what a person typed, so it must reach the CRM as typed wherever a file puts it: a
/// query value, a path segment or a JSON string. A small CRM on loopback records what it was sent.
@Suite("Connector files: name search at work", .sharedHTTPClient)
struct NameSearchEscapingTests {
    static let file = """
        connector: people
        format_version: 1
        base_url: "{{inputs.url}}"
        inputs:
          url: {description: where the CRM is}
        auth: {kind: none}
        operations:
          find_contacts:
            request: {method: GET, path: /people}
            results: "{{response}}"
            contact: {id: "{{item.id}}"}
          find_contacts_by_name:
            - request: {method: GET, path: /people, query: {q: "{{name}}", limit: 50}}
              results: "{{response}}"
              contact: {id: "{{item.id}}", name: "{{item.name}}", phone: "{{item.phone}}"}
            - request: {method: GET, path: "/people/named/{{name}}"}
              results: "{{response.people}}"
              contact: {id: "{{item.id}}", name: "{{item.name}}"}
            - kind: lead
              request:
                method: POST
                path: /leads/search
                json: {filter: [["name", "ilike", "{{name}}"]], limit: 50}
              results: "{{response}}"
              contact: {id: "lead-{{item.id}}", name: "{{item.name}}"}
          create_call:
            request: {method: POST, path: /calls, json: {subject: "{{call.subject}}"}}
            id: "{{response.id}}"
          update_call:
            request: {method: PUT, path: "/calls/{{record.id}}", json: {subject: "{{call.subject}}"}}
        """

    /// Everything a URL or a JSON body could misread: quotes, `&`, `=`, `/`, `?`, `#`, `%`, `+`, spaces, non-ASCII.
    static let awkward = #"O'Brien & "Sons"/../x?y=1#z 100%+Zoë"#

    /// A CRM that answers every name search with people and records each request as it arrived.
    final class FakeCRM: Sendable {
        /// `METHOD raw-path-and-query` per request, and the bodies of POSTs.
        let requests = Mutex<[String]>([])
        let bodies = Mutex<[String]>([])

        var router: Router<BasicRequestContext> {
            let router = Router()
            router.get("/people") { request, _ in
                self.note(request)
                // Ann is found by this search and the next: she must be listed once.
                return Self.json(#"[{"id": 7, "name": "Ann O'Brien", "phone": "+14155550123"}, {"id": 8, "name": "Bo Brien", "phone": null}]"#)
            }
            router.get("/people/named/:who") { request, _ in
                self.note(request)
                return Self.json(#"{"people": [{"id": 7, "name": "Ann O'Brien"}]}"#)
            }
            router.post("/leads/search") { request, _ in
                self.note(request)
                let body = try await request.body.collect(upTo: 1 << 20)
                self.bodies.withLock { $0.append(String(buffer: body)) }
                return Self.json(#"[{"id": 3, "name": "Lee O'Brien"}]"#)
            }
            return router
        }

        private func note(_ request: Request) {
            let line = "\(request.method.rawValue) \(request.uri.string)"
            self.requests.withLock { $0.append(line) }
        }

        private static func json(_ text: String) -> Response {
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
        }
    }

    func run(_ body: (DeclarativeConnector, FakeCRM) async throws -> Void) async throws {
        let crm = FakeCRM()
        let spec = try ConnectorSpec.load(Self.file, file: "people.yaml")
        try await withSandboxServer(name: "people", router: crm.router) { url in
            try await body(try DeclarativeConnector(spec: spec, inputs: ["url": url], httpClient: try HTTPClient.suite), crm)
        }
    }

    /// Percent-encoding of everything but the unreserved characters (RFC 3986), as a strict server expects.
    @Test("{{name}} arrives as typed in a query value, a path segment and a JSON string")
    func escapedByUse() async throws {
        try await self.run { connector, crm in
            #expect(connector.capabilities.nameSearch)
            _ = try await connector.findContacts(named: Self.awkward)
            let requests = crm.requests.withLock { $0 }
            #expect(requests.count == 3)
            let encoded = StrictPercentEncoding.encode(Self.awkward)
            #expect(requests.first == "GET /people?q=\(encoded)&limit=50")
            // One segment: the name's `/`, `..` and `?` cannot move the request elsewhere or add a query.
            #expect(requests.dropFirst().first == "GET /people/named/\(encoded)")
            #expect(requests.last == "POST /leads/search")
            let body = try #require(crm.bodies.withLock { $0 }.first)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            let filter = try #require(object["filter"] as? [[Any]])
            #expect(filter.first?.last as? String == Self.awkward)
            #expect(object["limit"] as? Int == 50)
        }
    }

    @Test("each search runs once; a person two searches find is listed once; a lead search's people are leads")
    func mergedAndMarked() async throws {
        try await self.run { connector, crm in
            let found = try await connector.findContacts(named: "brien")
            #expect(found.map(\.id) == ["7", "8", "lead-3"])
            #expect(found.map(\.kind) == [.contact, .contact, .lead])
            #expect(found[0].name == "Ann O'Brien" && found[0].phoneNumbers == ["+14155550123"])
            #expect(found[1].phoneNumbers.isEmpty)
            #expect(crm.requests.withLock { $0 }.count == 3)
        }
    }

    @Test("a query shorter than two characters is refused without asking the CRM")
    func tooShort() async throws {
        try await self.run { connector, crm in
            let error = try #require(await expectConnectorError { _ = try await connector.findContacts(named: "x") })
            #expect(error.kind == .validationFailed(field: "name"))
            #expect(crm.requests.withLock { $0 }.isEmpty)
            #expect(try await connector.findContacts(named: "xy").count == 3)
        }
    }
}
