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

/// A connector file's custom fields and dispositions as the connector offers and writes them: declared
/// in the file, or read from a small CRM served on loopback.
@Suite("Connector files: custom fields and dispositions at work", .sharedHTTPClient)
struct DeclarativeDirectoryTests {
    static let head = """
        connector: directory
        format_version: 1
        base_url: "{{inputs.url}}"
        inputs:
          url: {description: where the CRM is}
        auth: {kind: none}
        """

    static let operations = """
        operations:
          find_contacts:
            request: {method: GET, path: /people}
            results: "{{response}}"
            contact: {id: "{{item.id}}"}
          create_call:
            request:
              method: POST
              path: /calls
              json:
                $merge: "{{call.custom_fields}}"
                subject: "{{call.subject}}"
                outcome: "{{call.disposition}}"
            id: "{{response.id}}"
          update_call:
            request:
              method: PUT
              path: "/calls/{{record.id}}"
              json:
                $merge: "{{call.custom_fields}}"
                subject: "{{call.subject}}"
                outcome: "{{call.writes_disposition | then(call.disposition)}}"
        """

    static let declared = head + """

        custom_fields:
          - {key: purpose, label: Purpose, kind: choice, options: [Sales, {value: sup, label: Support}]}
          - {key: budget, kind: number}
        dispositions:
          - {id: c-1, label: Connected}
          - {id: ni, label: Not interested}
          - {id: nr, label: No response, default_for: [missed]}

        """ + operations

    static let listed = head + "\n" + operations + """

          list_custom_fields:
            request: {method: GET, path: /fields}
            results: "{{response.fields}}"
            field:
              key: "{{item.api_name}}"
              label: "{{item.display_label}}"
              kind: "{{item.data_type | map(picklist: choice, integer: number)}}"
              options: "{{item.pick_list_values}}"
              option_value: "{{option.actual_value}}"
              option_label: "{{option.display_value}}"
          list_dispositions:
            request: {method: GET, path: /outcomes}
            results: "{{response}}"
            disposition: {id: "{{item.guid}}", label: "{{item.name}}"}
        """

    /// A CRM that lists fields and outcomes and records every call body it is sent.
    final class FakeCRM: Sendable {
        let bodies = Mutex<[String]>([])
        let listings = Mutex<[String: Int]>([:])

