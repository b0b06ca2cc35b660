/// The kinds of document a manifest file may hold.
public enum ManifestKind: String, Sendable, Hashable, CaseIterable {
    case project = "Project"
    case service = "Service"
    case network = "Network"
    case volume = "Volume"
    case profile = "Profile"
}
