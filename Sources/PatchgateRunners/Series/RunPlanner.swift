import Foundation
import PatchgateRules
import PatchgateSource

/// Turns the files a run was asked for into the files it goes through: grouped by series, in
/// each series' replay order, with the earlier patches of a series put in front (replayed only)
/// when a schema is given, so that checking one patch sees what the patches before it did.
public struct RunPlanner {
    public let profile: Profile
    public let includesDown: Bool
    /// A schema is given: earlier patches of a series are replayed into it.
    public let replaysEarlierPatches: Bool
    /// With `--profile launchpad`, the `--schema` dump named `launchpad-MAJOR-MINOR-N.sql`.
    public var baseline: (path: String, revision: LaunchpadRevision)?
    /// The `--schema` dumps: never a patch of a series, even when they sit among the patches.
    public var schemaPaths: [String] = []
    /// `--runner` or `runner:`: every file is applied by it; nil: each series' layout decides.
    public var chosenRunner: RunnerSettings?
    /// The paths named on the command line: always checked, down migrations included.
    public var namedPaths: Set<String> = []

    public init(profile: Profile, includesDown: Bool, replaysEarlierPatches: Bool) {
        self.profile = profile
        self.includesDown = includesDown
        self.replaysEarlierPatches = replaysEarlierPatches
    }

    public struct Plan {
        /// A series' own files that are there but cannot be read (a FIFO named `sqitch.plan`).
        public var unreadable: [InputError] = []
        public var items: [RunItem] = []
        /// Requested files that are not checked, and why: down migrations without
        /// `--include-down`, sqitch verify scripts.
        public var skipped: [SkippedInput] = []
    }

    public func plan(_ inputs: [InputFile]) -> Plan {
        var plan = Plan()
        var ordered: [(anchor: String, rank: Int, item: RunItem)] = []
        var groups: [String: [InputFile]] = [:]
        for input in inputs where !isSchema(input.path) {
            if input.origin == .standardInput {
                var item = RunItem(input: input)
                item.runner = chosenRunner.map { DetectedRunner($0.runner(forFile: input.path)) }
                ordered.append((input.path, 0, item))
            } else {
                groups[SeriesDetector.root(of: input.path, profile: profile), default: []].append(input)
            }
        }
        // Paths already known to be files are not asked about again when their directory is listed.
        let knownFiles = Set(inputs.lazy.filter(\.isKnownFile).map(\.path))
        for (root, requested) in groups {
            let directory = SeriesDirectory.read(root, knownFiles: knownFiles)
            let series = SeriesDetector.series(in: directory, profile: profile)
            plan.unreadable += directory.unreadable
            ordered += items(of: series, requested: requested, skipping: &plan)
        }
        plan.skipped = SkippedInput.sorted(plan.skipped)
        plan.items = ordered.sorted {
            if $0.anchor != $1.anchor { return $0.anchor.utf8.lexicographicallyPrecedes($1.anchor.utf8) }
            if $0.rank != $1.rank { return $0.rank < $1.rank }
            return $0.item.input.path.utf8.lexicographicallyPrecedes($1.item.input.path.utf8)
        }.map(\.item)
        plan.unreadable.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return plan
    }

    private func isSchema(_ path: String) -> Bool {
        guard !schemaPaths.isEmpty else { return false }
        let file = URL(fileURLWithPath: path).standardizedFileURL.path
        return schemaPaths.contains { URL(fileURLWithPath: $0).standardizedFileURL.path == file }
    }

