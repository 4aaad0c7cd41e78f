import Foundation
import Hummingbird
import ScribeApp
import ScribeCore

/// `/live`: the calls the person is on right now, each with a notes box saved as they type. The
/// notes are logged with the call when it ends.
struct LivePage {
    let callscribe: Callscribe

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("/live") { _, context in
            let caller = try context.requireCaller()
            let calls = try await self.callscribe.liveCalls(for: caller.user)
            var items: [String] = []
            for call in calls {
                let notes = try await self.callscribe.store.content(session: call.sessionID, extension: call.extensionID).notes?.text ?? ""
                items.append(Self.item(call, notes: notes))
            }
            return PageLayout(title: "Live notes", section: .live, caller: caller).response(
                """
                <section class="card"><h1>Calls in progress</h1>
                <p class="hint">Type while you talk: notes are saved as you type and logged with the call when it ends.</p>
                <ul id="live-calls">\(items.joined())</ul>
                <p id="no-live-calls"\(calls.isEmpty ? "" : " hidden")>You are not on a call.</p></section>
                """
            )
        }
    }

    /// One call's notes box; the script builds the same markup for calls that start later.
    static func item(_ call: LiveCall, notes: String) -> String {
        """
        <li class="live-call" data-session-id="\(esc(call.sessionID.rawValue))" data-extension-id="\(esc(call.extensionID.rawValue))">
        <div class="who">\(call.direction == .inbound ? "↙" : "↗") <strong>\(esc(call.counterpart))</strong> \
        <small>since <time datetime="\(esc(call.startedAt.iso8601))">\(esc(call.startedAt.formatted(date: .omitted, time: .shortened)))</time></small> \
        <span class="call-state">\(call.answered ? "talking" : "ringing")</span></div>
        <textarea class="live-notes" rows="5" placeholder="Notes for this call">\(esc(notes))</textarea>
        <span class="save-state" role="status"></span></li>
        """
    }
}
