import Foundation
import Hummingbird
import NIOCore
import ScribeCore
import Synchronization

/// Sandbox-only routes that RingCentral does not have: they let a test place a particular call
/// (`POST /sandbox/calls`) and learn who the company's people and customers are (`GET /sandbox/company`).
extension PhoneSystemSandbox {
    /// Calls placed through ``placeRequested(_:at:)`` are numbered from here, far above the
    /// generator's numbers (which count up from 1), so the two never collide, restarts included.
    public static let controlledCallNumberBase = 1_000_000_000

    /// What `POST /sandbox/calls` accepts; every field but `extensionNumber` and one of `customer` or
    /// `number` has a default.
    public struct CallRequest: Sendable, Hashable {
        public enum Direction: String, Sendable, Hashable, CaseIterable {
            case inbound, outbound
        }

        public var extensionNumber: String
        /// Index into the company's customers…
        public var customer: Int?
        /// …or any E.164 number (a stranger, unknown to the CRM).
        public var number: String?
        public var direction: Direction = .inbound
        public var outcome: ScriptedCall.Outcome = .answered
        public var ringSeconds: Double = 2
        /// Talk time when answered; message length for voicemail; ignored when missed.
        public var talkSeconds: Double = 20
        public var recorded = false

        public init(extensionNumber: String, customer: Int? = nil, number: String? = nil) {
            self.extensionNumber = extensionNumber
            self.customer = customer
            self.number = number
        }
    }

    /// A field of a control request that cannot be used, and why.
    public struct CallRequestError: Error, Sendable, Hashable, CustomStringConvertible {
        public var field: String
        public var message: String

        public var description: String { "\(self.field): \(self.message)" }
    }

    /// Reserves the number of the next controlled call: one above every controlled call placed or
    /// reserved so far (the plan file's included), so two requests at once never share one.
    func reserveControlledCallNumber() -> Int {
        self.state.withLock { state in
            let placed = state.calls.map(\.number).filter { $0 > Self.controlledCallNumberBase }.max() ?? Self.controlledCallNumberBase
            let number = max(placed, state.lastControlledCallNumber ?? Self.controlledCallNumberBase) + 1
            state.lastControlledCallNumber = number
            return number
        }
    }

