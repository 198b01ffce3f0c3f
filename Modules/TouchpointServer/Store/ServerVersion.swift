/// The version of the server software, reported by the admin `status` request.
public enum ServerVersion {
    /// The current version.
    public static let current = "0.5.0"
}
