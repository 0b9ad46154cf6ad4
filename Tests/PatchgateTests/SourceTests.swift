import Testing
@testable import PatchgateSource

struct LineIndexTests {
    @Test(arguments: [
        ("abc", 0, 1, 1), ("abc", 2, 1, 3), ("a\nbc", 2, 2, 1), ("a\nbc", 3, 2, 2),
        ("é=1", 2, 1, 2), ("日本 x", 7, 1, 4), ("a\r\nb", 3, 2, 1), ("😀x", 4, 1, 2),
        // Lines of plain ASCII beside lines that are not: each line counts on its own.
        ("é;\nab;cd", 8, 2, 5), ("ab\né;x", 6, 2, 3), ("ab\né;x\nxyz", 10, 3, 3), ("é", 2, 1, 2),
    ])
    func positions(text: String, offset: Int, line: Int, column: Int) {
        let index = LineIndex(Array(text.utf8))
        #expect(index.position(of: offset) == SourcePosition(line: line, column: column))
    }

    @Test func lineRangeDropsCarriageReturn() {
        let index = LineIndex(Array("ab\r\ncd".utf8))
        #expect(index.lineRange(0) == 0..<2)
        #expect(index.lineRange(1) == 4..<6)
    }
}

struct SourceFileTests {
    @Test func rejectsInvalidUTF8WithPosition() {
        #expect(throws: InputError.invalidUTF8(path: "x.sql", line: 2, column: 3, byteOffset: 5)) {
            try SourceFile(path: "x.sql", bytes: Array("ab\nSE".utf8) + [0xE9] + Array("LECT".utf8))
        }
    }

    @Test func rejectsNulByte() {
        #expect(throws: InputError.nulByte(path: "x.sql", line: 1, column: 4)) {
            try SourceFile(path: "x.sql", bytes: [0x41, 0x42, 0x43, 0x00])
        }
    }

    @Test(arguments: [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] as [[UInt8]])
    func rejectsMalformedSequences(bytes: [UInt8]) {
        #expect(SourceFile.firstInvalidUTF8(bytes) == 0)
    }

    @Test func acceptsWellFormedText() {
        #expect(SourceFile.firstInvalidUTF8(Array("SELECT 'é日😀';".utf8)) == nil)
    }
}
