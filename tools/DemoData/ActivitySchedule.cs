using BhxhPlatform.Contracts;

namespace BhxhPlatform.DemoData;

/// <summary>A line of a district's approved plan, as an activity needs it.</summary>
public sealed record DemoPlanLine(string Code, string AudienceCode, CommunicationForm Form, bool FlexibleHours);

public sealed record MaterialHandedOut(string Kind, int Count);

public sealed record ConferenceDetails(int Attendance, bool VideoClipShown, bool GovernmentRepresentativeInvited, bool BeneficiaryTestified, bool? EthnicLanguageSpeaker);

public sealed record PostDetails(string Platform, string Link, long Reach, long Interactions, long Shares);

public sealed record CampaignDetails(string Channel, int ContactsAttempted, int ContactsReached);

/// <summary>An activity to log, in the shape of Outreach's <c>LogActivity</c>.</summary>
public sealed record ActivityToLog(
    Guid DistrictPlanId,
    string PlanLineCode,
    string AudienceCode,
    CommunicationForm Form,
    string? CommuneId,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    int PeopleReached,
    string Summary,
    IReadOnlyList<string>? TeamMembers = null,
    IReadOnlyList<Guid>? PartnerIds = null,
    IReadOnlyList<MaterialHandedOut>? Materials = null,
    ConferenceDetails? Conference = null,
    PostDetails? Post = null,
    CampaignDetails? Campaign = null);

/// <summary>A commune of the unit, as Planning's organisation map has it.</summary>
public sealed record DemoCommune(string Id, string Name);

/// <summary>
/// Three months of a unit's activities on every line of its plan (so every form of communication),
/// ending before now: deterministic for a unit and a day (a <see cref="Random"/> seeded by the unit),
/// with each form's details as Outreach asks for them. Pure.
/// </summary>
public static class ActivitySchedule
{
    public static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>The window the demo activities fall in: the three months before now, within the plan's year (Vietnam time).</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Window(DateTimeOffset now)
    {
        var local = now.ToOffset(Vietnam);
        var threeMonthsAgo = new DateTimeOffset(local.Date, Vietnam).AddMonths(-3);
        var newYear = new DateTimeOffset(local.Year, 1, 1, 0, 0, 0, Vietnam);
        return (threeMonthsAgo < newYear ? newYear : threeMonthsAgo, local.AddHours(-1));
    }

    /// <summary>How many activities a line gets in the three months, by its form.</summary>
    public static int CountFor(CommunicationForm form) => form switch
    {
        CommunicationForm.DirectContact => 3,
        CommunicationForm.MassMedia or CommunicationForm.SmsPhone => 2,
        _ => 1,
    };

    public static IReadOnlyList<ActivityToLog> For(
        string unit, string unitName, Guid planId, IReadOnlyList<DemoPlanLine> lines, IReadOnlyList<DemoCommune> communes,
        IReadOnlyList<Guid> partnerIds, string officer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(communes);
        ArgumentNullException.ThrowIfNull(partnerIds);
        if (communes.Count == 0)
        {
            throw new ArgumentException("A unit has communes.", nameof(communes));
        }

        var random = new Random(DemoNames.Seed(unit, "activities"));
        var (from, to) = Window(now);
        var days = Math.Max(1, (int)(to.Date - from.Date).TotalDays);
        var activities = new List<ActivityToLog>();
        foreach (var line in lines.OrderBy(l => l.Code, StringComparer.Ordinal))
        {
            for (var n = 0; n < CountFor(line.Form); n++)
            {
                var commune = DemoNames.Pick(random, communes);
                var duration = Duration(line.Form, random);
                var start = Start(from, days, line.FlexibleHours, random);
                while (start + duration > to)
                {
                    start = start.AddDays(-1);
                }

                activities.Add(Activity(unit, unitName, planId, line, commune, start, duration, partnerIds, officer, random));
            }
        }

        return [.. activities.OrderBy(a => a.StartedAt).ThenBy(a => a.PlanLineCode, StringComparer.Ordinal)];
    }

    private static DateTimeOffset Start(DateTimeOffset from, int days, bool flexibleHours, Random random)
    {
        var day = from.AddDays(random.Next(days));
        var outside = flexibleHours && random.Next(4) == 0;
        if (!outside)
        {
            // Office days: a weekend moves to the Friday before.
            day = day.DayOfWeek switch
            {
                DayOfWeek.Saturday => day.AddDays(-1),
                DayOfWeek.Sunday => day.AddDays(-2),
                _ => day,
            };
        }

        var hour = outside ? 18 + random.Next(2) : 7 + random.Next(7);
        return day.AddHours(hour).AddMinutes(30 * random.Next(2));
    }

    private static TimeSpan Duration(CommunicationForm form, Random random) => form switch
    {
        CommunicationForm.MassMedia => TimeSpan.FromMinutes(30),
        CommunicationForm.SmsPhone => TimeSpan.FromHours(1 + random.Next(2)),
        CommunicationForm.Conference or CommunicationForm.Training => TimeSpan.FromHours(2 + random.Next(2)),
        _ => TimeSpan.FromHours(1 + random.Next(2)),
    };

