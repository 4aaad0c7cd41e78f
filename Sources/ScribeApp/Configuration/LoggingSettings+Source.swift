import Foundation
import ScribeCore

extension Setting {
    public static let loggingMode = Setting("CALLSCRIBE_LOGGING_MODE", default: "incremental", "incremental (create within seconds, then update as notes, recording and AI summary arrive) or all_at_once (one create when everything is in; never an update).")
    public static let createWhen = Setting("CALLSCRIBE_CREATE_WHEN", default: "ended", "In incremental mode, when the record is created: ended (when the call ends) or connected (as soon as it is answered; completed when it ends).")
    public static let autoLog = Setting("CALLSCRIBE_AUTO_LOG", default: "true", "Log calls without anyone clicking; false leaves every call for logging by hand.")
    public static let logVoicemails = Setting("CALLSCRIBE_LOG_VOICEMAILS", default: "true", "Log calls that went to voicemail.")
    public static let logInternalCalls = Setting("CALLSCRIBE_LOG_INTERNAL_CALLS", default: "false", "Log extension-to-extension calls.")
    public static let minimumDuration = Setting("CALLSCRIBE_MINIMUM_DURATION_SECONDS", default: "0", "Answered calls shorter than this are not logged (0-3600).")
    public static let blockedNumbers = Setting("CALLSCRIBE_BLOCKED_NUMBERS", default: "", "Comma-separated numbers never logged.")
    public static let blockedExtensions = Setting("CALLSCRIBE_BLOCKED_EXTENSIONS", default: "", "Comma-separated extension ids whose calls are never logged.")
    public static let unknownContact = Setting("CALLSCRIBE_UNKNOWN_CONTACT", default: "leave_unlogged", "When no contact has the number: leave_unlogged, create_placeholder, or fallback:<contact id>.")
    public static let multipleMatches = Setting("CALLSCRIBE_MULTIPLE_MATCHES", default: "most_recently_updated", "When several contacts have the number: ask, most_recently_updated, alphabetical or earliest_created.")
    public static let matchLeads = Setting("CALLSCRIBE_MATCH_LEADS", default: "contacts_first", "Where the CRM keeps contacts and leads (Salesforce) and both have the number: contacts_first, leads_first or contacts_only.")
    public static let companyNumbers = Setting("CALLSCRIBE_COMPANY_NUMBERS", default: "", "Comma-separated numbers of the company itself (main line, direct lines): a call with one of them is never matched to a customer.")
    public static let countdown = Setting("CALLSCRIBE_COUNTDOWN_SECONDS", default: "0", "After a call, wait this long for the agent to start notes before logging (0 logs at once; 0-3600).")
    public static let notesHold = Setting("CALLSCRIBE_NOTES_HOLD_SECONDS", default: "600", "Once notes are started, how long after the last keystroke to wait for a save (5-86400).")
    public static let recordingSlack = Setting("CALLSCRIBE_RECORDING_SLACK_SECONDS", default: "120", "How long past the call's own length to wait for its recording (0-86400).")
    public static let expectInsights = Setting("CALLSCRIBE_EXPECT_INSIGHTS", default: "false", "The account has RingSense: wait for the AI summary and transcript of recorded calls.")
    public static let insightsWait = Setting("CALLSCRIBE_INSIGHTS_WAIT_SECONDS", default: "600", "How long past the recording to wait for AI insights (0-86400).")
    public static let loggedFields = Setting("CALLSCRIBE_LOGGED_FIELDS", default: LoggedField.allCases.map(\.rawValue).joined(separator: ","), "Comma-separated parts of the record to log.")
    public static let subjectTemplate = Setting("CALLSCRIBE_SUBJECT_TEMPLATE", default: nil, "Subject with {contact}, {number}, {direction}, {result}, {agent}, {date}. Default: e.g. \"Inbound call from Jane Doe\".")
    public static let dateFormat = Setting("CALLSCRIBE_DATE_FORMAT", default: "yyyy-MM-dd HH:mm zzz", "Unicode date pattern for dates in records.")
    public static let timeZone = Setting("CALLSCRIBE_TIME_ZONE", default: "UTC", "IANA time zone for dates in records, e.g. America/New_York.")
    public static let popUpAfterCall = Setting("CALLSCRIBE_POP_UP_AFTER_CALL", default: "false", "Open the log form in the web app when a call ends.")

