import Foundation
import ScribeCore
import Synchronization

extension ClioSandbox {
    /// The user `who_am_i` describes.
    func whoAmI() -> JSONValue {
        .object([
            "id": .int(ClioSandboxSeed.userID), "etag": .string(ClioSandbox.etag(ClioSandboxSeed.userID, .distantPast)),
            "name": .string(ClioSandboxSeed.userName), "time_zone": .string("America/Los_Angeles"), "email": .string("ada.park@example.com"),
        ])
    }

    /// Contacts whose name, email or any phone number *as stored* contains `query`, case-insensitively.
    ///
    /// Clio's `query` is a wildcard text search over the stored strings; it does not normalise phone
    /// numbers, so `+14155550123` finds only a number stored with those very characters, and
    /// `(415) 555-0124` only its own format. That is why AppConnect sends one query per
    /// user-configured format mask (AppConnect `docs/crm/clio.md` and `findContact` [V]).
    func searchContacts(query: String?, type: String?) -> [ClioSandboxContact] {
        self.state.withLock { state in
            state.contacts.filter { contact in
                if let type, contact.type != type { return false }
                guard let query = query?.lowercased(), !query.isEmpty else { return true }
                return contact.name.lowercased().contains(query) || (contact.email?.lowercased().contains(query) ?? false)
                    || contact.phoneNumbers.contains { $0.number.lowercased().contains(query) }
            }
        }
    }

    func contactJSON(id: Int) throws(ClioSandboxError) -> JSONValue {
        guard let contact = self.state.withLock({ $0.contact(id) }) else { throw .notFound("Contact") }
        return contact.json
    }

    /// `POST /api/v4/contacts.json`: a `Person` (a `name`, or `first_name`/`last_name`) or a `Company` (`name`).
    func createContact(_ data: [String: JSONValue]) throws(ClioSandboxError) -> ClioSandboxContact {
        try ClioRecordValidator.onlyKnown(data, ClioRecordValidator.contactFields)
        guard let type = data["type"]?.string else { throw .validation("type", "can't be blank") }
        guard type == "Person" || type == "Company" else { throw .validation("type", "must be Person or Company") }
        let name = try data["name"].map { value throws(ClioSandboxError) in try ClioRecordValidator.text(value, field: "name", required: false) }
        var first = try data["first_name"].map { value throws(ClioSandboxError) in try ClioRecordValidator.text(value, field: "first_name", required: false) }
        var last = try data["last_name"].map { value throws(ClioSandboxError) in try ClioRecordValidator.text(value, field: "last_name", required: false) }
        if type == "Person", first == nil, last == nil, let name {
            // A person sent with `name` only (as AppConnect does) is split at the last space.
            let parts = name.split(separator: " ")
            first = parts.dropLast().joined(separator: " ")
            last = parts.last.map(String.init)
        }
        let display = type == "Person" ? [first, last].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ") : (name ?? "")
        guard !display.isEmpty else { throw .validation(type == "Person" ? "last_name" : "name", "can't be blank") }
        var phones: [(name: String, number: String, isDefault: Bool)] = []
        if let value = data["phone_numbers"] {
            guard let items = value.array else { throw .validation("phone_numbers", "must be an array") }
            for item in items {
                guard let object = item.object, let number = object["number"]?.string, !number.isEmpty else { throw .validation("phone_numbers.number", "can't be blank") }
                let label = object["name"]?.string ?? "Work"
                guard ClioRecordValidator.phoneNames.contains(label) else { throw .validation("phone_numbers.name", "is not included in the list") }
                phones.append((label, number, object["default_number"]?.bool ?? false))
            }
        }
        let now = Date()
        return self.state.withLock { state in
            let hasDefault = phones.contains { $0.isDefault }
            let numbers = phones.enumerated().map { index, phone in
                defer { state.nextPhoneID += 1 }
                return ClioSandboxContact.PhoneNumber(id: state.nextPhoneID, name: phone.name, number: phone.number, defaultNumber: phone.isDefault || (!hasDefault && index == 0))
            }
            let contact = ClioSandboxContact(
                id: state.nextContactID, type: type, firstName: type == "Person" ? first : nil, lastName: type == "Person" ? last : nil,
                name: display, phoneNumbers: numbers, email: nil, createdAt: now, updatedAt: now
            )
            state.nextContactID += 1
            state.contacts.append(contact)
            return contact
        }
    }

