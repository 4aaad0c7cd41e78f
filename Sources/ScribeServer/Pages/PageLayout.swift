import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ScribeApp
import ScribeCore

/// The frame every page shares: header with navigation and sign-out, the CSRF token for the page's
/// script, the stylesheet and the script.
struct PageLayout {
    enum Section: String {
        case calls, live, settings, admin, login
    }

    var title: String
    var section: Section
    var caller: Caller?
    /// `data-` attributes on `<body>` for the script, e.g. whether to pop up the log form.
    var bodyData: [String: String] = [:]

    func response(_ content: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8", .cacheControl: "no-store", .contentSecurityPolicy: Self.contentSecurityPolicy,
                HTTPField.Name("X-Content-Type-Options")!: "nosniff", HTTPField.Name("Referrer-Policy")!: "same-origin",
            ],
            body: .init(byteBuffer: ByteBuffer(string: self.render(content)))
        )
    }

    /// Scripts and styles only from this server; no framing by other sites.
    static let contentSecurityPolicy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'"

    func render(_ content: String) -> String {
        let data = self.bodyData.sorted { $0.key < $1.key }.map { " data-\($0.key)=\"\(esc($0.value))\"" }.joined()
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(esc(self.title)) · Callscribe</title>
            <meta name="csrf-token" content="\(esc(self.caller?.session?.csrfToken ?? ""))">
            <link rel="stylesheet" href="/assets/app.css"></head>
            <body class="page-\(self.section.rawValue)"\(data)>
            \(self.header)
            <main>
            \(content)
            </main>
            <script src="/assets/app.js"></script>
            </body></html>
            """
    }

    private var header: String {
        guard let caller else { return "<header><span class=\"brand\">Callscribe</span></header>" }
        func link(_ id: String, _ href: String, _ label: String, _ section: Section) -> String {
            "<a id=\"nav-\(id)\" href=\"\(href)\"\(self.section == section ? " class=\"active\"" : "")>\(label)</a>"
        }
        var links = [
            link("calls", "/", "Calls", .calls), link("live", "/live", "Live notes", .live), link("settings", "/settings", "Settings", .settings),
        ]
        if caller.user.isAdmin { links.append(link("admin", "/admin", "Admin", .admin)) }
        return """
            <header><span class="brand">Callscribe</span><nav>\(links.joined())</nav>
            <span class="who">\(esc(caller.user.name))\(caller.user.isAdmin ? " <small>admin</small>" : "")</span>
            <form id="logout" method="post" action="/logout"><input type="hidden" name="csrf" value="\(esc(caller.session?.csrfToken ?? ""))">\
            <button type="submit">Sign out</button></form></header>
            """
    }
}

/// Escapes text for HTML; the one escaping of every page.
func esc(_ text: String) -> String {
    HTMLEscaping.escape(text)
}
