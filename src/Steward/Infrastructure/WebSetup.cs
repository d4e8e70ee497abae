namespace Steward.Infrastructure;

internal static class WebSetup
{
    public static IServiceCollection AddStewardWeb(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            // Pages live beside their feature's API and entities (DESIGN.md, "Shape of the code").
            o.RootDirectory = "/Features";
        });
        services.AddValidation();
        // Do not advertise the server software.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false);
        services.AddOpenApi();
        return services;
    }

    public static void UseStewardProxySupport(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>("Steward:BehindProxy")) return;
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor
                               | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto,
        };
        // The operator vouches for the network in front of the nodes by setting BehindProxy.
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        app.UseForwardedHeaders(options);
    }

    public static void MapStewardWeb(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
    }
}
