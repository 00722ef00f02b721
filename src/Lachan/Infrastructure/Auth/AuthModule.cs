using Lachan.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Lachan.Infrastructure.Auth;

public static class AuthModule
{
    public const string PagesOrApi = "PagesOrApi";

    public static IServiceCollection AddAuth(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddScoped<CurrentUser>();
        services.AddScoped<Jurisdiction>();
        services.AddScoped<Accounts>();
        services.AddScoped<Lachan.Infrastructure.Audit.AuditLog>();
        services.AddSingleton<Lachan.Infrastructure.Audit.AuditAnchorFile>();   // the anchoring job: JobsModule
        services.AddSingleton<Lachan.Infrastructure.Audit.ReadAudits>();
        services.AddSingleton<Lachan.Infrastructure.Audit.AuditLinker>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, Lachan.Infrastructure.Audit.AuditCommitInterceptor>();
        // registered before the read writer, so it stops after it and links the reads written at shutdown
        services.AddHostedService<Lachan.Infrastructure.Audit.AuditLinkerService>();
        services.AddHostedService<Lachan.Infrastructure.Audit.ReadAuditWriter>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = PagesOrApi;
                o.DefaultChallengeScheme = PagesOrApi;
            })
            // The API accepts bearer tokens only: a cookie sent to /api is ignored, so another site cannot make a
            // logged-in browser call the API (no page of ours calls /api; pages post forms with antiforgery tokens).
            // A request with a bearer token is an API client; anything else is a person with a cookie.
            .AddPolicyScheme(PagesOrApi, PagesOrApi, o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Path.StartsWithSegments("/api")
                || ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokens.Scheme : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokens.Scheme, null)
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/Denied";
            o.Cookie.Name = "lachan.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the request came over HTTPS (directly or, with forwarded headers, through the proxy).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // Identity checks the security stamp every 30 minutes; we check it on every request.
            o.Events.OnValidatePrincipal = Accounts.ValidateCookieAsync;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // An API caller gets a status code, never a redirect to a login page.
            o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddIdentityCore<LachanUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireDigit = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<LachanDb>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<LachanClaimsFactory>();

        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, AreaHandler>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
