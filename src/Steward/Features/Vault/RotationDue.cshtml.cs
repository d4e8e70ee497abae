using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Steward.Features.Vault;

public sealed class RotationDueModel(VaultService vault, IOptions<VaultOptions> options) : PageModel
{
    public List<RotationDueEntry> Due { get; private set; } = [];
    public int MaxAgeDays => options.Value.MaxAgeDays;

    public async Task OnGetAsync(CancellationToken ct) => Due = await vault.RotationDueAsync(User, null, ct);
}
