import PatchgateEffects
import PatchgateRules
import PatchgateSyntax

/// An estimate in words, always with its inputs: the tables, their bytes and the rates.
enum EstimateText {
    /// `rewrite public.bugtask 30.0 GB at 80 MB/s`, or `… (size of public.bugtask unknown)`
    /// without statistics.
    static func input(_ input: StatementEstimate.Input) -> String {
        let what = "\(input.operation.displayName) \(input.index ?? input.relation)"
        guard let bytes = input.bytes else { return input.index == nil ? "\(what) (size unknown)" : "\(what) (size of \(input.relation) unknown)" }
        let amount = input.operation == .indexBuild ? "from \(size(bytes)) of heap" : size(bytes)
        return "\(what) \(amount) at \(rate(input.rateMBps)) MB/s"
    }

    static func inputs(_ estimate: StatementEstimate) -> String {
        estimate.inputs.map(input).joined(separator: "; ")
    }

    /// A statement's duration: `unknown` when a size it needs is missing, never the known part
    /// alone.
    static func duration(_ estimate: StatementEstimate) -> String {
        estimate.isComplete ? DurationText.format(estimate.seconds) : "unknown"
    }

    /// The file's downtime against its budget, e.g. `downtime about 3.2 s of the 15 s budget`,
    /// or `downtime unknown (no size for public.orders): cannot be held to the 5 min budget`.
    static func clock(_ clock: FileClock) -> String {
        let budget = DurationText.format(clock.budgetSeconds)
        guard clock.hasDowntime else { return "no downtime: no table the application uses stays blocked" }
        guard clock.isDowntimeKnown else {
            return "downtime unknown, no size for \(names(clock.unknownSizes)): cannot be held to the \(budget) budget"
        }
        return "downtime about \(DurationText.format(clock.downtimeSeconds)) of the \(budget) budget"
    }

    /// Work the application does not wait for, never added to the downtime.
    static func liveWork(_ clock: FileClock) -> String {
        guard clock.isLiveWorkKnown else {
            return "live work of unknown length (no size for \(names(clock.liveUnknownSizes))), not downtime: the application keeps running"
        }
        return "live work about \(DurationText.format(clock.liveSeconds)), not downtime: the application keeps running"
    }

    static func names(_ relations: [QualifiedName]) -> String {
        relations.map(\.description).joined(separator: ", ")
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
