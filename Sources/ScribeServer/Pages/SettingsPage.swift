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
                <section class="card"><h1>Password</h1><p class="hint">Changing it signs you out everywhere else.</p>
                <form id="password" class="row">
                <input name="currentPassword" type="password" placeholder="Current password" required autocomplete="current-password">
                <input name="newPassword" type="password" placeholder="New password (10+ characters)" required minlength="10" autocomplete="new-password">
                <input name="confirmPassword" type="password" placeholder="New password again" required minlength="10" autocomplete="new-password">
                <button type="submit">Change password</button> <span id="password-status" role="status"></span></form></section>
                """
            )
        }
    }
}
