/// The commit `--changed-since REV` compares with: the merge base of REV and HEAD. A CI checkout
/// is often shallow (actions/checkout fetches one commit by default): REV is then missing, or
/// the merge base lies beyond the fetched history, and git's own words ("Not a valid object
/// name", or nothing at all) do not say what to do.
enum MergeBase {
    static func find(with revision: String) throws -> String {
        guard (try? Git.run(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"])) != nil else {
            throw Git.Failure(message: isShallow
                ? "--changed-since \(revision): \(revision) is not in this shallow clone. \(advice(for: revision))"
                : "--changed-since \(revision): no commit named \(revision) in this repository (fetch it first, e.g. git fetch origin \(branch(of: revision)))")
        }
        guard let base = (try? Git.lines(["merge-base", "--end-of-options", revision, "HEAD"]))?.first else {
            throw Git.Failure(message: isShallow
                ? "--changed-since \(revision): the merge base of \(revision) and HEAD is beyond the history of this shallow clone. \(advice(for: revision))"
                : "--changed-since \(revision): \(revision) and HEAD have no commit in common")
        }
        return base
    }

    static var isShallow: Bool {
        (try? Git.lines(["rev-parse", "--is-shallow-repository"]))?.first == "true"
    }

    /// What to run instead, for CI and by hand.
    static func advice(for revision: String) -> String {
        "Fetch the history: `fetch-depth: 0` in actions/checkout (GIT_DEPTH: 0 in GitLab CI), "
            + "or `git fetch --deepen=100 origin \(branch(of: revision))` (repeat until it is found), or `git fetch --unshallow`"
    }

    /// `origin/main` → `main`, the name to fetch from the remote.
    private static func branch(of revision: String) -> String {
        revision.split(separator: "/", maxSplits: 1).count == 2 && !revision.hasPrefix("refs/")
            ? String(revision.split(separator: "/", maxSplits: 1)[1]) : revision
    }
}
