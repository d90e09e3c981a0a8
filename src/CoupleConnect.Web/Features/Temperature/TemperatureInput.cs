namespace CoupleConnect.Web.Features.Temperature;

/// <summary>What the form holds while a person writes their week's answer; the service validates it.</summary>
public sealed class TemperatureInput
{
    public int? Connected { get; set; }

    public string? Gain { get; set; }

    public string? Wish { get; set; }
}
