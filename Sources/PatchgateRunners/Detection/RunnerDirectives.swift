import Foundation
import PatchgateEffects
import PatchgateRules
import PatchgateSource
import PatchgateSyntax

/// The comments that are some runner's directive, to detect the runner of a file in a plain
/// directory and to report a directive of another runner (never obeyed).
enum RunnerDirectives {
    struct Directive {
        let runner: RunnerID
        /// How the directive is written, for messages.
        let text: String
        let matches: (String) -> Bool
    }

    /// Directives that name their runner unmistakably.
    static let all: [Directive] = [
        Directive(runner: .goose, text: "-- +goose …") { $0.hasPrefix("-- +goose ") || $0.hasPrefix("--+goose ") },
        Directive(runner: .dbmate, text: "-- migrate:up / -- migrate:down") {
            $0.hasPrefix("-- migrate:up") || $0.hasPrefix("-- migrate:down") || $0.hasPrefix("--migrate:up")
        },
        Directive(runner: .liquibase, text: "--liquibase formatted sql / --changeset") {
            $0.lowercased().hasPrefix("--liquibase formatted sql") || $0.lowercased().hasPrefix("--changeset ")
        },
        Directive(runner: .sqlx, text: "-- no-transaction") { $0 == "-- no-transaction" },
        Directive(runner: .graphileMigrate, text: "--! no-transaction") { $0.hasPrefix("--!") && $0.contains("no-transaction") },
        Directive(runner: .postgresMigrations, text: "-- postgres-migrations disable-transaction") {
            $0.hasPrefix("-- postgres-migrations disable-transaction")
        },
        Directive(runner: .atlas, text: "-- atlas:txmode") { $0.hasPrefix("-- atlas:") },
        Directive(runner: .nodePgMigrate, text: "-- Up Migration / -- Down Migration") {
            let lowered = $0.lowercased()
            return lowered == "-- up migration" || lowered == "-- down migration"
        },
    ]

    /// Each comment that is a directive, with its runner.
    static func found(in parsed: ParsedPatch) -> [(span: Span, directive: Directive)] {
        parsed.comments.compactMap { comment -> (Span, Directive)? in
            guard !comment.isBlock else { return nil }
            let text = parsed.source.text(comment.span).trimmingCharacters(in: .whitespaces)
            return all.first { $0.matches(text) }.map { (comment.span, $0) }
        }
    }

    /// The runners whose directives start a line of the file, in the order they first appear
    /// (read from lines, before the file is parsed: the runner decides what is parsed).
    static func runners(inLinesOf source: SourceFile) -> [(runner: RunnerID, span: Span)] {
        var found: [(runner: RunnerID, span: Span)] = []
        let dash = UInt8(ascii: "-")
        for range in source.lineRanges {
            guard let first = source.bytes[range].firstIndex(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }),
                  source.bytes[first] == dash, first + 1 < range.upperBound, source.bytes[first + 1] == dash else { continue }
            let text = source.lineText(first..<range.upperBound).trimmingCharacters(in: .whitespaces)
            if let directive = all.first(where: { $0.matches(text) }), !found.contains(where: { $0.runner == directive.runner }) {
                found.append((directive.runner, Span(start: first, end: range.upperBound)))
            }
        }
        return found
    }

    /// Notes for the directives of runners other than `runner`.
    static func foreignNotes(in parsed: ParsedPatch, runner: String) -> [RunnerNote] {
        found(in: parsed).filter { $0.directive.runner.rawValue != runner }.map { span, directive in
            RunnerNote(.foreignDirective, span: span,
                       message: "`\(parsed.source.text(span).prefix(60))` is a directive of \(directive.runner.rawValue), not of \(runner), which applies this file: it changes nothing",
                       help: "if \(directive.runner.rawValue) applies these migrations, say so with --runner \(directive.runner.rawValue) (or runner: in .patchgate.yml)")
        }
    }
}
