/// The version of ArticleKit, printed by `articlekit --version`.
public enum ArticleKitVersion {
    /// The current version.
    public static let current = "0.1.0"
}
