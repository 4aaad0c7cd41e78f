import Foundation
import Hummingbird
import Synchronization

extension PipedriveSandbox {
    /// The company's id, as call logs carry it.
    static let companyID = 7_700_001

    /// The call logs made so far (deleted ones are gone), in the order they were made.
    public var callLogs: [PipedriveSandboxCallLog] {
        self.state.withLock { $0.callLogs }
    }

    /// The call log activity `activityID` became, if it did.
    public func callLog(ofActivity activityID: Int) -> PipedriveSandboxCallLog? {
        self.state.withLock { $0.callLogs.first { $0.activityID == activityID } }
    }

    /// Gives call log `id` a recording, as `POST /v1/callLogs/{id}/recordings` would (which the sandbox does not serve).
    public func attachRecording(toCallLog id: String) {
        self.state.withLock { state in
            guard let index = state.callLogs.firstIndex(where: { $0.id == id }) else { return }
            state.callLogs[index].hasRecording = true
        }
    }

    /// `/v1/callLogs` (also under `/api/v1`, as on a company domain): add, list the user's, read, delete.
    func addCallLogRoutes(to router: Router<BasicRequestContext>) {
        for base in ["/v1/callLogs", "/api/v1/callLogs"] {
            router.post(RouterPath(base)) { request, _ in
                await self.serve(request, operation: "callLogs.create") { _, body throws(PipedriveSandboxError) in
                    .json(200, PipedriveSandboxEnvelope(data: try self.createCallLog(PipedriveSandbox.decodeFields(body))))
                }
            }
            router.get(RouterPath(base)) { request, _ in
                await self.serve(request, operation: "callLogs.list") { query, _ throws(PipedriveSandboxError) in
                    .json(200, try self.listCallLogs(start: query.get("start"), limit: query.get("limit")))
                }
            }
            router.get(RouterPath(base + "/:id")) { request, context in
                let id = context.parameters.get("id") ?? ""
                return await self.serve(request, operation: "callLogs.get") { _, _ throws(PipedriveSandboxError) in
                    guard let log = self.state.withLock({ $0.callLogs.first { $0.id == id } }) else { throw .notFound("Call log") }
                    return .json(200, PipedriveSandboxEnvelope(data: PipedriveCallLogJSON(callLog: log, companyID: PipedriveSandbox.companyID)))
                }
            }
            router.delete(RouterPath(base + "/:id")) { request, context in
                let id = context.parameters.get("id") ?? ""
                return await self.serve(request, operation: "callLogs.delete") { _, _ throws(PipedriveSandboxError) in
                    try self.deleteCallLog(id: id)
                    return .json(200, PipedriveSandboxSuccess())
                }
            }
        }
    }

    /// `POST /v1/callLogs`: with `activity_id`, that call activity becomes the call log (done, keeping
    /// its person, organization and deal, taking the subject and note sent); without, a done call
    /// activity is made for it. An activity becomes at most one call log: a second answers 409.
    ///
    /// Unverified and assumed here: that 409, that a converted activity can still be PATCHed (the
    /// sandbox allows it), and that deleting a call log frees its activity to be converted again.
    func createCallLog(_ body: [String: PipedriveJSONValue]) throws(PipedriveSandboxError) -> PipedriveCallLogJSON {
        let checked = try PipedriveCallLogValidator.validated(body)
        let log = try self.state.withLock { state throws(PipedriveSandboxError) -> PipedriveSandboxCallLog in
            let now = Date()
            var activity: PipedriveSandboxActivity
            if let activityID = checked.activityID {
                guard let found = state.activity(activityID) else { throw .notFound("Activity") }
                guard found.type == "call" else { throw .badRequest("The activity_id must refer to a call type activity") }
                guard found.callLogID == nil else { throw .conflict("Activity \(activityID) is already converted into a call log") }
                activity = found
                activity.subject = checked.subject ?? activity.subject
                activity.note = checked.note ?? activity.note
            } else {
                if let personID = checked.personID, state.person(personID) == nil { throw .validation("person_id", "person \(personID) does not exist") }
                try PipedriveSandbox.checkDeal(checked.dealID, in: state)
                activity = PipedriveSandboxActivity(
                    id: state.nextActivityID, subject: checked.subject ?? "Call", type: "call", ownerID: checked.userID ?? PipedriveSandbox.ownerID,
                    done: true, busy: false, note: checked.note, participants: checked.personID.map { [.init(personID: $0, primary: true)] } ?? [],
                    dealID: checked.dealID, orgID: checked.orgID, addTime: now, updateTime: now, sentFields: []
                )
                state.nextActivityID += 1
            }
            state.callLogsMade += 1
            let log = PipedriveSandboxCallLog(
                // Without `user_id` a call log is the authorized user's, as Pipedrive's objects are by default.
                id: String(format: "CL%010x", state.callLogsMade), activityID: activity.id, userID: checked.userID ?? PipedriveSandbox.ownerID,
                outcome: checked.outcome, fromPhoneNumber: checked.fromPhoneNumber, toPhoneNumber: checked.toPhoneNumber,
                startTime: checked.startTime, endTime: checked.endTime, duration: checked.duration, subject: checked.subject ?? activity.subject,
                note: checked.note, personID: activity.personID, orgID: activity.orgID, dealID: activity.dealID, sentFields: checked.sentFields
            )
            activity.done = true
            activity.callLogID = log.id
            activity.updateTime = now
            state.store(activity)
            state.callLogs.append(log)
            return log
        }
        return PipedriveCallLogJSON(callLog: log, companyID: PipedriveSandbox.companyID)
    }

    /// `GET /v1/callLogs?start=&limit=`: the API user's call logs, oldest first, at most 50 a page.
    func listCallLogs(start: String?, limit: String?) throws(PipedriveSandboxError) -> PipedriveSandboxEnvelope<[PipedriveCallLogJSON]?> {
        guard let first = start.map({ Int($0) }) ?? 0, first >= 0 else { throw .validation("start", "must be a non-negative integer") }
        guard let size = limit.map({ Int($0) }) ?? 50, (1...50).contains(size) else { throw .validation("limit", "must be an integer between 1 and 50") }
        let mine = self.state.withLock { $0.callLogs }.filter { $0.userID == PipedriveSandbox.ownerID }
        let page = Array(mine.dropFirst(first).prefix(size))
        let more = first + page.count < mine.count
        let pagination = PipedriveSandboxEnvelope<[PipedriveCallLogJSON]?>.AdditionalData.Pagination(
            start: first, limit: size, moreItemsInCollection: more, nextStart: more ? first + page.count : nil
        )
        // API v1 answers an empty list with `data: null`.
        let data = page.isEmpty ? nil : page.map { PipedriveCallLogJSON(callLog: $0, companyID: PipedriveSandbox.companyID) }
        return PipedriveSandboxEnvelope(data: data, additionalData: .init(pagination: pagination))
    }

    /// `DELETE /v1/callLogs/{id}`: the call log goes; its activity stays, and may become a call log again.
    func deleteCallLog(id: String) throws(PipedriveSandboxError) {
        try self.state.withLock { state throws(PipedriveSandboxError) in
            guard let index = state.callLogs.firstIndex(where: { $0.id == id }) else { throw .notFound("Call log") }
            let log = state.callLogs.remove(at: index)
            if var activity = state.activity(log.activityID) {
                activity.callLogID = nil
                state.store(activity)
            }
        }
    }
}

