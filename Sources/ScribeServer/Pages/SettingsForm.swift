import Foundation
import ScribeCore

/// The inputs for the eight personal settings, shared by the settings page and the admin's
/// account defaults (with a name prefix).
struct SettingsForm {
    var values: PersonalSettings
    var locked: Set<SettingName> = []
    /// `default_` on the admin page.
    var prefix = ""

    /// The form's name for a setting: snake case, e.g. `time_zone`.
    static func formName(_ name: SettingName) -> String {
        name.rawValue.reduce(into: "") { result, character in
            if character.isUppercase { result += "_" + character.lowercased() } else { result.append(character) }
        }
    }

    var html: String {
        [
            self.checkbox(.autoLog, "Log calls automatically", self.values.autoLog ?? true),
            self.checkbox(.popUpAfterCall, "Open the log form when a call ends", self.values.popUpAfterCall ?? false),
            self.field(.countdownSeconds, "Countdown before logging (seconds; 0 logs at once)",
                       "<input type=\"number\" min=\"0\" max=\"3600\" \(self.attributes(.countdownSeconds)) value=\"\(self.values.countdownSeconds ?? 0)\">"),
            self.field(.mode, "When to write the record", self.modeSelect),
            self.field(.createWhen, "Create the record (within seconds mode)", self.createWhenSelect),
            self.field(.loggedFields, "What to log", self.fieldCheckboxes),
            self.field(.dateFormat, "Date format", "<input \(self.attributes(.dateFormat)) value=\"\(esc(self.values.dateFormat ?? ""))\" maxlength=\"64\">"),
            self.field(.timeZone, "Time zone", "<input \(self.attributes(.timeZone)) value=\"\(esc(self.values.timeZone ?? ""))\" placeholder=\"e.g. Europe/London\">"),
        ].joined(separator: "\n")
    }

    private func attributes(_ name: SettingName) -> String {
        "name=\"\(self.prefix)\(Self.formName(name))\"" + (self.locked.contains(name) ? " disabled" : "")
    }

    private func lockNote(_ name: SettingName) -> String {
        self.locked.contains(name) ? " <span class=\"locked\" title=\"Set by your admin for everyone\">locked by your admin</span>" : ""
    }

    private func checkbox(_ name: SettingName, _ label: String, _ on: Bool) -> String {
        "<div class=\"setting\"><label><input type=\"checkbox\" value=\"1\" \(self.attributes(name))\(on ? " checked" : "")> \(label)</label>\(self.lockNote(name))</div>"
    }

    private func field(_ name: SettingName, _ label: String, _ input: String) -> String {
        "<div class=\"setting\"><label>\(label) \(input)</label>\(self.lockNote(name))</div>"
    }

    private var modeSelect: String {
        let current = self.values.mode ?? .incremental
        let options = [(LoggingMode.incremental, "Within seconds, then updated as notes and recording arrive"), (.allAtOnce, "Once, when everything is in")]
            .map { mode, label in "<option value=\"\(mode.rawValue)\"\(mode == current ? " selected" : "")>\(label)</option>" }.joined()
        return "<select \(self.attributes(.mode))>\(options)</select>"
    }

    private var createWhenSelect: String {
        let current = self.values.createWhen ?? .ended
        let options = [(RecordCreation.ended, "When the call ends"), (.connected, "When the call is answered, completed when it ends")]
            .map { moment, label in "<option value=\"\(moment.rawValue)\"\(moment == current ? " selected" : "")>\(label)</option>" }.joined()
        return "<select \(self.attributes(.createWhen))>\(options)</select>"
    }

    private var fieldCheckboxes: String {
        let chosen = self.values.loggedFields ?? Set(LoggedField.allCases)
        let boxes = LoggedField.allCases.map { field in
            "<label class=\"inline\"><input type=\"checkbox\" \(self.attributes(.loggedFields)) value=\"\(field.rawValue)\"\(chosen.contains(field) ? " checked" : "")> \(field.rawValue.replacingOccurrences(of: "_", with: " "))</label>"
        }
        return "<span class=\"fields\">\(boxes.joined())</span>"
    }
}
