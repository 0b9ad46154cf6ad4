import Testing
@testable import PatchgateSource

struct PsqlPreprocessorTests {
    private func prepare(_ text: String) -> (String, [PsqlDirective.Kind]) {
        let input = PsqlPreprocessor.prepare(Array(text.utf8))
        #expect(input.bytes.count == text.utf8.count, "blanking must keep every byte offset")
        return (String(decoding: input.bytes, as: UTF8.self), input.directives.map(\.kind))
    }

    @Test func blanksMetaCommandsToEndOfLine() {
        let (sql, kinds) = prepare("\\set ON_ERROR_STOP 1\nSELECT 1;\n")
        #expect(sql == String(repeating: " ", count: 20) + "\nSELECT 1;\n")
        #expect(kinds == [.metaCommand(name: "\\set")])
    }

    @Test func leavesBackslashesInsideQuotesAlone() {
        let text = "SELECT E'a\\'b', 'c\\', $$ \\d $$, $tag$ \\x $tag$, \"q\\\" /* \\i */ -- \\o\n;"
        let (sql, kinds) = prepare(text)
        #expect(sql == text)
        #expect(kinds.isEmpty)
    }

    @Test func nestedCommentsHideEverything() {
        let text = "/* outer /* inner */ still \\d */ SELECT 1;"
        #expect(prepare(text).0 == text)
    }

    @Test func blanksCopyDataUpToTerminator() {
        let text = "COPY t (a) FROM stdin;\n1\n2\n\\.\nSELECT 1;\n"
        let (sql, kinds) = prepare(text)
        #expect(sql == "COPY t (a) FROM stdin;\n \n \n  \nSELECT 1;\n")
        #expect(kinds == [.copyData])
    }

    @Test func copyFromFileIsNotData() {
        let text = "COPY t FROM '/tmp/x';\nSELECT 1;\n"
        #expect(prepare(text).1.isEmpty)
    }

    @Test(arguments: [
        ("SELECT :limit;", "SELECT _limit;", "limit"),
        ("SELECT :'name';", "SELECT  'name';", "name"),
        ("SELECT * FROM :\"tab\";", "SELECT * FROM  \"tab\";", "tab"),
    ])
    func variablesKeepTheirLength(text: String, expected: String, name: String) {
        let (sql, kinds) = prepare(text)
        #expect(sql == expected)
        #expect(kinds == [.variable(name: name)])
    }

    @Test(arguments: ["SELECT a::int;", "SELECT arr[1:n];", "SELECT x FROM t WHERE a := 1;"])
    func castsAndSlicesAreNotVariables(text: String) {
        #expect(prepare(text).1.isEmpty)
    }

    @Test func byteOrderMarkIsBlanked() {
        let (sql, kinds) = prepare("\u{FEFF}SELECT 1;")
        #expect(sql == "   SELECT 1;")
        #expect(kinds == [.byteOrderMark])
    }
}
