using System.Net.Http.Json;
using Steward.Tests.Features.Compliance;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Security;

/// <summary>The authorization matrix's rows for protected home contacts: every employee keeps their own
/// entry; only DistrictAdmin reaches anyone else's, which is otherwise not there (404).</summary>
public sealed partial class AuthorizationMatrixTests
{
    /// <summary>A staff member of site A's entry, recorded by a DistrictAdmin.</summary>
    static async Task<ProtectedContactDto> ProtectedContactAtA(Context c)
    {
        var staff = await c.StaffAtA();
        var admin = await c.App.AdminAsync();
        var response = await admin.PostAsJsonAsync("/api/protected-contacts", new { userId = staff.Id, phones = new[] { ProtectedContactData.Phone().Typed } }, Http.Json);
        return await response.ReadAsync<ProtectedContactDto>();
    }

    static IEnumerable<Row> ProtectedContactRows() =>
    [
        new("GET", "/api/protected-contacts", Get(_ => Url("/api/protected-contacts")), Expect(200)),
        new("POST", "/api/protected-contacts", Send(HttpMethod.Post, _ => Url("/api/protected-contacts"),
            _ => new { personName = "Matrix Person", phones = new[] { ProtectedContactData.Phone().Typed } }), Expect(201)),
        new("PUT", "/api/protected-contacts/{id}", async c =>
            {
                var contact = await ProtectedContactAtA(c);
                return Json(HttpMethod.Put, $"/api/protected-contacts/{contact.Id}",
                    new { userId = contact.UserId, addresses = new[] { ProtectedContactData.Address().Typed }, rowVersion = contact.RowVersion });
            },
            Expect(404, (Actor.DistrictAdmin, 200))),
        new("DELETE", "/api/protected-contacts/{id}", Send(HttpMethod.Delete, async c => $"/api/protected-contacts/{(await ProtectedContactAtA(c)).Id}"),
            Expect(404, (Actor.DistrictAdmin, 204))),
    ];
}
