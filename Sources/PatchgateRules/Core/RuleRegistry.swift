/// Every rule, in the order they run. Specific rules first; the fallback rules see their
/// findings, so a statement is reported once for its most specific cause.
public enum RuleRegistry {
    static let specific: [any Rule] = [
        SyntaxError(), StatementTooDeep(), PsqlMetaCommand(), PsqlVariable(), PsqlCopyData(), EmptyPatch(),
        ConcurrentInTransaction(), ConcurrentIndexOnPartitionedTable(), EnumValueInTransaction(),
        RequireConcurrentIndexCreation(), RequireConcurrentIndexDeletion(), RequireConcurrentReindex(),
        AddingNotNullColumnWithoutDefault(), AddingColumnWithVolatileDefault(), ChangingColumnType(),
        SettingNotNull(), ConstraintMissingNotValid(), UniqueConstraintWithoutIndex(), AddingPrimaryKey(),
        DroppingColumn(), DroppingTable(), RenamingColumn(), RenamingTable(), Truncate(), VacuumFullOrCluster(),
        DmlWithoutWhere(), TableRewrite(), SlowStatementUnderExclusiveLock(),
    ]

    static let fallback: [any Rule] = [BlockingScanOrIndexBuild(), RequireLockTimeout(), MixedHotAndCold()]

    /// Rules with no pass of their own: findings for bytes that never become SQL text.
    static let inputRules: [any Rule.Type] = [InvalidUTF8.self, BinaryFile.self]

    public static var all: [RuleDescriptor] {
        (specific.map { type(of: $0).descriptor } + fallback.map { type(of: $0).descriptor } + inputRules.map { $0.descriptor })
            .sorted { $0.id < $1.id }
    }
}
