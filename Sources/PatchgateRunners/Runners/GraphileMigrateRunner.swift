import Foundation
import PatchgateEffects
import PatchgateRules
import PatchgateSyntax

/// graphile-migrate: `begin`, the body as one `pgClient.query`, `commit`; `--! no-transaction`
/// as the first line runs the query alone (graphile/migrate src/header.ts
/// `/^--!\s*no-transaction\b/.test(firstLine)`; README: "`--! no-transaction` migrations must
/// contain exactly one statement").
public struct GraphileMigrateRunner: MigrationRunner {
    public let id = "graphile-migrate"
    public init() {}

    public func application(of parsed: ParsedPatch, sections: FileSections?, direction: ApplicationUnit.Direction) -> FileApplication {
        // A committed migration starts with headers (`--! Previous: …`, `--! Hash: …`) and a
        // blank line; the body's first line follows (graphile/migrate src/header.ts).
        let lines = parsed.source.lineRanges.map(parsed.source.lineText)
        let isHeader = { (line: String) in line.hasPrefix("--! ") && line.dropFirst(4).prefix { $0 != " " }.hasSuffix(":") }
        let firstLine = lines.first { !isHeader($0) && !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
        var isOptOut = false
        if firstLine.hasPrefix("--!") {
            let rest = firstLine.dropFirst(3).drop { $0 == " " || $0 == "\t" }
            isOptOut = rest.hasPrefix("no-transaction")
                && (rest.count == "no-transaction".count || !(rest.dropFirst("no-transaction".count).first?.isLetter ?? false))
        }
        return OneQueryApplication(runner: id, directive: "`--! no-transaction` as the first line")
            .application(of: parsed, sections: sections, direction: direction,
                         optOut: isOptOut ? "`--! no-transaction` as the first line of the body" : nil, defaultReason: "in one transaction (its default)")
    }
}
