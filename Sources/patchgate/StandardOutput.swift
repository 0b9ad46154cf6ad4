import Foundation

/// Standard output, buffered: a run writes a piece per file, and a write call per piece would
/// cost more than rendering small files.
struct StandardOutput {
    private static let flushSize = 1 << 16
    private var buffer: [UInt8] = []

    mutating func write(_ bytes: [UInt8]) {
        if buffer.count + bytes.count < Self.flushSize {
            buffer += bytes
            return
        }
        flush()
        Self.writeOut(bytes)
    }

    mutating func write(_ text: String) { write(Array(text.utf8)) }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        Self.writeOut(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// The bytes as they are: wrapping them in `Data` first copied every report once more.
    /// A failed write is an I/O problem (exit 2), not a crash.
    private static func writeOut(_ bytes: [UInt8]) {
        do {
            try FileHandle.standardOutput.write(contentsOf: bytes)
        } catch {
            Console.writeError("error: cannot write the report to standard output: \(error.localizedDescription)")
            exit(2)
        }
    }
}
