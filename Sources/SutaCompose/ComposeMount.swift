import SutaModel

/// Where a compose `volumes` entry goes in a Service: `volumes`, or `tmpfs` for a tmpfs
/// mount with a size or mode (the manifest's mount has no tmpfs options).
enum ComposeMount {
    case volume(ConfigValue)
    case tmpfs(ConfigValue)
}
