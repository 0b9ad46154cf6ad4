import PatchgateEffects
import PatchgateRules
import PatchgateSource
import PatchgateSyntax

/// A file's runner as the run found or was told it, with what the reports say about that
/// choice: the other runners the layout fits, and directives of other runners in the file.
public struct DetectedRunner: MigrationRunner {
    public let base: any MigrationRunner
    /// Runners the layout fits besides `base` (empty when it fits one, or `--runner` chose).
    public let otherCandidates: [RunnerID]
    /// How the runner was found, for the ambiguity note ("`*.up.sql` file names").
    public let evidence: String
    /// Where the note points: the first directive that named the runner, else the file's start.
    public var evidenceSpan = Span(start: 0, end: 0)

    public init(_ base: any MigrationRunner, otherCandidates: [RunnerID] = [], evidence: String = "") {
        self.base = base
        self.otherCandidates = otherCandidates
        self.evidence = evidence
    }

    public var id: String { base.id }
    public var keepsDownInFile: Bool { base.keepsDownInFile }

    public func sections(of source: SourceFile) -> FileSections? { base.sections(of: source) }

    public func application(of parsed: ParsedPatch, sections: FileSections?, direction: ApplicationUnit.Direction) -> FileApplication {
        var application = base.application(of: parsed, sections: sections, direction: direction)
        if !otherCandidates.isEmpty {
            let names = ([base.id] + otherCandidates.map(\.rawValue)).joined(separator: ", ")
            application.notes.append(RunnerNote(.ambiguousRunner, span: evidenceSpan,
                                                message: "\(evidence) fit several runners (\(names)): checked as \(base.id) applies it",
                                                help: "name the runner with --runner NAME or `runner: NAME` in .patchgate.yml"))
        }
        application.notes += RunnerDirectives.foreignNotes(in: parsed, runner: base.id)
        return application
    }
}

/// A file of a directory with no tool's layout: its runner is the one whose directives it
/// holds (goose, dbmate, Liquibase, …), or none.
public struct DirectiveDetectedRunner: MigrationRunner {
    public let id = "detect"
    public init() {}

    /// Its file may turn out to be goose's or dbmate's, which hold their down section.
    public var keepsDownInFile: Bool { true }

    public func resolved(for source: SourceFile) -> (any MigrationRunner)? {
        // The runner whose directive comes first in the file (its up marker, usually) applies it.
        let runners = RunnerDirectives.runners(inLinesOf: source)
        guard let first = runners.first else { return nil }
        var detected = DetectedRunner(RunnerSettings(id: first.runner).runner(forFile: source.path),
                                      otherCandidates: runners.dropFirst().map(\.runner), evidence: "the file's directives")
        detected.evidenceSpan = first.span
        return detected
    }

    /// Never reached: the checker applies the runner `resolved(for:)` gives, or none.
    public func application(of parsed: ParsedPatch, sections: FileSections?, direction: ApplicationUnit.Direction) -> FileApplication {
        resolved(for: parsed.source)?.application(of: parsed, sections: sections, direction: direction)
            ?? FileApplication.plain(.perFile, span: parsed.wholeFile, reason: "no runner detected")
    }
}
