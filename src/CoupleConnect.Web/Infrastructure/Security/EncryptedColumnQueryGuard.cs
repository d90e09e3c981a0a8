using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoupleConnect.Web.Infrastructure.Security;

/// <summary>
/// Refuses, when a query is compiled, any LINQ query that names an encrypted property other than to test it for null:
/// a projection (<c>Select(a => a.Text)</c>), an ordering, a filter or an <c>ExecuteUpdate</c> on it would read or write
/// the ciphertext itself, which only an entity's row can decrypt (docs/adr/0017). Select the entity instead. It runs once
/// per query shape (EF caches compiled queries), so a test that runs the query finds the mistake.
/// </summary>
public sealed class EncryptedColumnQueryGuard : IQueryExpressionInterceptor
{
    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        var encrypted = eventData.Context?.Model.GetEntityTypes()
            .SelectMany(entity => entity.GetProperties())
            .Where(property => property.IsStoredEncrypted())
            .Select(property => (Member: (MemberInfo?)property.PropertyInfo ?? property.FieldInfo, property.Name, Type: property.DeclaringType.ClrType))
            .ToList();
        if (encrypted is { Count: > 0 })
        {
            new Finder(encrypted).Visit(queryExpression);
        }

        return queryExpression;
    }

    private sealed class Finder(List<(MemberInfo? Member, string Name, Type Type)> encrypted) : ExpressionVisitor
    {
        protected override Expression VisitBinary(BinaryExpression node)
        {
            // "Is there a text?" is the one question the column answers without its row: null stays null.
            if (node.NodeType is ExpressionType.Equal or ExpressionType.NotEqual && (IsNull(node.Left) || IsNull(node.Right)))
            {
                var other = IsNull(node.Left) ? node.Right : node.Left;
                if (NamedEncrypted(StripConvert(other)) is not null)
                {
                    return node;
                }
            }

            return base.VisitBinary(node);
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            Refuse(NamedEncrypted(node));
            return base.VisitMember(node);
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            Refuse(NamedEncrypted(node));
            return base.VisitMethodCall(node);
        }

        private string? NamedEncrypted(Expression expression) => expression switch
        {
            MemberExpression { Expression: not null } member when encrypted.Any(property =>
                member.Member == property.Member || (member.Member.Name == property.Name && property.Type.IsAssignableFrom(member.Expression.Type))) =>
                $"{member.Expression.Type.Name}.{member.Member.Name}",
            MethodCallExpression { Method.Name: nameof(EF.Property), Method.DeclaringType: var declaring } call when declaring == typeof(EF)
                && call.Arguments[1] is ConstantExpression { Value: string name }
                && encrypted.Any(property => property.Name == name && property.Type.IsAssignableFrom(call.Arguments[0].Type)) =>
                $"{call.Arguments[0].Type.Name}.{name}",
            _ => null,
        };

        private static void Refuse(string? property)
        {
            if (property is not null)
            {
                throw new InvalidOperationException(
                    $"This query reads or writes {property} in the database, but that column holds ciphertext bound to its row: " +
                    "select the entity instead and read the property from it (docs/adr/0017).");
            }
        }

        private static bool IsNull(Expression expression) => StripConvert(expression) is ConstantExpression { Value: null };

        private static Expression StripConvert(Expression expression) =>
            expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert ? StripConvert(convert.Operand) : expression;
    }
}
