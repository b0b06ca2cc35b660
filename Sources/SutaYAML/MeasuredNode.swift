/// A finished node together with the two numbers that make expanding an alias to it O(1):
/// how many nodes a copy adds and how deep a copy reaches.
struct MeasuredNode {
    var node: YAMLNode
    /// Nodes in the subtree (keys included), counting every alias copy inside it.
    var size: Int
    /// Collections on the longest path down from this node: 0 for a scalar.
    var height: Int
    // Both count a `<<` value as written, as if its entries had not been merged: an upper
    // bound, and the same rule the depth check applies while the value is being read.
}
