/// Input that cannot be checked as SQL text. Each case names the file, so the run can report it
/// and go on with the others.
public enum InputError: Error, Equatable, Sendable {
    case unreadable(path: String, reason: String)
    case invalidUTF8(path: String, line: Int, column: Int, byteOffset: Int)
    case nulByte(path: String, line: Int, column: Int)

    public var path: String {
        switch self {
        case .unreadable(let path, _), .invalidUTF8(let path, _, _, _), .nulByte(let path, _, _): path
        }
    }

    public var message: String {
        switch self {
        case .unreadable(let path, let reason):
            "\(path): cannot read: \(reason)"
        case .invalidUTF8(let path, let line, let column, let offset):
            "\(path):\(line):\(column): not UTF-8 text (invalid byte at offset \(offset)); PostgreSQL patches must be UTF-8"
        case .nulByte(let path, let line, let column):
            "\(path):\(line):\(column): NUL byte: this is a binary file, not SQL text"
        }
    }
}
