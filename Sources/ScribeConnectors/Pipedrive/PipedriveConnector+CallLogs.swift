import Foundation
import NIOHTTP1
import ScribeCore

extension PipedriveConnector {
    /// The most pages of the user's call logs read when looking for an activity's (`pages × 50`).
    static let callLogScanPages = 20
    /// `GET /v1/callLogs` lists at most 50 per page.
    static let callLogPageSize = 50

    /// Pipedrive's six call outcomes: a fixed list, so no request is made.
    public func dispositions() async throws(ConnectorError) -> [CallDisposition] {
        PipedriveCallOutcome.dispositions
    }

    /// Turns the call activity `activityID` into the call log `entry` asks for (see
    /// ``PipedriveCallLogInput/init(entry:activityID:)``), carrying the call's outcome, numbers and
    /// times (`POST /v1/callLogs` with `activity_id`).
    ///
    /// A call log cannot be changed. When the activity already is one (Pipedrive's 409) with another
    /// outcome, that call log is deleted (its activity stays) and the activity converted again. The
    /// same outcome is left alone: an earlier attempt wrote it. A call log that cannot be replaced (not
    /// among the API user's, or holding a recording that deleting would lose) keeps its outcome; that
    /// is an error only when a person chose the new one.
    func writeCallLog(of activityID: Int, for entry: CallLogEntry, operation: String) async throws(ConnectorError) {
        guard let input = PipedriveCallLogInput(entry: entry, activityID: activityID) else { return }
        do {
            try await self.send(.POST, "/api/v1/callLogs", body: input, operation: operation)
        } catch where error.status == 409 {
            let existing = try await self.callLog(ofActivity: activityID, operation: operation)
            guard existing?.outcome != input.outcome else { return }
            guard let existing, existing.hasRecording != true else {
                guard entry.disposition != nil else { return }
                let why = existing == nil ? "it is not among this user's call logs" : "replacing it would delete its recording"
                throw ConnectorError(
                    .permanent, operation: operation, status: 409,
                    message: "activity \(activityID) already is a call log whose outcome cannot be changed to '\(input.outcome)': \(why)"
                )
            }
            try await self.send(.DELETE, "/api/v1/callLogs/\(PipedriveConnector.percentEncoded(existing.id))", operation: operation)
            try await self.send(.POST, "/api/v1/callLogs", body: input, operation: operation)
        }
    }

    /// The call log made of `activityID` among the API user's call logs (`GET /v1/callLogs`, 50 a page,
    /// up to ``callLogScanPages`` pages).
    func callLog(ofActivity activityID: Int, operation: String) async throws(ConnectorError) -> PipedriveCallLog? {
        var start = 0
        for _ in 0..<PipedriveConnector.callLogScanPages {
            let page = try await self.get(
                "/api/v1/callLogs", query: [("start", String(start)), ("limit", String(PipedriveConnector.callLogPageSize))],
                as: [PipedriveCallLog]?.self, operation: operation
            )
            if let match = (page.data ?? []).first(where: { $0.activityID == activityID }) { return match }
            guard let pagination = page.additionalData?.pagination, pagination.moreItemsInCollection == true, let next = pagination.nextStart, next > start else {
                return nil
            }
            start = next
        }
        return nil
    }
}
