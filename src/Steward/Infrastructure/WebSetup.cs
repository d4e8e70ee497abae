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
        services.AddOpenApi();
        return services;
    }

    public static void MapStewardWeb(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
    }
}
