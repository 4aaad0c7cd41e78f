import Foundation
import Hummingbird
import ScribeApp
import ScribeCore

/// `/admin`: the account's policy (server-side logging, values and locks for everyone, blocked
/// numbers, which CRM user each phone user is), its people, coverage and backfill. Admins only.
struct AdminPage {
    let callscribe: Callscribe

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("/admin") { _, context in
            let caller = try context.requireCaller()
            let account = try await self.callscribe.accountSettings(as: caller.user)
            let users = try await self.callscribe.people.users(of: caller.user.accountID)
            let extensions = try await self.callscribe.store.extensions(of: caller.user.accountID)
            let inForce = self.callscribe.configuration.logging.applying(account.defaults).personal
            let ringCentral = RingCentralConnectPages.card(await self.callscribe.ringCentralConnectionState())
            return PageLayout(title: "Admin", section: .admin, caller: caller).response(
                ringCentral + Self.policy(account, inForce: inForce, extensions: extensions) + Self.people(users, extensions: extensions, me: caller.user) + Self.coverageAndBackfill
            )
        }
    }

    private static func policy(_ account: AccountSettings, inForce: PersonalSettings, extensions: [PhoneExtension]) -> String {
        let locks = SettingName.allCases.map { name in
            "<label class=\"inline\"><input type=\"checkbox\" name=\"lock\" value=\"\(SettingsForm.formName(name))\"\(account.locked.contains(name) ? " checked" : "")> \(SettingsForm.formName(name).replacingOccurrences(of: "_", with: " "))</label>"
        }.joined()
        let owners = extensions.map { phoneExtension in
            """
            <tr><td>\(esc(phoneExtension.extensionNumber))</td><td>\(esc(phoneExtension.name))</td>\
            <td><input name="owner_\(esc(phoneExtension.id.rawValue))" value="\(esc(account.crmOwners[phoneExtension.id.rawValue] ?? ""))" placeholder="CRM user id"></td></tr>
            """
        }.joined()
        return """
            <section class="card"><h1>Account policy</h1>
            <form id="account-settings">
            <div class="setting"><label><input type="checkbox" name="server_logging" value="1"\(account.serverLogging ? " checked" : "")> \
            Server-side logging (off: nothing is logged unless a person logs it)</label></div>
            <div class="setting"><label><input type="checkbox" name="trial" value="1"\(account.trial ? " checked" : "")> \
            Trial: log only the admins' own calls automatically</label></div>
            <h2>Values for everyone</h2>\(SettingsForm(values: inForce, prefix: "default_").html)
            <h2>Locked for everyone</h2><p class="hint">People cannot change a locked setting; they get the value above.</p><div class="locks">\(locks)</div>
            <h2>Never log these numbers</h2><textarea name="blocked_numbers" rows="3" placeholder="One number per line">\(esc(account.blockedNumbers.sorted().joined(separator: "\n")))</textarea>
            <h2>Phone users and CRM users</h2><table id="owners"><tr><th>Ext.</th><th>Phone user</th><th>CRM owner id</th></tr>\(owners)</table>
            <button id="save-account" type="submit">Save policy</button> <span id="account-status" role="status"></span>
            </form></section>
            """
    }

    /// The people table: role and phone user change as they are picked; a password can be set for
    /// someone who forgot theirs; a person can be removed (their calls stay).
    private static func people(_ users: [User], extensions: [PhoneExtension], me: User) -> String {
        func extensionOptions(_ chosen: ExtensionID?) -> String {
            "<option value=\"\"\(chosen == nil ? " selected" : "")>No phone user</option>" + extensions.map {
                "<option value=\"\(esc($0.id.rawValue))\"\($0.id == chosen ? " selected" : "")>\(esc($0.extensionNumber)) \(esc($0.name))</option>"
            }.joined()
        }
        let rows = users.map { user in
            let roles = Role.allCases.map { "<option value=\"\($0.rawValue)\"\($0 == user.role ? " selected" : "")>\($0.rawValue)</option>" }.joined()
            let remove = user.id == me.id ? "" : "<button type=\"button\" class=\"remove-user\">Remove</button>"
            return """
                <tr class="user" data-user-id="\(esc(user.id.rawValue))" data-email="\(esc(user.email))"><td>\(esc(user.name))</td><td>\(esc(user.email))</td>\
                <td><select name="role">\(roles)</select></td><td><select name="extensionId">\(extensionOptions(user.extensionID))</select></td>\
                <td><input name="newPassword" type="password" placeholder="New password" minlength="10" autocomplete="new-password"> \
                <button type="button" class="reset-password">Set password</button> \(remove) <span class="user-status" role="status"></span></td></tr>
                """
        }.joined()
        let options = extensions.map { "<option value=\"\(esc($0.id.rawValue))\">\(esc($0.extensionNumber)) \(esc($0.name))</option>" }.joined()
        return """
            <section class="card"><h1>People</h1>
            <table id="users"><tr><th>Name</th><th>Email</th><th>Role</th><th>Phone user</th><th></th></tr>\(rows)</table>
            <form id="add-user" class="row">
            <input name="name" placeholder="Name" required> <input name="email" type="email" placeholder="Email" required>
            <input name="password" type="password" placeholder="Password (10+ characters)" required minlength="10">
            <select name="extensionId"><option value="">No phone user</option>\(options)</select>
            <select name="role"><option value="agent">agent</option><option value="admin">admin</option></select>
            <button type="submit">Add</button> <span id="add-user-status" role="status"></span></form></section>
            """
    }

    private static let coverageAndBackfill = """
        <section class="card"><h1>Coverage</h1><p class="hint">Calls per day by outcome, and why calls were not logged.</p>
        <div id="coverage"><svg id="coverage-chart" width="100%" height="160" role="img" aria-label="Calls per day"></svg><ul id="coverage-reasons"></ul></div></section>
        <section class="card"><h1>Backfill</h1><p class="hint">Reads the phone system's call log for a period and logs the calls that are missing.</p>
        <form id="backfill" class="row"><label>Since <input name="since" type="date" required></label> <label>Until <input name="until" type="date"></label>
        <button type="submit">Start</button> <progress id="backfill-progress" max="100" value="0"></progress> <span id="backfill-status" role="status"></span></form></section>
        """
}
