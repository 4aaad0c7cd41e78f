import ScribeConnectors

/// What the suites that check connector files share: a file's problems, and where a fragment is in it.
protocol ConnectorFileChecking {}

extension ConnectorFileChecking {
    /// Every problem `connectors check` would report for `text`; none when it loads.
    func problems(_ text: String) -> [ConnectorFileProblem] {
        do {
            _ = try ConnectorSpec.load(text, file: "test.yaml")
            return []
        } catch {
            return error.problems
        }
    }

    /// The 1-based number of the first line of `text` holding `fragment`; 0 when none does.
    func line(containing fragment: String, in text: String) -> Int {
        (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(fragment) } ?? -1) + 1
    }
}
