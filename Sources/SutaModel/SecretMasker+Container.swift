extension SecretMasker {
    /// The secret values in a container's environment (`NAME=value`, as inspect reports it):
    /// read-only commands run without the secrets set, so the container is where their values
    /// are. An entry is secret when the project declares its name secret, the name looks
    /// secret (`SecretNames`), or the service's manifest marks it secret (its value came from
    /// a secret). Where the manifest resolved an unset secret inside a longer value
    /// (`postgres://app:${DB_PASSWORD}@db`), the secret's own part is a value too.
    public static func secretValues(inContainerEnvironment environment: [String], declared: Set<String>,
                                    service: ServiceSpec?) -> [String] {
        var values: [String] = []
        for entry in environment {
            guard let equals = entry.firstIndex(of: "=") else { continue }
            let name = String(entry[..<equals]), value = String(entry[entry.index(after: equals)...])
            let manifest = service?.environment.first { $0.name == name }
            if declared.contains(name) || SecretNames.looksSecret(name) || manifest?.isSecret == true { values.append(value) }
            if let manifest { values += UnsetSecret.values(in: manifest.value, from: value) }
        }
        return values.filter { !$0.isEmpty }
    }
}
