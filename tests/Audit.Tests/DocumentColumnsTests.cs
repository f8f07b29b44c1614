using BhxhPlatform.ServiceDefaults;
using Marten;

namespace BhxhPlatform.Audit.Tests;

/// <summary>A document member copied into a column of its own.</summary>
public sealed class DocumentColumnsTests
{
    private sealed record Inner(DateOnly OccurredOn);

    private sealed record Doc(Guid Id, Inner Details, int PeopleReached);

    [Fact]
    public void A_member_path_names_its_column_in_snake_case() =>
        DocumentColumns.ColumnName([typeof(Doc).GetProperty(nameof(Doc.Details))!, typeof(Inner).GetProperty(nameof(Inner.OccurredOn))!])
            .ShouldBe("details_occurred_on");

    [Fact]
    public void Only_a_member_of_the_document_can_be_a_column() =>
        Should.Throw<ArgumentException>(() => new StoreOptions().DuplicateColumn<Doc>(d => d.PeopleReached + 1));
}
