import Foundation

/// Composes the CRM record for a call log from the ledger: deterministic, no I/O.
///
/// Every section is tagged with the artifact it shows, so that the writer can tell which artifacts a
/// write carries and, after a person edited the record, add only the new ones.
public struct CallLogComposer: Sendable {
    public var format: RecordFormat
    public var bodyFormat: BodyFormat

    public init(format: RecordFormat, bodyFormat: BodyFormat) {
        self.format = format
        self.bodyFormat = bodyFormat
    }

    /// The full record for `log`, logged against `contact`.
    public func compose(_ log: CallLog, contact: Contact, content: CallLogContent, agent: AgentIdentity?, journey: [String]) -> ComposedRecord {
        let leg = log.leg
        let sections = self.sections(leg: leg, contact: contact, content: content, agent: agent, journey: journey)
        let entry = CallLogEntry(
            marker: log.id,
            subject: self.subject(leg: leg, contact: contact, content: content, agent: agent),
            body: self.bodyFormat.render(sections.map(\.section)),
            startedAt: leg.startedAt,
            duration: leg.duration,
            direction: leg.direction,
            result: leg.result,
            fromNumber: leg.from.phoneNumber ?? "",
            toNumber: leg.to.phoneNumber ?? "",
            contact: contact,
            agentName: agent?.name,
            recordingURL: self.format.logs(.recordingLink) ? content.recording?.url : nil,
            sessionID: leg.sessionID,
            ownerID: agent?.crmOwner,
            relatedRecord: log.request?.relatedRecord,
            inProgress: leg.inProgress,
            disposition: self.format.logs(.disposition) ? content.disposition.flatMap { $0.isEmpty ? nil : $0 } : nil,
            endedAt: leg.inProgress ? nil : leg.endedAt
        )
        return ComposedRecord(entry: entry, sections: sections)
    }

    /// The subject: the agent's own, or the template filled in.
    func subject(leg: CallLeg, contact: Contact, content: CallLogContent, agent: AgentIdentity?) -> String {
        if let typed = content.subject?.trimmingCharacters(in: .whitespacesAndNewlines), !typed.isEmpty { return typed }
        guard self.format.logs(.subject) else { return "Call" }
        guard let template = self.format.subjectTemplate else { return Self.defaultSubject(leg: leg, contactName: contact.name) }
        let values: [String: String] = [
            "contact": contact.name, "number": leg.counterpart.phoneNumber ?? "", "direction": leg.direction.rawValue,
            "result": leg.result.rawValue, "agent": agent?.name ?? "", "date": self.format.format(leg.startedAt),
        ]
        return SubjectTemplate.fill(template, with: values)
    }

    static func defaultSubject(leg: CallLeg, contactName: String) -> String {
        switch (leg.direction, leg.result) {
        case (.inbound, .answered): "Inbound call from \(contactName)"
        case (.inbound, .missed): "Missed call from \(contactName)"
        case (.inbound, .voicemail): "Voicemail from \(contactName)"
        case (.outbound, .answered): "Outbound call to \(contactName)"
        case (.outbound, _): "Unanswered call to \(contactName)"
        }
    }

    /// The body's sections in their fixed order, each with the artifact it belongs to.
    func sections(leg: CallLeg, contact: Contact, content: CallLogContent, agent: AgentIdentity?, journey: [String]) -> [TaggedSection] {
        var out: [TaggedSection] = [TaggedSection(.basics, RecordSection("Contact", contact.name))]
        func add(_ field: LoggedField, _ artifact: Artifact, _ label: String, _ value: String?) {
            guard self.format.logs(field), let value, !value.isEmpty else { return }
            out.append(TaggedSection(artifact, RecordSection(label, value)))
        }
        add(.contactNumber, .basics, "Number", leg.counterpart.phoneNumber)
        add(.dateTime, .basics, "Date", self.format.format(leg.startedAt))
        add(.duration, .basics, "Duration", leg.inProgress ? "call in progress" : CallLogComposer.formatDuration(leg.duration))
        add(.result, .basics, "Result", leg.inProgress ? "In progress" : leg.result.rawValue)
        add(.disposition, .disposition, "Disposition", content.disposition)
        add(.agent, .basics, "Agent", agent?.description)
        add(.notes, .notes, "Notes", content.notes?.text)
        add(.recordingLink, .recording, "Recording", content.recording?.url)
        add(.aiSummary, .aiSummary, "AI summary", content.insights?.summary)
        add(.transcript, .transcript, "Transcript", content.insights?.transcript)
        add(.callJourney, .callJourney, "Call journey", journey.isEmpty ? nil : journey.joined(separator: "\n"))
        add(.sessionID, .basics, "Session", leg.sessionID.rawValue)
        return out
    }

    /// `1h 02m 05s`, `4m 10s`, `12s`.
    public static func formatDuration(_ duration: TimeInterval) -> String {
        let total = Int(duration.rounded())
        let (hours, minutes, seconds) = (total / 3600, (total % 3600) / 60, total % 60)
        if hours > 0 { return "\(hours)h " + String(format: "%02dm %02ds", minutes, seconds) }
        if minutes > 0 { return "\(minutes)m " + String(format: "%02ds", seconds) }
        return "\(seconds)s"
    }
}

/// The agent a log belongs to, as the record names them.
public struct AgentIdentity: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var extensionNumber: String?
    /// Who the agent is in the CRM: the owner their records are assigned to.
    public var crmOwner: String?

    public init(name: String, extensionNumber: String?, crmOwner: String? = nil) {
        self.name = name
        self.extensionNumber = extensionNumber
        self.crmOwner = crmOwner
    }

    public var description: String { self.extensionNumber.map { "\(self.name) (ext \($0))" } ?? self.name }
}

/// A body section and the artifact it shows.
public struct TaggedSection: Sendable, Hashable {
    public var artifact: Artifact
    public var section: RecordSection

    public init(_ artifact: Artifact, _ section: RecordSection) {
        self.artifact = artifact
        self.section = section
    }
}

/// A composed record: the entry to write and the sections it was rendered from.
public struct ComposedRecord: Sendable, Hashable {
    public var entry: CallLogEntry
    public var sections: [TaggedSection]

    /// A fingerprint per artifact of what this record shows of it; an artifact it does not show has
    /// none. The subject counts as part of the basics.
    public var artifactFingerprints: [Artifact: String] {
        var fingerprints = Dictionary(grouping: self.sections, by: \.artifact).mapValues { tagged in
            StableHash.hex(tagged.map { $0.section.label + "\u{0}" + $0.section.value }.joined(separator: "\u{1}"))
        }
        fingerprints[.basics] = StableHash.hex(self.entry.subject + "\u{1}" + (fingerprints[.basics] ?? ""))
        return fingerprints
    }

    /// The sections of `artifacts` only: what gets added to a record a person has edited.
    public func sections(of artifacts: Set<Artifact>) -> [RecordSection] {
        self.sections.filter { artifacts.contains($0.artifact) }.map(\.section)
    }
}

/// Fills `{name}` placeholders; unknown names are left as they are, so a typo shows instead of vanishing.
enum SubjectTemplate {
    static func fill(_ template: String, with values: [String: String]) -> String {
        var out = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { return out + rest[open...] }
            let name = String(rest[rest.index(after: open)..<close])
            out += values[name] ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
