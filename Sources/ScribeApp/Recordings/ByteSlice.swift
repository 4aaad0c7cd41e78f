import NIOCore

/// The bytes `skip ..< skip + take` of a stream of buffers, passed on as they arrive: how a range
/// is cut from a whole recording when the upstream answered a ranged request with all of it.
struct ByteSlice: AsyncSequence, Sendable {
    typealias Element = ByteBuffer

    let base: any AsyncSequence<ByteBuffer, any Error> & Sendable
    let skip: Int
    let take: Int

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: any AsyncIteratorProtocol<ByteBuffer, any Error>
        var toSkip: Int
        var toTake: Int

        mutating func next() async throws -> ByteBuffer? {
            while self.toTake > 0 {
                guard var chunk = try await self.base.next() else { return nil }
                if self.toSkip > 0 {
                    let dropped = Swift.min(self.toSkip, chunk.readableBytes)
                    chunk.moveReaderIndex(forwardBy: dropped)
                    self.toSkip -= dropped
                }
                guard chunk.readableBytes > 0 else { continue }
                let kept = Swift.min(self.toTake, chunk.readableBytes)
                self.toTake -= kept
                // Whatever follows the range is left unread; dropping the stream ends the download.
                return chunk.readSlice(length: kept)
            }
            return nil
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: self.base.makeAsyncIterator(), toSkip: self.skip, toTake: self.take)
    }
}
