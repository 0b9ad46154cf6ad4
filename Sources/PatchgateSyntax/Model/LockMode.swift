/// PostgreSQL's table-level lock modes, weakest first, so that comparison is strength.
/// https://www.postgresql.org/docs/15/explicit-locking.html#LOCKING-TABLES
public enum LockMode: Int, Comparable, CaseIterable, Sendable {
    case accessShare = 1, rowShare, rowExclusive, shareUpdateExclusive,
         share, shareRowExclusive, exclusive, accessExclusive

    /// The name `pg_locks.mode` shows.
    public var pgLocksName: String {
        switch self {
        case .accessShare: "AccessShareLock"
        case .rowShare: "RowShareLock"
        case .rowExclusive: "RowExclusiveLock"
        case .shareUpdateExclusive: "ShareUpdateExclusiveLock"
        case .share: "ShareLock"
        case .shareRowExclusive: "ShareRowExclusiveLock"
        case .exclusive: "ExclusiveLock"
        case .accessExclusive: "AccessExclusiveLock"
        }
    }

    /// Writes (INSERT/UPDATE/DELETE take ROW EXCLUSIVE) wait behind this mode.
    public var blocksWrites: Bool { self >= .share }
    /// Plain reads (SELECT takes ACCESS SHARE) wait behind this mode.
    public var blocksReads: Bool { self == .accessExclusive }

    public static func < (lhs: LockMode, rhs: LockMode) -> Bool { lhs.rawValue < rhs.rawValue }
}
