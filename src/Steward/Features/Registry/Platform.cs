using System.Text.RegularExpressions;

namespace Steward.Features.Registry;

public enum Platform
{
    Facebook, Instagram, X, YouTube, TikTok, LinkedIn, Flickr, WordPress, Pinterest, Threads, Bluesky, Other,
}

/// <summary>One account, one spelling: "@WHS_Ath", "whs_ath" and "https://www.instagram.com/whs_ath/"
/// are the same Instagram account.</summary>
internal static partial class Handles
{
    public const int MaxLength = 100;

    static readonly (string Host, Platform Platform)[] Hosts =
    [
        ("instagram.com", Platform.Instagram), ("facebook.com", Platform.Facebook), ("fb.com", Platform.Facebook),
        ("x.com", Platform.X), ("twitter.com", Platform.X), ("youtube.com", Platform.YouTube), ("youtu.be", Platform.YouTube),
        ("tiktok.com", Platform.TikTok), ("linkedin.com", Platform.LinkedIn), ("flickr.com", Platform.Flickr),
        ("wordpress.com", Platform.WordPress), ("pinterest.com", Platform.Pinterest), ("threads.net", Platform.Threads),
        ("threads.com", Platform.Threads), ("bsky.app", Platform.Bluesky),
    ];

    /// <summary>The platform a URL belongs to, by its host; null for hosts we do not know.</summary>
    public static Platform? PlatformOf(Uri url)
    {
        var host = url.Host.ToLowerInvariant();
        foreach (var (known, platform) in Hosts)
            if (host == known || host.EndsWith("." + known, StringComparison.Ordinal)) return platform;
        return null;
    }

    /// <summary>Normalises a handle typed by a person, or the handle part of a profile URL.</summary>
    public static string? Normalize(Platform platform, string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var text = input.Trim();
        if (TryParseUrl(text, out var url)) return FromUrl(platform, url);
        text = text.TrimStart('@').Trim().ToLowerInvariant();
        if (platform == Platform.WordPress && text.EndsWith(".wordpress.com", StringComparison.Ordinal))
            text = text[..^".wordpress.com".Length];
        return Valid(platform, text) ? text : null;
    }

    /// <summary>The handle a profile URL names; null when the URL names no account.</summary>
    public static string? FromUrl(Platform platform, Uri url)
    {
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        string? handle = platform switch
        {
            Platform.WordPress when url.Host.EndsWith(".wordpress.com", StringComparison.OrdinalIgnoreCase) =>
                url.Host[..^".wordpress.com".Length],
            Platform.Facebook when segments is ["profile.php", ..] && System.Web.HttpUtility.ParseQueryString(url.Query)["id"] is { } id => "id." + id,
            Platform.YouTube when segments is ["channel" or "c" or "user", var name, ..] => name,
            Platform.LinkedIn when segments is ["company" or "in" or "school" or "showcase", var name, ..] => name,
            Platform.Flickr when segments is ["photos" or "people", var name, ..] => name,
            Platform.Bluesky when segments is ["profile", var name, ..] => name,
            _ when segments.Length > 0 => segments[0],
            _ => null,
        };
        if (handle is null) return null;
        handle = handle.TrimStart('@').ToLowerInvariant();
        return Valid(platform, handle) ? handle : null;
    }

    public static bool TryParseUrl(string text, out Uri url)
    {
        var candidate = text.Contains("://", StringComparison.Ordinal) ? text
            : LooksLikeHost().IsMatch(text) ? "https://" + text : null;
        if (candidate is not null && Uri.TryCreate(candidate, UriKind.Absolute, out var parsed)
            && (parsed.Scheme == Uri.UriSchemeHttps || parsed.Scheme == Uri.UriSchemeHttp) && parsed.Host.Contains('.', StringComparison.Ordinal))
        {
            url = parsed;
            return true;
        }
        url = null!;
        return false;
    }

    static bool Valid(Platform platform, string handle) =>
        handle.Length is > 0 and <= MaxLength && (platform == Platform.Other ? !handle.Any(char.IsWhiteSpace) : HandleChars().IsMatch(handle));

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._\-]*$")]
    private static partial Regex HandleChars();

    [GeneratedRegex(@"^(www\.)?[a-z0-9\-]+(\.[a-z0-9\-]+)+/", RegexOptions.IgnoreCase)]
    private static partial Regex LooksLikeHost();
}
