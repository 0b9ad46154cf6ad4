/// Something in a file that psql handles itself and the server never sees.
public struct PsqlDirective: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// `\set`, `\i`, `\echo` …: the name includes the backslash.
        case metaCommand(name: String)
        /// `:name`, `:'name'` or `:"name"`, substituted by psql before the server parses.
        case variable(name: String)
        /// The rows after `COPY … FROM stdin`, up to the `\.` line.
        case copyData
        /// A UTF-8 byte-order mark at the start of the file.
        case byteOrderMark
    }

    public let kind: Kind
    public let span: Span

    public init(kind: Kind, span: Span) {
        self.kind = kind
        self.span = span
    }
}

/// The text handed to the parser: psql-only parts blanked to spaces, byte for byte the same
/// length as the file, so every offset the parser reports is an offset in the file.
public struct ParserInput: Sendable {
    public let bytes: [UInt8]
    public let directives: [PsqlDirective]
}
