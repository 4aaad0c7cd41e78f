import Foundation
import ScribeCore
import Synchronization

/// What each API operation does to the company, independent of HTTP.
extension PipedriveSandbox {
    /// The query of a list or search, already read.
    struct Page {
        var limit: Int
        var offset: Int

        /// `limit` (1…500, default 100) and the opaque `cursor` this sandbox hands out (an offset).
        init(limit: String?, cursor: String?) throws(PipedriveSandboxError) {
            guard let limit = limit.map({ Int($0) }) ?? 100, (1...500).contains(limit) else {
                throw .validation("limit", "must be an integer between 1 and 500")
            }
            self.limit = limit
            guard let offset = cursor.map({ PipedriveSandbox.offset(fromCursor: $0) }) ?? 0 else {
                throw .validation("cursor", "invalid cursor")
            }
            self.offset = offset
        }

        /// This page of `items`, and the cursor of the next page when there is one.
        func slice<Item>(_ items: [Item]) -> ([Item], String?) {
            let page = Array(items.dropFirst(self.offset).prefix(self.limit))
            let end = self.offset + page.count
            return (page, end < items.count ? PipedriveSandbox.cursor(forOffset: end) : nil)
        }
    }

    static func cursor(forOffset offset: Int) -> String {
        Data("offset:\(offset)".utf8).base64EncodedString()
    }

    static func offset(fromCursor cursor: String) -> Int? {
        guard let data = Data(base64Encoded: cursor), let text = String(data: data, encoding: .utf8), text.hasPrefix("offset:") else { return nil }
        return Int(text.dropFirst("offset:".count)).flatMap { $0 >= 0 ? $0 : nil }
    }

    static let searchableFields: Set<String> = ["custom_fields", "email", "notes", "phone", "name"]

