using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Features.People;
using Steward.Features.Vault;
using Steward.Infrastructure;
using Steward.Scanning;

namespace Steward.Features.Compliance;

/// <summary>What is sealed for one entry.</summary>
internal sealed record HomeContactSecret(List<string> Phones, List<string> Addresses);

/// <summary>Protected home contacts (Privacy §5, §6): one implementation behind the API and the pages.
/// DistrictAdmin keeps everyone's; every other signed-in employee keeps only their own staff entry.</summary>
public sealed class ProtectedContactCommands(StewardDb db, MasterKey master, TimeProvider clock, ScanContextProvider scanner)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    public DateOnly Today => DateOnly.FromDateTime(Now);

    public static bool MayKeepOthers(ClaimsPrincipal user) => user.Has(Role.DistrictAdmin);

    /// <summary>DistrictAdmin sees every entry; anyone else only their own.</summary>
    public static IQueryable<ProtectedContact> Visible(IQueryable<ProtectedContact> contacts, ClaimsPrincipal user)
    {
        if (MayKeepOthers(user)) return contacts;
        var me = user.UserId();
        return contacts.Where(c => c.UserId == me);
    }

    public async Task<(ProtectedContact? Contact, Refusal? Refusal)> CreateAsync(ClaimsPrincipal actor, ProtectedContactRequest request, CancellationToken ct)
    {
        var (fields, refusal) = await CheckAsync(actor, request, null, ct);
        if (refusal is not null) return (null, refusal);
        var (phones, addresses, phonesRefusal) = await CheckContactsAsync(request.Phones ?? [], request.Addresses ?? [], ct);
        if (phonesRefusal is not null) return (null, phonesRefusal);

        var sealId = Guid.NewGuid();
        var sealedSecret = Seal(sealId, new HomeContactSecret(phones, addresses));
        var contact = new ProtectedContact
        {
            PersonName = fields!.PersonName, KeyId = sealedSecret.KeyId, SealId = sealId, WrappedKey = sealedSecret.WrappedKey,
            Ciphertext = sealedSecret.Ciphertext, CreatedAt = Now, CreatedByUserId = actor.TryUserId(),
        };
        Apply(contact, fields, actor);
        db.Set<ProtectedContact>().Add(contact);
        try
        {
            await RosterCommands.SaveScannerChangeAsync(db, scanner, ct);
        }
        catch (DbUpdateException) when (fields.UserId is not null)
        {
            return (null, AlreadyProtected);
        }
        return (contact, null);
    }

    /// <summary>Replaces the entry's details. Phones or addresses left out (null) stay as they are on file.</summary>
    public async Task<Refusal?> UpdateAsync(ClaimsPrincipal actor, ProtectedContact contact, ProtectedContactRequest request, CancellationToken ct)
    {
        if (request.RowVersion is { } version && version != contact.Version) return Stale;
        var (fields, refusal) = await CheckAsync(actor, request, contact, ct);
        if (refusal is not null) return refusal;

        if (request.Phones is not null || request.Addresses is not null)
        {
            HomeContactSecret current;
            try
            {
                current = Open(master, contact);
            }
            catch (VaultIntegrityException)
            {
                if (request.Phones is null || request.Addresses is null)
                    return Refusal.Conflict("The phones and addresses on file failed their integrity check: send both phones and addresses to replace them.",
                        "Protected contact integrity check failed");
                current = new HomeContactSecret([], []);
            }
            var (phones, addresses, contactsRefusal) = await CheckContactsAsync(request.Phones ?? (IEnumerable<string?>)current.Phones,
                request.Addresses ?? (IEnumerable<string?>)current.Addresses, ct);
            if (contactsRefusal is not null) return contactsRefusal;
            var sealId = Guid.NewGuid();
            var sealedSecret = Seal(sealId, new HomeContactSecret(phones, addresses));
            contact.SealId = sealId;
            contact.KeyId = sealedSecret.KeyId;
            contact.WrappedKey = sealedSecret.WrappedKey;
            contact.Ciphertext = sealedSecret.Ciphertext;
        }
        contact.PersonName = fields!.PersonName;
        Apply(contact, fields, actor);
        if (request.RowVersion is { } expected) db.Entry(contact).Property(c => c.Version).OriginalValue = expected;
        try
        {
            await RosterCommands.SaveScannerChangeAsync(db, scanner, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale;
        }
        catch (DbUpdateException) when (fields.UserId is not null)
        {
            return AlreadyProtected;
        }
        return null;
    }

    public async Task DeleteAsync(ProtectedContact contact, CancellationToken ct)
    {
        db.Set<ProtectedContact>().Remove(contact);
        await RosterCommands.SaveScannerChangeAsync(db, scanner, ct);
    }

    /// <summary>The entry as anyone may see it: each phone's last four digits, how many addresses are on file.</summary>
    public ProtectedContactResponse Describe(ProtectedContact c)
    {
        var intact = true;
        IReadOnlyList<string> phones = [];
        var addresses = 0;
        try
        {
            var secret = Open(master, c);
            phones = secret.Phones.Select(Mask).ToList();
            addresses = secret.Addresses.Count;
        }
        catch (VaultIntegrityException)
        {
            intact = false;
        }
        return new ProtectedContactResponse(c.Id, c.Owner, c.PersonName, c.UserId, phones, addresses, intact,
            c.Owner == HomeContactOwner.Official && c.HasWrittenPermission, c.PermissionDocument, c.PermissionGrantedOn,
            c.CreatedAt, c.CreatedByUserId, c.UpdatedAt, c.UpdatedByUserId, c.Version);
    }

    /// <summary>"(562) 555-0134" → "•••-0134".</summary>
    public static string Mask(string phone)
    {
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        return "•••-" + (digits.Length >= 4 ? digits[^4..] : digits);
    }

    /// <summary>Decrypts an entry's phones and addresses, in memory only (the scanner context, the masks).</summary>
    internal static HomeContactSecret Open(MasterKey master, ProtectedContact c)
    {
        var plaintext = VaultCrypto.Open(master, c.SealSubject, new SealedSecret(c.KeyId, c.WrappedKey, c.Ciphertext));
        try
        {
            return JsonSerializer.Deserialize<HomeContactSecret>(plaintext) ?? new HomeContactSecret([], []);
        }
        catch (JsonException)
        {
            throw new VaultIntegrityException("The protected contact's sealed content is not readable.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    SealedSecret Seal(Guid sealId, HomeContactSecret secret)
    {
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(secret);
        try
        {
            return VaultCrypto.Seal(master, ProtectedContact.SubjectFor(sealId), plaintext);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    sealed record Fields(HomeContactOwner Owner, string PersonName, int? UserId, bool HasPermission, string? Document, DateOnly? GrantedOn);

    void Apply(ProtectedContact c, Fields f, ClaimsPrincipal actor)
    {
        c.Owner = f.Owner;
        c.UserId = f.UserId;
        c.HasWrittenPermission = f.HasPermission;
        c.PermissionDocument = f.Document;
        c.PermissionGrantedOn = f.GrantedOn;
        c.UpdatedAt = Now;
        c.UpdatedByUserId = actor.TryUserId();
    }

    /// <summary>Who the entry is for and the permission: a DistrictAdmin's for anyone, everyone else's for themselves.</summary>
    async Task<(Fields? Fields, Refusal? Refusal)> CheckAsync(ClaimsPrincipal actor, ProtectedContactRequest r, ProtectedContact? existing, CancellationToken ct)
    {
        var owner = r.Owner ?? HomeContactOwner.Staff;
        int? userId = r.UserId;
        if (!MayKeepOthers(actor))
        {
            var me = actor.UserId();
            if (owner != HomeContactOwner.Staff || (userId is not null && userId != me))
                return (null, Refusal.Forbidden("You protect your own home phone and address; a DistrictAdmin records others' and officials'."));
            userId = me;
        }
        if (owner == HomeContactOwner.Official && userId is not null)
            return (null, Refusal.Invalid("userId", "userId links a staff member's entry to their user; an official's entry has none."));

        string? userName = null;
        if (userId is { } uid)
        {
            userName = await db.Users.Where(u => u.Id == uid).Select(u => u.FullName).SingleOrDefaultAsync(ct);
            if (userName is null) return (null, Refusal.Invalid("userId", "userId is not a user of the district."));
            var existingId = existing?.Id ?? 0;
            if (await db.Set<ProtectedContact>().AnyAsync(c => c.UserId == uid && c.Id != existingId, ct))
                return (null, AlreadyProtected);
        }

        var name = string.IsNullOrWhiteSpace(r.PersonName) ? userName : r.PersonName.Trim();
        if (string.IsNullOrWhiteSpace(name) || name.Length < 2)
            return (null, Refusal.Invalid("personName", "personName is required: the person's name, as the list of protected contacts shows it."));

        var has = r.HasWrittenPermission ?? false;
        if (ProtectedContact.CheckPermission(owner, has, r.PermissionDocument, r.PermissionGrantedOn, Today) is { } permission) return (null, permission);
        return (new Fields(owner, name, userId, has, has ? r.PermissionDocument!.Trim() : null, has ? r.PermissionGrantedOn : null), null);
    }

    /// <summary>Each phone and address must be one the scanner recognises, or protecting it would protect nothing,
    /// and none may be a site's published contact, or it would block every post of that site. The messages name the
    /// position, never the value.</summary>
    async Task<(List<string> Phones, List<string> Addresses, Refusal? Refusal)> CheckContactsAsync(IEnumerable<string?> phones,
        IEnumerable<string?> addresses, CancellationToken ct)
    {
        var checkedContacts = CheckContacts(phones, addresses);
        if (checkedContacts.Refusal is not null) return checkedContacts;
        var sites = (await db.Sites.AsNoTracking().Where(s => s.PublicPhone != null || s.PublicEmail != null || s.PublicAddress != null).ToListAsync(ct))
            .Select(ScanContextProvider.PublicContacts).ToList();
        for (var i = 0; i < checkedContacts.Phones.Count; i++)
            if (scanner.IsSitePublicContact(checkedContacts.Phones[i], sites))
                return ([], [], Refusal.Invalid("phones", $"Phone {i + 1} is a site's published phone number, not a home phone: it stays fine to publish."));
        for (var i = 0; i < checkedContacts.Addresses.Count; i++)
            if (scanner.IsSitePublicContact(checkedContacts.Addresses[i], sites))
                return ([], [], Refusal.Invalid("addresses", $"Address {i + 1} is a site's published address, not a home address: it stays fine to publish."));
        return checkedContacts;
    }

    (List<string> Phones, List<string> Addresses, Refusal? Refusal) CheckContacts(IEnumerable<string?> phones, IEnumerable<string?> addresses)
    {
        var keptPhones = new List<string>();
        var keys = new HashSet<long>();
        var i = 0;
        foreach (var given in phones)
        {
            var phone = given?.Trim() ?? "";
            if (phone.Length == 0) return ([], [], Refusal.Invalid("phones", $"Phone {i + 1} is empty."));
            if (phone.Length > Limits.Phone) return ([], [], Refusal.Invalid("phones", $"Phone {i + 1} has more than {Limits.Phone} characters."));
            if (!phone.All(ch => char.IsAsciiDigit(ch) || ch is ' ' or '+' or '(' or ')' or '-' or '.') || !scanner.IsPhoneNumber(phone))
                return ([], [], Refusal.Invalid("phones", $"Phone {i + 1} is not a phone number: give the whole number with its area code, e.g. (562) 555-0100."));
            if (keys.Add(ContactKeys.PhoneKey(phone))) keptPhones.Add(phone);
            i++;
        }
        var keptAddresses = new List<string>();
        var addressKeys = new HashSet<string>(StringComparer.Ordinal);
        i = 0;
        foreach (var given in addresses)
        {
            var address = given?.Trim() ?? "";
            if (address.Length == 0) return ([], [], Refusal.Invalid("addresses", $"Address {i + 1} is empty."));
            if (address.Length > Limits.Address) return ([], [], Refusal.Invalid("addresses", $"Address {i + 1} has more than {Limits.Address} characters."));
            if (!scanner.IsStreetAddress(address))
                return ([], [], Refusal.Invalid("addresses", $"Address {i + 1} is not a street address: give the house number and street, e.g. 1200 Elm Ave."));
            if (addressKeys.Add(ContactKeys.AddressKey(address))) keptAddresses.Add(address);
            i++;
        }
        if (keptPhones.Count > ProtectedContact.MaxPhones) return ([], [], Refusal.Invalid("phones", $"At most {ProtectedContact.MaxPhones} phones."));
        if (keptAddresses.Count > ProtectedContact.MaxAddresses) return ([], [], Refusal.Invalid("addresses", $"At most {ProtectedContact.MaxAddresses} addresses."));
        if (keptPhones.Count + keptAddresses.Count == 0)
            return ([], [], Refusal.Invalid("phones", "Give at least one home phone or home address to protect."));
        return (keptPhones, keptAddresses, null);
    }

    static readonly Refusal Stale = new(409, "Edited by someone else",
        "The protected contact changed since you read it. Reload it and apply your change again.");

    static readonly Refusal AlreadyProtected = Refusal.Conflict(
        "This staff member already has a protected-contacts entry: edit that one (it holds several phones and addresses).", "Already protected");
}
