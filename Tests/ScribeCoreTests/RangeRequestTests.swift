import ScribeCore
import Testing

@Suite("HTTP Range requests")
struct RangeRequestTests {
    static let headers: [(String, RangeRequest)] = [
        ("bytes=0-99", .from(first: 0, last: 99)),
        ("bytes=100-", .from(first: 100, last: nil)),
        ("bytes=-500", .suffix(count: 500)),
        (" Bytes=5-5 ", .from(first: 5, last: 5)),
        ("bytes=0-0,10-20", .whole),
        ("bytes=9-3", .whole),
        ("items=0-5", .whole),
        ("bytes=abc-", .whole),
        ("bytes=-", .whole),
        ("bytes=+1-2", .whole),
    ]

    @Test("parses one range of bytes; anything else asks for the whole", arguments: Self.headers)
    func parses(header: String, expected: RangeRequest) {
        #expect(RangeRequest.parse(header) == expected)
    }

    @Test("no header is the whole")
    func absent() {
        #expect(RangeRequest.parse(nil) == .whole)
        #expect(RangeRequest.whole.headerValue == nil)
    }

    @Test("resolves against the length: clamped ends, suffixes, and ranges that miss")
    func resolves() {
        #expect(RangeRequest.from(first: 0, last: 99).resolve(length: 1000) == .partial(ByteRange(first: 0, last: 99)))
        #expect(RangeRequest.from(first: 900, last: 5000).resolve(length: 1000) == .partial(ByteRange(first: 900, last: 999)))
        #expect(RangeRequest.from(first: 10, last: nil).resolve(length: 1000) == .partial(ByteRange(first: 10, last: 999)))
        #expect(RangeRequest.suffix(count: 100).resolve(length: 1000) == .partial(ByteRange(first: 900, last: 999)))
        #expect(RangeRequest.suffix(count: 5000).resolve(length: 1000) == .partial(ByteRange(first: 0, last: 999)))
        #expect(RangeRequest.from(first: 1000, last: nil).resolve(length: 1000) == .unsatisfiable)
        #expect(RangeRequest.suffix(count: 0).resolve(length: 1000) == .unsatisfiable)
        #expect(RangeRequest.whole.resolve(length: 1000) == .whole)
    }

    @Test("forwards the same range upstream")
    func headerValue() {
        #expect(RangeRequest.from(first: 3, last: 9).headerValue == "bytes=3-9")
        #expect(RangeRequest.from(first: 3, last: nil).headerValue == "bytes=3-")
        #expect(RangeRequest.suffix(count: 7).headerValue == "bytes=-7")
    }

    @Test("writes and reads Content-Range")
    func contentRange() throws {
        let range = ByteRange(first: 100, last: 199)
        #expect(range.count == 100)
        #expect(range.contentRange(completeLength: 3000) == "bytes 100-199/3000")
        #expect(range.contentRange(completeLength: nil) == "bytes 100-199/*")
        #expect(ByteRange.unsatisfiedContentRange(completeLength: 3000) == "bytes */3000")
        let parsed = try #require(ByteRange.parseContentRange("bytes 100-199/3000"))
        #expect(parsed.range == range && parsed.completeLength == 3000)
        #expect(ByteRange.parseContentRange("bytes 100-199/*")?.completeLength == nil)
        #expect(ByteRange.parseContentRange("bytes 100-199/150") == nil, "the length must exceed the last position")
        #expect(ByteRange.parseContentRange("bytes */3000") == nil)
        #expect(ByteRange.parseContentRange("items 1-2/3") == nil)
    }
}
