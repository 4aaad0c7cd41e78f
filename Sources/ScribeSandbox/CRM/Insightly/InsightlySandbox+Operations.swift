import Foundation
import ScribeCore
import Synchronization

extension InsightlySandbox {
    /// `Contact` or `Lead`, for the `contacts`/`leads` paths.
    enum PersonKind: String {
        case contact = "Contact"
        case lead = "Lead"
    }

    func me() -> JSONValue {
        .object([
            "USER_ID": .int(InsightlySandboxSeed.userID), "FIRST_NAME": .string("Ada"), "LAST_NAME": .string("Park"),
            "EMAIL_ADDRESS": .string("ada.park@example.com"), "TIMEZONE_ID": .string("Pacific Standard Time"), "ADMINISTRATOR": .bool(true),
        ])
    }

    /// Contacts or leads whose `fieldName` equals `fieldValue` *as stored*, ignoring case only.
    ///
    /// Insightly's search is an exact match on the stored string: `4155550127` does not find
    /// `(415) 555-0127`, which is why AppConnect tries the national number and then up to three
    /// user-defined format masks, one request each, and asks `PHONE` then `PHONE_MOBILE` (`MOBILE` on
    /// leads) (AppConnect `docs/crm/insightly.md` and `findContact` [V]). A field the object does not
    /// have is a 400 naming it (AppConnect skips such custom phone fields on 4xx [V]).
    func search(_ kind: PersonKind, fieldName: String?, fieldValue: String?) throws(InsightlySandboxError) -> [InsightlySandboxPerson] {
        guard let fieldName, !fieldName.isEmpty else { throw .validation("field_name", "is required") }
        guard let fieldValue else { throw .validation("field_value", "is required") }
        return try self.state.withLock { state throws(InsightlySandboxError) in
            let people = kind == .contact ? state.contacts : state.leads
            guard let sample = people.first, sample.searchable.keys.contains(fieldName) else {
                throw .validation("field_name", "'\(fieldName)' is not a valid field for \(kind.rawValue)")
            }
            return people.filter { ($0.searchable[fieldName] ?? nil)?.lowercased() == fieldValue.lowercased() }
        }
    }

    func people(_ kind: PersonKind) -> [InsightlySandboxPerson] {
        self.state.withLock { kind == .contact ? $0.contacts : $0.leads }
    }

    func personJSON(_ people: [InsightlySandboxPerson], brief: Bool) -> [JSONValue] {
        self.state.withLock { state in people.map { $0.json(links: state.links(of: $0.kind, $0.id), brief: brief) } }
    }

    func person(_ kind: PersonKind, id: Int) throws(InsightlySandboxError) -> JSONValue {
        guard let person = self.people(kind).first(where: { $0.id == id }) else { throw .notFound(kind.rawValue) }
        return self.personJSON([person], brief: false)[0]
    }

    /// `POST /v3.1/contacts` or `/v3.1/leads`: `LAST_NAME` is required on a lead, a name of some kind on a contact.
    func createPerson(_ kind: PersonKind, _ object: [String: JSONValue]) throws(InsightlySandboxError) -> JSONValue {
        try InsightlyRecordValidator.onlyKnown(object, kind == .contact ? InsightlyRecordValidator.contactFields : InsightlyRecordValidator.leadFields)
        let first = try InsightlyRecordValidator.text(object, "FIRST_NAME") ?? ""
        let last = kind == .lead ? try InsightlyRecordValidator.required(object, "LAST_NAME") : try InsightlyRecordValidator.text(object, "LAST_NAME") ?? ""
        if first.isEmpty, last.isEmpty { throw .validation("FIRST_NAME", "is required") }
        let phone = try InsightlyRecordValidator.text(object, "PHONE")
        let mobile = try InsightlyRecordValidator.text(object, kind == .contact ? "PHONE_MOBILE" : "MOBILE")
        let email = try InsightlyRecordValidator.text(object, kind == .contact ? "EMAIL_ADDRESS" : "EMAIL")
        let organisationName = kind == .lead ? try InsightlyRecordValidator.text(object, "ORGANISATION_NAME") : nil
        let organisationID = object["ORGANISATION_ID"].flatMap { $0.isNull ? nil : $0 }
        if let organisationID, organisationID.integer == nil { throw .validation("ORGANISATION_ID", "must be an integer") }
        return try self.state.withLock { state throws(InsightlySandboxError) in
            if let id = organisationID?.integer, !state.exists("Organisation", id) { throw .validation("ORGANISATION_ID", "refers to an Organisation that does not exist") }
            let id = kind == .contact ? state.nextContactID : state.nextLeadID
            let person = InsightlySandboxPerson(
                kind: kind.rawValue, id: id, firstName: first, lastName: last, phone: phone, mobile: mobile, email: email,
                organisationID: organisationID?.integer, organisationName: organisationName, created: Date()
            )
            if kind == .contact {
                state.nextContactID += 1
                state.contacts.append(person)
            } else {
                state.nextLeadID += 1
                state.leads.append(person)
            }
            return person.json(links: [], brief: false)
        }
    }

