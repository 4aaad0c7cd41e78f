import NIOCore

/// A recording's audio as RingCentral sends it, still streaming: passed on chunk by chunk so a long
/// recording is never held in memory.
public struct RecordingContent: Sendable {
    /// `audio/mpeg` or `audio/wav`, as RingCentral says.
    public var contentType: String
    /// The length RingCentral announced, if it did.
    public var contentLength: Int?
    /// The bytes, read once.
    public var body: any AsyncSequence<ByteBuffer, any Error> & Sendable

    public init(contentType: String, contentLength: Int?, body: any AsyncSequence<ByteBuffer, any Error> & Sendable) {
        self.contentType = contentType
        self.contentLength = contentLength
        self.body = body
    }
}