    /// The requested files of one series and the earlier ones they need, each with its place:
    /// a series sorts as one block at its root (a plain directory file by file, in path order).
    private func items(of series: MigrationSeries, requested: [InputFile], skipping plan: inout Plan)
        -> [(anchor: String, rank: Int, item: RunItem)] {
        let requestedByPath = Dictionary(requested.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let anchor = { (path: String) in series.layout == .plain ? path : series.root + "/" }
        let runners = RunnerDetection(series: series, chosen: chosenRunner)
        let ups = series.upMembers.filter { !isSchema($0.path) }
        let upPlaces = Dictionary(ups.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
        let places = series.memberPlaces()
        // A down file checked is checked right after its up, against the schema that up left.
        var downsAfter: [Int: [InputFile]] = [:]
        var unpairedDowns: [(InputFile, Int)] = []
        for input in requested.sorted(by: { $0.path < $1.path }) {
            guard let place = places[input.path], series.members[place].direction == .down else { continue }
            guard includesDown || namedPaths.contains(input.path) else {
                plan.skipped.append(SkippedInput(path: input.path, reason: "down migration: checked only with --include-down"))
                continue
            }
            if let up = series.upCounterpart(ofDown: input.path).flatMap({ upPlaces[$0] }) {
                downsAfter[up, default: []].append(input)
            } else {
                unpairedDowns.append((input, place))
            }
        }
        let lastRequested = ups.lastIndex { requestedByPath[$0.path] != nil }
        // Earlier patches are replayed up to the last requested up, and through the up of each down.
        let replayedBelow = max(lastRequested ?? -1, (downsAfter.keys.max() ?? -2) + 1)
        var found: [(String, Int, RunItem)] = []
        for (index, member) in ups.enumerated() {
            let input = requestedByPath[member.path]
            guard input != nil || (replaysEarlierPatches && index < replayedBelow) else {
                for downFile in downsAfter[index] ?? [] { found.append((anchor(member.path), 2 * index + 1, downItem(downFile, runners: runners, usesCatalog: false))) }
                continue
            }
            var item = RunItem(input: input ?? InputFile(path: member.path))
            item.isReported = input != nil
            item.runner = runners.runner(for: member.path, isFirst: index == 0)
            if let baseline, let revision = LaunchpadRevision(fileName: member.path), revision <= baseline.revision {
                item.usesCatalog = false
                item.isReplayed = false
                item.containingBaseline = SeriesDirectory.name(of: baseline.path)
            }
            found.append((anchor(member.path), 2 * index, item))
            if includesDown, item.isReported, item.runner?.keepsDownInFile == true {
                // Checked on its own right after its up section, against the schema that left.
                var down = item
                down.direction = .down
                down.isReplayed = false
                found.append((anchor(member.path), 2 * index + 1, down))
            }
            for downFile in downsAfter[index] ?? [] {
                found.append((anchor(member.path), 2 * index + 1, downItem(downFile, runners: runners, usesCatalog: item.usesCatalog)))
            }
        }
        for (input, place) in unpairedDowns {
            // No up to pair it with: checked alone, without the series' schema.
            found.append((anchor(input.path), 2 * place, downItem(input, runners: runners, usesCatalog: false)))
        }
        for input in requested.sorted(by: { $0.path < $1.path }) {
            let place = places[input.path]
            if place == nil {
                if series.layout == .sqitch, SeriesDirectory.name(of: SeriesDirectory.parent(of: input.path)) == "verify" {
                    plan.skipped.append(SkippedInput(path: input.path, reason: "sqitch verify script: not a migration"))
                    continue
                }
                // Outside the series (a misnamed Launchpad patch): checked where it stands, never replayed.
                var item = RunItem(input: input)
                item.isReplayed = false
                item.runner = chosenRunner.map { DetectedRunner($0.runner(forFile: input.path)) }
                found.append((anchor(input.path), 2 * series.members.count, item))
            }
        }
        return found
    }

    /// A down file: checked, never replayed into the schema the later patches see.
    private func downItem(_ input: InputFile, runners: RunnerDetection, usesCatalog: Bool) -> RunItem {
        var item = RunItem(input: input)
        item.runner = runners.runner(for: input.path, isFirst: false)
        item.usesCatalog = usesCatalog
        item.isReplayed = false
        return item
    }
}
