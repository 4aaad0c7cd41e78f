import Foundation

/// What to ask RingCentral's company call-log sync (`GET /restapi/v1.0/account/~/call-log-sync`) for.
public enum CallLogSyncRequest: Sendable, Hashable {
    /// RingCentral answers at most this many records to one sync, and an ISync that would need more fails.
    public static let recordLimit = 250

    /// FSync: the newest `recordCount` records (1 to ``recordLimit``) that started since `dateFrom`
    /// (RingCentral takes no `dateFrom` older than 30 days), and a fresh sync token whose sync frame
    /// starts at `dateFrom`.
    case full(recordCount: Int, dateFrom: Date?)
    /// ISync: the records that appeared or changed since the sync that issued `syncToken`.
    case incremental(syncToken: String)

    /// The query string, Detailed view (legs and `lastModifiedTime`, as the list endpoint is read).
    var query: String {
        switch self {
        case .full(let recordCount, let dateFrom):
            let count = min(Self.recordLimit, max(1, recordCount))
            return "syncType=FSync&recordCount=\(count)&view=Detailed"
                + (dateFrom.map { "&dateFrom=\(FormEncoding.escape(RingCentralDate.format($0)))" } ?? "")
        case .incremental(let syncToken):
            return "syncType=ISync&syncToken=\(FormEncoding.escape(syncToken))&view=Detailed"
        }
    }
}
