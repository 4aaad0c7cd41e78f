import Foundation

/// A typed string identifier. The tag keeps a call-log id from being passed where a session id is expected.
public struct Identifier<Tag>: Hashable, Sendable, Codable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.rawValue)
    }

    public var description: String { self.rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

public enum AccountTag {}
public enum ExtensionTag {}
public enum TelephonySessionTag {}
public enum PartyTag {}
public enum ConnectionTag {}
public enum CallLogTag {}
public enum ContactTag {}
public enum CRMRecordTag {}
public enum EventTag {}

/// A phone-system account (a company).
public typealias AccountID = Identifier<AccountTag>
/// A phone-system extension: a user, or a queue, in an account.
public typealias ExtensionID = Identifier<ExtensionTag>
/// RingCentral's `telephonySessionId`: one call, across all its parties and legs.
public typealias TelephonySessionID = Identifier<TelephonySessionTag>
/// One party (leg) of a telephony session.
public typealias PartyID = Identifier<PartyTag>
/// A configured CRM connection.
public typealias ConnectionID = Identifier<ConnectionTag>
/// Our own id for one call log: (account, extension, session, connection).
public typealias CallLogID = Identifier<CallLogTag>
/// A contact's id in the CRM.
public typealias ContactID = Identifier<ContactTag>
/// The id of a record we wrote into the CRM.
public typealias CRMRecordID = Identifier<CRMRecordTag>
/// A telephony event's id (the webhook envelope's `uuid`).
public typealias EventID = Identifier<EventTag>
