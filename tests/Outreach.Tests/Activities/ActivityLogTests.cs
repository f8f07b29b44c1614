using System.Text.Json;
using Alba;
using BhxhPlatform.Contracts;
using BhxhPlatform.Outreach.Activities;
using BhxhPlatform.TestSupport;
using Marten;
using Npgsql;
using static BhxhPlatform.Outreach.Tests.Samples;

namespace BhxhPlatform.Outreach.Tests.Activities;

[Collection(OutreachCollection.Name)]
public sealed class ActivityLogTests(OutreachFixture fixture) : IAsyncLifetime
{
    private const string Url = $"/api/units/{District}/activities";

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await fixture.Host.GivenApprovedPlanAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<IReadOnlyList<Guid>> LogBatchAsync(IEnumerable<LogActivity> activities)
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new LogActivityBatch(activities.ToList()), JsonStyle.MinimalApi).ToUrl($"{Url}/batch");
            s.StatusCodeShouldBeOk();
        });
        return JsonSerializer.Deserialize<LoggedActivityBatch>(await result.ReadAsTextAsync(), BhxhPlatform.TestSupport.ScenarioExtensions.Json)!.Ids;
    }

    private async Task VoidAsync(Guid id) => await fixture.Host.Scenario(s =>
    {
        s.Post.Json(new VoidActivity(1, "Nhầm"), JsonStyle.MinimalApi).ToUrl($"{Url}/{id}/void");
        s.StatusCodeShouldBe(202);
    });

    /// <summary>Follows <c>next</c> from the first page to the last; every page but the last is full.</summary>
    private async Task<List<ActivityLogPage>> AllPagesAsync(string query, int limit)
    {
        var pages = new List<ActivityLogPage>();
        string? next = null;
        do
        {
            var after = next is null ? "" : $"&after={Uri.EscapeDataString(next)}";
            var page = await fixture.Host.GetJsonAsync<ActivityLogPage>($"{Url}?limit={limit}{query}{after}");
            pages.Add(page);
            next = page.Next;
            pages.Count.ShouldBeLessThan(100);
        }
        while (next is not null);

        pages.SkipLast(1).ShouldAllBe(p => p.Items.Count == limit);
        return pages;
    }

    /// <summary>The log's order: start time, then id as PostgreSQL orders uuids (their lowercase text, byte by byte).</summary>
    private static List<Guid> InLogOrder(IEnumerable<Activity> activities) =>
        activities.OrderBy(a => a.Details.StartedAt.UtcTicks).ThenBy(a => a.Id.ToString("D"), StringComparer.Ordinal).Select(a => a.Id).ToList();

    [Fact]
    public async Task The_log_filters_by_line_audience_commune_form_and_period_and_leaves_out_voided_activities()
    {
        var direct = await fixture.Host.CreateAsync(Url, DirectContact());
        var conference = await fixture.Host.CreateAsync(Url, Conference());
        var post = await fixture.Host.CreateAsync(Url, Post());
        var voided = await fixture.Host.CreateAsync(Url, DirectContact() with { CommuneId = "bien-hoa.tan-hanh" });
        await VoidAsync(voided);
        await fixture.Host.CreateAsync($"/api/units/{OtherDistrict}/activities", InOtherDistrict(DirectContact()));

        async Task<Guid[]> Ids(string query)
        {
            var page = await fixture.Host.GetJsonAsync<ActivityLogPage>($"{Url}{query}");
            page.Next.ShouldBeNull();
            return page.Items.Select(a => a.Id).ToArray();
        }

        (await Ids("")).ShouldBe([conference, post, direct]);
        (await Ids("?line=3.1.01")).ShouldBe([direct]);
        (await Ids("?audience=3.2")).ShouldBe([post]);
        (await Ids("?commune=bien-hoa.trang-dai")).ShouldBe([conference, direct]);
        (await Ids($"?form={CommunicationForm.Conference}")).ShouldBe([conference]);
        (await Ids($"?districtPlanId={DistrictPlan}&from=2026-11-19&to=2026-11-19")).ShouldBe([post]);
        (await Ids("?from=2026-11-20")).ShouldBe([direct]);
        (await Ids("?includeVoided=true&commune=bien-hoa.tan-hanh")).ShouldBe([voided]);
    }

    [Fact]
    public async Task Pages_cover_every_activity_once_in_order_of_start_time_then_id()
    {
        // 25 activities over 10 days, two or three starting at the same minute: the id breaks the ties.
        var ids = await LogBatchAsync(Enumerable.Range(0, 25).Select(i =>
            DirectContact() with { StartedAt = Local(11, 1 + (i % 10), 9), EndedAt = Local(11, 1 + (i % 10), 10) }));
        await VoidAsync(ids[3]);
        await VoidAsync(ids[17]);
        var all = await fixture.Host.GetJsonAsync<ActivityLogPage>($"{Url}?includeVoided=true&limit=200");
        all.Items.Count.ShouldBe(25);
        all.Next.ShouldBeNull();

        var pages = await AllPagesAsync("", limit: 4);

        pages.Count.ShouldBe(6);
        var paged = pages.SelectMany(p => p.Items).ToList();
        paged.Select(a => a.Id).ShouldBe(InLogOrder(all.Items.Where(a => !a.Voided)));
        paged.Select(a => a.Id).ShouldBeUnique();
        paged.Select(a => a.Id).ShouldBe(ids.Except([ids[3], ids[17]]), ignoreOrder: true);

        var withVoided = await AllPagesAsync("&includeVoided=true", limit: 7);
        withVoided.SelectMany(p => p.Items).Select(a => a.Id).ShouldBe(InLogOrder(all.Items));
    }

    [Fact]
    public async Task The_first_page_holds_fifty_and_the_filters_apply_on_every_page()
    {
        var ids = await LogBatchAsync(Enumerable.Range(0, 60).Select(i => DirectContact() with
        {
            CommuneId = i % 2 == 0 ? "bien-hoa.trang-dai" : "bien-hoa.tan-hanh",
            StartedAt = Local(11, 1 + (i % 28), 8 + (i % 9)),
            EndedAt = Local(11, 1 + (i % 28), 9 + (i % 9)),
        }));
        await LogBatchAsync([Post()]);

        var first = await fixture.Host.GetJsonAsync<ActivityLogPage>(Url);
        first.Items.Count.ShouldBe(GetActivityLogEndpoint.DefaultLimit);
        first.Next.ShouldNotBeNull();
        var second = await fixture.Host.GetJsonAsync<ActivityLogPage>($"{Url}?after={Uri.EscapeDataString(first.Next)}");
        second.Items.Count.ShouldBe(11);
        second.Next.ShouldBeNull();

        var trangDai = (await AllPagesAsync("&commune=bien-hoa.trang-dai&line=3.1.01", limit: 20)).SelectMany(p => p.Items).ToList();
        trangDai.Count.ShouldBe(30);
        trangDai.ShouldAllBe(a => a.Details.CommuneId == "bien-hoa.trang-dai");
        trangDai.Select(a => a.Id).ShouldBe(ids.Where((_, i) => i % 2 == 0), ignoreOrder: true);

        var firstWeek = (await AllPagesAsync("&from=2026-11-01&to=2026-11-07", limit: 5)).SelectMany(p => p.Items).ToList();
        firstWeek.Count.ShouldBe(ids.Where((_, i) => 1 + (i % 28) <= 7).Count());
        firstWeek.ShouldAllBe(a => a.Details.StartedAt < Local(11, 8, 0));
    }

    [Fact]
    public async Task A_page_size_out_of_range_or_an_unknown_cursor_is_a_problem_in_both_languages()
    {
        async Task<ProblemBody> Problem(string query)
        {
            var result = await fixture.Host.Scenario(s =>
            {
                s.Get.Url($"{Url}{query}");
                s.StatusCodeShouldBe(400);
                s.ContentTypeShouldBe("application/problem+json");
            });
            return JsonSerializer.Deserialize<ProblemBody>(await result.ReadAsTextAsync(), BhxhPlatform.TestSupport.ScenarioExtensions.Json)!;
        }

        foreach (var query in new[] { "?limit=0", $"?limit={GetActivityLogEndpoint.MaxLimit + 1}", "?limit=-5" })
        {
            var problem = await Problem(query);
            problem.Fields.ShouldBe(["limit"]);
            problem.FieldErrors![0].Code.ShouldBe("out-of-range");
            problem.FieldErrors[0].Vi.ShouldContain("200");
            problem.FieldErrors[0].En.ShouldContain("200");
        }

        foreach (var cursor in new[] { "abc", "not a cursor", Convert.ToBase64String("12.34"u8.ToArray()) })
        {
            var problem = await Problem($"?after={Uri.EscapeDataString(cursor)}");
            problem.Fields.ShouldBe(["after"]);
            problem.FieldErrors![0].Vi.ShouldNotBeNullOrWhiteSpace();
            problem.FieldErrors[0].En.ShouldNotBeNullOrWhiteSpace();
        }

        (await fixture.Host.GetJsonAsync<ActivityLogPage>($"{Url}?limit={GetActivityLogEndpoint.MaxLimit}")).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Each_item_is_the_activity_as_read_by_its_id()
    {
        var id = await fixture.Host.CreateAsync(Url, Conference());
        var result = await fixture.Host.Scenario(s => s.Get.Url(Url));
        using var page = JsonDocument.Parse(await result.ReadAsTextAsync());
        var single = await fixture.Host.Scenario(s => s.Get.Url($"{Url}/{id}"));
        using var activity = JsonDocument.Parse(await single.ReadAsTextAsync());

        var item = page.RootElement.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        JsonElement.DeepEquals(item, activity.RootElement).ShouldBeTrue($"{item}\n{activity.RootElement}");
        item.GetProperty("outsideOfficeHours").GetBoolean().ShouldBeFalse();
        item.GetProperty("details").GetProperty("form").GetString().ShouldBe("Conference");
        page.RootElement.GetProperty("next").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task A_page_is_read_from_the_start_time_index_without_sorting()
    {
        await using var session = fixture.Store.QuerySession(District);
        var cursor = new GetActivityLogEndpoint.LogCursor(new DateTime(2026, 11, 5, 2, 0, 0, DateTimeKind.Utc), Guid.NewGuid());
        await using var query = GetActivityLogEndpoint.Query(
            session, new ActivityLogFilter(DistrictPlan, From: new DateOnly(2026, 11, 1), To: new DateOnly(2026, 11, 30)), cursor, 51);
        await using var connection = new NpgsqlConnection(fixture.Postgres.ConnectionString);
        await connection.OpenAsync();
        await using (var noSeqScan = new NpgsqlCommand("set enable_seqscan = off", connection))
        {
            await noSeqScan.ExecuteNonQueryAsync();
        }

        query.Connection = connection;
        query.CommandText = "explain " + query.CommandText;
        var plan = new List<string>();
        await using (var reader = await query.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        var text = string.Join("\n", plan);
        text.ShouldContain("Index Scan using mt_doc_activity_idx", Case.Sensitive, text);
        text.ShouldNotContain("Sort", Case.Sensitive, text);
    }

    [Fact]
    public async Task Activities_stored_before_the_start_time_column_get_it_from_their_details()
    {
        var ids = await LogBatchAsync(
            [DirectContact() with { StartedAt = Local(11, 12, 9), EndedAt = Local(11, 12, 11) }, DirectContact() with { StartedAt = Local(11, 20, 9), EndedAt = Local(11, 20, 10) }]);
        var table = fixture.Store.Options.FindOrResolveDocumentType(typeof(Activity)).TableName.QualifiedName;
        await using var connection = new NpgsqlConnection(fixture.Postgres.ConnectionString);
        await connection.OpenAsync();

        // As stored before the column: no start in UTC in the JSON, nothing in the column.
        await using (var erase = new NpgsqlCommand($"update {table} set started_at_utc = null, data = data - 'startedAtUtc' where id = $1", connection))
        {
            erase.Parameters.AddWithValue(ids[0]);
            (await erase.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        await new StartTimeColumnBackfill().Populate(fixture.Store, CancellationToken.None);

        await using var read = new NpgsqlCommand($"select id, started_at_utc from {table} where id = any($1)", connection);
        read.Parameters.AddWithValue(ids.ToArray());
        var starts = new Dictionary<Guid, DateTime>();
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                starts[reader.GetGuid(0)] = await reader.GetFieldValueAsync<DateTime>(1);
            }
        }

        starts[ids[0]].ShouldBe(Local(11, 12, 9).UtcDateTime);
        starts[ids[1]].ShouldBe(Local(11, 20, 9).UtcDateTime);
        var page = await fixture.Host.GetJsonAsync<ActivityLogPage>($"{Url}?from=2026-11-12&to=2026-11-12");
        page.Items.Select(a => a.Id).ShouldBe([ids[0]]);
    }
}
