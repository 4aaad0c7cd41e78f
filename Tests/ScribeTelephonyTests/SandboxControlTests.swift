import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import ScribeCore
import ScribeSandbox
import ScribeTelephony
import ServiceLifecycle
import Synchronization
import Testing

/// The sandbox phone system's control routes (`POST /sandbox/calls`, `GET /sandbox/company`) over
/// loopback HTTP, with a webhook receiver subscribed so the placed call's events can be watched.
@Suite("Phone sandbox control routes")
struct SandboxControlTests {
    /// What a test gets: the sandbox, its URL, a client to call it, and the deliveries received so far.
    struct Harness: Sendable {
        let phone: PhoneSystemSandbox
        let url: String
        let http: HTTPClient
        let client: RingCentralClient
        let received: Deliveries

        /// Sends `body` as JSON to `path` and answers the status and the decoded JSON object.
        func request(_ method: HTTPMethodName, _ path: String, json body: String? = nil) async throws -> (status: Int, object: [String: Any]) {
            var request = HTTPClientRequest(url: self.url + path)
            request.method = method.nio
            if let body {
                request.headers.add(name: "Content-Type", value: "application/json")
                request.body = .bytes(ByteBuffer(string: body))
            }
            let response = try await self.http.execute(request, timeout: .seconds(10))
            let data = Data(try await response.body.collect(upTo: 4 << 20).readableBytesView)
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "a JSON object, got \(String(decoding: data, as: UTF8.self))")
            return (Int(response.status.code), object)
        }

        /// The status codes delivered for `session`, in the order received.
        func statusCodes(of session: String) -> [String] {
            self.received.objects.compactMap { delivery -> String? in
                    guard let body = delivery["body"] as? [String: Any], body["telephonySessionId"] as? String == session,
                        let party = (body["parties"] as? [[String: Any]])?.first, let status = party["status"] as? [String: Any]
                    else { return nil }
                return status["code"] as? String
            }
        }

