import PatchgateEffects
import PatchgateRules
import PatchgateSyntax

/// The runners that send a whole file as one simple query, inside their own transaction unless
/// the file opts out: they differ in their id, their directive and how it is written.
struct OneQueryApplication {
    let runner: String
    let directive: String?

    /// `optOut` is the reason the file runs without the runner's transaction, nil for the default.
    func application(of parsed: ParsedPatch, sections: FileSections?, direction: ApplicationUnit.Direction,
                     optOut: String?, scope: ApplicationUnit.Scope = .unit, defaultReason: String) -> FileApplication {
        let units = parsed.units(sections: sections, direction: direction) { span in
            if let optOut {
                return ApplicationUnit(span: span, wrapping: .none, delivery: .oneQuery, reason: "\(runner), the file as one query: \(optOut)")
            }
            return ApplicationUnit(span: span, wrapping: .runnerTransaction, scope: scope, delivery: .oneQuery,
                                   reason: "\(runner), the file as one query \(defaultReason)")
        }
        return FileApplication(runner: runner, units: units, noTransactionDirective: directive)
    }
}
