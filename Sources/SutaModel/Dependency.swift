import SutaYAML

/// One entry of `depends_on`.
public struct Dependency: Sendable, Hashable {
    /// What the dependency must reach before the dependent starts.
    public enum Condition: String, Sendable, Hashable, CaseIterable {
        case started
        case healthy
        case completed

        /// Compose's spelling (`service_healthy`) and the short one (`healthy`) both work.
        init?(manifestText text: String) {
            let short = text.hasPrefix("service_") ? String(text.dropFirst("service_".count)) : text
            self.init(rawValue: short == "completed_successfully" ? "completed" : short)
        }

        static let manifestSpellings = ["service_started", "service_healthy", "service_completed_successfully",
                                        "started", "healthy", "completed"]
    }

    public var service: String
    public var condition: Condition
    /// A required dependency outside the active profile is an error; an optional one is dropped.
    public var required: Bool
    public var location: SourceLocation

    public init(service: String, condition: Condition, required: Bool, location: SourceLocation) {
        self.service = service
        self.condition = condition
        self.required = required
        self.location = location
    }
}
