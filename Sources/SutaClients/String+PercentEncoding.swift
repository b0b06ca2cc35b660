import Foundation

extension String {
    /// RFC 3986 unreserved characters: `A-Z a-z 0-9 - . _ ~`.
    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// The text percent-encoded except unreserved characters, so that it can stand as one
    /// path segment or one query value.
    var percentEncodedComponent: String {
        addingPercentEncoding(withAllowedCharacters: Self.unreserved) ?? self
    }
}
