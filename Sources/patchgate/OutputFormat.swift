import ArgumentParser

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension TransactionModeArgument: ExpressibleByArgument {}

/// `--transaction per-file|none`.
enum TransactionModeArgument: String, CaseIterable {
    case perFile = "per-file"
    case none
}
