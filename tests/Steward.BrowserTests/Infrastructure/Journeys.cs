using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Steward.BrowserTests.Infrastructure;

/// <summary>The steps people take through Steward's pages, each checking it landed where it should.</summary>
public static partial class Journeys
{
    public static async Task SignInAsync(this BrowserSession s, string email, string password = BrowserApp.Password)
    {
        await s.GotoAsync("/signin");
        await s.Page.GetByLabel("Work email").FillAsync(email);
        await s.Page.GetByLabel("Password").FillAsync(password);
        await s.SubmitAsync(SubmitButton(s, "Sign in"));
    }

    public static async Task SignInExpectingDashboardAsync(this BrowserSession s, string email, string password = BrowserApp.Password)
    {
        await s.SignInAsync(email, password);
        Assert.Equal("/", new Uri(s.Page.Url).AbsolutePath);
        Assert.StartsWith("Welcome", await Heading(s).InnerTextAsync(), StringComparison.Ordinal);
    }

    public static async Task SignOutAsync(this BrowserSession s)
    {
        await s.SubmitAsync(s.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }));
        Assert.Equal("You are signed out", await Heading(s).InnerTextAsync());
        Assert.DoesNotContain(await s.Context.CookiesAsync(), c => c.Name == "steward.auth");
    }

    public static async Task CreateSiteAsync(this BrowserSession s, string code, string name, string kind = "School")
    {
        await s.GotoAsync("/sites");
        await s.SubmitAsync(s.Page.GetByRole(AriaRole.Link, new() { Name = "New site", Exact = true }));
        Assert.Equal("/sites/edit", new Uri(s.Page.Url).AbsolutePath);
        await s.Page.GetByLabel("Code", new() { Exact = true }).FillAsync(code);
        await s.Page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await s.Page.GetByLabel("Kind", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = kind });
        await s.Page.GetByLabel("Also known as").FillAsync($"{name.Split(' ')[0]} High\n{code}");
        await s.Page.GetByLabel("Mascot").FillAsync("Herons");
        await s.Page.GetByLabel("Phone").FillAsync("(555) 010-2000");
        await s.SubmitAsync(SubmitButton(s, "Save site"));
        Assert.Equal("/sites", new Uri(s.Page.Url).AbsolutePath);
    }

    /// <summary>Creates a person with no role yet; returns the id from their page's address.</summary>
    public static async Task<int> CreatePersonAsync(this BrowserSession s, string fullName, string email, string title = "Teacher")
    {
        await s.GotoAsync("/people");
        await s.SubmitAsync(s.Page.GetByRole(AriaRole.Link, new() { Name = "New person", Exact = true }));
        await s.Page.GetByLabel("Legal full name").FillAsync(fullName);
        await s.Page.GetByLabel("District title").FillAsync(title);
        await s.Page.GetByLabel("Work email").FillAsync(email);
        await s.Page.GetByLabel("First password").FillAsync(BrowserApp.Password);
        var site = s.Page.GetByLabel("Place at site as staff");
        if (await site.CountAsync() > 0) await site.SelectOptionAsync(new SelectOptionValue { Label = "Not yet" });
        await s.SubmitAsync(SubmitButton(s, "Create"));
        var match = PersonPath().Match(new Uri(s.Page.Url).AbsolutePath);
        Assert.True(match.Success, $"Expected the new person's page, got {s.Page.Url}: {await Heading(s).InnerTextAsync()}");
        Assert.Equal(fullName, await Heading(s).InnerTextAsync());
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>On a person's page: assigns a role (by its description) at a site (by its name).</summary>
    public static async Task AssignRoleAsync(this BrowserSession s, string roleDescription, string siteName)
    {
        await s.Page.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = roleDescription });
        await s.Page.GetByLabel("Site (for site roles)").SelectOptionAsync(new SelectOptionValue { Label = siteName });
        await s.SubmitAsync(SubmitButton(s, "Assign"));
        await Assertions.Expect(s.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("assigned");
        var roles = s.Page.GetByRole(AriaRole.Table, new() { Name = "Roles of" });
        await Assertions.Expect(roles.GetByRole(AriaRole.Row).Filter(new() { HasText = roleDescription }).Filter(new() { HasText = siteName }))
            .ToHaveCountAsync(1);
    }

    public static ILocator Heading(BrowserSession s) => s.Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>A form's submit button inside the page content (the header has its own Sign in/out buttons).</summary>
    public static ILocator SubmitButton(BrowserSession s, string name) =>
        s.Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    [GeneratedRegex(@"^/people/(\d+)$")]
    private static partial Regex PersonPath();
}
