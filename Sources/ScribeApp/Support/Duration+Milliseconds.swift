extension Duration {
    /// The duration in whole milliseconds, for reports of how long a check or step took.
    var wholeMilliseconds: Int {
        Int(self.components.seconds * 1000 + self.components.attoseconds / 1_000_000_000_000_000)
    }
}
