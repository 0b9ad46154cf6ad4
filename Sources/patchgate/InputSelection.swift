import Foundation

/// The configuration file's `include` and `exclude` globs, which pick among the `.sql` files
/// found below a directory named on the command line. Files named one by one are always checked.
struct InputSelection {
    /// The configuration file, for messages.
    let configPath: String
    /// The directory the globs are relative to, absolute.
    let base: [String]
    let include: [GlobPattern]
    let exclude: [GlobPattern]

    init(configPath: String, directory: String, include: [GlobPattern], exclude: [GlobPattern]) {
        self.configPath = configPath
        base = Self.components(of: directory)
        self.include = include
        self.exclude = exclude
    }

    func selects(_ path: String) -> Bool {
        let relative = relativePath(of: path)
        return (include.isEmpty || include.contains { $0.matches(relative) }) && !exclude.contains { $0.matches(relative) }
    }

    /// `path` relative to the base directory, with `..` components when it lies outside it.
    func relativePath(of path: String) -> String {
        let target = Self.components(of: path)
        let common = zip(base, target).prefix { $0 == $1 }.count
        return (Array(repeating: "..", count: base.count - common) + target.dropFirst(common)).joined(separator: "/")
    }

    private static func components(of path: String) -> [String] {
        URL(fileURLWithPath: path).standardizedFileURL.path.split(separator: "/").map(String.init)
    }
}
