using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.People;
using Steward.Features.Sites;

namespace Steward.Features.Demo;

/// <summary>The demo district: <c>dotnet run --project src/Steward -- --demo</c>.</summary>
internal static class Demo
{
    public const string Password = "Steward-demo-2026";

    /// <summary>The demo runs on its own SQLite file, so it never touches a real database.</summary>
    public static Dictionary<string, string?> Settings(IConfiguration config) => new()
    {
        ["Steward:Database:Provider"] = "Sqlite",
        ["Steward:Database:FileName"] = "steward-demo.db",
        ["ConnectionStrings:Steward"] = "",
        ["Steward:Bootstrap:AdminEmail"] = "",
        ["Steward:Vault:RequireTwoFactor"] = config["Steward:Vault:RequireTwoFactor"] ?? "false",
    };

    static readonly (string Code, string Name, SiteKind Kind, string[] Aliases, string? Mascot, string Phone, string Address)[] Sites =
    [
        ("WHS", "Woodrow Wilson High School", SiteKind.School, ["Wilson High", "Wilson", "WHS"], "Bruins", "(562) 555-0100", "4400 E. 10th St., Long Beach, CA 90804"),
        ("MHS", "Millikan High School", SiteKind.School, ["Millikan High", "Millikan", "MHS"], "Rams", "(562) 555-0200", "2800 Snowden Ave., Long Beach, CA 90815"),
        ("PHS", "Polytechnic High School", SiteKind.School, ["Poly High", "Poly", "PHS"], "Jackrabbits", "(562) 555-0300", "1600 Atlantic Ave., Long Beach, CA 90813"),
        ("HMS", "Hoover Middle School", SiteKind.School, ["Hoover Middle", "Hoover", "HMS"], "Huskies", "(562) 555-0400", "3501 Country Club Dr., Long Beach, CA 90807"),
        ("LES", "Lincoln Elementary School", SiteKind.School, ["Lincoln Elementary", "Lincoln", "LES"], "Lions", "(562) 555-0500", "1175 E. 11th St., Long Beach, CA 90813"),
        ("CMS", "Communications Department", SiteKind.Department, ["District Communications"], null, "(562) 555-0600", "1515 Hughes Way, Long Beach, CA 90810"),
        ("EDS", "Education Services", SiteKind.Office, ["Ed Services"], null, "(562) 555-0700", "1515 Hughes Way, Long Beach, CA 90810"),
    ];

    static readonly (string Email, string Name, string Title, Role Role, string? Site)[] People =
    [
        ("admin@steward.example", "Dana Whitfield", "Superintendent's Designee for Social Media", Role.DistrictAdmin, null),
        ("deputy@steward.example", "Marcus Oyelaran", "Deputy Superintendent of Education Services", Role.DeputySuperintendent, null),
        ("ethics@steward.example", "Priya Raman", "Director, Employee Relations and Ethics", Role.EthicsOffice, null),
        ("socialmedia@steward.example", "Leah Kowalczyk", "Education Services Social Media Administrator", Role.SocialMediaAdmin, null),
        ("pio@steward.example", "Tomás Echeverría", "Director of Public Information", Role.PublicInformation, null),
        ("principal.whs@steward.example", "Angela Brooks", "Principal, Wilson High School", Role.Principal, "WHS"),
        ("designee.whs@steward.example", "Kevin Tran", "Assistant Principal, Wilson High School", Role.SiteDesignee, "WHS"),
        ("coach.whs@steward.example", "Rosa Delgado", "Head Coach, Girls' Volleyball", Role.Staff, "WHS"),
        ("teacher.whs@steward.example", "Samuel Okafor", "Teacher, Biology", Role.Staff, "WHS"),
        ("principal.mhs@steward.example", "Helen Park", "Principal, Millikan High School", Role.Principal, "MHS"),
        ("advisor.mhs@steward.example", "Jordan Ellis", "Teacher, ASB Advisor", Role.Staff, "MHS"),
        ("principal.phs@steward.example", "Curtis Langley", "Principal, Polytechnic High School", Role.Principal, "PHS"),
        ("principal.hms@steward.example", "Maribel Santos", "Principal, Hoover Middle School", Role.Principal, "HMS"),
        ("principal.les@steward.example", "Gregory Bell", "Principal, Lincoln Elementary School", Role.Principal, "LES"),
        ("staff.cms@steward.example", "Nadia Farouk", "Communications Specialist", Role.Staff, "CMS"),
    ];

    public static async Task SeedAsync(IServiceProvider services, ILogger log, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StewardDb>();
        db.SystemActor = "demo seed";
        if (!await db.Sites.AnyAsync(ct))
        {
            var now = DateTime.UtcNow;
            foreach (var s in Sites)
                db.Sites.Add(new Site
                {
                    Code = s.Code, Name = s.Name, Kind = s.Kind, Aliases = [.. s.Aliases], Mascot = s.Mascot,
                    PublicPhone = s.Phone, PublicAddress = s.Address,
                    PublicEmail = $"{s.Code.ToLowerInvariant()}-office@steward.example", CreatedAt = now,
                });
            await db.SaveChangesAsync(ct);

            var users = scope.ServiceProvider.GetRequiredService<UserManager<StewardUser>>();
            var sites = await db.Sites.ToDictionaryAsync(s => s.Code, s => s.Id, ct);
            foreach (var p in People)
            {
                var user = new StewardUser
                {
                    UserName = p.Email, Email = p.Email, EmailConfirmed = true, FullName = p.Name, Title = p.Title, CreatedAt = now,
                };
                user.Roles.Add(new RoleAssignment { Role = p.Role, SiteId = p.Site is null ? null : sites[p.Site], AssignedAt = now });
                var result = await users.CreateAsync(user, Password);
                if (!result.Succeeded)
                    throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
            }
        }

        Console.WriteLine();
        Console.WriteLine("Steward demo district. Sign in with any of these (password: " + Password + "):");
        foreach (var p in People)
            Console.WriteLine($"  {p.Role,-21} {(p.Site ?? "district"),-9} {p.Email}");
        Console.WriteLine();
        log.LogInformation("Demo data ready");
    }
}
