import Foundation

/// The sandbox's side of RingCentral's call-log sync: when each record entered the call log, which
/// sync tokens are still good, and the syncs served.
///
/// A token stands for a moment of the call log (its sync time) and a sync frame (the `dateFrom` of
/// the FSync that began it). A record changes when it enters the call log (its call has ended and
/// has been placed) and again when its recording becomes ready; an ISync answers the records with a
/// change after the token's moment, so every change is answered exactly once along a chain of tokens.
struct SandboxCallLogSync: Sendable {
    /// When each call was placed with the sandbox, by telephony session id. Calls read from a plan
    /// file are missing: they count as placed before they ended.
    var placedAt: [String: Date] = [:]
    /// Bumped by a reset; tokens of an earlier generation are refused as expired.
    var generation = 0
    /// The sync types served (`FSync`, `ISync`), in order, refusals included.
    var served: [String] = []

    /// A sync token: the generation, the moment and the frame, opaque to clients.
    struct Token: Equatable {
        var generation: Int
        var syncTime: Date
        var frameStart: Date?

        var encoded: String {
            let frame = self.frameStart.map { String($0.timeIntervalSince1970.bitPattern, radix: 16) } ?? "-"
            let text = "\(self.generation).\(String(self.syncTime.timeIntervalSince1970.bitPattern, radix: 16)).\(frame)"
            return Data(text.utf8).base64EncodedString()
        }

        init(generation: Int, syncTime: Date, frameStart: Date?) {
            self.generation = generation
            self.syncTime = syncTime
            self.frameStart = frameStart
        }

        init?(_ encoded: String) {
            guard let data = Data(base64Encoded: encoded), let text = String(data: data, encoding: .utf8) else { return nil }
            let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, let generation = Int(parts[0]), let time = UInt64(parts[1], radix: 16) else { return nil }
            self.generation = generation
            self.syncTime = Date(timeIntervalSince1970: Double(bitPattern: time))
            if parts[2] == "-" {
                self.frameStart = nil
            } else if let frame = UInt64(parts[2], radix: 16) {
                self.frameStart = Date(timeIntervalSince1970: Double(bitPattern: frame))
            } else {
                return nil
            }
        }
    }

    /// The moments `call`'s record changed: it entered the call log, and its recording became ready.
    func changes(of call: ScriptedCall) -> [Date] {
        let placed = self.placedAt[call.telephonySessionID] ?? .distantPast
        var changes = [max(call.endedAt, placed)]
        if call.recorded, call.outcome == .answered { changes.append(max(call.recordingReadyAt, placed)) }
        return changes
    }

    /// Whether `call` is in the call log at `now`: it has ended, and the sandbox knows of it.
    func isListed(_ call: ScriptedCall, at now: Date) -> Bool {
        self.changes(of: call)[0] <= now
    }
}
