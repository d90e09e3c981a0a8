using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CoupleConnect.Web.Infrastructure.Data;

/// <summary>Recognises the unique-index violations services settle races with (see ADR 0009).</summary>
public static class DbUpdateExceptionExtensions
{
    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public static bool IsUniqueViolationOf(this DbUpdateException exception, string indexName) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres && postgres.ConstraintName == indexName;
}
