/// A finished node together with the numbers that make expanding an alias to it O(1):
/// how many nodes and how much memory a copy adds, and how deep a copy reaches.
struct MeasuredNode {
    var node: YAMLNode
    /// Nodes in the subtree (keys included), counting every alias copy inside it.
    var size: Int
    /// Estimated memory of the subtree (see `YAMLUsage.bytes`), counted like `size`.
    var bytes: Int
    /// Collections on the longest path down from this node: 0 for a scalar.
    var height: Int
    // All three count a `<<` value as written, as if its entries had not been merged: an upper
    // bound, and the same rule the depth check applies while the value is being read.
}
