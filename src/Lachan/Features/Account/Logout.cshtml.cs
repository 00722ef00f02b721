using Lachan.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Account;

[AllowAnonymous]
public sealed class LogoutModel(SignInManager<LachanUser> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    /// <summary>Ends the session on the server too: a new security stamp makes every copy of the cookie invalid
    /// (and the account's sessions in other browsers; its API tokens are not affected).</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return Redirect("/Account/Login");
    }
}
