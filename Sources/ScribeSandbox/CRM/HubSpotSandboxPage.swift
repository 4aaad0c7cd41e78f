import Foundation
import ScribeCore

/// The sandbox portal's web page: its call records, newest first, and its contacts. Plain HTML that
/// reloads itself every few seconds, so a demo can watch calls arrive.
struct HubSpotSandboxPage {
    var calls: [SandboxCallRecord]
    var contacts: [SandboxContact]

    func render() -> String {
        let names = Dictionary(self.contacts.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let newestFirst = self.calls.sorted { ($0.createdAt, Int64($0.id) ?? 0) > ($1.createdAt, Int64($1.id) ?? 0) }
        var html = """
            <!doctype html>
            <html><head><meta charset="utf-8"><meta http-equiv="refresh" content="3">
            <title>HubSpot sandbox</title>
            <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}\
            td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f4f4f4}</style>
            </head><body>
            <h1>HubSpot sandbox</h1>
            <h2>Calls (\(self.calls.count))</h2>
            <table><tr><th>Id</th><th>Title</th><th>Time</th><th>Contact</th><th>Duration</th><th>Direction</th><th>Status</th><th>Callscribe log id</th></tr>

            """
        for call in newestFirst {
            let contact = call.contactIDs.map { id in names[id].map { "\($0) (\(id))" } ?? id }.joined(separator: ", ")
            let cells = [
                call.id, call.properties["hs_call_title"] ?? "", call.properties["hs_timestamp"] ?? "", contact,
                HubSpotSandboxPage.duration(call.properties["hs_call_duration"]), call.properties["hs_call_direction"] ?? "",
                call.properties["hs_call_status"] ?? "", call.properties["callscribe_log_id"] ?? "",
            ]
            html += HubSpotSandboxPage.row(cells)
        }
        html += "</table>\n<h2>Contacts (\(self.contacts.count))</h2>\n"
        html += "<table><tr><th>Id</th><th>Name</th><th>Phone</th><th>Mobile</th><th>Company</th></tr>\n"
        for contact in self.contacts {
            let properties = contact.properties
            html += HubSpotSandboxPage.row([contact.id, contact.name, properties["phone"] ?? "", properties["mobilephone"] ?? "", properties["company"] ?? ""])
        }
        html += "</table>\n</body></html>\n"
        return html
    }

    private static func row(_ cells: [String]) -> String {
        "<tr>" + cells.map { "<td>\(HTMLEscaping.escape($0))</td>" }.joined() + "</tr>\n"
    }

    /// `4m 10s` from HubSpot's milliseconds.
    private static func duration(_ milliseconds: String?) -> String {
        guard let milliseconds, let value = Int64(milliseconds) else { return milliseconds ?? "" }
        let seconds = (value + 500) / 1000
        return seconds >= 60 ? "\(seconds / 60)m \(seconds % 60)s" : "\(seconds)s"
    }
}
