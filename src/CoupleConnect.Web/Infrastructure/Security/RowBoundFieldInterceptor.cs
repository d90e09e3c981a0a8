using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CoupleConnect.Web.Infrastructure.Security;

/// <summary>
/// Encrypts and decrypts the text of properties marked <c>IsEncrypted()</c>, bound to their row (docs/adr/0017). A value
/// converter sees only the value, never its row, so this works on whole entities instead: on save it swaps each text
/// written for its v3 ciphertext (the place named by the row's key, known before insert) and swaps it back afterwards;
/// when EF builds an entity from a query it decrypts with that entity's key. Queries therefore read encrypted text only
/// by materializing entities; <see cref="EncryptedColumnQueryGuard"/> refuses any query that would read the column
/// itself.
/// </summary>
public sealed class RowBoundFieldInterceptor : ISaveChangesInterceptor, IMaterializationInterceptor
{
    private static readonly ConditionalWeakTable<IEntityType, IProperty[]> EncryptedByType = [];

    // The plaintexts swapped out during a save, per context, to put back when it ends (succeeded, failed or cancelled).
    private readonly ConditionalWeakTable<DbContext, List<SwappedText>> _swapped = [];

    private RowBoundFieldInterceptor()
    {
    }

    /// <summary>
    /// What a context implementing <see cref="IEncryptedFieldsContext"/> adds: the same instances for every context and
    /// key set, so EF keeps one internal service provider (it compares interceptors by instance).
    /// </summary>
    public static IInterceptor[] All { get; } = [new RowBoundFieldInterceptor(), new EncryptedColumnQueryGuard()];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        EncryptWrittenText(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        EncryptWrittenText(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        PutPlaintextBack(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        PutPlaintextBack(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => PutPlaintextBack(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        PutPlaintextBack(eventData.Context);
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => PutPlaintextBack(eventData.Context);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        PutPlaintextBack(eventData.Context);
        return Task.CompletedTask;
    }

    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        var entityType = materializationData.EntityType;
        var encrypted = EncryptedPropertiesOf(entityType);
        if (encrypted.Length == 0)
        {
            return entity;
        }

        var keys = KeysOf(materializationData.Context);
        var keyValues = entityType.FindPrimaryKey()!.Properties.Select(key => materializationData.GetPropertyValue(key)!).ToList();
        foreach (var property in encrypted)
        {
            if (materializationData.GetPropertyValue<string?>(property) is { } stored)
            {
                SetText(property, entity, EncryptedPropertyExtensions.ReadAt(keys.FieldEncryptor, stored, property, keyValues, keys.FieldEncryptionLogger));
            }
        }

        return entity;
    }

    // As EF sets it when materializing: the backing field when there is one (private setters and domain rules aside).
    private static void SetText(IProperty property, object entity, string text)
    {
        if (property.FieldInfo is { } field)
        {
            field.SetValue(entity, text);
        }
        else
        {
            property.PropertyInfo!.SetValue(entity, text);
        }
    }

    private static IEncryptedFieldsContext KeysOf(DbContext context) =>
        context as IEncryptedFieldsContext
        ?? throw new InvalidOperationException($"{context.GetType().Name} has encrypted text, so it must implement {nameof(IEncryptedFieldsContext)}.");

    // Every entity a query builds passes here: the list is worked out once per entity type of a model.
    private static IProperty[] EncryptedPropertiesOf(IEntityType entityType) =>
        EncryptedByType.GetValue(entityType, type => [.. type.GetProperties().Where(property => property.IsStoredEncrypted())]);

    private void EncryptWrittenText(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        if (context.ChangeTracker.AutoDetectChangesEnabled)
        {
            context.ChangeTracker.DetectChanges();
        }

        var swapped = new List<SwappedText>();
        foreach (var entry in context.ChangeTracker.Entries().Where(entry => entry.State is EntityState.Added or EntityState.Modified))
        {
            var encrypted = EncryptedPropertiesOf(entry.Metadata);
            if (encrypted.Length == 0)
            {
                continue;
            }

            var keyValues = entry.Metadata.FindPrimaryKey()!.Properties.Select(key => entry.Property(key.Name).CurrentValue!).ToList();
            foreach (var property in encrypted)
            {
                var text = entry.Property(property.Name);
                if (text.CurrentValue is string plain && (entry.State == EntityState.Added || text.IsModified))
                {
                    swapped.Add(new SwappedText(text, plain));
                    text.CurrentValue = KeysOf(context).FieldEncryptor.EncryptForRow(plain, property.RowPlaceOf(keyValues));
                }
            }
        }

        _swapped.AddOrUpdate(context, swapped);
    }

    private void PutPlaintextBack(DbContext? context)
    {
        if (context is null || !_swapped.TryGetValue(context, out var swapped))
        {
            return;
        }

        _swapped.Remove(context);
        foreach (var (text, plain) in swapped)
        {
            // After a save that accepted its changes the entry is Unchanged and its original value is the ciphertext
            // just written: the plaintext becomes both, so the entity reads as stored and is not "modified".
            var accepted = text.EntityEntry.State == EntityState.Unchanged;
            if (accepted)
            {
                text.OriginalValue = plain;
            }

            text.CurrentValue = plain;
            if (accepted)
            {
                text.IsModified = false;
            }
        }
    }

    private sealed record SwappedText(PropertyEntry Text, string Plain);
}
