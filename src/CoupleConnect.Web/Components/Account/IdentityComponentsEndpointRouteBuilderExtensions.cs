using System.Security.Claims;
using System.Text.Json;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.Accounts.SensitiveChanges;
using CoupleConnect.Web.Features.Reminders.Push;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Microsoft.AspNetCore.Routing;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    // Endpoints without a [FromForm] parameter get no automatic refusal: this metadata makes the antiforgery middleware
    // validate their token (form field or header) and the route table say so; the handler refuses with a 400 itself.
    private static readonly RequireAntiforgeryTokenAttribute TokenCheckedInTheHandler = new();

    // With a body, so the status code pages don't re-execute the POST (whose form can't be read any more) into a 500.
    private static readonly IResult MissingToken = Results.Text("A valid antiforgery token was not provided with the request.", statusCode: StatusCodes.Status400BadRequest);

    private static bool TokenWasValid(HttpContext context) =>
        context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: true };

    // These endpoints are required by the Identity Razor components defined in the /Components/Account/Pages directory of this project.
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var accountGroup = endpoints.MapGroup("/Account");

        accountGroup.MapPost("/Logout", async (
            ClaimsPrincipal user,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromServices] PushDeviceService pushDevices,
            [FromForm] string returnUrl,
            [FromForm(Name = "PushEndpoint")] string? pushEndpoint) =>
        {
            // This browser's notifications end with its sign-in (wwwroot/js/push-sign-out.js sends its endpoint).
            if (signInManager.UserManager.GetUserId(user) is { } userId && !string.IsNullOrEmpty(pushEndpoint))
            {
                await pushDevices.ForgetOnSignOutAsync(userId, pushEndpoint);
            }

            await signInManager.SignOutAsync();
            // The return address comes from the form, so anyone can change it: anything but a local path goes home.
            var target = $"~/{returnUrl}";
            return TypedResults.LocalRedirect(RedirectHttpResult.IsLocalUrl(target) ? target : "~/");
        });

        accountGroup.MapPost("/PasskeyCreationOptions", async (
            HttpContext context,
            [FromServices] UserManager<ApplicationUser> userManager,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromServices] RecentProof recentProof) =>
        {
            if (!TokenWasValid(context))
            {
                return MissingToken;
            }

            // A new passkey signs in without the password: adding one needs recent proof (docs/adr/0018).
            if (!await recentProof.IsFreshAsync(context.User, context.RequestAborted))
            {
                return Results.Text("Please confirm it's you first: reload the page and choose \"Add a new passkey\" again.", statusCode: StatusCodes.Status403Forbidden);
            }

            var user = await userManager.GetUserAsync(context.User);
            if (user is null)
            {
                return Results.NotFound($"Unable to load user with ID '{userManager.GetUserId(context.User)}'.");
            }

            var userId = await userManager.GetUserIdAsync(user);
            var userName = await userManager.GetUserNameAsync(user) ?? "User";
            var optionsJson = await signInManager.MakePasskeyCreationOptionsAsync(new()
            {
                Id = userId,
                Name = userName,
                DisplayName = userName
            });
            return TypedResults.Content(optionsJson, contentType: "application/json");
        }).WithMetadata(TokenCheckedInTheHandler);

        accountGroup.MapPost("/PasskeyRequestOptions", async (
            HttpContext context,
            [FromServices] SignInManager<ApplicationUser> signInManager) =>
        {
            if (!TokenWasValid(context))
            {
                return MissingToken;
            }

            // Never for a named user: the template's ?username= listed that account's passkey ids to anyone who knew
            // its email (the stranger sweep found it). Passkeys are made discoverable, so the browser finds its own.
            var optionsJson = await signInManager.MakePasskeyRequestOptionsAsync(user: null);
            return TypedResults.Content(optionsJson, contentType: "application/json");
        }).WithMetadata(TokenCheckedInTheHandler);

        var manageGroup = accountGroup.MapGroup("/Manage").RequireAuthorization();

        var loggerFactory = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>();
        var downloadLogger = loggerFactory.CreateLogger("DownloadPersonalData");

        manageGroup.MapPost("/DownloadPersonalData", async (
            HttpContext context,
            [FromServices] UserManager<ApplicationUser> userManager,
            [FromServices] PersonalDataExporter exporter,
            [FromServices] RecentProof recentProof,
            [FromServices] AccountChanges accountChanges) =>
        {
            if (!TokenWasValid(context))
            {
                return MissingToken;
            }

            // Everything a person wrote, in one file: that needs recent proof (docs/adr/0018).
            if (!await recentProof.IsFreshAsync(context.User, context.RequestAborted))
            {
                return Results.LocalRedirect("~/" + RecentProof.PageFor("/Account/Manage/PersonalData"));
            }

            var user = await userManager.GetUserAsync(context.User);
            if (user is null)
            {
                return Results.NotFound($"Unable to load user with ID '{userManager.GetUserId(context.User)}'.");
            }

            var userId = await userManager.GetUserIdAsync(user);
            downloadLogger.LogInformation("User with ID '{UserId}' asked for their personal data.", userId);

            // Every feature adds its part through IPersonalDataSource; the authenticator key is deliberately left out.
            var fileBytes = await exporter.ExportAsync(user, context.RequestAborted);
            await accountChanges.ChangedAsync(user, SecurityChange.DataDownloaded, context.User, cancellationToken: context.RequestAborted);
            context.Response.Headers.TryAdd("Content-Disposition", "attachment; filename=CoupleConnect-my-data.json");
            return TypedResults.File(fileBytes, contentType: "application/json", fileDownloadName: "CoupleConnect-my-data.json");
        }).WithMetadata(TokenCheckedInTheHandler);

        return accountGroup;
    }
}
