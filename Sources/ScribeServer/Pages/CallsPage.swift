import Foundation
import Hummingbird
import NIOCore
import ScribeApp
import ScribeCore

/// `/`: the call history, like a phone's: direction, who, how long, when, and a chip saying whether
/// it is in the CRM. Filters (Unlogged first among them), search, and live updates.
struct CallsPage {
    let callscribe: Callscribe

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("/") { request, context in
            let caller = try context.requireCaller()
            let query = try CallsQuery.parse(request.uri.queryParameters)
            let calls = try await self.callscribe.callLogs(query, for: .person(caller.user))
            let rows = Self.rows(calls, viewer: caller.user)
            if request.uri.queryParameters["fragment"] == "rows" {
                return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"], body: .init(byteBuffer: ByteBuffer(string: rows)))
            }
            let settings = try await self.callscribe.settingsView(for: caller.user)
            let layout = PageLayout(
                title: "Calls", section: .calls, caller: caller, bodyData: ["popup": settings.inForce.popUpAfterCall == true ? "1" : "0"]
            )
            return layout.response(Self.content(query: query, rows: rows))
        }
    }

    static func content(query: CallLogQuery, rows: String) -> String {
        let filters = CallLogQuery.Filter.allCases.map { filter in
            var link = "/?filter=\(filter.rawValue)"
            if let search = query.search { link += "&search=" + (search.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") }
            let active = filter == query.filter ? " active" : ""
            return "<a class=\"filter\(active)\" data-filter=\"\(filter.rawValue)\" href=\"\(esc(link))\">\(filter.rawValue.capitalized)</a>"
        }.joined()
        return """
            <section class="toolbar"><nav class="filters">\(filters)</nav>
            <form class="search" method="get" action="/"><input type="hidden" name="filter" value="\(query.filter.rawValue)">
            <input id="search" name="search" type="search" placeholder="Search name or number" value="\(esc(query.search ?? ""))"></form>
            <span id="live-status" class="live-status">live</span></section>
            <table id="calls"><thead><tr><th></th><th>Who</th><th>Duration</th><th>When</th><th>Status</th><th></th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
    }

    /// The table rows, also served alone (`?fragment=rows`) for live refresh.
    static func rows(_ calls: [CallLogSummary], viewer: User) -> String {
        guard !calls.isEmpty else { return "<tr class=\"empty\"><td colspan=\"6\">No calls here.</td></tr>" }
        return calls.map { call in
            let inbound = call.direction == CallDirection.inbound.rawValue
            let who = call.contact.map { "<strong>\(esc($0))</strong><small>\(esc(call.counterpart))</small>" } ?? "<strong>\(esc(call.counterpart))</strong>"
            let mine = call.extensionId == viewer.extensionID?.rawValue ? "1" : "0"
            return """
                <tr class="call state-\(esc(call.state))" data-log-id="\(esc(call.id))" data-session-id="\(esc(call.sessionId))" \
                data-state="\(esc(call.state))" data-mine="\(mine)" data-in-progress="\(call.inProgress ? "1" : "0")">\
                <td class="direction" title="\(esc(call.direction)) · \(esc(call.result))">\(inbound ? "↙" : "↗")\(call.result == "Missed" ? "<small class=\"missed\">missed</small>" : "")</td>\
                <td class="contact">\(who)</td>\
                <td class="duration">\(call.inProgress ? "on the call" : esc(CallLogComposer.formatDuration(TimeInterval(call.durationSeconds))))</td>\
                <td class="time"><time datetime="\(esc(call.startedAt.iso8601))">\(esc(call.startedAt.formatted(date: .abbreviated, time: .shortened)))</time></td>\
                <td class="status"><span class="chip \(esc(call.state))">\(esc(call.state))</span><small>\(esc(call.explanation))</small></td>\
                <td><a class="open" href="/calls/\(esc(call.id))">Open</a></td></tr>
                """
        }.joined(separator: "\n")
    }
}
