using System.Text;
using System.Xml.Linq;

namespace BhxhPlatform.Portal.Tests;

/// <summary>Every text of the portal exists in Vietnamese (the neutral .resx) and in English (.en.resx), with the same keys, in NFC.</summary>
public sealed class ResourceFileTests
{
    private static readonly string Portal = Path.Combine(RepositoryRoot(), "services", "Portal");

    private static string[] VietnameseFiles() =>
        Directory.GetFiles(Portal, "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".en.resx", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Portal, f))
            .ToArray();

    public static TheoryData<string> Groups() => new(VietnameseFiles());

    [Theory]
    [MemberData(nameof(Groups))]
    public void Each_resource_file_has_an_English_twin_with_the_same_keys_and_no_empty_or_decomposed_text(string vietnamese)
    {
        var vi = Read(Path.Combine(Portal, vietnamese));
        var en = Read(Path.Combine(Portal, vietnamese.Replace(".resx", ".en.resx", StringComparison.Ordinal)));

        en.Keys.Order(StringComparer.Ordinal).ShouldBe(vi.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, text) in vi.Concat(en))
        {
            text.Trim().ShouldNotBeEmpty(key);
            text.IsNormalized(NormalizationForm.FormC).ShouldBeTrue(key);
        }
    }

    [Fact]
    public void There_are_resource_files_for_the_layout_and_the_page_groups() =>
        VietnameseFiles().ShouldContain(Path.Combine("Components", "Layout", "LayoutText.resx"));

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BhxhPlatform.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }
}
