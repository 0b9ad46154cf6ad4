/// A Launchpad patch's number, `patch-MAJOR-MINOR-N.sql`: the glob `upgrade.py` takes
/// (`patch-????-??-?.sql`) and the row the patch inserts into `LaunchpadDatabaseRevision`.
public struct LaunchpadRevision: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let major: Int
    public let minor: Int
    public let patch: Int

    public init(major: Int, minor: Int, patch: Int) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// The revision a file name carries, or nil when `upgrade.py` would not pick the file up.
    public init?(fileName: String) {
        let name = fileName.split(separator: "/").last.map(String.init) ?? fileName
        let bytes = Array(name.utf8)
        // p a t c h - D D D D - D D - D . s q l
        guard bytes.count == 19, name.hasPrefix("patch-"), name.hasSuffix(".sql"),
              bytes[10] == UInt8(ascii: "-"), bytes[13] == UInt8(ascii: "-"),
              let major = Self.number(bytes[6..<10]), let minor = Self.number(bytes[11..<13]),
              let patch = Self.number(bytes[14..<15]) else { return nil }
        self.init(major: major, minor: minor, patch: patch)
    }

    /// The revision a baseline dump such as `launchpad-2211-00-0.sql` already contains.
    public init?(baselineName: String) {
        let name = baselineName.split(separator: "/").last.map(String.init) ?? baselineName
        guard name.hasPrefix("launchpad-") else { return nil }
        self.init(fileName: "patch-" + name.dropFirst("launchpad-".count))
    }

    /// N = 0 marks a patch written for the downtime window, N > 0 one meant to be applied live.
    public var isNamedHot: Bool { patch > 0 }

    public var description: String {
        "\(major)-" + (minor < 10 ? "0" : "") + "\(minor)-\(patch)"
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        guard digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }
}
