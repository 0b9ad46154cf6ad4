import PatchgateEffects
import PatchgateRules

/// An estimate in words, always with its inputs: the tables, their bytes and the rates.
enum EstimateText {
    /// `rewrite public.bugtask 30.0 GB at 80 MB/s`, or `… size unknown` without statistics.
    static func input(_ input: StatementEstimate.Input) -> String {
        let what = "\(input.operation.displayName) \(input.index ?? input.relation)"
        guard let bytes = input.bytes else { return "\(what): size unknown" }
        let amount = input.operation == .indexBuild ? "from \(size(bytes)) of heap" : size(bytes)
        return "\(what) \(amount) at \(rate(input.rateMBps)) MB/s"
    }

    static func inputs(_ estimate: StatementEstimate) -> String {
        estimate.inputs.map(input).joined(separator: "; ")
    }

    /// The file's downtime against its budget, e.g. `downtime about 3.2 s of the 15 s budget`.
    static func clock(_ clock: FileClock) -> String {
        "downtime about \(DurationText.format(clock.downtimeSeconds)) of the \(DurationText.format(clock.budgetSeconds)) budget"
    }

    /// Bytes as `pg_size_pretty` shows them (powers of 1024).
    static func size(_ bytes: Int64) -> String {
        let units = ["bytes", "kB", "MB", "GB", "TB", "PB"]
        var value = Double(bytes), unit = 0
        while value >= 1024, unit < units.count - 1 { value /= 1024; unit += 1 }
        if unit == 0 { return "\(bytes) bytes" }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }

    private static func rate(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value))" : "\(Int((value * 10).rounded()) / 10).\(Int((value * 10).rounded()) % 10)"
    }
}
