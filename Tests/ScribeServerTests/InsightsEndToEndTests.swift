import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ScribeApp
import ScribeCore
import ScribeDemo
import ScribeSandbox
import ScribeTelephony
import Testing

/// RingSense insights over real loopback HTTP: the sandbox phone system sends "insights ready" some
/// seconds after a recorded call's recording, Callscribe saves them and the CRM record gains the AI
/// summary and transcript.
@Suite("AI insights arrive by webhook")
struct InsightsEndToEndTests {
    /// Insights expected, the recording due 2 s past the call's own length, insights 20 s after that.
    static func settings(mode: String, check: Int? = nil) -> [String: String] {
        var settings = [
            Setting.expectInsights.name: "true", Setting.insightsWait.name: "20", Setting.recordingSlack.name: "2", Setting.loggingMode.name: mode,
        ]
        if let check { settings[Setting.subscriptionCheck.name] = String(check) }
        return settings
    }

    /// A recorded, answered inbound call from a customer the CRM knows (not the shared line),
    /// delivered in real time: it ends after 1.5 s, its recording is ready 1 s later and its
    /// insights the sandbox's delay after that.
    static func placeRecordedCall(_ stack: RunningSandboxStack) throws -> ScriptedCall {
        var request = PhoneSystemSandbox.CallRequest(extensionNumber: stack.company.employees[0].extensionNumber, customer: 2)
        request.ringSeconds = 0.5
        request.talkSeconds = 1
        request.recorded = true
        return try stack.phone.placeRequested(request)
    }

    /// What the sandbox's insights put in the record: a phrase of the summary and one of the transcript.
    static func expectedPhrases(_ call: ScriptedCall) -> (summary: String, transcript: String) {
        ("spoke with \(call.employeeName) about", "\(call.employeeName): Thank you for calling, this is \(call.employeeName).")
    }

    static func log(_ stack: RunningSandboxStack, _ call: ScriptedCall) async throws -> CallLog? {
        try await stack.callscribe.store.callLogs(session: TelephonySessionID(call.telephonySessionID)).first
    }

    static func record(_ stack: RunningSandboxStack, _ call: ScriptedCall) async throws -> SandboxCallRecord? {
        guard let id = try await self.log(stack, call)?.crmRecordID else { return nil }
        return stack.crm.call(id: id.rawValue)
    }

    /// Waits until the call's CRM record shows the AI summary and transcript; returns it.
    static func recordWithInsights(_ stack: RunningSandboxStack, _ call: ScriptedCall) async throws -> SandboxCallRecord {
        let phrases = self.expectedPhrases(call)
        do {
            try await StackHarness.eventually("the CRM record shows the AI summary and transcript", timeout: .seconds(30)) {
                let body = try await self.record(stack, call)?.properties["hs_call_body"] ?? ""
                return body.contains(phrases.summary) && body.contains(phrases.transcript)
            }
        } catch {
            // Say what the record and the log did show, to tell a late insight from a wrong one.
            let log = try await self.log(stack, call)
            let body = try await self.record(stack, call)?.properties["hs_call_body"] ?? "none"
            let timeline = log?.timeline.map(\.message) ?? []
            Issue.record("record body: \(body); log: \(String(describing: log?.state)); timeline: \(timeline); insights sent: \(stack.phone.insightsSent)")
            throw error
        }
        return try #require(try await self.record(stack, call))
    }

    @Test("incremental: the record is created within seconds, then updated with the AI summary and transcript")
    func incremental() async throws {
        try await StackHarness.withStack(settings: Self.settings(mode: "incremental")) { stack in
            let call = try Self.placeRecordedCall(stack)
            try await StackHarness.eventually("the record is created before the insights come", timeout: .seconds(15)) {
                try await Self.record(stack, call) != nil
            }
            let created = try #require(try await Self.record(stack, call))
            #expect(stack.phone.insightsSent[call.telephonySessionID] == nil, "created before RingSense had the insights")
            #expect(created.properties["hs_call_body"]?.contains("AI summary") == false)

            let record = try await Self.recordWithInsights(stack, call)
            let sent = try #require(stack.phone.insightsSent[call.telephonySessionID])
            #expect(record.id == created.id, "the same record, updated")
            #expect(record.updatedAt > record.createdAt && record.createdAt < sent)
            #expect(record.properties["hs_call_body"]?.contains("Transcript") == true)
            #expect(stack.crm.calls.count == 1)
            // The ledger commits the update just after the CRM has answered it.
            try await StackHarness.eventually("the log records the update") {
                try await Self.log(stack, call)?.artifacts[.aiSummary] == .written
            }
            let log = try #require(try await Self.log(stack, call))
            #expect(log.timeline.contains { $0.message.hasPrefix("Updated the CRM record") && $0.message.contains("ai_summary") })
            #expect(log.artifacts[.aiSummary] == .written && log.artifacts[.transcript] == .written)
        }
    }