    private static ActivityToLog Activity(
        string unit, string unitName, Guid planId, DemoPlanLine line, DemoCommune commune, DateTimeOffset start, TimeSpan duration,
        IReadOnlyList<Guid> partnerIds, string officer, Random random)
    {
        var place = commune.Name;
        var month = start.Month;
        var activity = new ActivityToLog(planId, line.Code, line.AudienceCode, line.Form, commune.Id, start, start + duration, 0, "");
        return line.Form switch
        {
            CommunicationForm.Report => activity with
            {
                CommuneId = null, PeopleReached = 0,
                Summary = $"Báo cáo kết quả công tác truyền thông tháng {month} của BHXH {unitName}",
            },
            CommunicationForm.InformationProvision => activity with
            {
                CommuneId = null, PeopleReached = 5 + random.Next(10),
                Summary = "Cung cấp thông tin chính sách BHXH, BHYT cho cơ quan báo chí, đài truyền thanh",
            },
            CommunicationForm.Conference => activity with
            {
                PeopleReached = 40 + random.Next(80),
                Summary = $"Hội nghị tuyên truyền chính sách BHXH tự nguyện, BHYT hộ gia đình tại {place}",
                PartnerIds = partnerIds.Count > 0 ? [partnerIds[0]] : null,
                Conference = new ConferenceDetails(40 + random.Next(80), true, true, random.Next(3) > 0,
                    line.AudienceCode == "3.9" ? true : null),
            },
            CommunicationForm.InspectionIntegration => activity with
            {
                PeopleReached = 10 + random.Next(30),
                Summary = $"Lồng ghép tuyên truyền trong đợt kiểm tra đơn vị sử dụng lao động tại {place}",
            },
            CommunicationForm.MassMedia => activity with
            {
                CommuneId = null, PeopleReached = 0,
                Summary = $"Bài viết về quyền lợi BHXH tự nguyện trên trang của BHXH {unitName}",
                Post = Post(unit, random),
            },
            CommunicationForm.DirectContact => activity with
            {
                PeopleReached = 8 + random.Next(25),
                Summary = $"Tổ tư vấn trực tiếp đến từng hộ gia đình tại {place}",
                TeamMembers = [officer, .. Enumerable.Range(0, 1 + random.Next(3)).Select(_ => DemoNames.Person(random))],
                Materials = [new MaterialHandedOut("Tờ gấp BHXH tự nguyện", 20 + random.Next(50))],
            },
            CommunicationForm.VisualPropaganda => activity with
            {
                PeopleReached = 0,
                Summary = $"Treo băng rôn, pano tuyên truyền BHXH, BHYT tại {place}",
                Materials = [new MaterialHandedOut("Băng rôn", 2 + random.Next(5))],
            },
            CommunicationForm.MeetingIntegration => activity with
            {
                PeopleReached = 20 + random.Next(60),
                Summary = $"Lồng ghép tuyên truyền trong cuộc họp tổ dân phố, khu phố tại {place}",
                PartnerIds = partnerIds.Count > 1 ? [partnerIds[1]] : null,
            },
            CommunicationForm.CharityCustomerCare => activity with
            {
                PeopleReached = 10 + random.Next(20),
                Summary = $"Trao tặng sổ BHXH, thẻ BHYT cho người có hoàn cảnh khó khăn tại {place}",
                Materials = [new MaterialHandedOut("Thẻ BHYT tặng", 5 + random.Next(15))],
            },
            CommunicationForm.SmsPhone => activity with
            {
                CommuneId = null,
                Summary = "Nhắn tin, gọi điện nhắc người tham gia BHXH tự nguyện sắp đến hạn đóng",
                Campaign = Campaign(random, out var reached),
                PeopleReached = reached,
            },
            CommunicationForm.Poster => activity with
            {
                PeopleReached = 0,
                Summary = $"Dán áp phích tuyên truyền tại nhà văn hoá, nơi sinh hoạt cộng đồng ở {place}",
                Materials = [new MaterialHandedOut("Áp phích", 10 + random.Next(20))],
            },
            CommunicationForm.SchoolProducts => activity with
            {
                PeopleReached = 100 + random.Next(300),
                Summary = $"Phát sổ tay BHYT học sinh, sinh viên tại trường học ở {place}",
                Materials = [new MaterialHandedOut("Sổ tay BHYT học sinh", 100 + random.Next(300))],
            },
            CommunicationForm.Commendation => activity with
            {
                PeopleReached = 30 + random.Next(40),
                Summary = "Khen thưởng tập thể, cá nhân có thành tích phát triển người tham gia BHXH, BHYT",
            },
            CommunicationForm.Training => activity with
            {
                PeopleReached = 15 + random.Next(20),
                Summary = "Tập huấn nghiệp vụ cho nhân viên thu, cộng tác viên của tổ chức dịch vụ thu",
            },
            CommunicationForm.CommunicationProducts => activity with
            {
                PeopleReached = 0,
                Summary = "Phát hành tờ gấp, video clip tuyên truyền BHXH tự nguyện",
                Materials = [new MaterialHandedOut("Tờ gấp", 200 + random.Next(300))],
            },
            _ => activity with { PeopleReached = 10, Summary = $"Hoạt động truyền thông tại {place}" },
        };
    }

    private static PostDetails Post(string unit, Random random)
    {
        var platform = DemoNames.Pick(random, ["Facebook", "Zalo", "Website", "YouTube"]);
        var number = 100_000 + random.Next(900_000);
        var link = platform switch
        {
            "Facebook" => $"https://www.facebook.com/bhxh.{unit}/posts/{number}",
            "Zalo" => $"https://zalo.me/bhxh{unit.Replace("-", "", StringComparison.Ordinal)}/{number}",
            "YouTube" => $"https://www.youtube.com/watch?v=bhxh{number}",
            _ => $"https://dongnai.baohiemxahoi.gov.vn/tin-tuc/{unit}-{number}",
        };
        var reach = 500 + random.Next(5000);
        return new PostDetails(platform, link, reach, reach / 10, reach / 50);
    }

    private static CampaignDetails Campaign(Random random, out int reached)
    {
        var attempted = 100 + random.Next(400);
        reached = attempted * (60 + random.Next(30)) / 100;
        return new CampaignDetails(random.Next(2) == 0 ? "Sms" : "Call", attempted, reached);
    }
}
