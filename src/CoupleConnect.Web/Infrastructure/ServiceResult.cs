namespace CoupleConnect.Web.Infrastructure;

/// <summary>The outcome of a feature service's action: success, or one clear message for the person (nothing was changed).</summary>
public sealed record ServiceResult(string? Error)
{
    public bool Succeeded => Error is null;

    public static ServiceResult Ok { get; } = new((string?)null);

    public static ServiceResult Fail(string error) => new(error);
}

/// <summary>Like <see cref="ServiceResult"/>, with a value on success.</summary>
public sealed record ServiceResult<T>(T? Value, string? Error)
{
    public bool Succeeded => Error is null;

    public static ServiceResult<T> Ok(T value) => new(value, null);

    public static ServiceResult<T> Fail(string error) => new(default, error);
}
