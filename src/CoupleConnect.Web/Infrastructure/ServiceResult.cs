namespace CoupleConnect.Web.Infrastructure;

/// <summary>What kind of refusal a service gave, so a page picks its answer by kind and never by the wording.</summary>
public enum ServiceErrorCode
{
    /// <summary>Refused for a reason the message explains; nothing for a page to tell apart.</summary>
    Refused,

    /// <summary>What was typed breaks a rule; the message says which.</summary>
    Invalid,

    /// <summary>The feature starts once the person's partner has joined.</summary>
    NotPaired,

    /// <summary>The thing asked for isn't there (deleted, or never this person's to see).</summary>
    Gone,

    /// <summary>The address doesn't look like one the mail system can use.</summary>
    InvalidEmail,

    /// <summary>The password breaks one of the account rules.</summary>
    WeakPassword,
}

/// <summary>A refusal: its kind for the code, its message for the person.</summary>
public sealed record ServiceError(ServiceErrorCode Code, string Message);

/// <summary>The outcome of a feature service's action: success, or one clear refusal for the person (nothing was changed).</summary>
public sealed record ServiceResult(ServiceError? Failure)
{
    public bool Succeeded => Failure is null;

    /// <summary>The message for the person, or null on success.</summary>
    public string? Error => Failure?.Message;

    /// <summary>The kind of refusal, or null on success: what a page branches on.</summary>
    public ServiceErrorCode? ErrorCode => Failure?.Code;

    public static ServiceResult Ok { get; } = new((ServiceError?)null);

    public static ServiceResult Fail(string error) => new(new ServiceError(ServiceErrorCode.Refused, error));

    public static ServiceResult Fail(ServiceError error) => new(error);
}

/// <summary>Like <see cref="ServiceResult"/>, with a value on success.</summary>
public sealed record ServiceResult<T>(T? Value, ServiceError? Failure)
{
    public bool Succeeded => Failure is null;

    /// <summary>The message for the person, or null on success.</summary>
    public string? Error => Failure?.Message;

    /// <summary>The kind of refusal, or null on success: what a page branches on.</summary>
    public ServiceErrorCode? ErrorCode => Failure?.Code;

    public static ServiceResult<T> Ok(T value) => new(value, null);

    public static ServiceResult<T> Fail(string error) => new(default, new ServiceError(ServiceErrorCode.Refused, error));

    public static ServiceResult<T> Fail(ServiceError error) => new(default, error);
}
