import Foundation
import ScribeCore

extension CoverageReport {
    /// The report as a table for a terminal, one line per day, then the reasons and the share logged.
    public var text: String {
        let range = "\(self.since?.description ?? "the first call") to \(self.until?.description ?? "the last call")"
        var lines = ["Call-log coverage from \(range), by UTC day of the call's start", ""]
        guard self.totals.total > 0 else {
            lines.append("No call logs in this range.")
            return lines.joined(separator: "\n")
        }
        let header = ["day", "calls", "logged", "pending", "failed", "skipped", "logged %"]
        var rows = self.days.map { day in [day.date.description] + Self.cells(day.counts) + [Self.reasons(day.counts)] }
        rows.append(["total"] + Self.cells(self.totals) + [""])
        lines.append(Self.row(header + ["why skipped / failed"]))
        lines += rows.map(Self.row)
        lines.append("")
        if !self.totals.skipReasons.isEmpty { lines.append("Skipped: " + Self.list(self.totals.skipReasons)) }
        if !self.totals.failureCodes.isEmpty { lines.append("Failed:  " + Self.list(self.totals.failureCodes)) }
        let share = self.totals.loggedPercent.map { Self.percent($0) } ?? "n/a"
        lines.append("Logged \(self.totals.logged) of \(self.totals.loggable) loggable calls (\(share)); \(self.totals.skipped) skipped on purpose.")
        return lines.joined(separator: "\n")
    }

    private static func cells(_ counts: Counts) -> [String] {
        [counts.total, counts.logged, counts.pending, counts.failed, counts.skipped].map(String.init)
            + [counts.loggedPercent.map(Self.percent) ?? "-"]
    }

    /// Right-aligns the numbers under their headings; the day and the reasons stay left.
    private static func row(_ cells: [String]) -> String {
        let widths = [10, 6, 7, 8, 7, 8, 9]
        var line = cells[0].padding(toLength: widths[0], withPad: " ", startingAt: 0)
        for (cell, width) in zip(cells.dropFirst().prefix(widths.count - 1), widths.dropFirst()) {
            line += " " + String(repeating: " ", count: max(0, width - cell.count)) + cell
        }
        if cells.count > widths.count, !cells[widths.count].isEmpty { line += "  " + cells[widths.count] }
        return line
    }

    private static func reasons(_ counts: Counts) -> String {
        Self.list(counts.skipReasons.merging(counts.failureCodes, uniquingKeysWith: +))
    }

    /// `reason ×n` items, most frequent first.
    private static func list(_ counts: [String: Int]) -> String {
        counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
    }

    private static func percent(_ value: Double) -> String {
        String(format: "%.1f%%", value)
    }
}
