#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The body of `POST /secrets/create` and `POST /configs/create`: the name, labels and the
/// data, base64-encoded. Never logged or described: its `description` names the object only.
public struct SwarmDataSpec: Encodable, Sendable, CustomStringConvertible, CustomReflectable {
    public var name: String
    public var labels: [String: String]
    var data: String

    public init(name: String, labels: [String: String], value: String) {
        self.init(name: name, labels: labels, bytes: Array(value.utf8))
    }

    public init(name: String, labels: [String: String], bytes: [UInt8]) {
        self.name = name
        self.labels = labels
        data = Data(bytes).base64EncodedString()
    }

    enum CodingKeys: String, CodingKey { case name = "Name", labels = "Labels", data = "Data" }

    public var description: String { name }
    public var customMirror: Mirror { Mirror(self, children: ["name": name]) }
}