    /// Matters whose client is `clientID` (all when nil), of the given statuses (comma-separated, any case).
    func matterJSON(clientID: Int?, status: String?) -> [JSONValue] {
        let statuses = status.map { Set($0.lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
        return self.state.withLock { state in
            state.matters.filter { matter in
                (clientID == nil || matter.clientID == clientID) && (statuses?.contains(matter.status.lowercased()) ?? true)
            }.map { $0.json(client: state.contact($0.clientID)) }
        }
    }

    /// The relationships (matters someone else is client of) of `contactID`.
    func relationshipJSON(contactID: Int?) -> [JSONValue] {
        self.state.withLock { state in
            state.relationships.filter { contactID == nil || $0.contactID == contactID }.map { relationship in
                let matter = state.matter(relationship.matterID)
                return .object([
                    "id": .int(relationship.id), "etag": .string(ClioSandbox.etag(relationship.id, .distantPast)), "description": .string(relationship.description),
                    "matter": matter.map { $0.json(client: state.contact($0.clientID)) } ?? .null,
                    "contact": state.contact(relationship.contactID)?.reference ?? .null,
                ])
            }
        }
    }

    /// `POST /api/v4/communications.json`: `type`, `subject` and `body` are required (Clio's OpenAPI document).
    func createCommunication(_ data: [String: JSONValue]) throws(ClioSandboxError) -> JSONValue {
        try ClioRecordValidator.onlyKnown(data, ClioRecordValidator.communicationFields)
        for field in ["type", "subject", "body"] where data[field] == nil {
            throw .validation(field, "can't be blank")
        }
        let now = Date()
        return try self.state.withLock { state throws(ClioSandboxError) in
            var communication = ClioSandboxCommunication(
                id: state.nextCommunicationID, type: "", subject: "", body: "", receivedAt: ClioSandbox.timestamp(now),
                senders: [], receivers: [], matterID: nil, notificationSubscribers: [], createdAt: now, updatedAt: now
            )
            try ClioSandbox.apply(data, to: &communication, state: state)
            state.nextCommunicationID += 1
            state.store(communication)
            return ClioSandbox.json(communication, state: state)
        }
    }

    /// `PATCH /api/v4/communications/{id}.json`: only the fields sent change.
    func updateCommunication(id: Int, _ data: [String: JSONValue]) throws(ClioSandboxError) -> JSONValue {
        try ClioRecordValidator.onlyKnown(data, ClioRecordValidator.communicationFields)
        return try self.state.withLock { state throws(ClioSandboxError) in
            guard var communication = state.communication(id) else { throw .notFound("Communication") }
            try ClioSandbox.apply(data, to: &communication, state: state)
            communication.updatedAt = max(Date(), communication.updatedAt.addingTimeInterval(0.001))
            state.store(communication)
            return ClioSandbox.json(communication, state: state)
        }
    }

    func communicationJSON(id: Int) throws(ClioSandboxError) -> JSONValue {
        try self.state.withLock { state throws(ClioSandboxError) in
            guard let communication = state.communication(id) else { throw .notFound("Communication") }
            return ClioSandbox.json(communication, state: state)
        }
    }

    func deleteCommunication(id: Int) throws(ClioSandboxError) {
        guard self.state.withLock({ $0.removeCommunication(id) }) else { throw .notFound("Communication") }
    }

    /// Communications whose subject or body contains `query` (case-insensitively), optionally only
    /// those with `contactID` among senders or receivers, on `matterID`, of `type`. This is how a
    /// logger finds its own record again by the marker it wrote into the body.
    func communicationJSON(query: String?, contactID: Int?, matterID: Int?, type: String?) -> [JSONValue] {
        self.state.withLock { state in
            state.communications.filter { communication in
                if let type, communication.type != type { return false }
                if let matterID, communication.matterID != matterID { return false }
                if let contactID, !(communication.senders + communication.receivers).contains(where: { $0.type == "Contact" && $0.id == contactID }) { return false }
                guard let query = query?.lowercased(), !query.isEmpty else { return true }
                return communication.subject.lowercased().contains(query) || communication.body.lowercased().contains(query)
            }.map { ClioSandbox.json($0, state: state) }
        }
    }

    private static func apply(_ data: [String: JSONValue], to communication: inout ClioSandboxCommunication, state: ClioSandboxState) throws(ClioSandboxError) {
        if let value = data["type"] {
            guard let type = value.string, ClioRecordValidator.communicationTypes.contains(type) else {
                throw .validation("type", "must be PhoneCommunication or EmailCommunication")
            }
            communication.type = type
        }
        if let value = data["subject"] { communication.subject = try ClioRecordValidator.text(value, field: "subject", required: true) }
        if let value = data["body"] { communication.body = try ClioRecordValidator.text(value, field: "body", required: false) }
        if let value = data["received_at"] ?? data["date"] { communication.receivedAt = try ClioRecordValidator.timestamp(value, field: data["received_at"] != nil ? "received_at" : "date") }
        if let value = data["senders"] { communication.senders = try ClioRecordValidator.parties(value, field: "senders", state: state) }
        if let value = data["receivers"] { communication.receivers = try ClioRecordValidator.parties(value, field: "receivers", state: state) }
        if let value = data["matter"] { communication.matterID = try ClioRecordValidator.matter(value, state: state) }
        if let value = data["notification_event_subscribers"] {
            guard let items = value.array else { throw .validation("notification_event_subscribers", "must be an array") }
            var ids: [Int] = []
            for item in items {
                guard let id = item.object?["user_id"]?.integer else { throw .validation("notification_event_subscribers", "entries need a user_id") }
                ids.append(id)
            }
            communication.notificationSubscribers = ids
        }
    }

    static func json(_ communication: ClioSandboxCommunication, state: ClioSandboxState) -> JSONValue {
        func party(_ party: ClioSandboxCommunication.Party) -> JSONValue {
            let name = party.type == "User" ? ClioSandboxSeed.userName : state.contact(party.id)?.name ?? ""
            return .object(["id": .int(party.id), "type": .string(party.type), "name": .string(name), "etag": .string(ClioSandbox.etag(party.id, .distantPast))])
        }
        let matter = communication.matterID.flatMap { state.matter($0) }
        return .object([
            "id": .int(communication.id), "etag": .string(ClioSandbox.etag(communication.id, communication.updatedAt)),
            "type": .string(communication.type), "subject": .string(communication.subject), "body": .string(communication.body),
            "received_at": .string(communication.receivedAt), "date": .string(String(communication.receivedAt.prefix(10))),
            "senders": .array(communication.senders.map(party)), "receivers": .array(communication.receivers.map(party)),
            "matter": matter.map { $0.json(client: state.contact($0.clientID)) } ?? .null,
            "created_at": .string(ClioSandbox.timestamp(communication.createdAt)), "updated_at": .string(ClioSandbox.timestamp(communication.updatedAt)),
        ])
    }
}
