/// Which variable and key names are treated as secrets.
public enum SecretNames {
    /// True for names that contain PASSWORD, SECRET, TOKEN or API_KEY, or end in _KEY.
    public static func looksSecret(_ name: String) -> Bool {
        let upper = name.uppercased()
        return upper.contains("PASSWORD") || upper.contains("SECRET") || upper.contains("TOKEN")
            || upper.contains("API_KEY") || upper.hasSuffix("_KEY") || upper.contains("PASSWD")
    }
}
