namespace Steward.Infrastructure;

/// <summary>The "Steward" configuration section (environment variables <c>Steward__…</c>).</summary>
public sealed class StewardOptions
{
    public const string Section = "Steward";

    public DatabaseOptions Database { get; set; } = new();
    public BootstrapOptions Bootstrap { get; set; } = new();
    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>Behind a TLS-terminating load balancer: trust its X-Forwarded-For/-Proto headers.</summary>
    public bool BehindProxy { get; set; }

    /// <summary>Where the SQLite file (and later the vault key file) live: never the source tree.</summary>
    public string? DataDirectory { get; set; }

    public string ResolveDataDirectory()
    {
        var dir = DataDirectory;
        if (string.IsNullOrWhiteSpace(dir))
        {
            var home = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
            if (string.IsNullOrWhiteSpace(home))
                home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
            dir = Path.Combine(home, "steward");
        }
        PrivateFiles.CreateDirectory(dir);
        return dir;
    }
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string FileName { get; set; } = "steward.db";
}

public sealed class BootstrapOptions
{
    public string? AdminEmail { get; set; }
    public string? AdminPassword { get; set; }
    public string AdminFullName { get; set; } = "District Administrator";
    public string AdminTitle { get; set; } = "Superintendent's Designee";
}

public sealed class RateLimitOptions
{
    /// <summary>Sign-in attempts per client address per minute (API and page together).</summary>
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>Anonymous public-directory calls per client address per minute.</summary>
    public int PublicPerMinute { get; set; } = 120;

    /// <summary>Scans (<c>POST /api/compliance/scan</c>) per signed-in user per minute: scanning is not a way to
    /// test ranges of numbers and names against the protected lists.</summary>
    public int ScansPerMinute { get; set; } = 60;
}
