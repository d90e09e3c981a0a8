using MudBlazor;
using MudBlazor.Services;

namespace CoupleConnect.Web.Components;

public static class UserInterfaceSetup
{
    public static WebApplicationBuilder AddUserInterface(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents();
        builder.Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomCenter;
            options.SnackbarConfiguration.PreventDuplicates = true;
            options.SnackbarConfiguration.VisibleStateDuration = 4000;
        });
        return builder;
    }
}
