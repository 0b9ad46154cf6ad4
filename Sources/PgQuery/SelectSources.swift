import SwiftProtobuf

/// What a top-level SELECT reads, taken straight from its serialized tree: the relations of its
/// FROM clauses (joins, subqueries, set operations and WITH queries included) and whether it
/// locks rows. A SELECT's target list and conditions are most of its tree and nothing here
/// needs them, so they are skipped rather than built into messages.
public struct SelectSources: Equatable, Sendable {
    public struct Relation: Equatable, Sendable {
        /// Empty when the name is unqualified.
        public let schema: String
        public let name: String
    }

    public let relations: [Relation]
    /// `FOR UPDATE`, `FOR SHARE` and the like.
    public let locksRows: Bool
}

extension RawStatement {
    /// True for a top-level SELECT (or VALUES, or set operation).
    public var isSelect: Bool { kind == SelectWire.selectStmt }

    /// The sources of a SELECT, following nested queries `depthLimit` levels down (a level per
    /// query, join, subquery or WITH entry); nil for other statements or malformed bytes.
    public func selectSources(depthLimit: Int) -> SelectSources? {
        guard isSelect else { return nil }
        var reader = WireReader(tree)
        guard reader.nextField()?.number == SelectWire.selectStmt, let body = reader.lengthDelimited() else { return nil }
        var collector = SelectWire(bytes: tree, depthLimit: depthLimit)
        guard let relations = collector.select(body, depth: 0) else { return nil }
        return SelectSources(relations: relations, locksRows: collector.topLevelLocksRows)
    }
}

/// The walk behind `selectSources`. Field numbers are read off messages serialized by the
/// generated code, so they follow pg_query.proto rather than being copied from it.
struct SelectWire {
    let bytes: [UInt8]
    let depthLimit: Int
    private(set) var topLevelLocksRows = false

    init(bytes: [UInt8], depthLimit: Int) {
        self.bytes = bytes
        self.depthLimit = depthLimit
    }

    /// A SelectStmt body: FROM items, then the left and right arms of a set operation, then
    /// the WITH queries (the order the typed reader gives).
    mutating func select(_ body: Range<Int>, depth: Int) -> [SelectSources.Relation]? {
        guard depth < depthLimit else { return [] }
        var from: [Range<Int>] = [], left: [Range<Int>] = [], right: [Range<Int>] = [], with: [Range<Int>] = []
        var reader = WireReader(bytes, range: body)
        while let field = reader.nextField() {
            guard field.wireType == WireReader.lengthDelimitedType else {
                guard reader.skip(wireType: field.wireType) else { return nil }
                continue
            }
            guard let value = reader.lengthDelimited() else { return nil }
            switch field.number {
            case Self.fromClause: from.append(value)
            case Self.leftArm: left.append(value)
            case Self.rightArm: right.append(value)
            case Self.withClause: with.append(value)
            case Self.lockingClause where depth == 0: topLevelLocksRows = true
            default: continue
            }
        }
        var found: [SelectSources.Relation] = []
        for item in from { guard let relations = node(item, depth: depth + 1) else { return nil }; found += relations }
        for arm in left + right { guard let relations = select(arm, depth: depth + 1) else { return nil }; found += relations }
        for clause in with {
            guard let ctes = fields(Self.ctes, in: clause) else { return nil }
            for cte in ctes { guard let relations = node(cte, depth: depth + 1) else { return nil }; found += relations }
        }
        return found
    }

    /// A Node body: the one case it holds decides what to follow.
    private mutating func node(_ body: Range<Int>, depth: Int) -> [SelectSources.Relation]? {
        guard depth < depthLimit else { return [] }
        var reader = WireReader(bytes, range: body)
        guard let field = reader.nextField(), field.wireType == WireReader.lengthDelimitedType else { return [] }
        guard let value = reader.lengthDelimited() else { return nil }
        switch field.number {
        case Self.rangeVar: return rangeVar(value).map { [$0] }
        case Self.selectStmt: return select(value, depth: depth)
        case Self.joinExpr: return children([Self.joinLeft, Self.joinRight], of: value, depth: depth)
        case Self.rangeSubselect: return children([Self.subquery], of: value, depth: depth)
        case Self.commonTableExpr: return children([Self.cteQuery], of: value, depth: depth)
        default: return []
        }
    }

