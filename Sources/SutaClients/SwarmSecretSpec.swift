#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The body of `POST /secrets/create`: the name, labels and the value, base64-encoded.
/// Never logged or described: its `description` names the secret only.
public struct SwarmSecretSpec: Encodable, Sendable, CustomStringConvertible, CustomReflectable {
    public var name: String
    public var labels: [String: String]
    var data: String

    public init(name: String, labels: [String: String], value: String) {
        self.name = name
        self.labels = labels
        data = Data(value.utf8).base64EncodedString()
    }

    enum CodingKeys: String, CodingKey { case name = "Name", labels = "Labels", data = "Data" }

    public var description: String { "secret \(name)" }
    public var customMirror: Mirror { Mirror(self, children: ["name": name]) }
}
