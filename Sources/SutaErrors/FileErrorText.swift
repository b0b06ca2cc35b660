#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Glibc

/// How Foundation words the error of a failed file operation (`localizedDescription`,
/// `localizedFailureReason`), which FoundationEssentials does not: the messages the product
/// showed before it stopped loading Foundation, kept word for word.
public enum FileErrorText {
    /// The error's `localizedDescription`: `The operation could not be completed. The file
    /// doesn’t exist.`, or with no reason `… (NSCocoaErrorDomain error 512.)`.
    public static func description(_ error: any Error) -> String {
        if let reason = reason(of: error) { return "The operation could not be completed. \(reason)" }
        return "The operation could not be completed. (\(error._domain) error \(error._code).)"
    }

    /// The error's `localizedFailureReason`, or its description when it has none.
    public static func failureReason(_ error: any Error) -> String {
        (error is CocoaError ? reason(of: error) : nil) ?? description(error)
    }

    /// What Foundation gives as the reason of a Cocoa file error's code, or the system's text
    /// of a POSIX error.
    private static func reason(of error: any Error) -> String? {
        if let error = error as? POSIXError { return String(cString: strerror(error.code.rawValue)) }
        guard let error = error as? CocoaError else { return nil }
        return reasons[error.code.rawValue]
    }

    /// Foundation's reasons by `CocoaError.Code`, for the file codes that have one.
    private static let reasons: [Int: String] = [
        4: "The file doesn’t exist.",
        255: "The file couldn’t be locked.",
        257: "You don’t have permission.",
        258: "The file name is invalid.",
        259: "The file isn’t in the correct format.",
        260: "The file doesn’t exist.",
        261: "The specified text encoding isn’t applicable.",
        262: "The specified URL type isn’t supported.",
        263: "The item is too large.",
        264: "The text encoding of the contents couldn’t be determined.",
        513: "You don’t have permission.",
        514: "The file name is invalid.",
        516: "A file with the same name already exists.",
        517: "The specified text encoding isn’t applicable.",
        518: "The specified URL type isn’t supported.",
        640: "There isn’t enough space.",
        642: "The volume is read only.",
    ]
}