    /// An organisation or opportunity by id.
    func related(_ kind: String, id: Int) throws(InsightlySandboxError) -> JSONValue {
        guard let record = self.state.withLock({ $0.related.first { $0.kind == kind && $0.id == id } }) else { throw .notFound(kind) }
        return record.json
    }

    /// `POST /v3.1/events`: `TITLE`, `START_DATE_UTC` and `END_DATE_UTC` are required; the end may not precede the start.
    func createEvent(_ object: [String: JSONValue]) throws(InsightlySandboxError) -> JSONValue {
        try InsightlyRecordValidator.onlyKnown(object, InsightlyRecordValidator.eventFields)
        let now = Date()
        var event = InsightlySandboxEvent(id: 0, title: "", location: nil, start: "", end: "", allDay: false, details: nil, ownerUserID: InsightlySandboxSeed.userID, created: now, updated: now)
        try InsightlySandbox.apply(object, to: &event, replacing: true)
        return self.state.withLock { state in
            event.id = state.nextEventID
            state.nextEventID += 1
            state.store(event)
            return event.json(links: [])
        }
    }

    /// `PUT /v3.1/events`: the event named by `EVENT_ID`; the fields sent replace the stored ones,
    /// fields left out keep their values, and a field is cleared only by sending it null (the v3.1 API
    /// reference: "PUT requests don't require all fields… use NULL") [V].
    func updateEvent(_ object: [String: JSONValue]) throws(InsightlySandboxError) -> JSONValue {
        try InsightlyRecordValidator.onlyKnown(object, InsightlyRecordValidator.eventFields)
        guard let id = object["EVENT_ID"]?.integer else { throw .validation("EVENT_ID", "is required") }
        return try self.state.withLock { state throws(InsightlySandboxError) in
            guard var event = state.event(id) else { throw .notFound("Event") }
            try InsightlySandbox.apply(object, to: &event, replacing: false)
            event.updated = Date()
            state.store(event)
            return event.json(links: state.links(of: "Event", id))
        }
    }

    func eventJSON(id: Int) throws(InsightlySandboxError) -> JSONValue {
        try self.state.withLock { state throws(InsightlySandboxError) in
            guard let event = state.event(id) else { throw .notFound("Event") }
            return event.json(links: state.links(of: "Event", id))
        }
    }

    func deleteEvent(id: Int) throws(InsightlySandboxError) {
        guard self.state.withLock({ $0.removeEvent(id) }) else { throw .notFound("Event") }
    }

