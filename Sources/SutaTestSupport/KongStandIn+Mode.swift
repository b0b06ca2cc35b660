extension KongStandIn {
    /// How the stand-in's Kong stores its configuration.
    public enum Mode: Sendable, Equatable {
        /// `database=off`: entity endpoints are read-only (writes get 405 "operation
        /// unsupported"); `POST /config` replaces the whole configuration.
        case dbless
        /// A database: services and routes are created, upserted and deleted one by one;
        /// `POST /config` is refused (400).
        case database
    }
}
