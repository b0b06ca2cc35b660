/// The error `operation` throws, or `nil` when it returns: lets a test look at a typed
/// error without a do/catch in every assertion.
func thrownError<Value, Failure: Error>(_ operation: () async throws(Failure) -> Value) async -> Failure? {
    do {
        _ = try await operation()
        return nil
    } catch {
        return error
    }
}
