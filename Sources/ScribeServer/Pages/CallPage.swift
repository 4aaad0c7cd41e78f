import Foundation
import Hummingbird
import ScribeApp
import ScribeCore

/// `/calls/{id}`: one call log: what happened and why (the timeline), and the form to log it by
/// hand: notes, subject, disposition, which contact (a picker when several match, "create contact"
/// when none does). The page follows the log's state as it changes.
struct CallPage {
    let callscribe: Callscribe

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("/calls/{id}") { _, context in
            let caller = try context.requireCaller()
            let log = try await self.callscribe.callLog(CallLogID(try context.parameters.require("id")), for: .person(caller.user))
            let content = try await self.callscribe.store.content(session: log.key.sessionID, extension: log.key.extensionID)
            return PageLayout(title: "Call", section: .calls, caller: caller).response(Self.content(log, content: content))
        }
    }

    static func content(_ log: CallLog, content: CallLogContent) -> String {
        let summary = CallLogSummary(log)
        let detail = CallLogDetail(log)
        let who = summary.contact ?? summary.counterpart
        let timeline = detail.timeline.map { event in
            "<li><time datetime=\"\(esc(event.at.iso8601))\">\(esc(event.at.formatted(date: .omitted, time: .standard)))</time> \(esc(event.message))</li>"
        }.joined()
        var countdown = ""
        if case .waiting(_, let until?) = log.state {
            countdown = "<p id=\"countdown\" data-deadline=\"\(esc(until.iso8601))\">Logs automatically at \(esc(until.formatted(date: .omitted, time: .standard)))</p>"
        }
        return """
            <section class="card call-detail" data-log-id="\(esc(summary.id))">
            <h1>\(summary.direction == CallDirection.inbound.rawValue ? "↙ Call from" : "↗ Call to") \(esc(who))</h1>
            <p class="facts">\(esc(summary.counterpart)) · \(esc(summary.result)) · \(esc(CallLogComposer.formatDuration(TimeInterval(summary.durationSeconds)))) · \
            <time datetime="\(esc(summary.startedAt.iso8601))">\(esc(summary.startedAt.formatted(date: .abbreviated, time: .shortened)))</time></p>
            <p id="state"><span class="chip \(esc(summary.state))">\(esc(summary.state))</span> <span id="explanation">\(esc(summary.explanation))</span></p>
            \(countdown)
            \(Self.actions(log))
            </section>
            <section class="card">\(Self.form(log, content: content))</section>
            <section class="card"><h2>What happened</h2><ol id="timeline">\(timeline)</ol></section>
            """
    }

    private static func actions(_ log: CallLog) -> String {
        switch log.state {
        case .failed, .skipped: "<p><button id=\"retry\" type=\"button\" data-log-id=\"\(esc(log.id.rawValue))\">Try again now</button></p>"
        default: ""
        }
    }

    /// "No deal" and the deal already chosen; the script fills in the contact's open deals from
    /// `GET /api/logs/{id}/related`. A created record's deal cannot change, so the picker is then shown disabled.
    private static func dealPicker(_ log: CallLog) -> String {
        let chosen = log.request?.relatedRecord
        var options = "<option value=\"\"\(chosen == nil ? " selected" : "")>No deal</option>"
        if let chosen {
            options += "<option value=\"\(esc(chosen.id))\" selected>\(esc(chosen.name.isEmpty ? chosen.id : chosen.name))</option>"
        }
        let disabled = log.crmRecordID != nil ? " disabled" : ""
        return "<label>Deal <select name=\"relatedRecordId\"\(disabled)>\(options)</select></label>"
    }

    private static func form(_ log: CallLog, content: CallLogContent) -> String {
        let alreadyLogged = log.crmRecordID != nil
        var contactChoice = ""
        if !alreadyLogged {
            var options = log.candidates.enumerated().map { index, contact in
                """
                <label class="choice"><input type="radio" name="contact" value="\(esc(contact.id.rawValue))"\(index == 0 && log.contact == nil ? " checked" : "")> \
                \(esc(contact.name))</label>
                """
            }
            if let contact = log.contact, log.candidates.isEmpty {
                options.append("<label class=\"choice\"><input type=\"radio\" name=\"contact\" value=\"\(esc(contact.id.rawValue))\" checked> \(esc(contact.name))</label>")
            }
            options.append(
                """
                <label class="choice"><input type="radio" name="contact" value="__new"\(options.isEmpty ? " checked" : "")> Create a contact: \
                <input name="newContactName" placeholder="Name" maxlength="200"></label>
                """
            )
            // Someone the number did not find: the script looks them up by name (GET /api/contacts?name=)
            // and adds each one found as a choice above "Create a contact".
            let search = """
                <div class="contact-search"><input id="contact-search" type="search" placeholder="Find a contact by name" maxlength="100" \
                aria-label="Find a contact by name"> <button id="contact-search-go" type="button">Find</button> \
                <span id="contact-search-status" role="status"></span></div>
                """
            contactChoice = "<fieldset id=\"contact-choice\"><legend>Contact</legend>\(options.joined())\(search)</fieldset>"
        }
        return """
            <h2>\(alreadyLogged ? "Update the record" : "Log this call")</h2>
            <form id="log-form" data-log-id="\(esc(log.id.rawValue))">
            \(contactChoice)
            <label>Subject <input name="subject" maxlength="255" value="\(esc(content.subject ?? ""))"></label>
            <label>Notes <textarea name="notes" rows="6">\(esc(content.notes?.text ?? ""))</textarea></label>
            \(Self.dealPicker(log))
            <label>Disposition <input name="disposition" maxlength="255" value="\(esc(content.disposition ?? ""))" placeholder="e.g. Connected"></label>
            <fieldset id="custom-fields" hidden><legend>CRM fields</legend></fieldset>
            <button id="log-submit" type="submit">\(alreadyLogged ? "Save to the CRM" : "Log call")</button> <span id="form-status" role="status"></span>
            </form>
            """
    }
}
