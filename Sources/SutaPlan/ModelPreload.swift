import SutaModel

/// How sutactl loads a declared model into memory, decided from what the model server says
/// the model can do (`capabilities` of `/api/show`): Ollama loads a model through
/// `/api/generate` only when it has `completion`, and answers 400 `"m" does not support
/// generate` for an embedding model, which loads through `/api/embed` instead. Pure, so the
/// planner can take it over.
public enum ModelPreload: Sendable, Hashable {
    /// `/api/generate` without a prompt.
    case generate
    /// `/api/embed` without input.
    case embed

    /// Whether `model` must be loaded now: it is marked `preload`, it is not loaded, and its
    /// `keep_alive` is not 0 (such a model is unloaded right after loading, so not being
    /// loaded is its normal state and never a change).
    public static func isNeeded(_ model: ModelSpec, loaded: Bool) -> Bool {
        model.preload && !loaded && !keepsNothingLoaded(model.keepAlive ?? "5m")
    }

    /// The way to load a model with `capabilities`; `completion` wins over `embedding`. A
    /// server too old to report capabilities (none) loads through generate, as before; nil
    /// when the model can do neither.
    public static func method(capabilities: [String]) -> ModelPreload? {
        if capabilities.isEmpty || capabilities.contains("completion") { return .generate }
        if capabilities.contains("embedding") { return .embed }
        return nil
    }

    /// `0`, `0s`, `0m`…: a `keep_alive` that unloads the model at once.
    private static func keepsNothingLoaded(_ keepAlive: String) -> Bool {
        Int(keepAlive) == 0 || DurationText.parse(keepAlive) == .zero
    }
}
