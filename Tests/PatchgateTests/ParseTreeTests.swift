import Foundation
import Testing
@testable import PgQuery

/// The JSON parse tree the typed readers look fields up in.
struct ParseTreeTests {
    private func read(_ json: String, _ body: (TreeValue) -> Void) throws {
        let bytes = Array(json.utf8)
        try #require(ParseTree(bytes: bytes, range: 0..<bytes.count, recordedDepth: .max)).read(body)
    }

    @Test func fieldsReadAsProtobufFieldsWould() throws {
        try read(#"{"RangeVar":{"schemaname":"s","relname":"t","inh":true,"location":-12},"n":[1,{"a":[]},"x"]}"#) { root in
            #expect(root.nodeName == "RangeVar")
            let relation = root.node("RangeVar")
            #expect(relation.qualifiedNameParts == ["s", "t"])
            #expect(relation["inh"].bool)
            #expect(relation["location"].int == -12)
            // Left-out fields read as their defaults.
            #expect(!relation["alias"].isPresent && relation["alias"]["x"].string == "" && !relation["missing_ok"].bool)
            #expect(!root.node("ColumnRef").isPresent)
            #expect(root["n"].elements.count == 3)
            #expect(root["n"].elements[1]["a"].elements.isEmpty && root["n"].elements[1]["a"].isPresent)
        }
    }

    @Test func stringsAreUnescaped() throws {
        try read(#"{"s":"a\"b\\c\nd\t\u00e9\ud83d\ude00é/\/"}"#) { root in
            #expect(root["s"].string == "a\"b\\c\nd\té😀é//")
        }
    }

    @Test func descendantsAreFoundWithoutRecursion() throws {
        let depth = 50_000
        let json = String(repeating: #"{"A":{"x":["#, count: depth) + #"{"A_Const":{"sval":{"sval":"deep"}}}"# + String(repeating: "]}}", count: depth)
        try read(json) { root in
            #expect(root.descendants(withKey: "A_Const").map { $0["sval"]["sval"].string } == ["deep"])
        }
        #expect(JSONIndexer.objectDepth(Array(json.utf8)) == 2 * depth + 3)
    }

    /// A shallow index starts with room for few values and takes more when the text needs it.
    @Test func shallowIndexOfManyValuesIsComplete() throws {
        let count = 100_000
        let bytes = Array(("[" + (0..<count).map(String.init).joined(separator: ",") + "]").utf8)
        let entries = try #require(JSONIndexer.index(bytes, range: 0..<bytes.count, recordedDepth: 4))
        #expect(entries.count == count + 1)
        try #require(ParseTree(bytes: bytes, range: 0..<bytes.count, recordedDepth: 4)).read { root in
            #expect(root.elements.count == count && root.elements.last?.int == count - 1)
        }
    }

    @Test func malformedTextIsRefused() {
        for json in [#"{"a":"#, #"{"a":[1,2}"#, #"{"a":[1}]"#, #"{"a":"unterminated}"#, "]"] {
            let bytes = Array(json.utf8)
            #expect(ParseTree(bytes: bytes, range: 0..<bytes.count, recordedDepth: .max) == nil, "\(json)")
        }
    }

    /// A big result is indexed statement by statement (deeper values skipped at first), a
    /// small one whole: the statements read the same.
    @Test(arguments: [0, RawStatement.wholeIndexLimit])
    func statementsReadTheSameIndexedWholeOrOneByOne(wholeIndexLimit: Int) throws {
        let json = Array(#"{"stmts":[{"stmt":{"SelectStmt":{"targetList":[{"x":"}"}]}},"stmt_len":9},{"stmt":{"A":{"b":1}},"stmt_location":10}]}"#.utf8)
        let statements = try #require(RawStatement.statements(inResult: json, source: [], wholeIndexLimit: wholeIndexLimit))
        #expect(statements.map(\.nodeName) == ["SelectStmt", "A"])
        #expect(statements.map(\.length) == [9, 0] && statements.map(\.location) == [0, 10])
        #expect(statements[0].readTree { $0.node("SelectStmt")["targetList"].elements[0]["x"].string } == "}")
        #expect(statements[1].readTree { $0.node("A")["b"].int } == 1)
        #expect(statements[0].readTree { $0.descendants(withKey: "b").count } == 0)
    }
}

extension TreeValue {
    fileprivate var qualifiedNameParts: [String] { [self["schemaname"].string, self["relname"].string] }
}

/// The typed readers name JSON fields, node types and enum values as string literals; each must
/// be one that pg_query.proto defines, or the reader would silently read a default.
struct ParseTreeNamesTests {
    static let proto: String = (try? String(contentsOfFile: "/usr/include/pg_query/pg_query.proto", encoding: .utf8)) ?? ""

    static func conversionSources() throws -> String {
        let directory = TestSupport.repositoryRoot.appendingPathComponent("Sources/PatchgateSyntax/Conversion")
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            .map { try String(contentsOfFile: directory.appendingPathComponent($0).path, encoding: .utf8) }
            .joined(separator: "\n")
    }

    @Test func everyFieldNodeAndEnumNameIsInTheProto() throws {
        #expect(!Self.proto.isEmpty)
        // Fields without a json_name (A_Const, Integer …) keep their own name in JSON.
        let jsonNames = Set(Self.matches(#"json_name="([^"]+)""#, in: Self.proto)
            + Self.matches(#"^\s*(?:repeated\s+)?[A-Za-z_][A-Za-z0-9_.]*\s+([a-z_][a-z0-9_]*)\s*=\s*\d+;"#, in: Self.proto))
        let enumValues = Set(Self.matches(#"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*\d+;"#, in: Self.proto))
        let sources = try Self.conversionSources()
        let fields = Self.matches(#"\["([A-Za-z_]+)"\]"#, in: sources)
        let nodes = Self.matches(#"node\("([A-Za-z_]+)"\)"#, in: sources) + Self.matches(#"case "([A-Z][A-Za-z_]*(?:Stmt|Expr|Const|Ref|Call|Cast|Test|Link|List|Clause|Function))""#, in: sources)
        let enums = Self.matches(#""((?:AT|OBJECT|CONSTR|DROP|TRANS_STMT|REINDEX_OBJECT|VAR_SET|FUNC_PARAM|SVFOP|IS)_[A-Za-z_]*)""#, in: sources)
        #expect(fields.count > 80 && nodes.count > 40 && enums.count > 80)
        for name in fields + nodes { #expect(jsonNames.contains(name), "\(name) is no field or node in pg_query.proto") }
        for name in enums { #expect(enumValues.contains(name), "\(name) is no enum value in pg_query.proto") }
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let expression = try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines]) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
