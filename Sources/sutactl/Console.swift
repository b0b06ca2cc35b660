#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Glibc
import SutaController

/// Writes to standard output and standard error.
enum Console {
    static func out(_ text: String, terminator: String = "\n") {
        DescriptorOutput.write(text + terminator, to: STDOUT_FILENO)
    }

    static func error(_ text: String) {
        DescriptorOutput.write(text.hasSuffix("\n") ? text : text + "\n", to: STDERR_FILENO)
    }
}
