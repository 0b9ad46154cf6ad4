import PatchgateSyntax

/// ALTER TABLE subcommands that change columns, storage and partitions.
/// https://www.postgresql.org/docs/15/sql-altertable.html ("An ACCESS EXCLUSIVE lock is
/// acquired unless explicitly noted").
enum AlterTableFacts {
    static let page = "sql-altertable.html"

    static let addColumn = Fact("alter-table.add-column", lock: .accessExclusive, doc: page,
        truth: ["alter-add-column-plain", "alter-add-column-not-null-default-const", "alter-add-column-stable-default-now"],
        note: "a non-volatile default is stored in the catalog (fast default): no rewrite")
    static let addColumnRewriting = Fact("alter-table.add-column.volatile-default", lock: .accessExclusive, rewrites: true, doc: page,
        truth: ["alter-add-column-volatile-default-clock-timestamp", "alter-add-column-volatile-default-random", "alter-add-column-serial",
                "alter-add-column-identity-always", "alter-add-column-generated-stored"],
        note: "a volatile default, serial, identity or stored generated column fills every row: the table is rewritten")
    static let dropColumn = Fact("alter-table.drop-column", lock: .accessExclusive, doc: page,
        truth: ["alter-drop-column"], note: "the column is only marked dropped: no rewrite")
    static let alterColumnType = Fact("alter-table.alter-column-type", lock: .accessExclusive, rewrites: true, doc: page,
        truth: ["alter-type-int-to-bigint"], note: "rewrites unless the change is on the no-rewrite list (TypeChangeFacts)")
    static let alterColumnTypeInPlace = Fact("alter-table.alter-column-type.no-rewrite", lock: .accessExclusive, doc: page,
        truth: ["alter-type-varchar-widen", "alter-type-varchar-to-text"],
        note: "server: indexes are kept, CHECK constraints on the column are re-verified (a scan)")
    static let setNotNull = Fact("alter-table.set-not-null", lock: .accessExclusive, scans: true, doc: page,
        truth: ["alter-set-not-null"])
    static let setNotNullProven = Fact("alter-table.set-not-null.proven-by-check", lock: .accessExclusive, doc: page,
        truth: ["alter-set-not-null-with-validated-check"], note: "a validated CHECK (col IS NOT NULL) lets PostgreSQL skip the scan")
    static let dropNotNull = Fact("alter-table.drop-not-null", lock: .accessExclusive, doc: page, truth: ["alter-drop-not-null"])
    static let columnDefault = Fact("alter-table.set-default", lock: .accessExclusive, doc: page,
        truth: ["alter-set-default", "alter-drop-default"])
    static let setStatistics = Fact("alter-table.set-statistics", lock: .shareUpdateExclusive, doc: page,
        truth: ["alter-set-statistics", "alter-column-set-attribute-option"])
    static let setStorage = Fact("alter-table.set-storage", lock: .accessExclusive, doc: page, truth: ["alter-set-storage-external"])
    static let identity = Fact("alter-table.identity", lock: .accessExclusive, doc: page, truth: ["alter-column-add-identity"])
    static let persistence = Fact("alter-table.set-logged", lock: .accessExclusive, rewrites: true, doc: page,
        truth: ["alter-set-logged", "alter-set-unlogged"])
    static let tablespace = Fact("alter-table.set-tablespace", lock: .accessExclusive, rewrites: true, doc: page,
        truth: ["alter-set-tablespace", "alter-index-set-tablespace"],
        note: "the files are copied to the new tablespace: a new relfilenode; ALTER INDEX moves only the index, with no table lock")
    static let accessMethod = Fact("alter-table.set-access-method", lock: .accessExclusive, rewrites: true, doc: page,
        truth: ["alter-set-access-method-heap"], note: "server: setting heap on a heap table keeps the storage (no rewrite)")
    static let attachPartition = Fact("alter-table.attach-partition", lock: .shareUpdateExclusive, scans: true, doc: page,
        truth: ["alter-attach-partition"], note: "SHARE UPDATE EXCLUSIVE on the parent, ACCESS EXCLUSIVE on the partition, which is scanned unless a constraint implies the bounds")
    static let attachIndexPartition = Fact("alter-index.attach-partition", lock: .shareUpdateExclusive, doc: "sql-alterindex.html",
        truth: ["alter-index-attach-partition"],
        note: "server: SHARE UPDATE EXCLUSIVE on the parent index, ACCESS EXCLUSIVE on the attached one, no scan")
    static let detachPartition = Fact("alter-table.detach-partition", lock: .accessExclusive, doc: page,
        truth: ["alter-detach-partition"])
    static let detachPartitionConcurrently = Fact("alter-table.detach-partition.concurrently", lock: .shareUpdateExclusive, doc: page,
        truth: ["alter-detach-partition-concurrently"],
        note: "cannot run inside a transaction block; SHARE UPDATE EXCLUSIVE on the parent, but (server) ACCESS EXCLUSIVE on the partition")
    static let triggerState = Fact("alter-table.enable-trigger", lock: .shareRowExclusive, doc: page,
        truth: ["alter-disable-trigger", "alter-enable-trigger"])
    static let owner = Fact("alter-table.owner", lock: .accessExclusive, doc: page, truth: ["alter-owner-to"])
    static let cheapOptions = Fact("alter-table.set-storage-parameter", lock: .shareUpdateExclusive, doc: page,
        truth: ["alter-set-fillfactor", "alter-set-autovacuum-enabled", "alter-set-parallel-workers"],
        note: "fillfactor, toast, autovacuum and planner parameters only")
    static let otherOptions = Fact("alter-table.set-other-storage-parameter", lock: .accessExclusive, doc: page,
        truth: ["alter-set-user-catalog-table"])
    static let clusterOn = Fact("alter-table.cluster-on", lock: .shareUpdateExclusive, doc: page, truth: ["alter-cluster-on"],
        note: "server: the named index takes SHARE UPDATE EXCLUSIVE too")
    static let otherSubcommand = Fact("alter-table.other", lock: .accessExclusive, doc: page,
        truth: ["alter-replica-identity-full", "alter-enable-row-level-security", "alter-set-compression"])

    static let all = [addColumn, addColumnRewriting, dropColumn, alterColumnType, alterColumnTypeInPlace, setNotNull,
                      setNotNullProven, dropNotNull, columnDefault, setStatistics, setStorage, identity, persistence,
                      tablespace, accessMethod, attachPartition, attachIndexPartition, detachPartition, detachPartitionConcurrently,
                      triggerState, owner, cheapOptions, otherOptions, clusterOn, otherSubcommand]

    /// Storage parameters the docs list as taking only SHARE UPDATE EXCLUSIVE.
    static func isCheapOption(_ name: String) -> Bool {
        let bare = name.hasPrefix("toast.") ? String(name.dropFirst(6)) : name
        return bare.hasPrefix("autovacuum_") || ["fillfactor", "toast_tuple_target", "parallel_workers",
            "vacuum_index_cleanup", "vacuum_truncate", "log_autovacuum_min_duration"].contains(bare)
    }
}