    /// The Node-typed fields of a message, in the order the field numbers are given.
    private mutating func children(_ numbers: [Int], of body: Range<Int>, depth: Int) -> [SelectSources.Relation]? {
        var found: [SelectSources.Relation] = []
        for number in numbers {
            guard let values = fields(number, in: body) else { return nil }
            for value in values { guard let relations = node(value, depth: depth + 1) else { return nil }; found += relations }
        }
        return found
    }

    private func rangeVar(_ body: Range<Int>) -> SelectSources.Relation? {
        guard let schema = fields(Self.schemaName, in: body), let name = fields(Self.relationName, in: body) else { return nil }
        return SelectSources.Relation(schema: schema.last.map(string) ?? "", name: name.last.map(string) ?? "")
    }

    private func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    /// Every length-delimited value of field `number` in a message body; nil when malformed.
    private func fields(_ number: Int, in body: Range<Int>) -> [Range<Int>]? {
        var reader = WireReader(bytes, range: body)
        var found: [Range<Int>] = []
        while let field = reader.nextField() {
            if field.number == number, field.wireType == WireReader.lengthDelimitedType {
                guard let value = reader.lengthDelimited() else { return nil }
                found.append(value)
            } else if !reader.skip(wireType: field.wireType) {
                return nil
            }
        }
        return reader.isAtEnd ? found : nil
    }

    static let selectStmt = RawStatement.kind(of: .selectStmt(PgQuery_SelectStmt()))
    static let rangeVar = RawStatement.kind(of: .rangeVar(PgQuery_RangeVar()))
    static let joinExpr = RawStatement.kind(of: .joinExpr(PgQuery_JoinExpr()))
    static let rangeSubselect = RawStatement.kind(of: .rangeSubselect(PgQuery_RangeSubselect()))
    static let commonTableExpr = RawStatement.kind(of: .commonTableExpr(PgQuery_CommonTableExpr()))

    static let fromClause = number(PgQuery_SelectStmt()) { $0.fromClause = [PgQuery_Node()] }
    static let leftArm = number(PgQuery_SelectStmt()) { $0.larg = PgQuery_SelectStmt() }
    static let rightArm = number(PgQuery_SelectStmt()) { $0.rarg = PgQuery_SelectStmt() }
    static let withClause = number(PgQuery_SelectStmt()) { $0.withClause = PgQuery_WithClause() }
    static let lockingClause = number(PgQuery_SelectStmt()) { $0.lockingClause = [PgQuery_Node()] }
    static let ctes = number(PgQuery_WithClause()) { $0.ctes = [PgQuery_Node()] }
    static let joinLeft = number(PgQuery_JoinExpr()) { $0.larg = PgQuery_Node() }
    static let joinRight = number(PgQuery_JoinExpr()) { $0.rarg = PgQuery_Node() }
    static let subquery = number(PgQuery_RangeSubselect()) { $0.subquery = PgQuery_Node() }
    static let cteQuery = number(PgQuery_CommonTableExpr()) { $0.ctequery = PgQuery_Node() }
    static let schemaName = number(PgQuery_RangeVar()) { $0.schemaname = "s" }
    static let relationName = number(PgQuery_RangeVar()) { $0.relname = "r" }

    /// The number of the one field `set` gives a value to.
    private static func number<M: SwiftProtobuf.Message>(_ empty: M, _ set: (inout M) -> Void) -> Int {
        var message = empty
        set(&message)
        guard let bytes: [UInt8] = try? message.serializedBytes() else { return 0 }
        var reader = WireReader(bytes)
        return reader.nextField()?.number ?? 0
    }
}
