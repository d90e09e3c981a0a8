namespace CoupleConnect.Web.Infrastructure.Security;

/// <summary>
/// A DbContext whose model has encrypted text: gives <see cref="RowBoundFieldInterceptor"/> its key set. The interceptors
/// themselves are one instance for every context (EF builds an internal service provider per distinct set of them).
/// </summary>
public interface IEncryptedFieldsContext
{
    FieldEncryptor FieldEncryptor { get; }

    /// <summary>Where a value that fails its check is reported (its place, never its value).</summary>
    ILogger? FieldEncryptionLogger { get; }
}
