using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Steward.Features.Home;

/// <summary>A readable list of the API, built from the same metadata as the OpenAPI document.</summary>
[AllowAnonymous]
public sealed class ApiReferenceModel(IApiDescriptionGroupCollectionProvider api) : PageModel
{
    public sealed record Entry(string Method, string Path, string Who);

    public IReadOnlyList<IGrouping<string, Entry>> Groups { get; private set; } = [];

    public void OnGet()
    {
        Groups = api.ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .Where(d => d.RelativePath?.StartsWith("api", StringComparison.Ordinal) == true)
            .Select(d => (Tag: d.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Http.Metadata.ITagsMetadata>().FirstOrDefault()?.Tags is { Count: > 0 } tags ? tags[0] : "Other",
                Entry: new Entry(d.HttpMethod ?? "", Display(d.RelativePath!), Who(d.ActionDescriptor.EndpointMetadata))))
            .OrderBy(x => x.Tag, StringComparer.Ordinal).ThenBy(x => x.Entry.Path, StringComparer.Ordinal)
            .GroupBy(x => x.Tag, x => x.Entry)
            .ToList();
    }

    /// <summary>"api/users/{id:int}/" reads as "/api/users/{id}".</summary>
    static string Display(string relativePath) =>
        "/" + System.Text.RegularExpressions.Regex.Replace(relativePath, @"\{(\w+):[^}]+\}", "{$1}").TrimEnd('/');

    static string Who(IList<object> metadata)
    {
        if (metadata.OfType<IAllowAnonymous>().Any()) return "anyone";
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null).ToList();
        return policies.Count > 0 ? string.Join(", ", policies) : "signed in (decided by the resource's site)";
    }
}
