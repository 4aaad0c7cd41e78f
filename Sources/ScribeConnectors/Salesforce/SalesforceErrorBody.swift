import Foundation

/// Salesforce's error body: a JSON array `[{"message": "…", "errorCode": "…", "fields": […]}]`.
///
/// Read leniently: a single object instead of an array is accepted, and a field of an unexpected
/// shape is dropped rather than losing the whole body.
struct SalesforceErrorBody: Sendable {
    struct Item: Decodable, Sendable {
        var message: String?
        var errorCode: String?
        var fields: [String]

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.message = try? container.decodeIfPresent(String.self, forKey: .message)
            // A save result's errors say `statusCode` where REST errors say `errorCode`.
            self.errorCode =
                (try? container.decodeIfPresent(String.self, forKey: .errorCode))
                ?? (try? container.decodeIfPresent(String.self, forKey: .statusCode))
            self.fields = (try? container.decodeIfPresent([String].self, forKey: .fields)) ?? []
        }

        private enum CodingKeys: String, CodingKey {
            case message, errorCode, statusCode, fields
        }
    }

    var items: [Item]

    init?(_ data: Data) {
        if let items = try? JSONDecoder().decode([Item].self, from: data) {
            self.items = items
        } else if let item = try? JSONDecoder().decode(Item.self, from: data), item.message != nil || item.errorCode != nil {
            self.items = [item]
        } else {
            return nil
        }
    }

    init(items: [Item]) {
        self.items = items
    }

    /// The first error code, e.g. `INVALID_SESSION_ID`.
    var errorCode: String? { self.items.lazy.compactMap(\.errorCode).first }

    /// `CODE: message` for each error, joined.
    var summary: String? {
        let parts = self.items.compactMap { item -> String? in
            switch (item.errorCode, item.message) {
            case let (code?, message?): "\(code): \(message)"
            case let (code?, nil): code
            case let (nil, message?): message
            case (nil, nil): nil
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}
