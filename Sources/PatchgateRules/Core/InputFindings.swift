import PatchgateSource

/// Findings for files that never become a `SourceFile`, so no rule can see them.
enum InputRules {
    static func finding(for error: InputError, bytes: [UInt8]) -> Finding {
        let lines = LineIndex(bytes)
        switch error {
        case .invalidUTF8(_, _, _, let offset):
            return make(InvalidUTF8.self, at: offset, lines: lines, count: bytes.count,
                        message: "byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) at offset \(offset) is not UTF-8",
                        help: "convert the file to UTF-8 (for example `iconv -f WINDOWS-1252 -t UTF-8`)")
        case .nulByte(_, _, _):
            let offset = bytes.firstIndex(of: 0) ?? 0
            return make(BinaryFile.self, at: offset, lines: lines, count: bytes.count,
                        message: "NUL byte at offset \(offset): this is a binary file, not SQL text",
                        help: "check that the path names a SQL patch")
        case .unreadable(_, let reason):
            return make(BinaryFile.self, at: 0, lines: lines, count: bytes.count, message: reason, help: "")
        }
    }

    private static func make<R: Rule>(_ rule: R.Type, at offset: Int, lines: LineIndex, count: Int,
                                      message: String, help: String) -> Finding {
        R.finding(span: Span(start: offset, end: min(offset + 1, count)), lines: lines, statementIndex: nil,
                  message: message, help: help)
    }
}
