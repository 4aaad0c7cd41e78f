import Foundation
import Hummingbird
import ScribeApp
import ScribeCore

/// `/settings`: a person's own choices; what the admin locked is shown but cannot be changed.
struct SettingsPage {
    let callscribe: Callscribe

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("/settings") { _, context in
            let caller = try context.requireCaller()
            let view = try await self.callscribe.settingsView(for: caller.user)
            let form = SettingsForm(values: view.inForce, locked: Set(view.locked))
            let notice = view.serverLogging ? "" : "<p class=\"notice\">Your admin has turned automatic logging off: calls are logged only when you log them.</p>"
            return PageLayout(title: "Settings", section: .settings, caller: caller).response(
                """
                <section class="card"><h1>Settings</h1>\(notice)
                <form id="settings">\(form.html)
                <button id="save-settings" type="submit">Save</button> <span id="settings-status" role="status"></span></form></section>
                """
            )
        }
    }
}
