/// A configuration file's `include`/`exclude` pattern, matched against a whole path relative to
/// the file's directory: `*` and `?` stay within one path component, `**` spans any number of
/// them (`**/` may match none). Every other character matches itself.
struct GlobPattern: Equatable {
    let text: String
    private let pattern: [Character]

    init(_ text: String) {
        self.text = text
        pattern = Array(text)
    }

    func matches(_ path: String) -> Bool {
        Self.match(pattern[...], Array(path)[...])
    }

    private static func match(_ pattern: ArraySlice<Character>, _ path: ArraySlice<Character>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        let rest = pattern.dropFirst()
        switch first {
        case "*" where rest.first == "*":
            return matchAnyComponents(rest.dropFirst(), path)
        case "*":
            // Any run of characters up to the next slash.
            var tail = path
            while true {
                if match(rest, tail) { return true }
                guard let next = tail.first, next != "/" else { return false }
                tail = tail.dropFirst()
            }
        case "?":
            guard let next = path.first, next != "/" else { return false }
            return match(rest, path.dropFirst())
        default:
            return path.first == first && match(rest, path.dropFirst())
        }
    }

    /// After `**`: `**/x` matches `x` at any depth; a `**` not followed by a slash matches any
    /// run of characters, slashes included.
    private static func matchAnyComponents(_ rest: ArraySlice<Character>, _ path: ArraySlice<Character>) -> Bool {
        if rest.first == "/" {
            let afterSlash = rest.dropFirst()
            if match(afterSlash, path) { return true }
            return path.indices.contains { path[$0] == "/" && match(afterSlash, path[($0 + 1)...]) }
        }
        return (path.startIndex...path.endIndex).contains { match(rest, path[$0...]) }
    }
}
