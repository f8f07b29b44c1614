using System.Text;
using System.Text.RegularExpressions;
using BhxhPlatform.Planning.Catalogue;

namespace BhxhPlatform.Planning.Tests.Catalogue;

/// <summary>The catalogue must be the seed table, word for word, and all of it.</summary>
public sealed partial class CatalogueTranscriptionTests
{
    private static readonly PlanCatalogue Catalogue = PlanCatalogue.Load();

    /// <summary>The repeated column header row of the seed table (it heads every page).</summary>
    private const string HeaderRow =
        "TT Chủ thể được truyền thông Hình thức truyền thông Tần suất/ thời gian thực hiện Cách thức thực hiện " +
        "Đơn vị chủ trì Đơn vị phối hợp Hình thức phối hợp Công việc phối hợp/thực hiện";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>25 or more letters (spaces between them allowed): prose, not a bullet dash or a number.</summary>
    [GeneratedRegex(@"\p{L}(?:\s*\p{L}){24,}")]
    private static partial Regex LongLetterRun();

    private static string Collapse(string s) => Whitespace().Replace(s, " ").Trim();

    /// <summary>
    /// The seed kept in the repository beside the catalogue (services/Planning/Catalogue/source), so
    /// the check runs from any clone. <see cref="The_repository_copy_of_the_seed_is_the_shared_seed"/>
    /// ties that copy to the steering repository's shared/seed wherever that folder is present.
    /// </summary>
    private static string SeedFolder() =>
        FolderAbove(Path.Combine("services", "Planning", "Catalogue", "source"))
        ?? throw new DirectoryNotFoundException("No services/Planning/Catalogue/source folder above " + AppContext.BaseDirectory);

    private static string? SharedSeedFolder() => FolderAbove(Path.Combine("shared", "seed"));

    /// <summary>The first folder named <paramref name="relative"/> under the test output or one of its parents.</summary>
    private static string? FolderAbove(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    [Fact]
    public void The_repository_copy_of_the_seed_is_the_shared_seed()
    {
        var copy = File.ReadAllBytes(Path.Combine(SeedFolder(), Catalogue.Source));
        copy.Length.ShouldBeGreaterThan(40_000);
        if (SharedSeedFolder() is { } shared)
        {
            copy.ShouldBe(File.ReadAllBytes(Path.Combine(shared, Catalogue.Source)));
        }
    }

    private static string NormalisedSeed()
    {
        var text = File.ReadAllText(Path.Combine(SeedFolder(), Catalogue.Source), Encoding.UTF8).Normalize(NormalizationForm.FormC);
        foreach (var repair in Catalogue.Repairs)
        {
            text = text.Replace(repair.Broken, repair.Repaired, StringComparison.Ordinal);
        }

        return Collapse(text.Normalize(NormalizationForm.FormC));
    }

    private static IEnumerable<(string Where, string Text)> Strings(IEnumerable<PlanLine> lines)
    {
        foreach (var line in lines)
        {
            yield return (line.Code + " subject", line.Subject);
            yield return (line.Code + " form", line.Form);
            if (line.FrequencyText is { } frequency)
            {
                yield return (line.Code + " frequency", frequency);
            }

            yield return (line.Code + " lead", line.LeadUnit);
            if (line.CoordinationFormText is { } coordination)
            {
                yield return (line.Code + " coordination", coordination);
            }

            foreach (var partner in line.PartnerUnits)
            {
                yield return (line.Code + " partner", partner);
            }

            foreach (var task in line.Tasks)
            {
                yield return (line.Code + " task", task);
            }
        }
    }

    /// <summary>What is left of the seed once every catalogue string, audience label and header is taken out.</summary>
    private static List<string> UntranscribedProse(IEnumerable<PlanLine> lines)
    {
        var rest = NormalisedSeed();
        var known = Strings(lines).Select(s => Collapse(s.Text))
            .Concat(Catalogue.Audiences.Select(a => Collapse(a.Name)))
            .Append(HeaderRow)
            .Distinct()
            .OrderByDescending(s => s.Length);
        foreach (var text in known)
        {
            rest = rest.Replace(text, " | ", StringComparison.Ordinal);
        }

        return LongLetterRun().Matches(rest).Select(m => m.Value).ToList();
    }

    [Fact]
    public void Every_catalogue_string_is_in_the_seed_word_for_word()
    {
        var seed = NormalisedSeed();

        var missing = Strings(Catalogue.Lines).Where(s => !seed.Contains(Collapse(s.Text), StringComparison.Ordinal)).ToList();

        missing.ShouldBeEmpty();
    }

    [Fact]
    public void Nothing_of_the_seed_is_left_out_of_the_catalogue()
    {
        UntranscribedProse(Catalogue.Lines).ShouldBeEmpty();
    }

    [Fact]
    public void The_completeness_check_notices_a_missing_task_bullet()
    {
        var withoutOneBullet = Catalogue.Lines
            .Select(l => l.Code == "2.04" ? l with { Tasks = l.Tasks.Skip(1).ToList() } : l);

        var left = UntranscribedProse(withoutOneBullet);

        left.ShouldNotBeEmpty();
        string.Join(" ", left).ShouldContain("Trung tâm Dịch vụ việc làm");
    }

    [Fact]
    public void The_catalogue_has_43_lines_over_15_audiences_each_with_at_least_one_line()
    {
        var leaves = Catalogue.Audiences.Where(a => !Catalogue.Audiences.Any(c => c.Parent == a.Code)).ToList();

        Catalogue.Lines.Count.ShouldBe(43);
        leaves.Count.ShouldBe(15);
        Catalogue.Audiences.Count.ShouldBe(17);
        Catalogue.Lines.Select(l => l.Code).ShouldBeUnique();
        Catalogue.Lines.ShouldAllBe(l => leaves.Any(a => a.Code == l.AudienceCode));
        leaves.Where(a => !Catalogue.Lines.Any(l => l.AudienceCode == a.Code)).ShouldBeEmpty();
    }

    [Fact]
    public void Every_text_of_the_catalogue_is_nfc()
    {
        Strings(Catalogue.Lines).Where(s => !s.Text.IsNormalized(NormalizationForm.FormC)).ShouldBeEmpty();
        Catalogue.Audiences.Where(a => !a.Name.IsNormalized(NormalizationForm.FormC)).ShouldBeEmpty();
    }
}
