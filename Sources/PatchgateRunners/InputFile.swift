/// One file to check: its display path and where to read it.
public struct InputFile: Sendable {
    public enum Origin: Sendable {
        case file, standardInput
        /// The content staged in git's index, not the working tree's.
        case staged
    }

    public let path: String
    public let origin: Origin
    /// The path was found to be a file (not a directory, not a dangling link) while the inputs
    /// were collected, so listing its directory need not ask again.
    public var isKnownFile = false

    public init(path: String, origin: Origin = .file, isKnownFile: Bool = false) {
        self.path = path
        self.origin = origin
        self.isKnownFile = isKnownFile
    }
}
