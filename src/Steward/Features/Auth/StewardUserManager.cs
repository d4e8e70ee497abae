using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Steward.Features.People;

namespace Steward.Features.Auth;

/// <summary>Identity's user manager, with one rule added: a password changed by its owner (the API's
/// <c>/api/auth/manage/info</c>, the profile page) or reset with a token starts a new session epoch, as an
/// administrator's reset does, so every other session ends.</summary>
internal sealed class StewardUserManager(
    IUserStore<StewardUser> store,
    IOptions<IdentityOptions> options,
    IPasswordHasher<StewardUser> hasher,
    IEnumerable<IUserValidator<StewardUser>> userValidators,
    IEnumerable<IPasswordValidator<StewardUser>> passwordValidators,
    ILookupNormalizer normalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<StewardUser>> logger)
    : UserManager<StewardUser>(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger)
{
    public override Task<IdentityResult> ChangePasswordAsync(StewardUser user, string currentPassword, string newPassword) =>
        WithNewEpochAsync(user, () => base.ChangePasswordAsync(user, currentPassword, newPassword));

    public override Task<IdentityResult> ResetPasswordAsync(StewardUser user, string token, string newPassword) =>
        WithNewEpochAsync(user, () => base.ResetPasswordAsync(user, token, newPassword));

    // The epoch moves first so that the base's one save stores it with the new hash; a refused change puts it back.
    static async Task<IdentityResult> WithNewEpochAsync(StewardUser user, Func<Task<IdentityResult>> change)
    {
        var before = user.SessionEpoch;
        user.EndSessions();
        var result = await change();
        if (!result.Succeeded) user.SessionEpoch = before;
        return result;
    }
}