    @Test("all at once: one create, once the insights are in, carrying the AI summary and transcript")
    func allAtOnce() async throws {
        try await StackHarness.withStack(settings: Self.settings(mode: "all_at_once")) { stack in
            let call = try Self.placeRecordedCall(stack)
            let record = try await Self.recordWithInsights(stack, call)
            let sent = try #require(stack.phone.insightsSent[call.telephonySessionID])
            #expect(record.createdAt >= sent.addingTimeInterval(-1), "not created before the insights were sent")
            // Give a stray update the time to happen; there must be none.
            try await Task.sleep(for: .seconds(1))
            let settled = try #require(try await Self.record(stack, call))
            #expect(settled.updatedAt == settled.createdAt, "created once, never updated")
            #expect(stack.crm.calls.count == 1)
            let log = try #require(try await Self.log(stack, call))
            #expect(!log.timeline.contains { $0.message.hasPrefix("Updated") })
            #expect(log.timeline.contains { $0.message.hasPrefix("Created the CRM record") && $0.message.contains("ai_summary") })
        }
    }

    @Test("a repeated delivery and an older version change nothing; a newer version replaces the insights")
    func repeatsAndVersions() async throws {
        try await StackHarness.withStack(settings: Self.settings(mode: "incremental")) { stack in
            let call = try Self.placeRecordedCall(stack)
            _ = try await Self.recordWithInsights(stack, call)
            try await Task.sleep(for: .milliseconds(500))
            let before = try #require(try await Self.record(stack, call))
            let timeline = try #require(try await Self.log(stack, call)).timeline.count

            // The same delivery twice more, as a retrying phone system would send it.
            await stack.phone.deliverInsights(call)
            await stack.phone.deliverInsights(call)
            // AI Notes' earlier version arriving late.
            let readyAt = stack.phone.insightsReadyAt(call)
            let older = try await self.post(stack, Self.aiNotes(call, uuid: "ai-notes-1", summary: "Old notes", at: readyAt.addingTimeInterval(-60)))
            #expect(older.status == 200 && older.body.contains("\"duplicate\"") && older.body.contains("\"insights\""))
            try await Task.sleep(for: .seconds(1))
            let after = try #require(try await Self.record(stack, call))
            #expect(after == before, "the record is untouched")
            #expect(try await Self.log(stack, call)?.timeline.count == timeline, "no write was attempted")
            #expect(try await stack.callscribe.store.nextJobDue() == nil)

            // A later version replaces the insights and updates the record.
            let newer = try await self.post(stack, Self.aiNotes(call, uuid: "ringsense-2", summary: "Revised summary for the renewal", at: readyAt.addingTimeInterval(60)))
            #expect(newer.status == 200 && newer.body.contains("\"stored\""))
            try await StackHarness.eventually("the newer summary is in the record") {
                try await Self.record(stack, call)?.properties["hs_call_body"]?.contains("Revised summary for the renewal") == true
            }
        }
    }

