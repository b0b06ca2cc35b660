import SutaModel

/// How a service's compose secret is carried: a file secret as a read-only bind mount, an
/// environment secret as an environment entry referring to its variable.
enum ComposeSecretUse {
    case mount(ConfigValue)
    case environment(name: String, reference: String)
}
