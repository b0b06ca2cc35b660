extension Duration {
    /// The duration in seconds, as the benchmark tables print it.
    var benchSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