        var router: Router<BasicRequestContext> {
            let router = Router()
            router.get("/fields") { _, _ in self.json("/fields", Self.fields) }
            router.get("/outcomes") { _, _ in self.json("/outcomes", #"[{"guid": "g-1", "name": "Connected"}, {"guid": "g-2", "name": "Busy"}, {"name": "no id"}]"#) }
            router.post("/calls") { request, _ in
                let body = try await request.body.collect(upTo: 1 << 20)
                self.bodies.withLock { $0.append(String(buffer: body)) }
                return self.json(nil, #"{"id": "42"}"#)
            }
            router.put("/calls/:id") { request, _ in
                let body = try await request.body.collect(upTo: 1 << 20)
                self.bodies.withLock { $0.append(String(buffer: body)) }
                return self.json(nil, "{}")
            }
            return router
        }

        static let fields = """
            {"fields": [
              {"api_name": "Purpose", "display_label": "Purpose", "data_type": "picklist",
               "pick_list_values": [{"actual_value": "demo", "display_value": "Demo"}, {"actual_value": "sales", "display_value": "Sales"}]},
              {"api_name": "Budget", "display_label": "Budget", "data_type": "integer"},
              {"api_name": "Owner_Link", "display_label": "Owner", "data_type": "lookup"},
              {"api_name": "Empty_Pick", "display_label": "Empty", "data_type": "picklist", "pick_list_values": []},
              {"api_name": "Memo", "data_type": ""},
              {"display_label": "No key", "data_type": "text"}
            ]}
            """

        private func json(_ listing: String?, _ text: String) -> Response {
            if let listing { self.listings.withLock { $0[listing, default: 0] += 1 } }
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
        }

        /// The JSON bodies sent to create or update calls, decoded.
        func sent() throws -> [[String: String]] {
            try self.bodies.withLock { $0 }.map { text in
                let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
                return object.mapValues { "\($0)" }
            }
        }
    }

    func run(_ file: String, _ body: (DeclarativeConnector, FakeCRM) async throws -> Void) async throws {
        let crm = FakeCRM()
        let spec = try ConnectorSpec.load(file, file: "directory.yaml")
        try await withSandboxServer(name: "directory", router: crm.router) { url in
            try await body(try DeclarativeConnector(spec: spec, inputs: ["url": url], httpClient: try HTTPClient.suite), crm)
        }
    }

    func entry(result: CallResult = .answered, disposition: String? = nil, writes: Bool = true, inProgress: Bool = false, fields: [String: String] = [:]) -> CallLogEntry {
        CallLogEntry(
            marker: CallLogID("log-1"), subject: "Call", body: "", startedAt: Date(timeIntervalSince1970: 1_795_251_907), duration: 60,
            direction: .inbound, result: result, fromNumber: "+14155550123", toNumber: "+14155550100",
            contact: Contact(id: ContactID("7"), name: "Ann", phoneNumbers: []), sessionID: TelephonySessionID("s-1"),
            customFields: fields, inProgress: inProgress, disposition: disposition, writesDisposition: writes
        )
    }

    @Test("declared fields and dispositions are offered as declared, without asking the CRM")
    func declaredOffered() async throws {
        try await self.run(Self.declared) { connector, crm in
            #expect(connector.capabilities.customFields && connector.capabilities.dispositions)
            let fields = try await connector.customFields()
            #expect(fields.map(\.key) == ["purpose", "budget"])
            #expect(fields[0].options.map(\.label) == ["Sales", "Support"])
            #expect(try await connector.dispositions().map(\.id) == ["c-1", "ni", "nr"])
            #expect(crm.listings.withLock { $0 }.isEmpty)
        }
    }

    @Test("call.disposition is the chosen one's id, the result's default, the chosen text, or nothing")
    func declaredWritten() async throws {
        try await self.run(Self.declared) { connector, crm in
            // Chosen by label, in any case: written as its id, with the custom fields merged in.
            _ = try await connector.createCallRecord(self.entry(disposition: "not INTERESTED", fields: ["purpose": "sup", "budget": "12"]))
            // Nobody chose: a missed call gets the disposition declared default_for missed; an answered
            // call the one labelled "Connected"; a call still going none.
            _ = try await connector.createCallRecord(self.entry(result: .missed))
            _ = try await connector.createCallRecord(self.entry(result: .answered))
            _ = try await connector.createCallRecord(self.entry(result: .answered, inProgress: true))
            // Not one of the list: passed on as chosen, for the CRM to judge.
            _ = try await connector.createCallRecord(self.entry(disposition: "Left a message"))
            // An update that does not set the disposition leaves it out.
            try await connector.updateCallRecord(CRMRecordID("42"), with: self.entry(result: .missed, writes: false))
            try await connector.updateCallRecord(CRMRecordID("42"), with: self.entry(result: .missed, writes: true))
            let sent = try crm.sent()
            #expect(sent.map { $0["outcome"] } == ["ni", "nr", "c-1", nil, "Left a message", nil, "nr"])
            #expect(sent[0]["purpose"] == "sup" && sent[0]["budget"] == "12" && sent[0]["subject"] == "Call")
        }
    }

    @Test("without dispositions in the file, a chosen disposition is written as chosen and none is made up")
    func noDispositions() async throws {
        try await self.run(Self.head + "\n" + Self.operations) { connector, crm in
            #expect(!connector.capabilities.dispositions && !connector.capabilities.customFields)
            #expect(try await connector.dispositions().isEmpty)
            #expect(try await connector.customFields().isEmpty)
            _ = try await connector.createCallRecord(self.entry(disposition: " Busy "))
            _ = try await connector.createCallRecord(self.entry(result: .missed))
            #expect(try crm.sent().map { $0["outcome"] } == ["Busy", nil])
        }
    }

    @Test("list_custom_fields maps each item and its options; items it cannot check are left out")
    func listedFields() async throws {
        try await self.run(Self.listed) { connector, crm in
            #expect(connector.capabilities.customFields && connector.capabilities.dispositions)
            let fields = try await connector.customFields()
            #expect(
                fields == [
                    CustomField(key: "Purpose", label: "Purpose", kind: .choice, options: [.init(value: "demo", label: "Demo"), .init(value: "sales", label: "Sales")]),
                    CustomField(key: "Budget", label: "Budget", kind: .number),
                    CustomField(key: "Memo", label: "Memo", kind: .text),
                ]
            )
            #expect(crm.listings.withLock { $0["/fields"] } == 1)
        }
    }

    @Test("list_dispositions is read once for the lists and the writes, and resolves choices to its ids")
    func listedDispositions() async throws {
        try await self.run(Self.listed) { connector, crm in
            #expect(try await connector.dispositions() == [CallDisposition(id: "g-1", label: "Connected"), CallDisposition(id: "g-2", label: "Busy")])
            _ = try await connector.createCallRecord(self.entry(disposition: "busy"))
            _ = try await connector.createCallRecord(self.entry(result: .answered))
            _ = try await connector.createCallRecord(self.entry(result: .voicemail))
            #expect(try crm.sent().map { $0["outcome"] } == ["g-2", "g-1", nil])
            #expect(crm.listings.withLock { $0["/outcomes"] } == 1)
        }
    }
}
