extension Duration {
    /// The duration in seconds, fractions included (for output, metrics and clock arithmetic).
    public var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
