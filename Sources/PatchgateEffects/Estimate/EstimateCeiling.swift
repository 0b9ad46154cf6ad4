/// Estimates saturate instead of overflowing: a stats file may give a table of Int64.max bytes,
/// and adding its TOAST must not trap, nor may a sum of such tables reach infinity.
public enum EstimateCeiling {
    /// About 31 years. Any estimate near it already rejects the patch; under it, a report can
    /// multiply and round a sum of millions of estimates without leaving Int.
    public static let seconds: Double = 1e9

    public static func sum(_ first: Double, _ second: Double) -> Double { clamp(first + second) }

    public static func clamp(_ seconds: Double) -> Double { seconds.isNaN ? Self.seconds : min(seconds, Self.seconds) }

    static func bytes(_ first: Int64, _ second: Int64) -> Int64 {
        let (sum, overflows) = first.addingReportingOverflow(second)
        return overflows ? .max : sum
    }
}
