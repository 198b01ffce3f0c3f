extension Duration {
    /// Whole milliseconds, clamped to `UInt32`.
    var wireMilliseconds: UInt32 {
        let (seconds, attoseconds) = components
        return UInt32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }
}
