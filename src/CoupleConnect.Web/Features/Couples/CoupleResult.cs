namespace CoupleConnect.Web.Features.Couples;

/// <summary>The outcome of a couple action: success, or one clear message for the person (nothing was changed).</summary>
public sealed record CoupleResult(string? Error)
{
    public bool Succeeded => Error is null;

    public static CoupleResult Ok { get; } = new((string?)null);

    public static CoupleResult Fail(string error) => new(error);
}

public sealed record CoupleResult<T>(T? Value, string? Error)
{
    public bool Succeeded => Error is null;

    public static CoupleResult<T> Ok(T value) => new(value, null);

    public static CoupleResult<T> Fail(string error) => new(default, error);
}
