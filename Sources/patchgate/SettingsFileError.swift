/// A problem in a file of settings (`.patchgate.yml`, a `--stats` file), at the line and column
/// of the offending key or value. The run stops on it (exit 2): checking with half the settings
/// would give a wrong verdict.
struct SettingsFileError: Error, Equatable {
    let path: String
    /// 1-based; nil when the problem is the file as a whole (missing, unreadable).
    let line: Int?
    let column: Int?
    let message: String

    init(path: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// `path:line:column: error: message`, as compilers write it.
    var description: String {
        let position = [line, column].compactMap { $0 }.map { ":\($0)" }.joined()
        return "\(path)\(position): error: \(message)"
    }
}
