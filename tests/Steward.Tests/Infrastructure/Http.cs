using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Steward.Tests.Infrastructure;

public static class Http
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static StringContent Raw(string json, string contentType = "application/json") => new(json, Encoding.UTF8, contentType);

    /// <summary>Asserts a problem+json answer with the status, and returns its body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        if (field is not null)
        {
            Assert.True(body.TryGetProperty("errors", out var errors), $"no errors in {text}");
            Assert.True(errors.TryGetProperty(field, out _), $"errors do not name '{field}': {text}");
        }
        return body;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, Json);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body, Json);

    public static Task<HttpResponseMessage> DeleteJsonAsync(this HttpClient client, string url, object body) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url) { Content = JsonContent.Create(body, options: Json) });
}

public sealed record Page<T>(List<T> Items, int PageNumber, int PageSize, int Total)
{
    [System.Text.Json.Serialization.JsonPropertyName("page")] public int PageNumber { get; init; } = PageNumber;
}

public sealed record SiteDto(int Id, string Code, string Name, string Kind, List<string> Aliases, string? Mascot,
    string? PublicPhone, string? PublicEmail, string? PublicAddress, Guid RowVersion);

public sealed record RoleDto(string Role, int? SiteId, string? SiteCode);

public sealed record UserDto(int Id, string Email, string FullName, string Title, bool IsActive, bool TwoFactorEnabled, List<RoleDto> Roles);
