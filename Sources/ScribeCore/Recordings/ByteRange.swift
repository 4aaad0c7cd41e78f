import Foundation

/// An inclusive span of bytes of a representation, `first...last` (RFC 9110 §14.1.1).
public struct ByteRange: Sendable, Hashable {
    public var first: Int
    public var last: Int

    public init(first: Int, last: Int) {
        precondition(first >= 0 && last >= first, "a byte range runs forwards from 0")
        self.first = first
        self.last = last
    }

    /// How many bytes the range holds.
    public var count: Int { self.last - self.first + 1 }

    /// The `Content-Range` value of a 206 answer carrying this range of `completeLength` bytes
    /// (`*` when the length is not known).
    public func contentRange(completeLength: Int?) -> String {
        "bytes \(self.first)-\(self.last)/\(completeLength.map(String.init) ?? "*")"
    }

    /// The `Content-Range` value of a 416 answer: `bytes */length`.
    public static func unsatisfiedContentRange(completeLength: Int) -> String {
        "bytes */\(completeLength)"
    }

    /// Reads a 206 answer's `Content-Range` (`bytes first-last/length` or `bytes first-last/*`);
    /// nil for anything else.
    public static func parseContentRange(_ value: String) -> (range: ByteRange, completeLength: Int?)? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard trimmed.lowercased().hasPrefix("bytes ") else { return nil }
        let spec = trimmed.dropFirst("bytes ".count)
        let halves = spec.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard halves.count == 2 else { return nil }
        let ends = halves[0].split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard ends.count == 2, let first = Self.digits(ends[0]), let last = Self.digits(ends[1]), last >= first else { return nil }
        let length: Int?
        if halves[1] == "*" {
            length = nil
        } else {
            guard let complete = Self.digits(halves[1]), complete > last else { return nil }
            length = complete
        }
        return (ByteRange(first: first, last: last), length)
    }

    /// A non-negative decimal made only of digits (no sign, no spaces), or nil.
    static func digits(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 18, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }
}