    @Test("the subscription carries the insights filter only when insights are expected")
    func subscriptionFilters() async throws {
        try await StackHarness.withStack { stack in
            let filters = try #require(stack.phone.subscriptionFilters.values.first)
            #expect(filters == [EventFilter.telephonySessions])
            // A recorded call's insights are not sent to a subscription that did not ask for them.
            let call = try #require(StackHarness.endedCalls(30, stack: stack, seed: 7).first { $0.recorded && $0.outcome == .answered })
            try stack.phone.place(call)
            await stack.phone.deliver(call, realTime: false)
            #expect(stack.phone.insightsSent.isEmpty)
        }
        try await StackHarness.withStack(settings: Self.settings(mode: "incremental", check: 5)) { stack in
            let (id, filters) = try #require(stack.phone.subscriptionFilters.first)
            #expect(Set(filters) == Set(EventFilter.wanted(expectInsights: true)))
            // A subscription made without the insights filter (an older Callscribe) is updated in place.
            let client = RingCentralClient(
                credentials: RingCentralCredentials(
                    serverURL: stack.phoneURL, clientID: stack.phone.credentials.clientID, clientSecret: stack.phone.credentials.clientSecret,
                    jwt: stack.phone.credentials.jwt
                ),
                httpClient: HTTPClient.shared
            )
            _ = try await client.updateSubscription(id, eventFilters: [EventFilter.telephonySessions])
            #expect(stack.phone.subscriptionFilters[id] == [EventFilter.telephonySessions])
            try await StackHarness.eventually("the insights filter is added back", timeout: .seconds(15)) {
                Set(stack.phone.subscriptionFilters[id] ?? []) == Set(EventFilter.wanted(expectInsights: true))
            }
            #expect(stack.phone.subscriptionIDs == [id], "updated, not replaced")
        }
    }

    @Test("a malformed insights delivery is refused with 400, naming the field")
    func malformed() async throws {
        try await StackHarness.withStack(settings: Self.settings(mode: "incremental")) { stack in
            let call = try #require(StackHarness.endedCalls(1, stack: stack).first)
            var object = try #require(
                try JSONSerialization.jsonObject(with: Data(try Self.aiNotes(call, uuid: "bad-1", summary: "x", at: Date()).utf8)) as? [String: Any]
            )
            var body = try #require(object["body"] as? [String: Any])
            body["sourceSessionId"] = nil
            object["body"] = body
            let answer = try await self.post(stack, String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
            #expect(answer.status == 400)
            #expect(answer.body.contains("\"field\":\"body.sourceSessionId\""))
        }
    }

    @Test("a video meeting's insights are acknowledged (200, ignored) so the subscription is not blacklisted, and change nothing")
    func otherDomainAcknowledged() async throws {
        try await StackHarness.withStack(settings: Self.settings(mode: "incremental")) { stack in
            let call = try #require(StackHarness.endedCalls(1, stack: stack).first)
            var object = try #require(
                try JSONSerialization.jsonObject(with: Data(try Self.aiNotes(call, uuid: "rcv-1", summary: "x", at: Date()).utf8)) as? [String: Any]
            )
            var body = try #require(object["body"] as? [String: Any])
            body["domain"] = "rcv"
            object["body"] = body
            let answer = try await self.post(stack, String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
            #expect(answer.status == 200)
            #expect(answer.body.contains("ignored"))
            let content = try await stack.callscribe.store.content(session: TelephonySessionID(call.telephonySessionID), extension: ExtensionID(call.extensionID))
            #expect(content.insights == nil)
        }
    }

    /// A hand-made insights delivery for `call` with only a summary, produced at `at`.
    static func aiNotes(_ call: ScriptedCall, uuid: String, summary: String, at: Date) throws -> String {
        let object: [String: Any] = [
            "uuid": uuid, "event": "/ai/ringsense/v1/public/accounts/~/domains/pbx/insights", "timestamp": at.ISO8601Format(),
            "subscriptionId": "s", "ownerId": "o",
            "body": [
                "domain": "pbx", "sourceRecordId": call.recordingID, "sourceSessionId": call.telephonySessionID, "lastModifiedTime": at.ISO8601Format(),
                "speakerInfo": [] as [Any], "insights": ["Summary": [["value": summary, "start": 0, "end": 1]]],
            ] as [String: Any],
        ]
        return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    func post(_ stack: RunningSandboxStack, _ body: String) async throws -> (status: Int, body: String) {
        let answer = try await StackHarness.postWebhook(
            stack, body: body, headers: [("Content-Type", "application/json"), ("Verification-Token", stack.callscribe.webhookToken)]
        )
        return (answer.status, answer.body)
    }
}
