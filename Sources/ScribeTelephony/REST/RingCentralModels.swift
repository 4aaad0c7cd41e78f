import Foundation

/// `POST /restapi/oauth/token` answer (`TokenInfo`).
struct TokenInfo: Codable {
    var access_token: String
    var token_type: String?
    var expires_in: Int
    var refresh_token: String?
    var refresh_token_expires_in: Int?
    var scope: String?
    var owner_id: String?
}

/// `POST /restapi/v1.0/subscription` body.
struct CreateSubscriptionRequest: Codable {
    struct DeliveryMode: Codable {
        var transportType: String
        var address: String
        var verificationToken: String?
    }

    var eventFilters: [String]
    var deliveryMode: DeliveryMode
    var expiresIn: Int?
}

/// `PUT /restapi/v1.0/subscription/{id}` body: the filters replace the subscription's.
struct UpdateSubscriptionRequest: Codable {
    var eventFilters: [String]
}

/// `SubscriptionInfo`.
public struct SubscriptionInfo: Codable, Sendable, Hashable {
    public struct Delivery: Codable, Sendable, Hashable {
        public var transportType: String?
        public var address: String?
    }

    public struct BlacklistedData: Codable, Sendable, Hashable {
        public var blacklistedAt: String?
        public var reason: String?
    }

    public var id: String
    public var deliveryMode: Delivery?
    public var blacklistedData: BlacklistedData?
    public var status: String
    public var eventFilters: [String]
    public var expirationTime: String?
    public var expiresIn: Int?
}

/// `GET /restapi/v1.0/subscription` answer.
struct SubscriptionList: Codable {
    var records: [SubscriptionInfo]
}

/// `GET /restapi/v1.0/account/~/extension` answer.
struct ExtensionList: Codable {
    struct Record: Codable {
        var id: Int64
        var extensionNumber: String?
        var name: String?
        var type: String?
        var status: String?
    }

    var records: [Record]
    var navigation: Navigation?
}

/// Paging links of list answers; we follow `nextPage` while it is present.
struct Navigation: Codable {
    struct Link: Codable {
        var uri: String
    }

    var nextPage: Link?
}

/// `GET /restapi/v1.0/account/~/call-log` answer.
struct CallLogResponse: Codable {
    var records: [CallLogRecord]
    var navigation: Navigation?
}

/// `GET /restapi/v1.0/account/~` answer (the fields we use).
struct AccountInfo: Codable {
    var id: Int64
}

/// An answer with no body (204), for requests whose result is their status alone.
struct EmptyAnswer: Decodable {}
