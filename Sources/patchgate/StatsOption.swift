import ArgumentParser
import Foundation
import PatchgateEffects
import PatchgateRunners

/// `--stats FILE …`: table sizes, later files winning. A bad file stops the run (exit 2): an
/// estimate from half the sizes would be wrong without saying so.
enum StatsOption {
    static func load(_ paths: [String]) throws -> TableStatistics? {
        guard !paths.isEmpty else { return nil }
        var statistics = TableStatistics()
        for path in paths {
            switch InputCollector.read(InputFile(path: path)) {
            case .failure(let error):
                Console.writeError("error: --stats: \(error.message)")
                throw ExitCode(2)
            case .success(let bytes):
                do throws(SettingsFileError) {
                    statistics.merge(try StatsFile.parse(String(decoding: bytes, as: UTF8.self), path: path))
                } catch {
                    Console.writeError(error.description)
                    throw ExitCode(2)
                }
            }
        }
        return statistics
    }
}

/// `--rate rewrite=80`: megabytes per second for one operation of the cost model.
struct RateOption: ExpressibleByArgument {
    let operation: CostRates.Operation?
    let value: Double

    /// The operations' names, then `overhead`.
    static let names = CostRates.Operation.allCases.map(\.rawValue) + ["overhead"]

    /// The value as given, for messages.
    private(set) var text = ""

    /// Any number: its range is checked by `rangeProblem`, which can say what the range is.
    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let value = Double(parts[1]), !value.isNaN else { return nil }
        self.init(name: parts[0], value: value)
        text = parts[1]
    }

    var rangeProblem: String? { Self.rangeProblem(name: operation?.rawValue ?? "overhead", value: value, text: text) }

    /// Why a rate is refused; nil when it is within the range of its kind.
    static func rangeProblem(name: String, value: Double, text: String) -> String? {
        let isOverhead = name == "overhead"
        let range = isOverhead ? CostRates.overheadSecondsRange : CostRates.megabytesPerSecondRange
        guard !range.contains(value) else { return nil }
        let unit = isOverhead ? "seconds per statement" : "MB/s"
        return "rate '\(name)': '\(text)' is outside \(decimal(range.lowerBound)) to \(decimal(range.upperBound)) \(unit)"
    }

    private static func decimal(_ value: Double) -> String {
        value >= 1 ? String(Int(value)) : String(format: "%.6f", value).replacingOccurrences(of: "0+$", with: "", options: .regularExpression)
    }

    init?(name: String, value: Double) {
        guard Self.names.contains(name) else { return nil }
        operation = CostRates.Operation(rawValue: name)
        self.value = value
    }

    /// The configuration file's rates, then the command line's on top.
    static func rates(_ options: [RateOption], file: [String: Double] = [:]) -> CostRates {
        var rates = CostRates()
        let fromFile = file.sorted { $0.key < $1.key }.compactMap { RateOption(name: $0.key, value: $0.value) }
        for option in fromFile + options {
            if let operation = option.operation { rates.megabytesPerSecond[operation] = option.value } else { rates.statementOverheadSeconds = option.value }
        }
        return rates
    }
}
