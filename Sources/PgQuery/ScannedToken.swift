/// One token of libpg_query's scanner: where it is and what it is.
public struct ScannedToken: Equatable, Sendable {
    public let start: Int
    public let end: Int
    /// The token's number in pg_query.proto's `Token` enum.
    public let token: Int

    /// pg_query.proto's `SQL_COMMENT` and `C_COMMENT` (a test checks them against the types
    /// generated from the installed .proto).
    public static let sqlComment = 275, cComment = 276

    public var isLineComment: Bool { token == Self.sqlComment }
    public var isBlockComment: Bool { token == Self.cComment }
    public var isComment: Bool { isLineComment || isBlockComment }
}

extension ScannedToken {
    /// The tokens of a serialized `PgQuery_ScanResult` (pg_query.proto: ScanResult field 2 holds
    /// each ScanToken, whose fields are 1 start, 2 end and 4 token), or nil when the bytes do
    /// not have that shape.
    static func tokens(in result: [UInt8]) -> [ScannedToken]? {
        var reader = WireReader(result)
        var tokens: [ScannedToken] = []
        while let field = reader.nextField() {
            if field.number == 2, field.wireType == WireReader.lengthDelimitedType {
                guard let body = reader.lengthDelimited(), let token = token(in: result, body) else { return nil }
                tokens.append(token)
            } else if !reader.skip(wireType: field.wireType) {
                return nil
            }
        }
        return reader.isAtEnd ? tokens : nil
    }

    private static func token(in result: [UInt8], _ body: Range<Int>) -> ScannedToken? {
        var reader = WireReader(result, range: body)
        var start = 0, end = 0, token = 0
        while let field = reader.nextField() {
            switch (field.number, field.wireType) {
            case (1, WireReader.varintType): guard let value = reader.int32() else { return nil }; start = value
            case (2, WireReader.varintType): guard let value = reader.int32() else { return nil }; end = value
            case (4, WireReader.varintType): guard let value = reader.int32() else { return nil }; token = value
            default: guard reader.skip(wireType: field.wireType) else { return nil }
            }
        }
        guard reader.isAtEnd else { return nil }
        return ScannedToken(start: start, end: end, token: token)
    }
}
