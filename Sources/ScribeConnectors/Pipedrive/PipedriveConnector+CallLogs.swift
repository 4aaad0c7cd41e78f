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

    /// The call log `entry` asks for, checked before anything is sent: one for an ended call whose
    /// write carries the disposition, nil while the call is still going or when the write leaves the
    /// disposition as it is.
    static func callLog(for entry: CallLogEntry, operation: String) throws(ConnectorError) -> PipedriveCallLogInput? {
        guard !entry.inProgress, entry.writesDisposition else { return nil }
        return try PipedriveCallLogInput(entry: entry, operation: operation)
    }

    /// Turns the call activity `activityID` into the call log `input`, carrying the call's outcome,
    /// numbers and times (`POST /v1/callLogs` with `activity_id`).
    ///
    /// A call log cannot be changed, so when the activity already is one (Pipedrive's 409) and its
    /// outcome is not the one wanted, that call log is deleted (its activity stays) and the activity
    /// converted again. The same outcome is left alone: an earlier attempt wrote it.
    func writeCallLog(_ input: PipedriveCallLogInput?, of activityID: Int, operation: String) async throws(ConnectorError) {
        guard var input else { return }
        input.activityID = activityID
        do {
            _ = try await self.send(.POST, "/api/v1/callLogs", body: input, as: PipedriveCallLog.self, operation: operation)
        } catch where error.status == 409 {
            guard let existing = try await self.callLog(ofActivity: activityID, operation: operation) else {
                throw ConnectorError(
                    .permanent, operation: operation, status: 409,
                    message: "activity \(activityID) is already a call log that is not among this user's call logs, so its outcome cannot be changed to '\(input.outcome)'"
                )
            }
            guard existing.outcome != input.outcome else { return }
            try await self.send(.DELETE, "/api/v1/callLogs/\(PipedriveConnector.percentEncoded(existing.id))", operation: operation)
            _ = try await self.send(.POST, "/api/v1/callLogs", body: input, as: PipedriveCallLog.self, operation: operation)
        }
    }

    /// The call log made of `activityID`, among the API user's newest call logs (`GET /v1/callLogs`, 50 a page).
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
