import PatchgateSyntax

/// ALTER TABLE subcommands that change columns, storage and partitions.
/// https://www.postgresql.org/docs/15/sql-altertable.html ("An ACCESS EXCLUSIVE lock is
/// acquired unless explicitly noted").
enum AlterTableFacts {
    static let page = "sql-altertable.html"

    static let addColumn = Fact("alter-table.add-column", lock: .accessExclusive, doc: page,
        truth: ["alter-add-column-plain", "alter-add-column-not-null-default-const", "alter-add-column-stable-default-now"],
        note: "a non-volatile default is stored in the catalog (fast default): no rewrite")
    static let addColumnVerified = Fact("alter-table.add-column.verified", lock: .accessExclusive, scans: true, doc: page,
        truth: ["alter-add-column-check", "alter-add-column-references-default", "alter-add-column-references-default-null"],
        note: "a CHECK on the new column, or a foreign key with a default, is verified against every row")
    static let addColumnRewriting = Fact("alter-table.add-column.volatile-default", lock: .accessExclusive, rewrites: true, doc: page,
        truth: ["alter-add-column-volatile-default-clock-timestamp", "alter-add-column-volatile-default-random", "alter-add-column-serial",
                "alter-add-column-identity-always", "alter-add-column-generated-stored"],
        note: "a volatile default, serial, identity or stored generated column fills every row: the table is rewritten")
    static let dropColumn = Fact("alter-table.drop-column", lock: .accessExclusive, doc: page,
        truth: ["alter-drop-column"], note: "the column is only marked dropped: no rewrite")
    static let alterColumnType = Fact("alter-table.alter-column-type", lock: .accessExclusive, rewrites: true, doc: page,
        truth: ["alter-type-int-to-bigint", "alter-type-time-to-time-3"],
        note: "rewrites unless the change is on the no-rewrite list (TypeChangeFacts)")
    static let alterColumnTypeInPlace = Fact("alter-table.alter-column-type.no-rewrite", lock: .accessExclusive, doc: page,
        truth: ["alter-type-varchar-widen", "alter-type-varchar-to-text", "alter-type-time-to-time-6", "alter-type-interval-to-interval-6",
                "alter-type-same-type-int", "alter-type-citext-to-text", "alter-type-text-to-citext",
                "alter-type-timestamp-to-timestamptz-utc", "alter-type-timestamptz-to-timestamp-etc-gmt"],
        note: "server: the table keeps its storage; indexes on the column may be rebuilt")
    static let alterColumnTypeVerifyingChecks = Fact("alter-table.alter-column-type.no-rewrite.checks", lock: .accessExclusive,
        scans: true, doc: page, truth: ["alter-type-varchar-to-text-with-check", "alter-type-same-varchar-with-check"],
        note: "server: a CHECK constraint on the column is re-verified, a scan, though the table is kept")
    static let foreignKeyRevalidated = Fact("alter-table.alter-column-type.foreign-key-revalidated", lock: .accessExclusive,
        scans: true, doc: page, truth: ["alter-type-fk-column-int-to-bigint", "alter-type-referenced-pk-int-to-bigint"],
        note: "server: a foreign key on a retyped column (either side) is dropped and added again, locking the other table ACCESS EXCLUSIVE; when the change is not binary compatible the referencing table is scanned to validate it")
    static let foreignKeyKept = Fact("alter-table.alter-column-type.foreign-key-kept", lock: .accessExclusive, doc: page,
        truth: ["alter-type-fk-column-varchar-widen", "alter-type-fk-column-varchar-to-text"],
        note: "server: a binary-compatible change re-adds the foreign key without validating it")
    static let setNotNull = Fact("alter-table.set-not-null", lock: .accessExclusive, scans: true, doc: page,
        truth: ["alter-set-not-null"])
    static let setNotNullProven = Fact("alter-table.set-not-null.proven-by-check", lock: .accessExclusive, doc: page,
        truth: ["alter-set-not-null-with-validated-check"], note: "a validated CHECK (col IS NOT NULL) lets PostgreSQL skip the scan")
    static let setNotNullAlready = Fact("alter-table.set-not-null.already", lock: .accessExclusive, doc: page,
        truth: ["alter-set-not-null-already-not-null"], note: "a column already NOT NULL (a primary key's, say) is not checked")
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
        truth: ["alter-set-tablespace"], note: "the files are copied to the new tablespace: a new relfilenode")
    static let indexTablespace = Fact("alter-index.set-tablespace", lock: .accessExclusive, doc: "sql-alterindex.html",
        truth: ["alter-index-set-tablespace"], note: "ALTER INDEX moves only the index, with no table lock")
    static let accessMethod = Fact("alter-table.set-access-method", lock: .accessExclusive, rewrites: true, doc: page,
        truth: ["alter-set-access-method-heap"], note: "server: setting heap on a heap table keeps the storage (no rewrite)")
    static let attachPartition = Fact("alter-table.attach-partition", lock: .shareUpdateExclusive, doc: page,
        truth: ["alter-attach-partition"], note: "SHARE UPDATE EXCLUSIVE on the parent")
    static let attachedPartition = Fact("alter-table.attach-partition.partition", lock: .accessExclusive, scans: true, doc: page,
        truth: ["alter-attach-partition"], note: "ACCESS EXCLUSIVE on the partition, which is scanned unless a constraint implies the bounds")
    static let attachIndexPartition = Fact("alter-index.attach-partition", lock: .shareUpdateExclusive, doc: "sql-alterindex.html",
        truth: ["alter-index-attach-partition"], note: "server: SHARE UPDATE EXCLUSIVE on the parent index, no scan")
    static let attachedIndexPartition = Fact("alter-index.attach-partition.partition", lock: .accessExclusive, doc: "sql-alterindex.html",
        truth: ["alter-index-attach-partition"], note: "server: ACCESS EXCLUSIVE on the index attached")
    static let detachPartition = Fact("alter-table.detach-partition", lock: .accessExclusive, doc: page,
        truth: ["alter-detach-partition"])
    static let detachPartitionConcurrently = Fact("alter-table.detach-partition.concurrently", lock: .shareUpdateExclusive, doc: page,
        truth: ["alter-detach-partition-concurrently"],
        note: "cannot run inside a transaction block; first transaction: SHARE UPDATE EXCLUSIVE on the parent and the partition")
    static let detachPartitionConcurrentlyLastStep = Fact("alter-table.detach-partition.concurrently.last-step",
        lock: .accessExclusive, afterOlderQueries: true, doc: page, truth: ["alter-detach-partition-concurrently"],
        note: "server: after waiting out every older query, the second transaction takes ACCESS EXCLUSIVE on the partition")
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
    static let withoutCluster = Fact("alter-table.set-without-cluster", lock: .shareUpdateExclusive, doc: page,
        truth: ["alter-set-without-cluster", "alter-set-without-cluster-unmarked"])
    static let otherSubcommand = Fact("alter-table.other", lock: .accessExclusive, doc: page,
        truth: ["alter-replica-identity-full", "alter-enable-row-level-security", "alter-set-compression"])

    static let all = [addColumn, addColumnVerified, addColumnRewriting, dropColumn, alterColumnType, alterColumnTypeInPlace,
                      alterColumnTypeVerifyingChecks, foreignKeyRevalidated, foreignKeyKept, setNotNull,
                      setNotNullProven, setNotNullAlready, dropNotNull, columnDefault, setStatistics, setStorage, identity, persistence,
                      tablespace, indexTablespace, accessMethod, attachPartition, attachedPartition, attachIndexPartition,
                      attachedIndexPartition, detachPartition, detachPartitionConcurrently, detachPartitionConcurrentlyLastStep,
                      triggerState, owner, cheapOptions, otherOptions, clusterOn, withoutCluster, otherSubcommand]

    /// Storage parameters the docs list as taking only SHARE UPDATE EXCLUSIVE.
    static func isCheapOption(_ name: String) -> Bool {
        let bare = name.hasPrefix("toast.") ? String(name.dropFirst(6)) : name
        return bare.hasPrefix("autovacuum_") || ["fillfactor", "toast_tuple_target", "parallel_workers",
            "vacuum_index_cleanup", "vacuum_truncate", "log_autovacuum_min_duration"].contains(bare)
    }
}
