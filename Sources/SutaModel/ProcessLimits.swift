/// What the Linux kernel lets a process be started with (execve): every argument and every
/// environment entry `KEY=VALUE` is a C string, so it holds no NUL byte, and with its
/// terminator it fits in MAX_ARG_STRLEN (32 pages: 128 KiB). Beyond that the container is
/// created but dies at exec with E2BIG, so these are checked before the engine is asked.
enum ProcessLimits {
    /// MAX_ARG_STRLEN: the longest string, terminator included, one argument or entry may be.
    static let maximumStringBytes = 131_072

    /// What keeps `word` from being a process argument, or nil.
    static func argumentProblem(_ word: String) -> String? {
        if word.utf8.contains(0) { return "contains a NUL byte, which no process argument can hold" }
        let bytes = word.utf8.count + 1
        guard bytes <= maximumStringBytes else {
            return "is \(bytes - 1) bytes, more than the \(maximumStringBytes - 1) the kernel allows per argument (MAX_ARG_STRLEN, 128 KiB)"
        }
        return nil
    }

    /// What keeps `NAME=value` from being an environment entry, with a hint, or nil. Never
    /// quotes the value.
    static func environmentProblem(name: String, value: String) -> (message: String, hint: String?)? {
        if value.utf8.contains(0) { return ("the value of `\(name)` contains a NUL byte, which no process environment can hold", nil) }
        let bytes = name.utf8.count + 1 + value.utf8.count + 1
        guard bytes <= maximumStringBytes else {
            return ("`\(name)=…` is \(bytes - 1) bytes, more than the \(maximumStringBytes - 1) the kernel allows per environment entry (MAX_ARG_STRLEN, 128 KiB)",
                    "the container would be created but fail to start; pass large data in a file or a volume")
        }
        return nil
    }
}
