import PatchgateSyntax

/// How big each table is, from `--stats`: what turns "rewrites the table" into seconds.
public struct TableStatistics: Sendable {
    public struct Size: Hashable, Sendable {
        public var rows: Int64?
        /// `pg_relation_size` of the table.
        public var heapBytes: Int64
        /// `pg_indexes_size`: every index of the table together.
        public var indexBytes: Int64
        /// The size of its TOAST table, when given.
        public var toastBytes: Int64
        /// Sizes of single indexes, when given.
        public var indexes: [QualifiedName: Int64]

        public init(rows: Int64? = nil, heapBytes: Int64, indexBytes: Int64 = 0, toastBytes: Int64 = 0, indexes: [QualifiedName: Int64] = [:]) {
            self.rows = rows
            self.heapBytes = heapBytes
            self.indexBytes = indexBytes
            self.toastBytes = toastBytes
            self.indexes = indexes
        }
    }

    public private(set) var tables: [QualifiedName: Size] = [:]

    public init(tables: [QualifiedName: Size] = [:]) {
        self.tables = tables
    }

    /// A table's size; unqualified names mean `public`. nil when the statistics do not list it.
    public func size(of table: QualifiedName) -> Size? {
        tables[table.resolved(in: "public")]
    }

    /// The table whose index list names this index.
    public func table(owningIndex index: QualifiedName) -> Size? {
        let resolved = index.resolved(in: "public")
        return tables.values.first { $0.indexes[resolved] != nil }
    }

    /// Later files win for a table listed twice.
    public mutating func merge(_ other: TableStatistics) {
        tables.merge(other.tables) { _, new in new }
    }
}
