extension CreateIndex {
    /// The same index built with `CONCURRENTLY`: how a process that writes its index builds
    /// plain and runs them concurrently by hand (Launchpad's hot patches) has them applied.
    public var concurrentForm: CreateIndex {
        CreateIndex(name: name, table: table, isConcurrent: true, isUnique: isUnique, ifNotExists: ifNotExists,
                    accessMethod: accessMethod, columns: columns, isPartial: isPartial, isOnly: isOnly)
    }
}

extension ParsedStatement {
    /// The statement at the same place with other syntax: for a runner that applies it
    /// differently from how it is written.
    public func applied(as syntax: Statement) -> ParsedStatement {
        ParsedStatement(index: index, span: span, syntax: syntax, stringConstants: stringConstants)
    }
}
