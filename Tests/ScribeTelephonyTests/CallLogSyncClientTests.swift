import Foundation
import ScribeCore
import ScribeSandbox
import ScribeTelephony
import Testing

/// The call-log sync (`call-log-sync`, FSync and ISync) of the RingCentral client against the
/// sandbox phone system over loopback HTTP.
@Suite("RingCentralClient call-log sync")
struct CallLogSyncClientTests {
    /// Places finished calls that started `secondsAgo` ago (one per entry), numbered from `first`.
    static func place(_ phone: PhoneSystemSandbox, first: Int, startedSecondsAgo: [Double], seed: UInt64 = 5) throws -> [ScriptedCall] {
        var random = SeededGenerator(seed: seed)
        let scripts = CallScripts(company: phone.company, timeScale: 0.01)
        let now = Date()
        let calls = startedSecondsAgo.enumerated().map { offset, ago in
            scripts.call(number: first + offset, placedAt: now.addingTimeInterval(-ago), using: &random)
        }
        for call in calls { try phone.place(call) }
        return calls
    }

    @Test("FSync answers the newest records, Detailed, and a token; ISync answers nothing until calls end, then just those")
    func fullThenIncremental() async throws {
        try await RingCentralClientTests.withPhone { phone, client, _, _ in
            let calls = try Self.place(phone, first: 1, startedSecondsAgo: [500, 400, 300, 200, 100])
            let full = try await client.syncCallLog(.full(recordCount: 3, dateFrom: Date().addingTimeInterval(-3600)))
            #expect(full.syncType == "FSync")
            #expect(full.records.compactMap(\.telephonySessionId) == calls.suffix(3).reversed().map(\.telephonySessionID), "the newest three, newest first")
            #expect(full.records.allSatisfy { $0.legs?.isEmpty == false && $0.lastModifiedTime != nil }, "Detailed view")
            #expect(!full.syncToken.isEmpty)
            #expect(try abs(#require(full.syncTime).timeIntervalSinceNow) < 60)

            let quiet = try await client.syncCallLog(.incremental(syncToken: full.syncToken))
            #expect(quiet.syncType == "ISync")
            #expect(quiet.records.isEmpty)

            let later = try Self.place(phone, first: 10, startedSecondsAgo: [50, 40])
            let changed = try await client.syncCallLog(.incremental(syncToken: quiet.syncToken))
            #expect(changed.records.compactMap(\.telephonySessionId) == later.reversed().map(\.telephonySessionID))
            let again = try await client.syncCallLog(.incremental(syncToken: changed.syncToken))
            #expect(again.records.isEmpty, "each change is answered once along the chain of tokens")
            #expect(phone.callLogSyncsServed == ["FSync", "ISync", "ISync", "ISync"])
        }
    }

    @Test("FSync's frame: records that started before dateFrom are left out, and later ISyncs keep to the frame")
    func syncFrame() async throws {
        try await RingCentralClientTests.withPhone { phone, client, _, _ in
            let calls = try Self.place(phone, first: 1, startedSecondsAgo: [7200, 60])
            let full = try await client.syncCallLog(.full(recordCount: 250, dateFrom: Date().addingTimeInterval(-3600)))
            #expect(full.records.compactMap(\.telephonySessionId) == [calls[1].telephonySessionID])
            // A call that started before the frame and entered the call log only now stays outside it.
            _ = try Self.place(phone, first: 20, startedSecondsAgo: [5400])
            let inside = try Self.place(phone, first: 30, startedSecondsAgo: [30])
            let changed = try await client.syncCallLog(.incremental(syncToken: full.syncToken))
            #expect(changed.records.compactMap(\.telephonySessionId) == inside.map(\.telephonySessionID))
        }
    }

    @Test("a token from before a call-log reset is refused: 400 CLG-101, a non-retryable syncTokenRejected naming syncToken")
    func resetToken() async throws {
        try await RingCentralClientTests.withPhone { phone, client, _, _ in
            let full = try await client.syncCallLog(.full(recordCount: 10, dateFrom: nil))
            phone.resetCallLogSync()
            let error = await #expect(throws: TelephonyError.self) { try await client.syncCallLog(.incremental(syncToken: full.syncToken)) }
            #expect(error?.kind == .syncTokenRejected)
            #expect(error?.status == 400 && error?.errorCode == "CLG-101" && error?.parameterName == "syncToken")
            #expect(error?.message == "Parameter [syncToken] is invalid [Sync token expired, call log was reset]")
            #expect(error?.isRetryable == false)
            #expect(error?.operation == "ringcentral.callLogSync")
            // A new FSync works again.
            let fresh = try await client.syncCallLog(.full(recordCount: 10, dateFrom: nil))
            #expect(try await client.syncCallLog(.incremental(syncToken: fresh.syncToken)).records.isEmpty)
        }
    }

    @Test("250 changes since a token come through one ISync; the 251st makes RingCentral refuse that token")
    func recordCap() async throws {
        try await RingCentralClientTests.withPhone { phone, client, _, _ in
            let full = try await client.syncCallLog(.full(recordCount: 1, dateFrom: nil))
            let first = try Self.place(phone, first: 1, startedSecondsAgo: (0..<250).map { 3000 - Double($0) * 10 })
            let all = try await client.syncCallLog(.incremental(syncToken: full.syncToken))
            #expect(all.records.count == 250)
            #expect(Set(all.records.compactMap(\.telephonySessionId)) == Set(first.map(\.telephonySessionID)))
            _ = try Self.place(phone, first: 1000, startedSecondsAgo: [20])
            let error = await #expect(throws: TelephonyError.self) { try await client.syncCallLog(.incremental(syncToken: full.syncToken)) }
            #expect(error?.kind == .syncTokenRejected && error?.status == 400 && error?.parameterName == "syncToken")
            #expect(error?.message.contains("max sync record number limit is exceeded") == true)
            // The token of the answer that took the 250 is one change behind.
            #expect(try await client.syncCallLog(.incremental(syncToken: all.syncToken)).records.count == 1)
        }
    }

    @Test("a token RingCentral never issued is refused as a sync-token failure; a dateFrom past 30 days is a plain bad request")
    func badParameters() async throws {
        try await RingCentralClientTests.withPhone { _, client, _, _ in
            let garbage = await #expect(throws: TelephonyError.self) { try await client.syncCallLog(.incremental(syncToken: "not-a-token")) }
            #expect(garbage?.kind == .syncTokenRejected && garbage?.errorCode == "CMN-101")
            let old = await #expect(throws: TelephonyError.self) {
                try await client.syncCallLog(.full(recordCount: 250, dateFrom: Date().addingTimeInterval(-31 * 86_400)))
            }
            #expect(old?.kind == .permanent && old?.status == 400 && old?.errorCode == "CMN-101" && old?.parameterName == "dateFrom")
        }
    }
}
