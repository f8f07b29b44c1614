using Alba;
using BhxhPlatform.Planning.Organisation;
using BhxhPlatform.TestSupport;

namespace BhxhPlatform.Planning.Tests.Organisation;

/// <summary>
/// A 2025-shaped version of the test province, built from the 2024 file so that it is complete: every two districts
/// become one grassroots office, every two communes of a district one new commune, plus one commune from Bình Phước.
/// It has the shape of <c>Organisation/trees/*.json</c>, not its content.
/// </summary>
public static class TreeVersionTestData
{
    public const string Province = "dong-nai";
    public static readonly DateOnly ValidFrom = new(2025, 7, 1);

    public static OrganisationTree Tree2024 { get; } = OrganisationTree.Load();

    public static IReadOnlyList<District> Districts => Tree2024.FindProvince(Province)!.Districts;

    public static string OfficeOf(int districtIndex) => $"co-so-{(districtIndex / 2) + 1}";

    public static TreeVersionFile Version2025()
    {
        var communes = new List<VersionCommune>();
        var offices = new List<VersionOffice>();
        for (var d = 0; d < Districts.Count; d++)
        {
            var district = Districts[d];
            var newIds = new List<string>();
            for (var c = 0; c < district.Communes.Count; c += 2)
            {
                var id = $"new.{district.Id}.{c / 2}";
                newIds.Add(id);
                communes.Add(new VersionCommune(id, null, $"Xã mới {district.Name} {c / 2}", "commune",
                    [.. district.Communes.Skip(c).Take(2).Select(old => new FormedFrom(old.Id, null, old.Name))]));
            }

            var office = OfficeOf(d);
            if (offices.FindIndex(o => o.Id == office) is var i and >= 0)
            {
                offices[i] = offices[i] with
                {
                    Communes = [.. offices[i].Communes!, .. newIds],
                    PredecessorDistricts = [.. offices[i].PredecessorDistricts!, district.Id],
                };
            }
            else
            {
                offices.Add(new VersionOffice(office, $"BHXH cơ sở {office}", newIds, [district.Id], true));
            }
        }

        communes.Add(new VersionCommune("new.tu-binh-phuoc", null, "Phường từ Bình Phước", "ward", [new FormedFrom(null, "binh-phuoc", "Phường cũ")]));
        return new TreeVersionFile("test-2025", ValidFrom, [System.Text.Json.JsonSerializer.SerializeToElement("test data")], [], new VersionProvince(Province, "75", "Đồng Nai", "BHXH tỉnh Đồng Nai",
            [Province, "binh-phuoc"]), communes, offices);
    }

    public static async Task<TreeVersionPreview> LoadAsync(this IAlbaHost host, TreeVersionFile version, bool dryRun = false)
    {
        var result = await host.Scenario(s =>
        {
            s.Post.Json(new LoadTreeVersion("Nghị quyết sắp xếp đơn vị hành chính 2025", version, dryRun), JsonStyle.MinimalApi)
                .ToUrl($"/api/units/{Province}/organisation/versions");
            s.StatusCodeShouldBeOk();
        });
        return System.Text.Json.JsonSerializer.Deserialize<TreeVersionPreview>(await result.ReadAsTextAsync(), BhxhPlatform.TestSupport.ScenarioExtensions.Json)!;
    }

    public static Task<TreeOnDay> TreeOnAsync(this IAlbaHost host, DateOnly day) =>
        host.GetJsonAsync<TreeOnDay>($"/api/units/{Province}/organisation?on={day:yyyy-MM-dd}");
}
