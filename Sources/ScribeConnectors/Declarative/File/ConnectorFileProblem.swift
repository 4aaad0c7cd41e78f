import Foundation

/// One mistake in a connector file, named by where it is.
public struct ConnectorFileProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based line of the offending key or value; 0 when the file could not be read at all.
    public var line: Int
    public var column: Int
    /// Where in the document, e.g. `operations.create_call.steps[0].request.method`.
    public var path: String
    public var message: String

    public init(line: Int, column: Int, path: String, message: String) {
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    public var description: String {
        let place = self.path.isEmpty ? "" : " \(self.path):"
        return "line \(self.line):\(place) \(self.message)"
    }
}

/// A connector file that cannot be used: every problem found, in the order of the file.
public struct ConnectorFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file as named by whoever loaded it.
    public var file: String
    public var problems: [ConnectorFileProblem]

    public init(file: String, problems: [ConnectorFileProblem]) {
        self.file = file
        self.problems = problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    public var description: String {
        "\(self.file): \(self.problems.count) problem\(self.problems.count == 1 ? "" : "s")\n"
            + self.problems.map { "  \(self.file):\($0)" }.joined(separator: "\n")
    }
}
