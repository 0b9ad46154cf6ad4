import Foundation
import ArgumentParser
import PatchgateRules

extension Patchgate {
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rules", abstract: "List every rule: id, severity, the verdict it forces, and what it catches.")

        func run() throws {
            let rules = RuleRegistry.all
            let width = rules.map(\.id.count).max() ?? 0
            var text = ""
            for rule in rules {
                let id = rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
                let severity = rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
                let verdict = rule.verdict.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
                let budget = rule.isTimeBound ? " (rejected over the budget or at an unknown size)" : ""
                text += "\(id)  \(severity)  \(verdict)  \(rule.summary)\(budget)\n"
            }
            Console.write(text)
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain", abstract: "Print a rule's page: what it catches, why, the safe alternative, examples.")

        @Argument(help: "A rule id, as `patchgate rules` lists them.")
        var ruleID: String

        func run() throws {
            guard let page = RuleRegistry.page(for: ruleID) else {
                let guesses = RuleRegistry.likelyIDs(for: ruleID)
                let guess = guesses.isEmpty ? "" : "; did you mean \(guesses.joined(separator: " or "))?"
                Console.writeError("error: no rule '\(ruleID)'\(guess) (`patchgate rules` lists them)")
                throw ExitCode(2)
            }
            Console.write(page + "\n")
        }
    }
}
