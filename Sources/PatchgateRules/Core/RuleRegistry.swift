/// Every rule, in the order they run. Specific rules first; each later phase sees the findings
/// of the phases before it, so a statement is reported once, for its most specific cause.
public enum RuleRegistry {
    static let phases: [[any Rule]] = [specific, [BlockingScanOrIndexBuild()], [RequireLockTimeout()], [MixedHotAndCold()]]

    static let specific: [any Rule] = [
        SyntaxError(), StatementTooDeep(), UnknownObject(), AlreadyExists(), ModifiedLandedPatch(), LaunchpadFileName(), LaunchpadInBaseline(), PsqlMetaCommand(), PsqlVariable(), PsqlCopyData(), EmptyPatch(),
        MalformedRunnerDirective(), UncommittedTransaction(), RunnerDirective(), ForeignRunnerDirective(), AmbiguousRunner(),
        ConcurrentInTransaction(), RoutineCommitInTransaction(), OpaqueDynamicSQL(), CallNotFollowed(), ConcurrentIndexOnPartitionedTable(), EnumValueInTransaction(),
        RequireConcurrentIndexCreation(), RequireConcurrentIndexDeletion(), RequireConcurrentReindex(),
        AddingNotNullColumnWithoutDefault(), AddingColumnWithVolatileDefault(), ChangingColumnType(),
        SettingNotNull(), ConstraintMissingNotValid(), UniqueConstraintWithoutIndex(), AddingPrimaryKey(),
        DroppingColumn(), DroppingTable(), DroppingDatabase(), RenamingColumn(), RenamingTable(), RenamingTypeOrSchema(),
        Truncate(), VacuumFullOrCluster(),
        DmlWithoutWhere(), TableRewrite(), SlowStatementUnderExclusiveLock(), IncompatibleViewOrFunctionChange(),
        LaunchpadRevisionRow(), LaunchpadColdPatch(), LaunchpadNameClassMismatch(), LaunchpadApplyConcurrently(),
        LaunchpadRequireConcurrently(), LaunchpadMissingComment(), LaunchpadDataMigration(), LaunchpadLargeTableColumn(),
    ]

    /// Run after the time-bound findings are settled: they hold the estimate to the budget.
    static let budgetRules: [any Rule] = [SizeUnknown(), OverBudget()]

    /// The phases as the checker runs them, sorted once.
    static let rulePhases = phases.map(RulePhase.init)
    static let budgetPhase = RulePhase(budgetRules)

    /// The rules whose findings the budget settles; built once, read for every file.
    static let timeBoundIDs: Set<String> = Set(phases.joined().filter { type(of: $0).isTimeBound }.map { type(of: $0).id })

    /// Rules with no pass of their own: findings for bytes that never become SQL text, and for
    /// suppression comments (made after every phase has run).
    static let inputRules: [any Rule.Type] = [InvalidUTF8.self, BinaryFile.self, UnusedSuppression.self, InvalidSuppression.self]

    /// Rules a comment may suppress: not those whose findings mean PostgreSQL fails on the file.
    static let suppressible: Set<String> = Set(all.filter { $0.verdict != .invalid }.map(\.id))

    /// Built once: suppressions and rule levels consult it for every file.
    public static let all: [RuleDescriptor] =
        ((phases.joined() + budgetRules).map { type(of: $0).descriptor } + inputRules.map { $0.descriptor })
            .sorted { $0.id < $1.id }
}

extension RuleRegistry {
    /// A rule's page (rules/<id>.md), embedded in the binary, under the header its code makes.
    public static func page(for id: String) -> String? {
        guard let body = RulePages.byID[id], let descriptor = all.first(where: { $0.id == id }) else { return nil }
        return "# \(id)\n\n\(descriptor.pageHeader)\n\n\(body)"
    }
}