    /// The logging settings, in the order `--help` lists them.
    static let logging: [Setting] = [
        .loggingMode, .createWhen, .autoLog, .logVoicemails, .logInternalCalls, .minimumDuration, .blockedNumbers, .blockedExtensions, .unknownContact,
        .multipleMatches, .matchLeads, .companyNumbers, .countdown, .notesHold, .recordingSlack, .expectInsights, .insightsWait, .loggedFields, .subjectTemplate, .dateFormat,
        .timeZone, .popUpAfterCall,
    ]
}

extension LoggingSettings {
    /// Reads and validates the logging settings; a bad one is an error naming it.
    public init(_ source: SettingsSource, defaultCountryCode: String) throws(ConfigurationError) {
        var blocked: Set<String> = []
        for raw in source.list(.blockedNumbers) {
            guard let number = PhoneNumber(parsing: raw, defaultCountryCode: defaultCountryCode) else {
                throw ConfigurationError(setting: Setting.blockedNumbers.name, problem: "'\(raw)' is not a phone number")
            }
            blocked.insert(number.e164)
        }
        var company: Set<String> = []
        for raw in source.list(.companyNumbers) {
            guard let number = PhoneNumber(parsing: raw, defaultCountryCode: defaultCountryCode) else {
                throw ConfigurationError(setting: Setting.companyNumbers.name, problem: "'\(raw)' is not a phone number")
            }
            company.insert(number.e164)
        }
        let policy = LoggingPolicy(
            autoLog: try source.boolean(.autoLog), logVoicemails: try source.boolean(.logVoicemails), logInternalCalls: try source.boolean(.logInternalCalls),
            minimumDuration: TimeInterval(try source.integer(.minimumDuration, in: 0...3600)), blockedNumbers: blocked,
            blockedExtensions: Set(source.list(.blockedExtensions).map { ExtensionID($0) }), unknownContact: try Self.unknownContactRule(source),
            multipleMatches: try source.choice(.multipleMatches, as: MultipleMatchRule.self),
            leadPriority: try source.choice(.matchLeads, as: LeadPriority.self), companyNumbers: company
        )
        var fields: Set<LoggedField> = []
        for name in source.list(.loggedFields) {
            guard let field = LoggedField(rawValue: name) else {
                throw ConfigurationError(
                    setting: Setting.loggedFields.name, problem: "'\(name)' is not one of \(LoggedField.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            fields.insert(field)
        }
        let record = RecordFormat(
            fields: fields, subjectTemplate: source.string(.subjectTemplate), dateFormat: try source.required(.dateFormat), timeZone: try source.required(.timeZone)
        )
        guard record.hasValidTimeZone else {
            throw ConfigurationError(setting: Setting.timeZone.name, problem: "'\(record.timeZone)' is not an IANA time zone such as Europe/London")
        }
        let countdown = try source.integer(.countdown, in: 0...3600)
        let timing = ArtifactTiming(
            countdown: countdown == 0 ? nil : TimeInterval(countdown), notesHold: TimeInterval(try source.integer(.notesHold, in: 5...86_400)),
            recordingSlack: TimeInterval(try source.integer(.recordingSlack, in: 0...86_400)), expectInsights: try source.boolean(.expectInsights),
            insightsWait: TimeInterval(try source.integer(.insightsWait, in: 0...86_400))
        )
        self.init(
            mode: try source.choice(.loggingMode, as: LoggingMode.self), createWhen: try source.choice(.createWhen, as: RecordCreation.self), policy: policy, record: record, timing: timing,
            popUpAfterCall: try source.boolean(.popUpAfterCall)
        )
    }

    private static func unknownContactRule(_ source: SettingsSource) throws(ConfigurationError) -> UnknownContactRule {
        let text = try source.required(.unknownContact)
        switch text {
        case "leave_unlogged": return .leaveUnlogged
        case "create_placeholder": return .createPlaceholder
        case _ where text.hasPrefix("fallback:") && text.count > "fallback:".count:
            let id = String(text.dropFirst("fallback:".count))
            return .fallback(ContactID(id), name: "Fallback record \(id)")
        default:
            throw ConfigurationError(setting: Setting.unknownContact.name, problem: "'\(text)' is not leave_unlogged, create_placeholder or fallback:<contact id>")
        }
    }
}
