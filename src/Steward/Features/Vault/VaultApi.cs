using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Infrastructure;

namespace Steward.Features.Vault;

public sealed record StoreCredentialRequest(
    [property: Required, StringLength(Limits.Name, MinimumLength = 1)] string Username,
    [property: Required, StringLength(Limits.Text, MinimumLength = 1)] string Password,
    [property: StringLength(Limits.Text)] string? Notes);

public sealed record RevealRequest([property: Required, StringLength(Limits.Text, MinimumLength = 3)] string Reason);

internal static class VaultApi
{
    public static void MapVaultApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/accounts/{id:int}/credential").WithTags("Vault");
        api.MapGet("/", StatusAsync);
        api.MapPut("/", StoreAsync);
        api.MapPost("/reveal", RevealAsync);
        api.MapGet("/history", HistoryAsync);
        app.MapGet("/api/credentials/rotation-due", RotationDueAsync).WithTags("Vault");
    }

    static async Task<(Registry.Account? Account, VaultService.Access Access)> FindAsync(int id, ClaimsPrincipal user, StewardDb db, VaultService vault, CancellationToken ct)
    {
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        return account is null ? (null, VaultService.Access.None) : (account, await vault.AccessAsync(user, account));
    }

    static IResult Denied(VaultService.Access access) => access == VaultService.Access.None
        ? TypedResults.NotFound()
        : TypedResults.Problem("The account's credentials are for its manager, its site's principal or designee, the Deputy Superintendent and DistrictAdmin.",
            statusCode: 403, title: "Forbidden");

    static async Task<IResult> StatusAsync(int id, ClaimsPrincipal user, StewardDb db, VaultService vault, CancellationToken ct)
    {
        var (account, access) = await FindAsync(id, user, db, vault, ct);
        if (account is null || access is VaultService.Access.None or VaultService.Access.SeeAccountOnly) return Denied(access);
        return TypedResults.Ok(await vault.StatusAsync(id, ct));
    }

    static async Task<IResult> StoreAsync(int id, StoreCredentialRequest request, ClaimsPrincipal user, StewardDb db, VaultService vault, CancellationToken ct)
    {
        var (account, access) = await FindAsync(id, user, db, vault, ct);
        if (account is null || access != VaultService.Access.Keeper) return Denied(access);
        await vault.StoreAsync(user, account, request.Username, request.Password, request.Notes, ct);
        return TypedResults.NoContent();
    }

    static async Task<IResult> RevealAsync(int id, RevealRequest request, ClaimsPrincipal user, StewardDb db, VaultService vault,
        HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Pragma = "no-cache";
        var (account, access) = await FindAsync(id, user, db, vault, ct);
        if (account is null || access is VaultService.Access.None or VaultService.Access.SeeAccountOnly) return Denied(access);
        if (!vault.SatisfiesTwoFactor(user))
            return TypedResults.Problem("Revealing a credential needs two-factor sign-in: turn it on in your profile and sign in with a code.",
                statusCode: 403, title: "Two-factor sign-in required");
        var (revealed, refusal) = await vault.RevealAsync(user, account, request.Reason.Trim(), ct);
        return revealed is null ? refusal!.ToResult() : TypedResults.Ok(revealed);
    }

    static async Task<IResult> HistoryAsync(int id, ClaimsPrincipal user, StewardDb db, VaultService vault, CancellationToken ct)
    {
        var (account, access) = await FindAsync(id, user, db, vault, ct);
        if (account is null || access is VaultService.Access.None or VaultService.Access.SeeAccountOnly) return Denied(access);
        return TypedResults.Ok(await vault.HistoryAsync(id, ct));
    }

    static async Task<IResult> RotationDueAsync(ClaimsPrincipal user, VaultService vault, CancellationToken ct, int? siteId = null) =>
        TypedResults.Ok(await vault.RotationDueAsync(user, siteId, ct));
}
