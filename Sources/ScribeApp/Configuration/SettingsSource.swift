import Foundation

/// Where setting values come from: the environment first, then a JSON config file of
/// `{"SETTING_NAME": "value"}`, then the defaults. Reads are typed and validated; a bad value is a
/// ``ConfigurationError`` naming the setting.
public struct SettingsSource: Sendable {
    private let values: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment, configFile: String? = nil) throws {
        var values: [String: String] = [:]
        if let configFile {
            guard let data = FileManager.default.contents(atPath: configFile) else {
                throw ConfigurationError(setting: "--config", problem: "cannot read config file '\(configFile)'")
            }
            guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw ConfigurationError(setting: "--config", problem: "'\(configFile)' is not a JSON object of setting names to values")
            }
            let known = Set(Setting.all.map(\.name))
            for (key, value) in object {
                guard known.contains(key) else {
                    throw ConfigurationError(setting: key, problem: "unknown setting in '\(configFile)'")
                }
                values[key] = "\(value)"
            }
        }
        for setting in Setting.all {
            if let value = environment[setting.name] { values[setting.name] = value }
        }
        self.values = values
    }

    /// The value as given, or the default.
    public func string(_ setting: Setting) -> String? {
        self.values[setting.name] ?? setting.defaultValue
    }

    public func required(_ setting: Setting) throws(ConfigurationError) -> String {
        guard let value = self.string(setting), !value.isEmpty else {
            throw ConfigurationError(setting: setting.name, problem: "is required")
        }
        return value
    }

    public func integer(_ setting: Setting, in range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
        let text = try self.required(setting)
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw ConfigurationError(setting: setting.name, problem: "'\(text)' is not a whole number")
        }
        guard range.contains(value) else {
            throw ConfigurationError(setting: setting.name, problem: "\(value) is outside \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    public func url(_ setting: Setting) throws(ConfigurationError) -> String {
        let text = try self.required(setting)
        guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            throw ConfigurationError(setting: setting.name, problem: "'\(text)' is not an http(s) URL")
        }
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }
}

extension SettingsSource {
    public func boolean(_ setting: Setting) throws(ConfigurationError) -> Bool {
        let text = try self.required(setting).lowercased()
        switch text {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        default: throw ConfigurationError(setting: setting.name, problem: "'\(text)' is not true or false")
        }
    }

    /// A comma-separated list; empty items are dropped.
    public func list(_ setting: Setting) -> [String] {
        (self.string(setting) ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// One of `choices`, by its raw value.
    public func choice<Choice: RawRepresentable & CaseIterable>(_ setting: Setting, as type: Choice.Type) throws(ConfigurationError) -> Choice
    where Choice.RawValue == String {
        let text = try self.required(setting)
        guard let value = Choice(rawValue: text.lowercased()) else {
            throw ConfigurationError(setting: setting.name, problem: "'\(text)' is not one of \(Choice.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }
}
