import Foundation
import ServiceLifecycle

/// Places calls on the sandbox phone system at a steady, random pace, each delivered in real time,
/// until the service group shuts down.
public struct CallGenerator: Service {
    let sandbox: PhoneSystemSandbox
    let scripts: CallScripts
    /// Mean seconds between two calls.
    let meanGap: Double
    let seed: UInt64

    public init(sandbox: PhoneSystemSandbox, scripts: CallScripts, meanGap: Double, seed: UInt64) {
        self.sandbox = sandbox
        self.scripts = scripts
        self.meanGap = meanGap
        self.seed = seed
    }

    public func run() async throws {
        // Seeded by the first call number, so a restarted demo goes on with new calls rather than replaying old ones.
        let first = self.sandbox.nextCallNumber
        try await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                var random = SeededGenerator(seed: self.seed &+ UInt64(first))
                var number = first
                while !Task.isCancelled {
                    let call = self.scripts.call(number: number, placedAt: Date(), using: &random)
                    do {
                        try self.sandbox.place(call)
                    } catch {
                        return
                    }
                    group.addTask { await self.sandbox.deliver(call, realTime: true) }
                    number += 1
                    let gap = self.meanGap * Double.random(in: 0.3...1.7, using: &random)
                    do { try await Task.sleep(for: .seconds(gap)) } catch { return }
                }
            }
        }
    }
}
