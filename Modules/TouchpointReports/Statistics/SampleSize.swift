/// Defaults for judging whether a sample is large enough to report a precise-looking figure.
public enum SampleSize {
    /// Below this many observations a figure is flagged as a small sample (30, the usual rule of thumb).
    public static let defaultSmallSampleThreshold = 30
}