    /// `GET /api/v2/persons/search`: `term` against the stored text of the chosen fields, equal (case-insensitive)
    /// with `exact_match`, contained in it otherwise.
    func searchPersons(term: String?, fields: String?, exactMatch: String?, page: Page) throws(PipedriveSandboxError) -> PipedriveSandboxEnvelope<[String: [PipedriveSearchHitJSON]]> {
        guard let term = term?.trimmingCharacters(in: .whitespaces), !term.isEmpty else {
            throw .validation("term", "is required")
        }
        let exact: Bool
        switch exactMatch?.lowercased() {
        case nil, "false", "0": exact = false
        case "true", "1": exact = true
        default: throw .validation("exact_match", "must be boolean")
        }
        guard term.count >= (exact ? 1 : 2) else {
            throw .validation("term", "must be at least \(exact ? 1 : 2) characters long")
        }
        let chosen = Set((fields ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        if let unknown = chosen.subtracting(PipedriveSandbox.searchableFields).sorted().first {
            throw .validation("fields", "unknown field \(unknown)")
        }
        let searched = chosen.isEmpty ? PipedriveSandbox.searchableFields : chosen
        let wanted = term.lowercased()
        func matches(_ stored: String) -> Bool {
            let text = stored.lowercased()
            return exact ? text.trimmingCharacters(in: .whitespaces) == wanted : text.contains(wanted)
        }
        let persons = self.state.withLock { $0.persons }
        let found: [(person: PipedriveSandboxPerson, score: Double)] = persons.compactMap { person in
            if searched.contains("name") && matches(person.name) {
                return (person, exact ? 1 : PipedriveSandbox.nameScore(person.name, term: wanted))
            }
            if searched.contains("phone") && person.phones.contains(where: { matches($0.value) }) { return (person, exact ? 1 : 0.5) }
            return nil
        }
        // Pipedrive lists the best-scored hits first; equal scores stay in id order.
        let ranked = found.enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }.map(\.element)
        let (items, next) = page.slice(ranked)
        return PipedriveSandboxEnvelope(
            data: ["items": items.map { PipedriveSearchHitJSON(person: $0.person, score: $0.score) }],
            additionalData: .init(nextCursor: next)
        )
    }

    /// The `result_score` of a name containing `term` (both lowercased by the caller or not): higher the
    /// more of the name the term covers, and higher still when the term starts a word of it; in (0.5, 1].
    static func nameScore(_ name: String, term: String) -> Double {
        let name = name.lowercased()
        let coverage = Double(term.count) / Double(max(name.count, term.count, 1))
        let startsWord = name.split { !($0.isLetter || $0.isNumber) }.contains { $0.hasPrefix(term) }
        return 0.5 + 0.25 * coverage + (startsWord ? 0.25 : 0)
    }

    /// `GET /api/v2/persons`: by id order, optionally only `ids` (up to 100; unknown ones left out).
    func listPersons(ids: String?, page: Page) throws(PipedriveSandboxError) -> PipedriveSandboxEnvelope<[PipedrivePersonJSON]> {
        let wanted = try PipedriveSandbox.idList(ids, name: "ids")
        let persons = self.state.withLock { $0.persons }.filter { wanted?.contains($0.id) ?? true }
        let (items, next) = page.slice(persons)
        return PipedriveSandboxEnvelope(data: items.map { PipedrivePersonJSON(person: $0) }, additionalData: .init(nextCursor: next))
    }

    func readPerson(id: String) throws(PipedriveSandboxError) -> PipedriveSandboxEnvelope<PipedrivePersonJSON> {
        guard let person = Int(id).flatMap({ id in self.state.withLock { $0.person(id) } }) else { throw .notFound("Person") }
        return PipedriveSandboxEnvelope(data: PipedrivePersonJSON(person: person))
    }

    /// `POST /api/v2/persons`: stored with the name split at its first space into first and last name.
    func createPerson(_ body: [String: PipedriveJSONValue]) throws(PipedriveSandboxError) -> PipedriveSandboxPerson {
        let checked = try PipedrivePersonValidator.validated(body)
        return self.state.withLock { state in
            let now = Date()
            let words = checked.name.split(separator: " ", maxSplits: 1)
            let person = PipedriveSandboxPerson(
                id: state.nextPersonID, name: checked.name, firstName: words.first.map(String.init) ?? "",
                lastName: words.count > 1 ? String(words[1]) : "", phones: checked.phones, orgID: checked.orgID, orgName: nil,
                addTime: now, updateTime: now
            )
            state.nextPersonID += 1
            state.add(person)
            return person
        }
    }

    /// `POST /api/v2/activities`.
    func createActivity(_ body: [String: PipedriveJSONValue]) throws(PipedriveSandboxError) -> PipedriveSandboxActivity {
        try self.state.withLock { state throws(PipedriveSandboxError) -> PipedriveSandboxActivity in
            let checked = try PipedriveActivityValidator.validated(body) { state.person($0) != nil }
            try PipedriveSandbox.checkDeal(checked.dealID, in: state)
            let now = Date()
            let primary = checked.participants.first(where: \.primary).flatMap { state.person($0.personID) }
            let activity = PipedriveSandboxActivity(
                id: state.nextActivityID, subject: checked.subject ?? checked.type.capitalized, type: checked.type,
                ownerID: checked.ownerID ?? PipedriveSandbox.ownerID, done: checked.done, busy: checked.busy, dueDate: checked.dueDate,
                dueTime: checked.dueTime, duration: checked.duration, note: checked.note, publicDescription: checked.publicDescription,
                participants: checked.participants, dealID: checked.dealID, orgID: checked.orgID ?? primary?.orgID,
                addTime: now, updateTime: now, sentFields: checked.sentFields
            )
            state.nextActivityID += 1
            state.store(activity)
            return activity
        }
    }

    /// `PATCH /api/v2/activities/{id}`: checked as a create is, then only the fields sent are changed.
    func updateActivity(id: String, _ body: [String: PipedriveJSONValue]) throws(PipedriveSandboxError) -> PipedriveSandboxActivity {
        try self.state.withLock { state throws(PipedriveSandboxError) -> PipedriveSandboxActivity in
            guard var activity = Int(id).flatMap({ state.activity($0) }) else { throw .notFound("Activity") }
            let checked = try PipedriveActivityValidator.validated(body) { state.person($0) != nil }
            try PipedriveSandbox.checkDeal(checked.dealID, in: state)
            let sent = Set(checked.sentFields)
            if sent.contains("subject") { activity.subject = checked.subject ?? activity.subject }
            if sent.contains("type") { activity.type = checked.type }
            if sent.contains("done") { activity.done = checked.done }
            if sent.contains("busy") { activity.busy = checked.busy }
            if sent.contains("due_date") { activity.dueDate = checked.dueDate }
            if sent.contains("due_time") { activity.dueTime = checked.dueTime }
            if sent.contains("duration") { activity.duration = checked.duration }
            if sent.contains("note") { activity.note = checked.note }
            if sent.contains("public_description") { activity.publicDescription = checked.publicDescription }
            if sent.contains("participants") { activity.participants = checked.participants }
            if sent.contains("deal_id") { activity.dealID = checked.dealID }
            if sent.contains("org_id") { activity.orgID = checked.orgID }
            activity.updateTime = Date()
            state.store(activity)
            return activity
        }
    }

    func readActivity(id: String) throws(PipedriveSandboxError) -> PipedriveSandboxEnvelope<PipedriveActivityJSON> {
        guard let activity = Int(id).flatMap({ id in self.state.withLock { $0.activity(id) } }) else { throw .notFound("Activity") }
        return PipedriveSandboxEnvelope(data: PipedriveActivityJSON(activity: activity))
    }

    /// `GET /api/v2/activities`: filtered by `ids`, `person_id` (the primary participant) and `done`, sorted by
    /// `id`, `update_time` or `add_time` (ties by id).
    func listActivities(
        ids: String?, personID: String?, done: String?, sortBy: String?, sortDirection: String?, page: Page
    ) throws(PipedriveSandboxError) -> PipedriveSandboxEnvelope<[PipedriveActivityJSON]> {
        let wanted = try PipedriveSandbox.idList(ids, name: "ids")
        let person: Int?? = personID.map { Int($0) }
        if case .some(.none) = person { throw .validation("person_id", "must be integer") }
        let doneFilter: Bool?
        switch done?.lowercased() {
        case nil: doneFilter = nil
        case "true", "1": doneFilter = true
        case "false", "0": doneFilter = false
        default: throw .validation("done", "must be boolean")
        }
        let key = sortBy ?? "id"
        guard ["id", "update_time", "add_time"].contains(key) else { throw .validation("sort_by", "must be one of id, update_time, add_time") }
        let direction = sortDirection ?? "asc"
        guard ["asc", "desc"].contains(direction) else { throw .validation("sort_direction", "must be one of asc, desc") }

        let activities = self.state.withLock { $0.activities }.filter { activity in
            (wanted?.contains(activity.id) ?? true) && (person.flatMap { $0 }.map { activity.personID == $0 } ?? true)
                && (doneFilter.map { activity.done == $0 } ?? true)
        }
        let sorted = activities.sorted { lhs, rhs in
            let order: (Date, Int, Date, Int) =
                switch key {
                case "update_time": (lhs.updateTime, lhs.id, rhs.updateTime, rhs.id)
                case "add_time": (lhs.addTime, lhs.id, rhs.addTime, rhs.id)
                default: (.distantPast, lhs.id, .distantPast, rhs.id)
                }
            let ascending = (order.0, order.1) < (order.2, order.3)
            return direction == "asc" ? ascending : (order.2, order.3) < (order.0, order.1)
        }
        let (items, next) = page.slice(sorted)
        return PipedriveSandboxEnvelope(data: items.map { PipedriveActivityJSON(activity: $0) }, additionalData: .init(nextCursor: next))
    }

    /// `1,2,3` as ids (at most 100), or nil when absent.
    static func idList(_ text: String?, name: String) throws(PipedriveSandboxError) -> Set<Int>? {
        guard let text, !text.isEmpty else { return nil }
        var ids = Set<Int>()
        for part in text.split(separator: ",") {
            guard let id = Int(part.trimmingCharacters(in: .whitespaces)) else { throw .validation(name, "must be a comma separated list of integers") }
            ids.insert(id)
        }
        guard ids.count <= 100 else { throw .validation(name, "at most 100 ids") }
        return ids
    }
}
