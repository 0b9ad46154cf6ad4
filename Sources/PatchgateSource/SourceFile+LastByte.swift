extension SourceFile {
    /// The byte range of the last character that is not ASCII white space, comments included:
    /// Launchpad's upgrade.py tests `sql.rstrip().endswith(';')` on the raw file before it runs it.
    public var lastNonBlankCharacter: Span? {
        guard let last = bytes.lastIndex(where: { !Self.blankBytes.contains($0) }) else { return nil }
        var start = last
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }  // back to the lead byte
        return Span(start: start, end: last + 1)
    }

    private static let blankBytes: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D]
}
