import ScribeApp
import Testing

@Suite("WorkSignal")
struct WorkSignalTests {
    @Test("a signal sent before the wait makes the wait return at once")
    func pendingSignal() async {
        let signal = WorkSignal()
        signal.signal()
        let elapsed = await ContinuousClock().measure { await signal.wait(timeout: .seconds(60)) }
        // Far below the 60 s timeout, with room for CPU-bound suites running alongside on two cores.
        #expect(elapsed < .seconds(10))
    }

    @Test("a signal is consumed by one wait; the next wait runs to its timeout")
    func signalConsumed() async {
        let signal = WorkSignal()
        signal.signal()
        signal.signal()
        await signal.wait(timeout: .seconds(60))
        let elapsed = await ContinuousClock().measure { await signal.wait(timeout: .milliseconds(100)) }
        #expect(elapsed >= .milliseconds(90))
    }

    @Test("a wait without a signal returns after its timeout")
    func timeout() async {
        let signal = WorkSignal()
        let elapsed = await ContinuousClock().measure { await signal.wait(timeout: .milliseconds(100)) }
        #expect(elapsed >= .milliseconds(90))
        #expect(elapsed < .seconds(5))
    }

    @Test("a signal wakes a parked waiter")
    func wakesWaiter() async throws {
        let signal = WorkSignal()
        let clock = ContinuousClock()
        let start = clock.now
        let waiter = Task { await signal.wait(timeout: .seconds(60)) }
        try await Task.sleep(for: .milliseconds(50))
        signal.signal()
        await waiter.value
        // Far below the 60 s timeout, with room for CPU-bound suites running alongside on two cores.
        #expect(clock.now - start < .seconds(10))
    }

    @Test("a cancelled waiting task returns promptly")
    func cancellation() async throws {
        let signal = WorkSignal()
        let clock = ContinuousClock()
        let start = clock.now
        let waiter = Task { await signal.wait(timeout: .seconds(60)) }
        try await Task.sleep(for: .milliseconds(50))
        waiter.cancel()
        await waiter.value
        // Far below the 60 s timeout, with room for CPU-bound suites running alongside on two cores.
        #expect(clock.now - start < .seconds(10))
    }

    @Test("a task cancelled before it waits does not wait")
    func cancelledBeforeWait() async {
        let signal = WorkSignal()
        let elapsed = await ContinuousClock().measure {
            let waiter = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                await signal.wait(timeout: .seconds(60))
            }
            await waiter.value
        }
        // Far below the 60 s timeout, with room for CPU-bound suites running alongside on two cores.
        #expect(elapsed < .seconds(10))
    }
}
