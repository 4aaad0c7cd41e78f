import Foundation

/// What a request's `Range` header asks for, as far as Callscribe answers it (RFC 9110 §14.2).
///
/// Only one range of bytes is served as 206. A header Callscribe does not honour — another unit,
/// several ranges, or one that does not parse — is ignored, which RFC 9110 allows: the whole
/// representation is sent with 200. Browsers' audio players ask for one range at a time.
public enum RangeRequest: Sendable, Hashable {
    /// No usable `Range`: the whole representation, 200.
    case whole
    /// `bytes=first-` or `bytes=first-last`.
    case from(first: Int, last: Int?)
    /// `bytes=-count`: the last `count` bytes.
    case suffix(count: Int)

    /// Where the answer's bytes come from once the representation's length is known.
    public enum Resolution: Sendable, Hashable {
        /// 200 with everything.
        case whole
        /// 206 with this range.
        case partial(ByteRange)
        /// 416: no byte of the representation is in the range.
        case unsatisfiable
    }

    /// Reads a `Range` header value; nil (absent) is ``whole``.
    public static func parse(_ header: String?) -> RangeRequest {
        guard let header else { return .whole }
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        guard trimmed.lowercased().hasPrefix("bytes=") else { return .whole }
        let spec = trimmed.dropFirst("bytes=".count).trimmingCharacters(in: .whitespaces)
        // Several ranges would need a multipart/byteranges answer; the whole file serves them too.
        guard !spec.contains(",") else { return .whole }
        let ends = spec.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard ends.count == 2 else { return .whole }
        if ends[0].isEmpty {
            guard let count = ByteRange.digits(ends[1]) else { return .whole }
            return .suffix(count: count)
        }
        guard let first = ByteRange.digits(ends[0]) else { return .whole }
        if ends[1].isEmpty { return .from(first: first, last: nil) }
        // A last position before the first makes the header invalid, and so ignored.
        guard let last = ByteRange.digits(ends[1]), last >= first else { return .whole }
        return .from(first: first, last: last)
    }

    /// The header to send upstream for the same bytes, or nil when the whole is wanted.
    public var headerValue: String? {
        switch self {
        case .whole: nil
        case .from(let first, let last): "bytes=\(first)-\(last.map(String.init) ?? "")"
        case .suffix(let count): "bytes=-\(count)"
        }
    }

    /// The bytes to send of a representation `length` bytes long.
    public func resolve(length: Int) -> Resolution {
        switch self {
        case .whole:
            return .whole
        case .from(let first, let last):
            guard first < length else { return .unsatisfiable }
            return .partial(ByteRange(first: first, last: min(last ?? (length - 1), length - 1)))
        case .suffix(let count):
            // A suffix longer than the representation is all of it (still a 206); `-0` asks for nothing.
            guard count > 0, length > 0 else { return .unsatisfiable }
            return .partial(ByteRange(first: max(0, length - count), last: length - 1))
        }
    }
}
