using OpenTelemetry.Metrics;

namespace CoupleConnect.Web.Infrastructure;

public static class ObservabilitySetup
{
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        // Structured logs: JSON lines in production (for log shippers), readable lines in Development.
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(options => options.UseUtcTimestamp = true);
        }

        // Metrics leave the process only when an OTLP endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT).
        var metrics = builder.Services.AddOpenTelemetry().WithMetrics(meters => meters
            .AddAspNetCoreInstrumentation()
            .AddMeter("Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Components", "Microsoft.AspNetCore.Components.Server.Circuits", "Npgsql"));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            metrics.WithMetrics(meters => meters.AddOtlpExporter());
        }

        return builder;
    }
}
