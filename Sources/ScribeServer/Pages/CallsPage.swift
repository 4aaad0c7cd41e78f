import Foundation
import Hummingbird
import NIOCore
import ScribeApp
import ScribeCore

/// `GET /`: the call history with each call's log state, refreshed every few seconds.
/// (The full web app is a later piece of work; this page shows the ledger as it is.)
struct CallsPage {
    let callscribe: Callscribe

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in
            let query = try CallsQuery.parse(request.uri.queryParameters)
            let calls = try await self.callscribe.callLogs(query)
            let html = Self.render(calls, filter: query.filter)
            return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
        }
    }

    static func render(_ calls: [CallLogSummary], filter: CallLogQuery.Filter) -> String {
        let tabs = CallLogQuery.Filter.allCases.map { tab in
            tab == filter ? "<b>\(tab.rawValue.capitalized)</b>" : "<a href=\"/?filter=\(tab.rawValue)\">\(tab.rawValue.capitalized)</a>"
        }.joined(separator: " · ")
        let rows = calls.map { call in
            """
            <tr class="\(call.state)"><td>\(HTMLEscaping.escape(call.startedAt.formatted(date: .abbreviated, time: .standard)))</td>\
            <td>\(call.direction == "Inbound" ? "↙ in" : "↗ out")</td><td>\(HTMLEscaping.escape(call.contact ?? call.counterpart))</td>\
            <td>\(HTMLEscaping.escape(call.counterpart))</td><td>\(HTMLEscaping.escape(CallLogComposer.formatDuration(TimeInterval(call.durationSeconds))))</td>\
            <td>\(HTMLEscaping.escape(call.result))</td><td><span class="chip">\(HTMLEscaping.escape(call.state))</span></td>\
            <td>\(HTMLEscaping.escape(call.explanation))\(call.note.map { " <small>\(HTMLEscaping.escape($0))</small>" } ?? "")</td></tr>
            """
        }.joined(separator: "\n")
        return """
            <!doctype html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="3">
            <title>Callscribe — calls</title><style>
            body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;width:100%}
            td,th{padding:.35em .6em;border-bottom:1px solid #eee;text-align:left;font-size:14px}
            .chip{padding:.1em .5em;border-radius:1em;background:#ddd}.logged .chip{background:#c8efd0}
            .failed .chip{background:#f7c6c6}.skipped .chip{background:#f3e3b5}small{color:#777}
            </style></head><body><h1>Callscribe</h1><p>\(tabs)</p>
            <table><tr><th>Time</th><th></th><th>Contact</th><th>Number</th><th>Duration</th><th>Result</th><th>Log</th><th>Why</th></tr>
            \(rows.isEmpty ? "<tr><td colspan=8>No calls yet.</td></tr>" : rows)
            </table></body></html>
            """
    }
}
