import Foundation

/// A setting a person may choose for themselves and an admin may lock for everyone; the raw value
/// is its key in the API's JSON.
public enum SettingName: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case autoLog
    case popUpAfterCall
    case countdownSeconds
    case mode
    case createWhen
    case loggedFields
    case dateFormat
    case timeZone

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Choices that override the server's defaults; a nil field keeps the default.
///
/// Used both for a person's own choices and for the values an admin sets for the whole account.
public struct PersonalSettings: Sendable, Hashable, Codable {
    public var autoLog: Bool?
    public var popUpAfterCall: Bool?
    /// Seconds after hang-up to wait for notes before logging; 0 logs at once.
    public var countdownSeconds: Int?
    public var mode: LoggingMode?
    /// When an incremental record is created: when the call ends or when it connects.
    public var createWhen: RecordCreation?
    public var loggedFields: Set<LoggedField>?
    public var dateFormat: String?
    public var timeZone: String?

    public static let countdownRange = 0...3600
    public static let maximumDateFormatLength = 64

    public init(
        autoLog: Bool? = nil, popUpAfterCall: Bool? = nil, countdownSeconds: Int? = nil, mode: LoggingMode? = nil,
        createWhen: RecordCreation? = nil, loggedFields: Set<LoggedField>? = nil, dateFormat: String? = nil, timeZone: String? = nil
    ) {
        self.createWhen = createWhen
        self.autoLog = autoLog
        self.popUpAfterCall = popUpAfterCall
        self.countdownSeconds = countdownSeconds
        self.mode = mode
        self.loggedFields = loggedFields
        self.dateFormat = dateFormat
        self.timeZone = timeZone
    }

    /// The settings this value chooses (leaves nil).
    public var chosen: Set<SettingName> {
        var names: Set<SettingName> = []
        if self.autoLog != nil { names.insert(.autoLog) }
        if self.popUpAfterCall != nil { names.insert(.popUpAfterCall) }
        if self.countdownSeconds != nil { names.insert(.countdownSeconds) }
        if self.mode != nil { names.insert(.mode) }
        if self.createWhen != nil { names.insert(.createWhen) }
        if self.loggedFields != nil { names.insert(.loggedFields) }
        if self.dateFormat != nil { names.insert(.dateFormat) }
        if self.timeZone != nil { names.insert(.timeZone) }
        return names
    }

    /// Checks every chosen value; the first bad one is an error naming it.
    public func validate() throws(SettingsError) {
        if let seconds = self.countdownSeconds, !Self.countdownRange.contains(seconds) {
            throw .invalid(.countdownSeconds, "must be a whole number of seconds from \(Self.countdownRange.lowerBound) to \(Self.countdownRange.upperBound)")
        }
        if let fields = self.loggedFields, fields.isEmpty {
            throw .invalid(.loggedFields, "choose at least one field to log")
        }
        if let pattern = self.dateFormat {
            if pattern.trimmingCharacters(in: .whitespaces).isEmpty || pattern.count > Self.maximumDateFormatLength {
                throw .invalid(.dateFormat, "must be a date pattern of 1 to \(Self.maximumDateFormatLength) characters, e.g. yyyy-MM-dd HH:mm")
            }
        }
        if let zone = self.timeZone, TimeZone(identifier: zone) == nil {
            throw .invalid(.timeZone, "'\(zone)' is not an IANA time zone, e.g. Europe/London")
        }
    }

    /// These choices with `other`'s chosen values on top, for the names in `names`.
    public func overlaid(by other: PersonalSettings, only names: Set<SettingName> = Set(SettingName.allCases)) -> PersonalSettings {
        var result = self
        if names.contains(.autoLog), let value = other.autoLog { result.autoLog = value }
        if names.contains(.popUpAfterCall), let value = other.popUpAfterCall { result.popUpAfterCall = value }
        if names.contains(.countdownSeconds), let value = other.countdownSeconds { result.countdownSeconds = value }
        if names.contains(.mode), let value = other.mode { result.mode = value }
        if names.contains(.createWhen), let value = other.createWhen { result.createWhen = value }
        if names.contains(.loggedFields), let value = other.loggedFields { result.loggedFields = value }
        if names.contains(.dateFormat), let value = other.dateFormat { result.dateFormat = value }
        if names.contains(.timeZone), let value = other.timeZone { result.timeZone = value }
        return result
    }
}

/// Why a settings change was refused.
public enum SettingsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The value is not allowed.
    case invalid(SettingName, String)
    /// An admin has locked this setting for everyone in the account.
    case locked(SettingName)
    /// A field that is not a setting people choose: it names the field.
    case unknown(String)

    public var field: String {
        switch self {
        case .invalid(let name, _), .locked(let name): name.rawValue
        case .unknown(let field): field
        }
    }

    public var description: String {
        switch self {
        case .invalid(let name, let problem): "\(name.rawValue) \(problem)"
        case .locked(let name): "\(name.rawValue) is locked by your admin"
        case .unknown(let field): "\(field) is not a setting"
        }
    }
}
