using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Steward.Registry.Bench;

/// <summary>The real app (Production settings, its own database) on a Kestrel loopback port, plus one route
/// that only the bench host has: <see cref="BarePath"/>, answered by a middleware placed before the app's
/// pipeline, so it is Kestrel and JSON serialisation of the same page and nothing else.</summary>
internal sealed class BenchHost(string provider, string connectionString, string dataDirectory) : WebApplicationFactory<Program>
{
    public const string BarePath = "/bench/bare";
    public const string AdminEmail = "bench-admin@bench.example";
    public const string Password = "bench-password-2026";

    readonly BarePage _bare = new();

    public string Provider { get; } = provider;
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>What the bare endpoint serialises on each request.</summary>
    public object? BarePayload { get => _bare.Payload; set => _bare.Payload = value; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Steward:Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Steward", connectionString);
        builder.UseSetting("Steward:DataDirectory", dataDirectory);
        builder.UseSetting("Steward:Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Steward:Bootstrap:AdminPassword", Password);
        // The runner signs in one principal per site from one address.
        builder.UseSetting("Steward:RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("Steward:Vault:RequireTwoFactor", "false");
        // The app's own log filters (EF at Warning in Production); only the console output is quieter.
        builder.ConfigureLogging(logging => logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new BareEndpointFilter(_bare)));
    }

    public void Start()
    {
        UseKestrel(0);
        StartServer();
        BaseAddress = ClientOptions.BaseAddress;
        // All traffic stays on the loopback interface.
        if (BaseAddress.Host is not ("127.0.0.1" or "localhost" or "[::1]"))
            throw new InvalidOperationException($"The app listens on {BaseAddress}, not on loopback.");
        BaseAddress = new UriBuilder(BaseAddress) { Host = "127.0.0.1" }.Uri;
    }

    sealed class BarePage
    {
        public volatile object? Payload;
    }

    sealed class BareEndpointFilter(BarePage page) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            var json = app.ApplicationServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path.Equals(BarePath, StringComparison.Ordinal) && page.Payload is { } payload)
                {
                    await context.Response.WriteAsJsonAsync(payload, payload.GetType(), json, context.RequestAborted);
                    return;
                }
                await nextMiddleware(context);
            });
            next(app);
        };
    }
}

internal sealed record LoginResponse(string TokenType, string AccessToken, int ExpiresIn, string RefreshToken);

internal static class HttpExtensions
{
    public static async Task<string> LoginAsync(this HttpClient http, string email, string password)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Sign-in of {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<LoginResponse>())!.AccessToken;
    }
}
