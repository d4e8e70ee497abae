namespace Steward.Features.Compliance;

internal static class ComplianceSetup
{
    public static IServiceCollection AddCompliance(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<ComplianceOptions>().Bind(config.GetSection(ComplianceOptions.Section))
            .Validate(o => o.RefreshSeconds is >= 0 and <= 3600, "Steward:Compliance:RefreshSeconds is between 0 and 3600.").ValidateOnStart();
        services.AddSingleton<ScanContextProvider>();
        services.AddScoped<RosterCommands>();
        services.AddScoped<PostCommands>();
        services.AddScoped<ProtectedContactCommands>();
        return services;
    }
}
