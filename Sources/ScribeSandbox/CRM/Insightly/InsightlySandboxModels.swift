import Foundation
import ScribeCore

/// A link between two Insightly records (`LINKS[]`): the owner is `OBJECT_NAME`/`OBJECT_ID`.
public struct InsightlySandboxLink: Sendable, Equatable {
    public var linkID: Int
    public var objectName: String
    public var objectID: Int
    /// As the client sent it (`contact`, `Organisation`…); AppConnect reads it back verbatim.
    public var linkObjectName: String
    public var linkObjectID: Int
    public var role: String?
    public var details: String?

    var json: JSONValue {
        .object([
            "LINK_ID": .int(self.linkID), "OBJECT_NAME": .string(self.objectName), "OBJECT_ID": .int(self.objectID),
            "LINK_OBJECT_NAME": .string(self.linkObjectName), "LINK_OBJECT_ID": .int(self.linkObjectID),
            "ROLE": .optional(self.role), "DETAILS": .optional(self.details), "RELATIONSHIP_ID": .null, "IS_FORWARD": .null,
        ])
    }
}

/// A contact or a lead: UPPER_SNAKE fields as Insightly names them, phones stored as typed.
public struct InsightlySandboxPerson: Sendable, Equatable {
    /// `Contact` or `Lead`.
    public var kind: String
    public var id: Int
    public var firstName: String
    public var lastName: String
    /// `PHONE` on both.
    public var phone: String?
    /// `PHONE_MOBILE` on a contact, `MOBILE` on a lead.
    public var mobile: String?
    public var email: String?
    public var organisationID: Int?
    /// A lead's `ORGANISATION_NAME`.
    public var organisationName: String?
    var created: Date

    /// The fields `search?field_name=` may name, with the stored value of each.
    var searchable: [String: String?] {
        self.kind == "Contact"
            ? ["FIRST_NAME": self.firstName, "LAST_NAME": self.lastName, "PHONE": self.phone, "PHONE_MOBILE": self.mobile, "EMAIL_ADDRESS": self.email]
            : ["FIRST_NAME": self.firstName, "LAST_NAME": self.lastName, "PHONE": self.phone, "MOBILE": self.mobile, "EMAIL": self.email, "ORGANISATION_NAME": self.organisationName]
    }

    func json(links: [InsightlySandboxLink], brief: Bool) -> JSONValue {
        let stamp = JSONValue.string(InsightlySandbox.timestamp(self.created))
        var fields: [String: JSONValue] = [
            "FIRST_NAME": .string(self.firstName), "LAST_NAME": .string(self.lastName), "SALUTATION": .null, "TITLE": .null,
            "PHONE": .optional(self.phone), "OWNER_USER_ID": .int(InsightlySandboxSeed.userID), "CREATED_USER_ID": .int(InsightlySandboxSeed.userID),
            "DATE_CREATED_UTC": stamp, "DATE_UPDATED_UTC": stamp, "LAST_ACTIVITY_DATE_UTC": .null, "IMAGE_URL": .null,
        ]
        if self.kind == "Contact" {
            fields["CONTACT_ID"] = .int(self.id)
            fields["PHONE_MOBILE"] = .optional(self.mobile)
            fields["PHONE_HOME"] = .null
            fields["PHONE_OTHER"] = .null
            fields["EMAIL_ADDRESS"] = .optional(self.email)
            fields["ORGANISATION_ID"] = self.organisationID.map { .int($0) } ?? .null
        } else {
            fields["LEAD_ID"] = .int(self.id)
            fields["MOBILE"] = .optional(self.mobile)
            fields["EMAIL"] = .optional(self.email)
            fields["ORGANISATION_NAME"] = .optional(self.organisationName)
            fields["LEAD_STATUS_ID"] = .int(1)
            fields["CONVERTED"] = .bool(false)
        }
        if !brief {
            fields["CUSTOMFIELDS"] = .array([])
            fields["TAGS"] = .array([])
            fields["LINKS"] = .array(links.map(\.json))
        }
        return .object(fields)
    }
}

/// An organisation or an opportunity: the records a contact's `LINKS` point to.
public struct InsightlySandboxRelated: Sendable, Equatable {
    /// `Organisation` or `Opportunity`.
    public var kind: String
    public var id: Int
    public var name: String
    /// An opportunity's `OPPORTUNITY_STATE`: `OPEN`, `WON`, `LOST`…
    public var state: String?

    var json: JSONValue {
        self.kind == "Organisation"
            ? .object(["ORGANISATION_ID": .int(self.id), "ORGANISATION_NAME": .string(self.name), "OWNER_USER_ID": .int(InsightlySandboxSeed.userID), "LINKS": .array([])])
            : .object([
                "OPPORTUNITY_ID": .int(self.id), "OPPORTUNITY_NAME": .string(self.name), "OPPORTUNITY_STATE": .optional(self.state),
                "OWNER_USER_ID": .int(InsightlySandboxSeed.userID), "LINKS": .array([]),
            ])
    }
}

/// An event, the call log: a calendar entry with a title, details and UTC start and end.
public struct InsightlySandboxEvent: Sendable, Equatable {
    public var id: Int
    public var title: String
    public var location: String?
    /// `yyyy-MM-dd HH:mm:ss`, UTC.
    public var start: String
    public var end: String
    public var allDay: Bool
    public var details: String?
    public var ownerUserID: Int
    var created: Date
    var updated: Date

    func json(links: [InsightlySandboxLink]) -> JSONValue {
        .object([
            "EVENT_ID": .int(self.id), "TITLE": .string(self.title), "LOCATION": .optional(self.location),
            "START_DATE_UTC": .string(self.start), "END_DATE_UTC": .string(self.end), "ALL_DAY": .bool(self.allDay),
            "DETAILS": .optional(self.details), "OWNER_USER_ID": .int(self.ownerUserID), "REMINDER_DATE_UTC": .null, "REMINDER_SENT": .bool(false),
            "DATE_CREATED_UTC": .string(InsightlySandbox.timestamp(self.created)), "DATE_UPDATED_UTC": .string(InsightlySandbox.timestamp(self.updated)),
            "CUSTOMFIELDS": .array([]), "LINKS": .array(links.map(\.json)),
        ])
    }
}
