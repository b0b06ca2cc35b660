/// A benchmark that could not run (invalid manifests, a child that failed).
struct BenchFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
