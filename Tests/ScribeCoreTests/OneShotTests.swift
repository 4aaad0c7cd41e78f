import Foundation
import ScribeCore
import Testing

@Suite("OneShot")
struct OneShotTests {
    @Test("delivers the value to waiters that started before it was fulfilled")
    func waitersBefore() async {
        let shot = OneShot<Int>()
        await withTaskGroup(of: Int.self) { group in
            for _ in 0..<4 {
                group.addTask { await shot.value }
            }
            for _ in 0..<10 { await Task.yield() }
            shot.fulfill(8080)
            var values: [Int] = []
            for await value in group { values.append(value) }
            #expect(values == [8080, 8080, 8080, 8080])
        }
    }

    @Test("delivers the value to waiters that start after it was fulfilled, and keeps the first value")
    func waitersAfter() async {
        let shot = OneShot<String>()
        shot.fulfill("first")
        shot.fulfill("second")
        #expect(await shot.value == "first")
        #expect(await shot.value == "first")
    }

    @Test("a cancellable wait gets the value once fulfilled, and throws when its task is cancelled first")
    func cancellableWait() async throws {
        let shot = OneShot<Int>()
        let waiting = Task { try await shot.wait() }
        waiting.cancel()
        await #expect(throws: CancellationError.self) { try await waiting.value }
        let second = Task { try await shot.wait() }
        shot.fulfill(7)
        #expect(try await second.value == 7)
        #expect(try await shot.wait() == 7)
    }
}
