import Foundation

extension RingCentralClient {
    /// One company call-log sync (`GET /restapi/v1.0/account/~/call-log-sync`, Detailed view).
    ///
    /// An ISync whose token RingCentral no longer honours — expired, the call log reset (`CLG-101`,
    /// `CLG-102`, `CLG-104`), or more than 250 changes behind ("max sync record number limit is
    /// exceeded") — throws a ``TelephonyError`` of kind ``TelephonyError/Kind/syncTokenRejected``:
    /// the caller must catch up another way and start again with an FSync.
    public func syncCallLog(_ request: CallLogSyncRequest) async throws(TelephonyError) -> CallLogSyncResult {
        let operation = "ringcentral.callLogSync"
        let response: CallLogSyncResponse
        do {
            response = try await self.get("/restapi/v1.0/account/~/call-log-sync?\(request.query)", operation: operation)
        } catch where Self.rejectsSyncToken(error) {
            throw TelephonyError(
                .syncTokenRejected, operation: operation, status: error.status, message: error.message, errorCode: error.errorCode,
                parameterName: error.parameterName ?? "syncToken"
            )
        }
        return CallLogSyncResult(
            records: response.records, syncType: response.syncInfo.syncType, syncToken: response.syncInfo.syncToken,
            syncTime: response.syncInfo.syncTime.flatMap(RingCentralDate.parse)
        )
    }

    /// Whether a failed sync is RingCentral refusing the token: a 400 with a call-log (`CLG-`) code
    /// or naming the `syncToken` parameter, in a field or in its message.
    static func rejectsSyncToken(_ error: TelephonyError) -> Bool {
        guard error.kind == .permanent, error.status == 400 else { return false }
        return error.errorCode?.hasPrefix("CLG-") == true || error.parameterName == "syncToken" || error.message.contains("[syncToken]")
    }
}
