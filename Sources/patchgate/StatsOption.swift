import ArgumentParser
import PatchgateEffects

/// `--stats FILE …`: table sizes, later files winning. A bad file stops the run (exit 2): an
/// estimate from half the sizes would be wrong without saying so.
enum StatsOption {
    static func load(_ paths: [String]) throws -> TableStatistics? {
        guard !paths.isEmpty else { return nil }
        var statistics = TableStatistics()
        for path in paths {
            switch InputCollector.read(InputFile(path: path)) {
            case .failure(let error):
                Console.writeError("error: --stats: \(error.message)\n")
                throw ExitCode(2)
            case .success(let bytes):
                do throws(StatsFile.Problem) {
                    statistics.merge(try StatsFile.parse(String(decoding: bytes, as: UTF8.self), path: path))
                } catch {
                    Console.writeError(error.message + "\n")
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

    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let value = Double(parts[1]), value > 0 else { return nil }
        guard parts[0] == "overhead" || CostRates.Operation(rawValue: parts[0]) != nil else { return nil }
        operation = CostRates.Operation(rawValue: parts[0])
        self.value = value
    }

    static func rates(_ options: [RateOption]) -> CostRates {
        var rates = CostRates()
        for option in options {
            if let operation = option.operation { rates.megabytesPerSecond[operation] = option.value } else { rates.statementOverheadSeconds = option.value }
        }
        return rates
    }
}
