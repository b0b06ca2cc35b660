import SutaYAML

extension SpecReader {
    static let rolloutFields = ["order", "failure_action", "monitor", "parallelism", "delay"]

    /// `update_config` or `rollback_config`: `{order, failure_action, monitor, parallelism, delay}`.
    /// A rollback's failure can only pause or continue (there is nothing to roll back to).
    mutating func rolloutPolicy(_ node: YAMLNode, _ what: String) -> RolloutPolicy? {
        guard let f = fields(node, of: what, allowed: Self.rolloutFields) else { return nil }
        var policy = RolloutPolicy(location: node.location)
        if let n = f["order"], let text = choice(n, "order", RolloutPolicy.Order.allCases.map(\.rawValue)) {
            policy.order = RolloutPolicy.Order(rawValue: text)
        }
        let actions = what == "rollback_config" ? ["pause", "continue"] : RolloutPolicy.FailureAction.allCases.map(\.rawValue)
        if let n = f["failure_action"], let text = choice(n, "failure_action", actions) {
            policy.failureAction = RolloutPolicy.FailureAction(rawValue: text)
        }
        if let n = f["monitor"] { policy.monitor = duration(n, "monitor") }
        if let n = f["parallelism"] { policy.parallelism = int(n, "parallelism", in: 1...1000) }
        if let n = f["delay"] { policy.delay = duration(n, "delay") }
        return policy
    }
}