    /// Turns `request` into a call placed at `start`, checking each field against the company.
    public func scriptedCall(for request: CallRequest, number: Int, placedAt start: Date) throws(CallRequestError) -> ScriptedCall {
        guard let employee = self.employees.first(where: { $0.extensionNumber == request.extensionNumber }) else {
            let known = self.employees.map(\.extensionNumber).joined(separator: ", ")
            throw CallRequestError(field: "extensionNumber", message: "no extension \(request.extensionNumber); the company has \(known)")
        }
        let customerNumber: String
        switch (request.customer, request.number) {
        case (.some, .some):
            throw CallRequestError(field: "number", message: "give either customer or number, not both")
        case (nil, nil):
            throw CallRequestError(field: "customer", message: "give a customer index or a number")
        case (let index?, nil):
            guard self.company.customers.indices.contains(index) else {
                throw CallRequestError(field: "customer", message: "must be from 0 to \(self.company.customers.count - 1)")
            }
            customerNumber = self.company.customers[index].phoneNumber
        case (nil, let number?):
            let digits = number.dropFirst()
            guard number.hasPrefix("+"), (7...15).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isWholeNumber }), digits.first != "0" else {
                throw CallRequestError(field: "number", message: "must be an E.164 number such as +19095550199")
            }
            guard !self.company.employees.contains(where: { $0.directNumber == number }), number != self.company.mainNumber else {
                throw CallRequestError(field: "number", message: "is one of the company's own numbers")
            }
            customerNumber = number
        }
        guard request.ringSeconds.isFinite, (0.5...600).contains(request.ringSeconds) else {
            throw CallRequestError(field: "ringSeconds", message: "must be from 0.5 to 600")
        }
        guard request.talkSeconds.isFinite, (0...3600).contains(request.talkSeconds) else {
            throw CallRequestError(field: "talkSeconds", message: "must be from 0 to 3600")
        }
        if request.outcome == .voicemail && request.direction == .outbound {
            throw CallRequestError(field: "outcome", message: "voicemail is for inbound calls")
        }
        return ScriptedCall(
            number: number, extensionID: employee.extensionID, extensionNumber: employee.extensionNumber, employeeName: employee.name,
            employeeNumber: employee.directNumber, customerNumber: customerNumber, direction: request.direction == .inbound ? "Inbound" : "Outbound",
            outcome: request.outcome, placedAt: start, ringSeconds: request.ringSeconds, talkSeconds: request.talkSeconds, recorded: request.recorded
        )
    }

    /// Places the requested call now, numbered apart from the generator's calls, and delivers its
    /// events in real time in the background, as the generator does.
    @discardableResult
    public func placeRequested(_ request: CallRequest, at start: Date = Date()) throws -> ScriptedCall {
        let call = try self.scriptedCall(for: request, number: self.reserveControlledCallNumber(), placedAt: start)
        try self.place(call)
        Task { await self.deliver(call, realTime: true) }
        return call
    }

    /// `POST /sandbox/calls` and `GET /sandbox/company`.
    func addControlRoutes(to router: Router<BasicRequestContext>) {
        let sandbox = router.group("sandbox")
        sandbox.post("calls") { request, _ in
            let body = try await request.body.collect(upTo: 64 * 1024)
            let callRequest: CallRequest
            do {
                callRequest = try Self.callRequest(from: Data(body.readableBytesView))
            } catch let error as CallRequestError {
                return self.json(Self.controlError(error), status: .badRequest)
            }
            let call: ScriptedCall
            do {
                call = try self.placeRequested(callRequest)
            } catch let error as CallRequestError {
                return self.json(Self.controlError(error), status: .badRequest)
            }
            var placed: [String: Any] = [
                "telephonySessionId": call.telephonySessionID, "sessionId": call.sessionID, "extensionId": call.extensionID,
                "extensionNumber": call.extensionNumber, "customerNumber": call.customerNumber, "direction": call.direction,
                "outcome": call.outcome.rawValue, "placedAt": PhoneSandboxPayloads.time(call.placedAt), "endsAt": PhoneSandboxPayloads.time(call.endedAt),
            ]
            if let answeredAt = call.answeredAt { placed["answeredAt"] = PhoneSandboxPayloads.time(answeredAt) }
            return self.json(placed, status: .created)
        }
        sandbox.get("company") { _, _ in self.json(self.companyDescription()) }
    }

    /// The company as JSON: extensions, customers, strangers, and the customer number several CRM
    /// contacts share (the sandbox HubSpot's seed puts two colleagues on the first customer's number).
    func companyDescription() -> [String: Any] {
        let company = self.company
        var description: [String: Any] = [
            "accountId": company.accountID, "mainNumber": company.mainNumber,
            "extensions": self.employees.map { ["extensionNumber": $0.extensionNumber, "extensionId": $0.extensionID, "name": $0.name, "directNumber": $0.directNumber] },
            "customers": company.customers.enumerated().map { index, customer in
                ["index": index, "name": "\(customer.firstName) \(customer.lastName)", "phoneNumber": customer.phoneNumber, "company": customer.company] as [String: Any]
            },
            "strangers": company.strangers,
        ]
        let seed = HubSpotSandboxSeed.contacts(for: company)
        if let shared = seed.sharedNumber {
            let sharing = seed.contacts.filter { contact in
                ["hs_calculated_phone_number", "hs_calculated_mobile_number"].contains { contact.properties[$0] == shared }
            }
            description["sharedNumber"] = [
                "phoneNumber": shared,
                "customerIndex": company.customers.firstIndex { $0.phoneNumber == shared } ?? -1,
                "contacts": sharing.map { ["id": $0.id, "name": $0.name] },
            ] as [String: Any]
        }
        return description
    }

    /// Reads a control request, refusing unknown fields and wrong types by name.
    static func callRequest(from data: Data) throws(CallRequestError) -> CallRequest {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw CallRequestError(field: "body", message: "must be a JSON object")
        }
        let known: Set<String> = ["extensionNumber", "customer", "number", "direction", "outcome", "ringSeconds", "talkSeconds", "recorded"]
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw CallRequestError(field: unknown, message: "is not a field of a sandbox call; known: \(known.sorted().joined(separator: ", "))")
        }
        let fields: Fields
        do {
            fields = try JSONDecoder().decode(Fields.self, from: data)
        } catch let error as DecodingError {
            throw Self.fieldError(error)
        } catch {
            throw CallRequestError(field: "body", message: "could not be read")
        }
        guard let extensionNumber = fields.extensionNumber else {
            throw CallRequestError(field: "extensionNumber", message: "is required")
        }
        var request = CallRequest(extensionNumber: extensionNumber, customer: fields.customer, number: fields.number)
        if let direction = fields.direction {
            guard let value = CallRequest.Direction(rawValue: direction) else {
                throw CallRequestError(field: "direction", message: "must be inbound or outbound")
            }
            request.direction = value
        }
        if let outcome = fields.outcome {
            guard let value = ScriptedCall.Outcome(rawValue: outcome) else {
                throw CallRequestError(field: "outcome", message: "must be answered, missed or voicemail")
            }
            request.outcome = value
        }
        request.ringSeconds = fields.ringSeconds ?? request.ringSeconds
        request.talkSeconds = fields.talkSeconds ?? request.talkSeconds
        request.recorded = fields.recorded ?? request.recorded
        return request
    }

    private struct Fields: Decodable {
        var extensionNumber: String?
        var customer: Int?
        var number: String?
        var direction: String?
        var outcome: String?
        var ringSeconds: Double?
        var talkSeconds: Double?
        var recorded: Bool?
    }

    private static func fieldError(_ error: DecodingError) -> CallRequestError {
        switch error {
        case .typeMismatch(let type, let context):
            return CallRequestError(field: context.codingPath.last?.stringValue ?? "body", message: "must be \(Self.typeName(type))")
        case .valueNotFound(let type, let context):
            return CallRequestError(field: context.codingPath.last?.stringValue ?? "body", message: "must be \(Self.typeName(type)), not null")
        case .keyNotFound(let key, _):
            return CallRequestError(field: key.stringValue, message: "is required")
        case .dataCorrupted(let context):
            return CallRequestError(field: context.codingPath.last?.stringValue ?? "body", message: "is not valid: \(context.debugDescription)")
        @unknown default:
            return CallRequestError(field: "body", message: "could not be read")
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Bool.Type: "true or false"
        case is Int.Type: "an integer"
        case is Double.Type: "a number"
        default: "a string"
        }
    }

    /// Callscribe's error shape, `{"error": {"code", "message", "field"}}`.
    static func controlError(_ error: CallRequestError) -> [String: Any] {
        ["error": ["code": "invalid_field", "message": error.description, "field": error.field]]
    }
}
