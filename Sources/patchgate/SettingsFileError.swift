/// A problem in a file of settings (`.patchgate.yml`, a `--stats` file), at the line and column
/// of the offending key or value. The run stops on it (exit 2): checking with half the settings
/// would give a wrong verdict; but first the file's other problems are reported too.
struct SettingsFileError: Error, Equatable {
    let path: String
    /// 1-based; nil when the problem is the file as a whole (missing, unreadable).
    let line: Int?
    let column: Int?
    let message: String
    /// The file's other problems, in the order found: one run shows every mistake of a file.
    var others: [SettingsFileError] = []

    init(path: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// Several problems as one error, the first in front; nil when there are none.
    init?(_ problems: [SettingsFileError]) {
        guard var first = problems.first else { return nil }
        first.others += problems.dropFirst().flatMap { [$0.withoutOthers] + $0.others }
        self = first
    }

    private var withoutOthers: SettingsFileError {
        var error = self
        error.others = []
        return error
    }

    /// `path:line:column: error: message`, as compilers write it, one per problem: each is
    /// written as one line, whatever line breaks a quoted value holds.
    var messages: [String] {
        ([self.withoutOthers] + others).map { problem in
            let position = [problem.line, problem.column].compactMap { $0 }.map { ":\($0)" }.joined()
            return "\(problem.path)\(position): error: \(problem.message)"
        }
    }

    var description: String { messages.joined(separator: "\n") }
}