    /// Every event, or those whose `fieldName` (`TITLE` or `LOCATION`) equals `fieldValue` exactly, ignoring case.
    func eventsJSON(fieldName: String?, fieldValue: String?, brief: Bool) throws(InsightlySandboxError) -> [JSONValue] {
        if let fieldName {
            guard fieldName == "TITLE" || fieldName == "LOCATION" else { throw .validation("field_name", "'\(fieldName)' is not a valid field for Event") }
            guard fieldValue != nil else { throw .validation("field_value", "is required") }
        }
        return self.state.withLock { state in
            state.events.filter { event in
                guard let fieldName, let fieldValue else { return true }
                let stored = fieldName == "TITLE" ? event.title : event.location
                return stored?.lowercased() == fieldValue.lowercased()
            }.map { event in
                guard brief, case .object(var fields) = event.json(links: []) else { return event.json(links: state.links(of: "Event", event.id)) }
                fields["CUSTOMFIELDS"] = nil
                fields["LINKS"] = nil
                return .object(fields)
            }
        }
    }

    /// `POST /v3.1/events/{id}/links`: links the event to a contact, lead, organisation or opportunity that exists.
    func linkEvent(id: Int, _ object: [String: JSONValue]) throws(InsightlySandboxError) -> JSONValue {
        try InsightlyRecordValidator.onlyKnown(object, ["LINK_ID", "OBJECT_NAME", "OBJECT_ID", "LINK_OBJECT_NAME", "LINK_OBJECT_ID", "ROLE", "DETAILS", "RELATIONSHIP_ID", "IS_FORWARD"])
        let name = try InsightlyRecordValidator.required(object, "LINK_OBJECT_NAME")
        guard InsightlyRecordValidator.linkTargets.contains(name.lowercased()) else { throw .validation("LINK_OBJECT_NAME", "'\(name)' is not a valid link object") }
        guard let target = object["LINK_OBJECT_ID"]?.integer else { throw .validation("LINK_OBJECT_ID", "is required") }
        let role = try InsightlyRecordValidator.text(object, "ROLE")
        let details = try InsightlyRecordValidator.text(object, "DETAILS")
        return try self.state.withLock { state throws(InsightlySandboxError) in
            guard state.event(id) != nil else { throw .notFound("Event") }
            guard state.exists(name, target) else { throw .validation("LINK_OBJECT_ID", "refers to a \(name) that does not exist") }
            let link = InsightlySandboxLink(linkID: state.nextLinkID, objectName: "Event", objectID: id, linkObjectName: name, linkObjectID: target, role: role, details: details)
            state.nextLinkID += 1
            state.links.append(link)
            return link.json
        }
    }

    func eventLinks(id: Int) throws(InsightlySandboxError) -> [JSONValue] {
        try self.state.withLock { state throws(InsightlySandboxError) in
            guard state.event(id) != nil else { throw .notFound("Event") }
            return state.links(of: "Event", id).map(\.json)
        }
    }

    /// Sets the fields `object` carries; with `replacing`, the required ones must be there.
    private static func apply(_ object: [String: JSONValue], to event: inout InsightlySandboxEvent, replacing: Bool) throws(InsightlySandboxError) {
        if replacing || object["TITLE"] != nil { event.title = try InsightlyRecordValidator.required(object, "TITLE") }
        if replacing || object["START_DATE_UTC"] != nil { event.start = try InsightlyRecordValidator.date(object, "START_DATE_UTC") }
        if replacing || object["END_DATE_UTC"] != nil { event.end = try InsightlyRecordValidator.date(object, "END_DATE_UTC") }
        if event.end < event.start { throw .validation("END_DATE_UTC", "must not be before START_DATE_UTC") }
        if object["LOCATION"] != nil { event.location = try InsightlyRecordValidator.text(object, "LOCATION") }
        if object["DETAILS"] != nil { event.details = try InsightlyRecordValidator.text(object, "DETAILS") }
        if let value = object["ALL_DAY"], !value.isNull {
            guard let allDay = value.bool else { throw .validation("ALL_DAY", "must be a boolean") }
            event.allDay = allDay
        }
        if let value = object["OWNER_USER_ID"], !value.isNull {
            guard value.integer == InsightlySandboxSeed.userID else { throw .validation("OWNER_USER_ID", "refers to a User that does not exist") }
            event.ownerUserID = InsightlySandboxSeed.userID
        }
    }
}
