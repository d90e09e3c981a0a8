using MudBlazor;
using MudBlazor.Services;

namespace CoupleConnect.Web.Components;

public static class UserInterfaceSetup
{
    public static WebApplicationBuilder AddUserInterface(this WebApplicationBuilder builder)
    {
        // Answers are limited to 2,000 characters with a visible counter; a bigger paste must still reach the server
        // to be refused with a message, not break the circuit at SignalR's 32 KB default.
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = 128 * 1024);
        builder.Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomCenter;
            options.SnackbarConfiguration.PreventDuplicates = true;
            options.SnackbarConfiguration.VisibleStateDuration = 4000;
        });
        return builder;
    }
}
