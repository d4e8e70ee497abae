namespace Steward.Features.Policy;

internal static class PolicySetup
{
    /// <summary>The regulation shown at /policy: a district's own copy from <c>Steward:Policy:RegulationFile</c>, else the shipped text.</summary>
    public static IServiceCollection AddPolicy(this IServiceCollection services) =>
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>()["Steward:Policy:RegulationFile"] is { Length: > 0 } file
            ? Regulation.Parse(File.ReadAllText(file))
            : Regulation.Embedded());

    /// <summary>Reads the regulation at startup, so a wrong RegulationFile stops the start naming the path, not a page later.</summary>
    public static void VerifyRegulation(this IServiceProvider services) => services.GetRequiredService<Regulation>();
}
