/// One declared model as the model server has it, for `status`.
public struct ModelReport: Sendable, Equatable {
    public var name: String
    public var present: Bool
    public var loaded: Bool
    public var sizeBytes: Int64?
    public var preload: Bool
}
