extension Volatility {
    /// A function declared without a volatility is VOLATILE, PostgreSQL's default.
    init(declared: String?) {
        self = declared.flatMap { Volatility(rawValue: $0.lowercased()) } ?? .volatile
    }
}
