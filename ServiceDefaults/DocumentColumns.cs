using System.Linq.Expressions;
using System.Reflection;
using Marten;

namespace BhxhPlatform.ServiceDefaults;

public static class DocumentColumns
{
    /// <summary>
    /// Copies a member of a document, however deep, into a typed column of its table, written with
    /// every upsert, and filled from the stored JSON when the column is first added. Declares no
    /// index of its own: an <c>Index(...)</c> declared on the member afterwards indexes the column.
    /// </summary>
    /// <remarks>
    /// Why a column: Marten indexes a date or time member through its <c>mt_immutable_*</c> SQL
    /// functions, which PostgreSQL cannot inline (a text-to-time cast depends on settings), so the
    /// function is planned again for every row written and every row a query reads with it: some
    /// 80 µs per insert on this machine, more than the rest of the insert. A column costs nothing of
    /// the kind, and queries read it without opening the JSON.
    /// </remarks>
    public static StoreOptions DuplicateColumn<T>(this StoreOptions options, Expression<Func<T, object?>> member, string? pgType = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(member);
        var path = MemberPath(member.Body);
        var column = ColumnName(path);
        options.Policies.ForAllDocuments(mapping =>
        {
            if (mapping.DocumentType == typeof(T))
            {
                mapping.DuplicateField(path, pgType, column);
            }
        });
        return options;
    }

    /// <summary>The column of a member path: <c>Details.StartedAt</c> is <c>details_started_at</c>.</summary>
    public static string ColumnName(IEnumerable<MemberInfo> path) =>
        string.Join('_', path.Select(m => string.Concat(m.Name.Select((c, i) =>
            char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()))));

    private static MemberInfo[] MemberPath(Expression body)
    {
        var path = new List<MemberInfo>();
        var expression = body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : body;
        while (expression is MemberExpression access)
        {
            path.Insert(0, access.Member);
            expression = access.Expression;
        }

        return expression is ParameterExpression && path.Count > 0
            ? path.ToArray()
            : throw new ArgumentException($"{body} is not a member of the document.", nameof(body));
    }
}
