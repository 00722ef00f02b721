using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Lachan.Features.Account;

[AllowAnonymous]
[EnableRateLimiting(LoginThrottle.Policy)]
public sealed class LoginModel(SignInManager<LachanUser> signIn, AuditLog audit, LoginThrottle throttle) : PageModel
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Error = "Login.Missing";
            return Page();
        }
        if (!throttle.TryAttempt(UserName))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = "60";
            Error = "Error.TooMany";
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        audit.Record(result.Succeeded ? "login" : result.IsLockedOut ? "login-locked" : "login-failed", "Account", null, userName: UserName.Trim());
        await HttpContext.RequestServices.GetRequiredService<Lachan.Infrastructure.Data.LachanDb>().SaveChangesAsync();
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        // One message for an unknown name, a wrong password and a locked account: the answer must not tell an
        // attacker which names exist or that the guessing has locked one.
        Error = "Login.Invalid";
        return Page();
    }
}