        /// The first delivery for `session`'s party.
        func firstParty(of session: String) -> [String: Any]? {
            self.received.objects.lazy.compactMap { delivery -> [String: Any]? in
                guard let body = delivery["body"] as? [String: Any], body["telephonySessionId"] as? String == session else { return nil }
                return (body["parties"] as? [[String: Any]])?.first
            }.first
        }
    }

    /// The webhook bodies received, in order.
    final class Deliveries: Sendable {
        private let bodies = Mutex<[Data]>([])
        func append(_ body: Data) { self.bodies.withLock { $0.append(body) } }
        var objects: [[String: Any]] {
            self.bodies.withLock { $0 }.compactMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
        }
    }

    enum HTTPMethodName {
        case get, post
        var nio: HTTPMethod { self == .get ? .GET : .POST }
    }

    /// Runs the sandbox (with `planURL`, when given) and a subscribed webhook receiver.
    static func withSandbox(planURL: URL? = nil, _ body: @Sendable (Harness) async throws -> Void) async throws {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let http = HTTPClient()
        let phone = try PhoneSystemSandbox(company: SandboxCompany(), planURL: planURL, httpClient: http, logger: logger)
        let phoneServer = SandboxServer(name: "phone", router: phone.router(), logger: logger)
        let received = Deliveries()
        let receiver = Router()
        receiver.post("/hook") { request, _ in
            if let token = request.headers[HTTPField.Name("Validation-Token")!] {
                return Response(status: .ok, headers: [HTTPField.Name("Validation-Token")!: token])
            }
            let data = Data(try await request.body.collect(upTo: 1 << 20).readableBytesView)
            received.append(data)
            return Response(status: .ok)
        }
        let receiverServer = SandboxServer(name: "receiver", router: receiver, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [phoneServer, receiverServer], logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let url = await phoneServer.baseURL
            phone.served(at: url)
            let credentials = RingCentralCredentials(
                serverURL: url, clientID: phone.credentials.clientID, clientSecret: phone.credentials.clientSecret, jwt: phone.credentials.jwt
            )
            let result: Result<Void, any Error>
            do {
                let client = RingCentralClient(credentials: credentials, httpClient: http)
                _ = try await client.createWebhookSubscription(address: await receiverServer.baseURL + "/hook", verificationToken: "vt-control")
                result = .success(try await body(Harness(phone: phone, url: url, http: http, client: client, received: received)))
            } catch {
                result = .failure(error)
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            try await http.shutdown()
            try result.get()
        }
    }

    /// Polls `condition` every 50 ms until it holds or `seconds` pass.
    static func eventually(within seconds: Double, _ condition: () -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition() {
            guard Date() < deadline else { return false }
            try await Task.sleep(for: .milliseconds(50))
        }
        return true
    }

    @Test("a placed call from an unknown number is delivered in real time, event by event, then lands in the call log")
    func placesAndDelivers() async throws {
        try await Self.withSandbox { harness in
            let started = Date()
            let (status, placed) = try await harness.request(
                .post, "/sandbox/calls",
                json: #"{"extensionNumber": "103", "number": "+19095559876", "direction": "inbound", "outcome": "answered", "ringSeconds": 0.6, "talkSeconds": 1.2}"#
            )
            #expect(status == 201)
            let session = try #require(placed["telephonySessionId"] as? String)
            let employee = try #require(harness.phone.company.employees.first { $0.extensionNumber == "103" })
            #expect(placed["extensionId"] as? String == employee.extensionID)
            let endsAt = try Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(try #require(placed["endsAt"] as? String))
            #expect(abs(endsAt.timeIntervalSince(started) - 1.8) < 1, "ends after ring + talk")

            // Set-up goes out at once; the hang-up only when the call ends.
            #expect(try await Self.eventually(within: 0.5) { harness.statusCodes(of: session).first == "Setup" })
            #expect(!harness.statusCodes(of: session).contains("Disconnected"))
            #expect(try await Self.eventually(within: 5) { harness.statusCodes(of: session).contains("Disconnected") })
            #expect(Date() >= endsAt.addingTimeInterval(-0.1), "the hang-up is not sent before the call ends")
            #expect(harness.statusCodes(of: session) == ["Setup", "Proceeding", "Answered", "Disconnected"])

            let party = try #require(harness.firstParty(of: session))
            #expect(party["extensionId"] as? String == employee.extensionID)
            #expect((party["from"] as? [String: Any])?["phoneNumber"] as? String == "+19095559876")
            #expect((party["to"] as? [String: Any])?["phoneNumber"] as? String == employee.directNumber)

            let call = try #require(harness.phone.calls.first { $0.telephonySessionID == session })
            #expect(call.number > PhoneSystemSandbox.controlledCallNumberBase)
            #expect(call.outcome == .answered && call.direction == "Inbound" && call.customerNumber == "+19095559876")
            // The hang-up is noted once its delivery returns, a moment after the receiver saw it.
            #expect(try await Self.eventually(within: 5) { harness.phone.hangUpsSent[session] != nil })
            let records = try await harness.client.callLog(from: started.addingTimeInterval(-60), to: Date().addingTimeInterval(1))
            let record = try #require(records.first { $0.telephonySessionId == session }, "the ended call is in the call log")
            #expect(record.direction == "Inbound")
        }
    }

    @Test("a customer by index, outbound and missed: the customer's number, from the extension")
    func customerByIndex() async throws {
        try await Self.withSandbox { harness in
            let (status, placed) = try await harness.request(
                .post, "/sandbox/calls", json: #"{"extensionNumber": "101", "customer": 7, "direction": "outbound", "outcome": "missed", "ringSeconds": 0.5}"#
            )
            #expect(status == 201)
            #expect(placed["customerNumber"] as? String == harness.phone.company.customers[7].phoneNumber)
            #expect(placed["answeredAt"] == nil, "a missed call is never answered")
            let session = try #require(placed["telephonySessionId"] as? String)
            #expect(try await Self.eventually(within: 5) { harness.statusCodes(of: session).contains("Disconnected") })
            #expect(harness.statusCodes(of: session) == ["Setup", "Proceeding", "Disconnected"])
            let party = try #require(harness.firstParty(of: session))
            #expect(party["direction"] as? String == "Outbound")
            #expect((party["to"] as? [String: Any])?["phoneNumber"] as? String == harness.phone.company.customers[7].phoneNumber)
        }
    }

    @Test(
        "a bad field is refused with 400 naming it",
        arguments: [
            (#"{"customer": 1}"#, "extensionNumber"),
            (#"{"extensionNumber": "199", "customer": 1}"#, "extensionNumber"),
            (#"{"extensionNumber": 101, "customer": 1}"#, "extensionNumber"),
            (#"{"extensionNumber": "101"}"#, "customer"),
            (#"{"extensionNumber": "101", "customer": 100000}"#, "customer"),
            (#"{"extensionNumber": "101", "customer": "first"}"#, "customer"),
            (#"{"extensionNumber": "101", "number": "555-0199"}"#, "number"),
            (#"{"extensionNumber": "101", "number": "+16505550100"}"#, "number"),
            (#"{"extensionNumber": "101", "customer": 1, "number": "+19095550199"}"#, "number"),
            (#"{"extensionNumber": "101", "customer": 1, "direction": "sideways"}"#, "direction"),
            (#"{"extensionNumber": "101", "customer": 1, "outcome": "busy"}"#, "outcome"),
            (#"{"extensionNumber": "101", "customer": 1, "direction": "outbound", "outcome": "voicemail"}"#, "outcome"),
            (#"{"extensionNumber": "101", "customer": 1, "ringSeconds": 0}"#, "ringSeconds"),
            (#"{"extensionNumber": "101", "customer": 1, "ringSeconds": "two"}"#, "ringSeconds"),
            (#"{"extensionNumber": "101", "customer": 1, "talkSeconds": -1}"#, "talkSeconds"),
            (#"{"extensionNumber": "101", "customer": 1, "recorded": "yes"}"#, "recorded"),
            (#"{"extensionNumber": "101", "customer": 1, "extention": "102"}"#, "extention"),
            (#"[1, 2]"#, "body"),
        ]
    )
    func refusesBadField(body: String, field: String) async throws {
        try await Self.withSandbox { harness in
            let (status, answer) = try await harness.request(.post, "/sandbox/calls", json: body)
            #expect(status == 400)
            let error = try #require(answer["error"] as? [String: Any])
            #expect(error["field"] as? String == field)
            #expect((error["message"] as? String)?.hasPrefix(field) == true)
            #expect(harness.phone.calls.isEmpty, "nothing is placed")
        }
    }

    @Test("controlled calls are numbered apart from the generator's, also after a restart from the plan file")
    func numbering() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-control-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = folder.appendingPathComponent("phone-calls.jsonl")
        try await Self.withSandbox(planURL: plan) { harness in
            var random = SeededGenerator(seed: 5)
            let scripts = CallScripts(company: harness.phone.company, timeScale: 0.01)
            for number in 1...3 { try harness.phone.place(scripts.endedCall(number: number, endingAt: Date(), using: &random)) }
            let first = try harness.phone.placeRequested(.init(extensionNumber: "102", customer: 0))
            let second = try harness.phone.placeRequested(.init(extensionNumber: "102", number: "+19095550111"))
            #expect(first.number == PhoneSystemSandbox.controlledCallNumberBase + 1)
            #expect(second.number == first.number + 1)
            #expect(first.telephonySessionID != second.telephonySessionID)
            #expect(harness.phone.nextCallNumber == 4, "the generator goes on from its own calls")
        }
        let restarted = try PhoneSystemSandbox(company: SandboxCompany(), planURL: plan, httpClient: HTTPClient.shared, logger: Logger(label: "test"))
        let placedNumbers = restarted.calls.map(\.number)
        #expect(placedNumbers == [1, 2, 3, PhoneSystemSandbox.controlledCallNumberBase + 1, PhoneSystemSandbox.controlledCallNumberBase + 2])
        #expect(restarted.nextCallNumber == 4)
        let third = try restarted.placeRequested(.init(extensionNumber: "101", customer: 2))
        #expect(third.number == PhoneSystemSandbox.controlledCallNumberBase + 3)
    }

    @Test("the company: extensions, customers by index, and the number several CRM contacts share")
    func company() async throws {
        try await Self.withSandbox { harness in
            let (status, company) = try await harness.request(.get, "/sandbox/company")
            #expect(status == 200)
            let extensions = try #require(company["extensions"] as? [[String: Any]])
            #expect(extensions.compactMap { $0["extensionNumber"] as? String } == ["101", "102", "103", "104", "105", "106"])
            #expect(extensions.first?["extensionId"] as? String == harness.phone.company.employees[0].extensionID)
            #expect(extensions.first?["name"] as? String == "Ada Park")
            let customers = try #require(company["customers"] as? [[String: Any]])
            #expect(customers.count == harness.phone.company.customers.count)
            #expect(customers[5]["index"] as? Int == 5)
            #expect(customers[5]["phoneNumber"] as? String == harness.phone.company.customers[5].phoneNumber)
            let shared = try #require(company["sharedNumber"] as? [String: Any])
            #expect(shared["phoneNumber"] as? String == harness.phone.company.customers[0].phoneNumber)
            #expect(shared["customerIndex"] as? Int == 0)
            let contacts = try #require(shared["contacts"] as? [[String: Any]])
            let first = harness.phone.company.customers[0]
            #expect(contacts.compactMap { $0["name"] as? String } == ["\(first.firstName) \(first.lastName)", "Front Desk", "Accounts Payable"])
            #expect(Set(contacts.compactMap { $0["id"] as? String }).count == 3)
            let strangers = try #require(company["strangers"] as? [String])
            #expect(!strangers.isEmpty && strangers.allSatisfy { number in !customers.contains { $0["phoneNumber"] as? String == number } })
        }
    }
}
