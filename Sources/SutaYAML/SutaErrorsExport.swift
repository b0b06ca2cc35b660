// Manifest positions (`SourceLocation`) live with the product's error type, which carries
// them; every user of the YAML layer sees both.
@_exported import SutaErrors
