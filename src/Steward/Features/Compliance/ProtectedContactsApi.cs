using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Infrastructure;
using Steward.Scanning;

namespace Steward.Features.Compliance;

/// <summary>A protected contact as sent: phones and addresses in plain text, over TLS, once. On PUT, phones or
/// addresses left out (null) keep the ones on file.</summary>
public sealed record ProtectedContactRequest(
    HomeContactOwner? Owner = null,
    [property: StringLength(Limits.Name)] string? PersonName = null,
    int? UserId = null,
    [property: MaxLength(ProtectedContact.MaxPhones)] List<string?>? Phones = null,
    [property: MaxLength(ProtectedContact.MaxAddresses)] List<string?>? Addresses = null,
    bool? HasWrittenPermission = null,
    [property: StringLength(ProtectedContact.DocumentLength)] string? PermissionDocument = null,
    DateOnly? PermissionGrantedOn = null,
    Guid? RowVersion = null);

/// <summary>A protected contact as anyone sees it: never a whole phone or address.</summary>
public sealed record ProtectedContactResponse(int Id, HomeContactOwner Owner, string PersonName, int? UserId, IReadOnlyList<string> MaskedPhones,
    int AddressesOnFile, bool Intact, bool HasWrittenPermission, string? PermissionDocument, DateOnly? PermissionGrantedOn, DateTime CreatedAt,
    int? CreatedByUserId, DateTime UpdatedAt, int? UpdatedByUserId, Guid RowVersion);

internal static class ProtectedContactsApi
{
    public static RouteGroupBuilder MapProtectedContactsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/protected-contacts").WithTags("Compliance").WithMetadata(new RequestSizeLimitAttribute(ComplianceLimits.JsonBytes));
        api.MapGet("/", ListAsync);
        api.MapPost("/", CreateAsync);
        api.MapPut("/{id:int}", UpdateAsync);
        api.MapDelete("/{id:int}", DeleteAsync);
        return api;
    }

    static async Task<IResult> ListAsync(ClaimsPrincipal user, StewardDb db, ProtectedContactCommands contacts, HttpContext http, CancellationToken ct,
        int? page = null, int? pageSize = null)
    {
        if (Paging.Invalid(page, pageSize) is { } invalid) return invalid;
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await ProtectedContactCommands.Visible(db.Set<ProtectedContact>().AsNoTracking(), user)
            .OrderBy(c => c.PersonName).ThenBy(c => c.Id).ToPageAsync(page, pageSize, contacts.Describe, ct));
    }

    static async Task<IResult> CreateAsync(ProtectedContactRequest request, ClaimsPrincipal user, ProtectedContactCommands contacts, CancellationToken ct)
    {
        var (contact, refusal) = await contacts.CreateAsync(user, request, ct);
        return contact is null ? refusal!.ToResult() : TypedResults.Created($"/api/protected-contacts/{contact.Id}", contacts.Describe(contact));
    }

    static async Task<IResult> UpdateAsync(int id, ProtectedContactRequest request, ClaimsPrincipal user, StewardDb db, ProtectedContactCommands contacts,
        CancellationToken ct)
    {
        var contact = await ProtectedContactCommands.Visible(db.Set<ProtectedContact>(), user).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null) return TypedResults.NotFound(); // another person's entry is simply not there
        var refusal = await contacts.UpdateAsync(user, contact, request, ct);
        return refusal?.ToResult() ?? TypedResults.Ok(contacts.Describe(contact));
    }

    static async Task<Results<NoContent, NotFound>> DeleteAsync(int id, ClaimsPrincipal user, StewardDb db, ProtectedContactCommands contacts,
        CancellationToken ct)
    {
        var contact = await ProtectedContactCommands.Visible(db.Set<ProtectedContact>(), user).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null) return TypedResults.NotFound();
        await contacts.DeleteAsync(contact, ct);
        return TypedResults.NoContent();
    }
}
