import NIOCore
import ScribeCore

/// A recording's audio as RingCentral (or the local archive) sends it, still streaming: passed on
/// chunk by chunk so a long recording is never held in memory.
public struct RecordingContent: Sendable {
    /// `audio/mpeg` or `audio/wav`, as RingCentral says.
    public var contentType: String
    /// The length of `body`, if known.
    public var contentLength: Int?
    /// Set when `body` is only part of the recording (a 206): which part, and the whole length if known.
    public var range: ByteRange?
    /// The whole recording's length, if known (with `range`, from its `Content-Range`).
    public var completeLength: Int?
    /// The bytes, read once.
    public var body: any AsyncSequence<ByteBuffer, any Error> & Sendable

    public init(
        contentType: String, contentLength: Int?, range: ByteRange? = nil, completeLength: Int? = nil,
        body: any AsyncSequence<ByteBuffer, any Error> & Sendable
    ) {
        self.contentType = contentType
        self.contentLength = contentLength
        self.range = range
        self.completeLength = completeLength ?? (range == nil ? contentLength : nil)
        self.body = body
    }
}
