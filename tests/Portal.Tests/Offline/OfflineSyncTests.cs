using BhxhPlatform.Contracts;
using BhxhPlatform.Portal.Offline;
using BhxhPlatform.Portal.ServiceClients;

namespace BhxhPlatform.Portal.Tests.Offline;

/// <summary>How the portal turns Outreach's all-or-nothing batch answers into each entry's state.</summary>
public sealed class OfflineSyncTests
{
    private static readonly LogActivityRequest Activity = new(
        Guid.NewGuid(), "2.04", "2.1", CommunicationForm.Report, null, DateTimeOffset.Parse("2026-12-01T08:00:00+07:00", System.Globalization.CultureInfo.InvariantCulture),
        DateTimeOffset.Parse("2026-12-01T09:00:00+07:00", System.Globalization.CultureInfo.InvariantCulture), 10, "Tuyên truyền", [], [], [], null, null, null);

    private static FieldError Error(string field, string vi = "Thời gian bắt đầu không được ở tương lai.") => new(field, "in-future", vi, "The start cannot be in the future.");

    private static ServiceResult<LoggedActivities> Refused(params FieldError[] errors) =>
        new(null, new ServiceProblem(400, null, "Dữ liệu không hợp lệ", null, "validation", errors));

    [Fact]
    public void A_problem_is_split_by_entry_with_the_paths_of_the_entry_itself()
    {
        var problem = new ServiceProblem(400, null, null, null, "validation",
            [Error("activities[2].startedAt"), Error("activities[2].conference.attendance"), Error("activities[0]"), Error("activities[9].summary"), Error("activities")]);

        var named = OfflineSync.EntriesNamed(problem, count: 3)!;

        named.Keys.Order().ShouldBe([0, 2]);
        named[2].Select(e => e.Field).ShouldBe(["startedAt", "conference.attendance"]);
        named[2][0].Vi.ShouldBe("Thời gian bắt đầu không được ở tương lai.");
        named[0].Single().Field.ShouldBe("activity");
    }

    [Fact]
    public void A_problem_that_names_no_entry_blames_none()
    {
        OfflineSync.EntriesNamed(new ServiceProblem(400, null, null, null, "validation", [Error("activities")]), 3).ShouldBeNull();
        OfflineSync.EntriesNamed(new ServiceProblem(400, null, null, null, null, []), 3).ShouldBeNull();
    }

    [Fact]
    public async Task The_refused_entries_are_taken_out_and_the_others_sent_again_until_Outreach_stores_them()
    {
        var entries = Enumerable.Range(0, 5).Select(_ => new OfflineEntry(Guid.NewGuid(), Activity)).ToList();
        var sends = new List<IReadOnlyList<Guid>>();
        var stored = new List<Guid>();

        var answer = await OfflineSync.SyncAsync(entries, batch =>
        {
            sends.Add(batch.Select(e => e.CommandId).ToList());
            return Task.FromResult(sends.Count switch
            {
                // The first send: entries 1 and 3 refused (nothing stored, all or nothing).
                1 => Refused(Error("activities[1].startedAt"), Error("activities[3].planLineCode", "Kế hoạch đã duyệt của đơn vị không có dòng này.")),
                // The second send (0, 2, 4): entry 4, now at place 2, refused.
                2 => Refused(Error("activities[2].communeId", "Xã, phường này không thuộc đơn vị vào ngày 2026-12-01.")),
                _ => new ServiceResult<LoggedActivities>(new LoggedActivities([.. batch.Select(_ => Guid.NewGuid()).Select(id => { stored.Add(id); return id; })]), null),
            });
        });

        sends.Count.ShouldBe(3);
        sends[1].ShouldBe([entries[0].CommandId, entries[2].CommandId, entries[4].CommandId]);
        sends[2].ShouldBe([entries[0].CommandId, entries[2].CommandId]);
        answer.ShouldNotBeNull();
        answer.Entries.Select(e => e.CommandId).ShouldBe(entries.Select(e => e.CommandId), "one result per entry, in the order sent");
        answer.Entries.Select(e => e.State).ShouldBe(["sent", "refused", "sent", "refused", "refused"]);
        answer.Entries[0].ActivityId.ShouldBe(stored[0]);
        answer.Entries[2].ActivityId.ShouldBe(stored[1]);
        answer.Entries[1].Problems.Single().Field.ShouldBe("startedAt");
        answer.Entries[3].Problems.Single().Vi.ShouldBe("Kế hoạch đã duyệt của đơn vị không có dòng này.");
        answer.Entries[4].Problems.Single().Field.ShouldBe("communeId");
        answer.Entries[4].Problems.Single().Vi.ShouldBe("Xã, phường này không thuộc đơn vị vào ngày 2026-12-01.");
    }

    [Fact]
    public async Task Every_entry_refused_sends_nothing_more()
    {
        var entries = Enumerable.Range(0, 2).Select(_ => new OfflineEntry(Guid.NewGuid(), Activity)).ToList();
        var sends = 0;

        var answer = await OfflineSync.SyncAsync(entries, _ =>
        {
            sends++;
            return Task.FromResult(Refused(Error("activities[0].summary"), Error("activities[1].summary")));
        });

        sends.ShouldBe(1);
        answer!.Entries.ShouldAllBe(e => e.State == "refused");
    }

    [Fact]
    public async Task A_refusal_that_names_no_entry_leaves_them_all_waiting()
    {
        var entries = new[] { new OfflineEntry(Guid.NewGuid(), Activity) };

        (await OfflineSync.SyncAsync(entries, _ => Task.FromResult(Refused(Error("activities"))))).ShouldBeNull();
    }
}
