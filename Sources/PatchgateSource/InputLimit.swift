/// The largest input patchgate reads: any patch file, standard input, `--schema`, `--stats` or
/// configuration file. Real patches and schema dumps are far below it; past it, memory and time
/// would grow with whatever a mistaken or hostile input holds (`check - < /dev/zero`). Readers
/// take at most one byte more than this, to tell a file at the limit from one over it.
public enum InputLimit {
    public static let maximumBytes = 16 * 1024 * 1024

    /// The reason an input over the limit is refused.
    public static var refusal: String { "larger than the 16 MiB limit on one input" }
}
