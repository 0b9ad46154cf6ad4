import Foundation

/// Finds the configuration file: the one `--config` names, or the nearest `.patchgate.yml` from
/// the working directory up to the filesystem root.
enum ConfigDiscovery {
    static let fileName = ".patchgate.yml"

    /// The nearest `.patchgate.yml`, as a path relative to `directory` (`../../.patchgate.yml`),
    /// so that messages and the paths resolved from it stay relative.
    static func nearest(from directory: String = FileManager.default.currentDirectoryPath) -> String? {
        var current = URL(fileURLWithPath: directory).standardizedFileURL.path
        var upward = ""
        while true {
            var isDirectory: ObjCBool = false
            let candidate = (current as NSString).appendingPathComponent(fileName)
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
                return upward + fileName
            }
            let parent = (current as NSString).deletingLastPathComponent
            if parent == current || parent.isEmpty { return nil }
            current = parent
            upward += "../"
        }
    }
}
