import Foundation

/// RingCentral's date formats: ISO 8601 in UTC, with or without fractional seconds.
enum RingCentralDate {
    private static let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let withoutFraction = Date.ISO8601FormatStyle()

    static func parse(_ text: String) -> Date? {
        (try? self.withFraction.parse(text)) ?? (try? self.withoutFraction.parse(text))
    }

    static func format(_ date: Date) -> String {
        self.withFraction.format(date)
    }

    /// The account id in an event filter such as `/restapi/v1.0/account/123/telephony/sessions`.
    static func accountID(inEventFilter filter: String?) -> String? {
        // An empty filter, or one that is only a query, splits into nothing: no path, no account.
        guard let path = filter?.split(separator: "?").first else { return nil }
        let parts = path.split(separator: "/")
        guard let index = parts.firstIndex(of: "account"), index + 1 < parts.count, parts[index + 1] != "~" else { return nil }
        return String(parts[index + 1])
    }
}
