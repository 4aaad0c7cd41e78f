import Foundation

/// A calendar day in UTC, written `YYYY-MM-DD`: how reports group calls and how people name a range
/// of them on the command line. UTC so that a day means the same on every server.
public struct UTCDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The day `text` names, strictly `YYYY-MM-DD`; nil for anything else, including days that do not exist (2026-02-30).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, [4, 2, 2] == parts.map(\.count), parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), year >= 1
        else { return nil }
        // The calendar rolls 2026-02-30 over to March; only a day that comes back unchanged exists.
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = Self.calendar.date(from: components), Self(containing: date) == Self(year: year, month: month, day: day) else {
            return nil
        }
        self.init(year: year, month: month, day: day)
    }

    /// The UTC day `date` falls on.
    public init(containing date: Date) {
        let components = Self.calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: components.year ?? 1970, month: components.month ?? 1, day: components.day ?? 1)
    }

    private init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Midnight UTC at the start of the day.
    public var start: Date {
        Self.calendar.date(from: DateComponents(year: self.year, month: self.month, day: self.day)) ?? Date(timeIntervalSince1970: 0)
    }

    /// The day after.
    public var next: UTCDay {
        UTCDay(containing: self.start.addingTimeInterval(36 * 3600))
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", self.year, self.month, self.day)
    }

    public static func < (lhs: UTCDay, rhs: UTCDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = UTCDay(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a YYYY-MM-DD day"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.description)
    }

    private static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        return calendar
    }
}
