import Foundation
import ScribeApp
import Synchronization

/// Shows a backfill's progress on standard error: a bar redrawn in place on a terminal, one plain
/// line per page otherwise (a log file or CI keeps every step, without control characters).
final class ProgressDisplay: Sendable {
    private let terminal: Bool
    private let dryRun: Bool
    /// Whether a bar is on screen, to end its line before anything else is printed.
    private let drawn = Mutex(false)

    init(terminal: Bool, dryRun: Bool) {
        self.terminal = terminal
        self.dryRun = dryRun
    }

    func show(_ progress: BackfillProgress) {
        let newLabel = self.dryRun ? "not in the ledger" : "new"
        let counts = "page \(progress.pagesRead), \(progress.recordsRead) records, \(progress.callsFound) calls (\(progress.newCalls) \(newLabel))"
        let why = progress.rateLimited ? "RingCentral asks us to slow down" : "RingCentral is unreachable or failing"
        let waiting = progress.waitingSeconds.map { "\(why); retrying in \(Int($0.rounded())) s" }
        if self.terminal {
            let width = 30
            let filled = Int((progress.fractionDone * Double(width)).rounded(.down))
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            let percent = String(format: "%3.0f%%", progress.fractionDone * 100)
            // \r and "erase line" redraw the bar in place.
            self.write("\r\u{1B}[2K[\(bar)] \(percent)  " + (waiting ?? counts))
            self.drawn.withLock { $0 = true }
        } else {
            self.write("backfill: " + (waiting ?? counts) + "\n")
        }
    }

    /// Ends the bar's line, so that the report starts on a fresh one.
    func finish() {
        let wasDrawn = self.drawn.withLock { drawn in
            defer { drawn = false }
            return drawn
        }
        if wasDrawn { self.write("\n") }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
