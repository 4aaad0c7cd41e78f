import Foundation
import Hummingbird
import NIOCore
import ScribeApp
import ScribeCore
import ServiceLifecycle

/// `GET /api/stream`: server-sent events telling a page that calls or logs changed, so it refreshes
/// what it shows. Each connection looks at the ledger's latest change once a second, which also
/// catches changes made by another process (the CLI) on the same ledger.
struct StreamController {
    let callscribe: Callscribe
    var pollInterval: Duration = .seconds(1)
    /// A comment line this often keeps proxies from closing an idle stream.
    var heartbeatEvery = 15
    /// Polls before the stream closes; EventSource reconnects on its own.
    var maximumTicks = 300

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/stream") { _, context in
            let user = try context.requireUser()
            let callscribe = self.callscribe
            let interval = self.pollInterval
            let heartbeatEvery = self.heartbeatEvery
            let maximumTicks = self.maximumTicks
            let body = ResponseBody { writer in
                var last = try await callscribe.latestChange(for: user)
                try await writer.write(ByteBuffer(string: "retry: 2000\n\n"))
                var ticks = 0
                // A stream ends after a while (the browser reconnects) and when the server shuts down.
                while !Task.isCancelled, !Task.isShuttingDownGracefully, ticks < maximumTicks {
                    try await Task.sleep(for: interval)
                    ticks += 1
                    let latest = try await callscribe.latestChange(for: user)
                    if latest != last {
                        last = latest
                        let at = latest.map { String($0.timeIntervalSince1970) } ?? "0"
                        try await writer.write(ByteBuffer(string: "event: change\ndata: {\"at\": \(at)}\n\n"))
                    } else if ticks % heartbeatEvery == 0 {
                        try await writer.write(ByteBuffer(string: ": still here\n\n"))
                    }
                }
                try await writer.finish(nil)
            }
            return Response(
                status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"], body: body
            )
        }
    }
}
