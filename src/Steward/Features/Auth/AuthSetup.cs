using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Steward.Data;
using Steward.Features.People;
using Steward.Infrastructure;

namespace Steward.Features.Auth;

internal static class AuthSetup
{
    public const string SignInRateLimit = "sign-in";
    const string ByPath = "steward";

    public static IServiceCollection AddStewardAuth(this IServiceCollection services, IConfiguration config)
    {
        services.AddIdentityApiEndpoints<StewardUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // Length over composition rules (NIST SP 800-63B).
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequiredUniqueChars = 5;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<StewardDb>()
            .AddUserManager<StewardUserManager>()
            .AddSignInManager<StewardSignInManager>()
            .AddClaimsPrincipalFactory<StewardClaimsFactory>();

        // Pages sign in with the cookie and challenge with a redirect to the sign-in page; the API takes the bearer
        // token only (API.md), so a cookie never authenticates a cross-site request to it, and challenges with a bare 401.
        services.AddAuthentication(o =>
            {
                o.DefaultAuthenticateScheme = ByPath;
                o.DefaultChallengeScheme = ByPath;
                o.DefaultForbidScheme = ByPath;
            })
            .AddPolicyScheme(ByPath, null, o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Path.StartsWithSegments("/api") ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme);

        services.ConfigureAll<CookieAuthenticationOptions>(o =>
        {
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.LoginPath = "/signin";
            o.LogoutPath = "/signout";
            o.AccessDeniedPath = "/denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, o =>
        {
            o.BearerTokenExpiration = TimeSpan.FromHours(1);
            o.RefreshTokenExpiration = TimeSpan.FromDays(7);
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "steward.af";
            // Antiforgery refuses to run at all over plain HTTP with Always, and the default address
            // is http://127.0.0.1; behind TLS the cookie is Secure.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddScoped<Microsoft.AspNetCore.Authentication.IClaimsTransformation, StewardClaimsTransformation>();
        services.AddSingleton<IAuthorizationHandler, SiteAuthorizationHandler>();
        services.AddAuthorization(Policies.Add);

        var limits = config.GetSection(StewardOptions.Section).Get<StewardOptions>()?.RateLimits ?? new RateLimitOptions();
        var perMinute = limits.SignInPerMinute;
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimit, ctx => HttpMethods.IsGet(ctx.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "local",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(Registry.PublicRateLimit.Policy, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PublicPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(Compliance.ScanRateLimit.Policy, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.User.TryUserId() is { } user ? FormattableString.Invariant($"user:{user}") : ctx.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.ScansPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.Headers.RetryAfter = "60";
                await Results.Problem(statusCode: 429, title: "Too many requests",
                    detail: "Wait a minute before trying again.").ExecuteAsync(ctx.HttpContext);
            };
        });
        return services;
    }

    const string CookieName = "steward.auth";

    /// <summary>Identity's API endpoints under /api/auth, without self-registration.</summary>
    public static void MapStewardAuthApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/auth").WithTags("Auth")
            .MapIdentityApi<StewardUser>()
            .Add(endpoint =>
            {
                var route = (endpoint as RouteEndpointBuilder)?.RoutePattern.RawText ?? "";
                if (route.EndsWith("/register", StringComparison.Ordinal))
                {
                    // Administrators create users; there is no self-registration.
                    endpoint.RequestDelegate = ctx => Results.NotFound().ExecuteAsync(ctx);
                    endpoint.Metadata.Add(new Microsoft.AspNetCore.Routing.ExcludeFromDescriptionAttribute());
                    endpoint.Metadata.Add(new AllowAnonymousAttribute());
                }
                else if (!route.Contains("/manage/", StringComparison.Ordinal))
                {
                    endpoint.Metadata.Add(new AllowAnonymousAttribute());
                }
                endpoint.Metadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(SignInRateLimit));
            });
    }
}
