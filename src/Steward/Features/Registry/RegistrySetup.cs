namespace Steward.Features.Registry;

internal static class RegistrySetup
{
    public static IServiceCollection AddRegistry(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<SchoolYearOptions>().Bind(config.GetSection("Steward:SchoolYear"))
            .Validate(o => o.StartMonth is >= 1 and <= 12, "Steward:SchoolYear:StartMonth is a month, 1 to 12.").ValidateOnStart();
        services.AddScoped<RegistryCommands>();
        return services;
    }
}
