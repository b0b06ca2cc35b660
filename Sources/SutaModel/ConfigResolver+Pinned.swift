extension ConfigResolver {
    /// Puts each document of `pinnedServices` in the place of the manifests' Service of the
    /// same name, and returns the names pinned. A pinned document that is not a Service, or
    /// names a service the manifests do not declare, is an error at its place.
    func pin(_ byKind: inout [ManifestKind: [ManifestDocument]], reader: inout SpecReader) -> Set<String> {
        var pinned: Set<String> = []
        for manifest in pinnedServices {
            switch manifest.documents {
            case .failure(let error):
                reader.diagnostics.append(.error(error.message, at: error.location, hint: error.hint))
            case .success(let yamlDocuments):
                for parsed in yamlDocuments {
                    guard let root = parsed.root, let document = reader.document(root) else { continue }
                    guard document.kind == .service else {
                        reader.diagnostics.error("only a Service document can stand in for a service here, not a \(document.kind.rawValue)",
                                                 at: document.location)
                        continue
                    }
                    guard let index = byKind[.service]?.firstIndex(where: { $0.name == document.name }) else {
                        reader.diagnostics.error("the manifests declare no service `\(document.name)`", at: document.nameLocation)
                        continue
                    }
                    byKind[.service]?[index] = document
                    pinned.insert(document.name)
                }
            }
        }
        return pinned
    }
}
