import Glibc

/// Writes whole texts and byte buffers to a file descriptor (standard output, standard
/// error) with POSIX `write`, going on after short writes and interruptions: what
/// `FileHandle.write` did, without loading Foundation.
public enum DescriptorOutput {
    /// Writes `text` as UTF-8.
    public static func write(_ text: String, to descriptor: Int32) {
        write(Array(text.utf8), to: descriptor)
    }

    /// Writes `bytes`; stops at the first error (a closed pipe), as there is nobody to tell.
    public static func write(_ bytes: some Collection<UInt8>, to descriptor: Int32) {
        let bytes = Array(bytes)
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return }
                offset += written
            }
        }
    }
}
