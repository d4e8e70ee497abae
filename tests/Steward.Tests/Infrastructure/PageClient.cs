using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Steward.Tests.Infrastructure;

/// <summary>A browser-like client for the Razor pages: keeps cookies, posts forms with their antiforgery token.</summary>
public sealed partial class PageClient
{
    public HttpClient Http { get; }

    public PageClient(StewardApp app) =>
        Http = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost"),
        });

    public async Task<string> GetHtmlAsync(string url)
    {
        var response = await Http.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Reads the form's antiforgery token from the page, then posts the fields with it.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pageUrl, IDictionary<string, string> fields, string? action = null)
    {
        var html = await GetHtmlAsync(pageUrl);
        var token = Token().Match(html).Groups[1].Value;
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await Http.PostAsync(action ?? pageUrl, new FormUrlEncodedContent(form));
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password = StewardApp.Password) =>
        await PostFormAsync("/signin", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
