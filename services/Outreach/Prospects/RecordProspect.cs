using BhxhPlatform.ServiceDefaults.PersonalData;
using BhxhPlatform.Outreach.Activities;
using BhxhPlatform.Outreach.Common;
using BhxhPlatform.ServiceDefaults.Commands;
using BhxhPlatform.ServiceDefaults.Problems;
using BhxhPlatform.ServiceDefaults.Security;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BhxhPlatform.Outreach.Prospects;

/// <summary>
/// Record a person met who is not insured, with their consent and how to reach them, and (optionally) the day to
/// contact them again (<see cref="NextContactOn"/>, by the one who records them).
/// </summary>
public sealed record RecordProspect(
    string FullName,
    bool ConsentGiven,
    ConsentMethod? ConsentMethod,
    DateTimeOffset ConsentRecordedAt,
    TargetScheme? TargetScheme,
    string? Address = null,
    string? Phone = null,
    string? Zalo = null,
    string? Email = null,
    string? CitizenId = null,
    Guid? ActivityId = null,
    string? CommuneId = null,
    DateOnly? NextContactOn = null,
    Guid? CommandId = null)
{
    /// <summary>The personal data as it is sealed: trimmed, phones normalised, the e-mail in lower case, blanks as null.</summary>
    public (string FullName, ContactDetails Contact, string? CitizenId) PersonalData()
    {
        static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        return (
            FullName.Trim(),
            new ContactDetails(
                Clean(Address),
                Phone is null ? null : Clean(Formats.NormalisePhone(Phone)),
                Zalo is null ? null : Clean(Formats.NormalisePhone(Zalo)),
                Clean(Email)?.ToLowerInvariant()),
            Clean(CitizenId));
    }

    public string? Commune() => string.IsNullOrWhiteSpace(CommuneId) ? null : CommuneId.Trim();
}

/// <summary>
/// A prospect named by a command id (the body's <c>commandId</c> or the <c>X-Command-Id</c> header, see
/// <see cref="CommandIds"/>): the id it gets and what an earlier send of the same command stored under it, opened
/// with the person's key so that a resend can be compared with it. A resend of the same prospect is answered as the
/// first send was and appends nothing; the same command id with another prospect is refused field by field.
/// </summary>
public sealed record ProspectCommand(
    Guid? Id, ProspectRecorded? StoredBefore, ProspectFollowUpScheduled? FollowUpBefore, PersonKey? Key, bool HeaderAndBodyDiffer)
{
    public const string Kind = "prospect";

    public static async Task<ProspectCommand> LoadAsync(RecordProspect command, string unit, HttpContext http, IQuerySession session, CancellationToken cancellation)
    {
        var commandId = CommandIds.Of(http, command.CommandId, out var differ);
        if (commandId is not { } named)
        {
            return new ProspectCommand(null, null, null, null, differ);
        }

        var id = CommandIds.StreamId(unit, Kind, named);
        var first = await session.Events.FetchStreamAsync(id, version: 2, token: cancellation);
        if (first.Count == 0 || first[0].Data is not ProspectRecorded recorded)
        {
            return new ProspectCommand(id, null, null, null, differ);
        }

        return new ProspectCommand(
            id, recorded, first.Count > 1 ? first[1].Data as ProspectFollowUpScheduled : null, await session.LoadAsync<PersonKey>(id, cancellation), differ);
    }

    /// <summary>
    /// What differs between the first send and <paramref name="command"/>, one error per field (no values, only
    /// the fields' names); empty when it is the same prospect. Its personal data is opened to compare and never shown.
    /// </summary>
    public IReadOnlyList<FieldError> Differences(RecordProspect command, PersonalDataProtector protector)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(protector);
        if (StoredBefore is not { } stored)
        {
            return [];
        }

        if (Key?.WrappedKey is null)
        {
            return [new FieldError("commandId", "command-id-erased",
                "Người được ghi bằng mã lệnh này đã bị xóa dữ liệu cá nhân; không ghi lại lần nữa.",
                "The person this command id recorded has since been erased; nothing is recorded again.")];
        }

        var (fullName, contact, citizenId) = command.PersonalData();
        var fields = new List<(string Field, string Vi, string En, bool Same)>
        {
            ("fullName", "Họ và tên", "full name", protector.Open(Key, stored.FullName, "full-name") == fullName),
            ("address", "Địa chỉ", "address", protector.Open(Key, stored.Contact.Address, "address") == contact.Address),
            ("phone", "Điện thoại", "phone", protector.Open(Key, stored.Contact.Phone, "phone") == contact.Phone),
            ("zalo", "Zalo", "Zalo", protector.Open(Key, stored.Contact.Zalo, "zalo") == contact.Zalo),
            ("email", "Email", "e-mail", protector.Open(Key, stored.Contact.Email, "email") == contact.Email),
            ("citizenId", "Số căn cước", "citizen id", protector.Open(Key, stored.CitizenId, "citizen-id") == citizenId),
            ("targetScheme", "Loại hình vận động", "target scheme", stored.Scheme == command.TargetScheme),
            ("activityId", "Hoạt động", "activity", stored.ActivityId == command.ActivityId),
            ("communeId", "Xã, phường", "commune", stored.CommuneId == command.Commune()),
            ("consentMethod", "Hình thức đồng ý", "consent method", stored.ConsentMethod == command.ConsentMethod),
            ("consentRecordedAt", "Thời điểm đồng ý", "time of consent", stored.ConsentRecordedAt == command.ConsentRecordedAt),
            ("nextContactOn", "Ngày liên hệ lại", "next contact day", FollowUpBefore?.NextContactOn == command.NextContactOn),
        };
        var differ = fields.Where(f => !f.Same).ToList();
        if (differ.Count == 0)
        {
            return [];
        }

        return
        [
            new FieldError("commandId", "command-id-reused",
                "Mã lệnh này đã được dùng để ghi một người khác. Dùng mã lệnh mới cho người mới.",
                "This command id already recorded another prospect. Use a new command id for a new one."),
            .. differ.Select(f => new FieldError(f.Field, "differs-from-first-send",
                $"{f.Vi} khác với lần gửi đầu tiên của mã lệnh này.", $"The {f.En} differs from the first send of this command id.")),
        ];
    }
}

public static class RecordProspectEndpoint
{
    public static Check Fields(RecordProspect command, DateTimeOffset now)
    {
        var check = new Check()
            .Text("fullName", command.FullName, "Họ và tên", "Full name", maxLength: 200)
            .That(command.ConsentGiven, "consentGiven", "consent-required",
                "Chỉ ghi nhận khi người dân đồng ý cho liên hệ lại.", "A prospect is recorded only with their consent to be contacted.")
            .That(command.ConsentMethod is not null, "consentMethod", "required", "Hình thức đồng ý không được để trống.", "The consent method is required.")
            .That(command.ConsentRecordedAt != default, "consentRecordedAt", "required", "Thời điểm đồng ý không được để trống.", "The time of consent is required.")
            .That(command.ConsentRecordedAt <= now.AddMinutes(5), "consentRecordedAt", "in-future",
                "Thời điểm đồng ý không được ở tương lai.", "The time of consent cannot be in the future.")
            .That(command.TargetScheme is not null, "targetScheme", "required", "Loại hình vận động không được để trống.", "The target scheme is required.")
            .Text("address", command.Address, "Địa chỉ", "Address", maxLength: 500, required: false)
            .Text("communeId", command.CommuneId, "Xã, phường", "Commune", maxLength: 100, required: false)
            .That(!string.IsNullOrWhiteSpace(command.Address) || !string.IsNullOrWhiteSpace(command.Phone)
                    || !string.IsNullOrWhiteSpace(command.Zalo) || !string.IsNullOrWhiteSpace(command.Email),
                "phone", "no-contact", "Cần ít nhất một cách liên hệ: địa chỉ, điện thoại, Zalo hoặc email.",
                "At least one way to reach the person is needed: address, phone, Zalo or email.")
            .That(command.ActivityId != Guid.Empty, "activityId", "required", "Mã hoạt động không hợp lệ.", "The activity id is not valid.")
            .FollowUp(command.NextContactOn, null, Formats.LocalDay(now));

        if (!string.IsNullOrWhiteSpace(command.Phone))
        {
            check.That(Formats.IsVietnamesePhone(command.Phone), "phone", "not-a-phone",
                "Số điện thoại phải có dạng 0xxxxxxxxx (10 chữ số) hoặc +84xxxxxxxxx.", "The phone must be 0xxxxxxxxx (10 digits) or +84xxxxxxxxx.");
        }

        if (!string.IsNullOrWhiteSpace(command.Zalo))
        {
            check.That(Formats.IsVietnamesePhone(command.Zalo), "zalo", "not-a-phone",
                "Zalo phải là số điện thoại dạng 0xxxxxxxxx hoặc +84xxxxxxxxx.", "Zalo must be a phone number, 0xxxxxxxxx or +84xxxxxxxxx.");
        }

        if (!string.IsNullOrWhiteSpace(command.Email))
        {
            check.Text("email", command.Email, "Email", "Email", maxLength: 254)
                .That(Formats.IsEmail(command.Email.Trim()), "email", "not-an-email", "Email không đúng định dạng.", "The email is not valid.");
        }

        if (!string.IsNullOrWhiteSpace(command.CitizenId))
        {
            check.That(Formats.IsCitizenId(command.CitizenId.Trim()), "citizenId", "not-a-citizen-id",
                "Số căn cước công dân gồm đúng 12 chữ số.", "A citizen id has exactly 12 digits.");
        }

        return check;
    }

    /// <summary>
    /// The commune must belong to the unit on the day the consent was recorded (Vietnam's day), by the tree Planning
    /// announced; with no tree announced there is nothing to check it against, as before.
    /// </summary>
    public static Check CommuneOnTheDay(this Check check, RecordProspect command, string unit, KnownUnitTree? tree)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(command);
        if (tree is null || string.IsNullOrWhiteSpace(command.CommuneId) || command.ConsentRecordedAt == default)
        {
            return check;
        }

        var day = Formats.LocalDay(command.ConsentRecordedAt);
        return check.That(tree.CommuneBelongsTo(command.CommuneId.Trim(), unit, day), "communeId", "not-in-unit",
            $"Xã, phường này không thuộc đơn vị vào ngày {day:yyyy-MM-dd}.", $"This commune is not one of the unit's on {day:yyyy-MM-dd}.");
    }

    public static Task<ProspectCommand> LoadAsync(RecordProspect command, string unit, HttpContext http, IQuerySession session, CancellationToken cancellation) =>
        ProspectCommand.LoadAsync(command, unit, http, session, cancellation);

    public static async Task<ProblemDetails> ValidateAsync(
        RecordProspect command, ProspectCommand named, string unit, IQuerySession session, OrganisationDirectory directory, TimeProvider clock,
        PersonalDataProtector protector, CancellationToken cancellation)
    {
        if (named.HeaderAndBodyDiffer)
        {
            return ProblemResults.Validation([CommandIds.HeaderAndBodyDiffer("commandId")]);
        }

        // A resend is answered as the first send was (even if the contact claims or the tree changed since); the same
        // command id cannot record another person.
        if (named.StoredBefore is not null)
        {
            var differences = named.Differences(command, protector);
            return differences.Count == 0 ? WolverineContinue.NoProblems : ProblemResults.Validation(differences);
        }

        var check = Fields(command, clock.GetUtcNow());
        if (check.IsValid && command.ActivityId is { } activityId)
        {
            check.That(await session.LoadAsync<Activity>(activityId, cancellation) is not null, "activityId", "unknown-activity",
                "Không tìm thấy hoạt động này trong đơn vị.", "There is no such activity in this unit.");
        }

        if (check.IsValid)
        {
            check.CommuneOnTheDay(command, unit, await KnownUnitTree.OfUnitAsync(session, directory, unit, cancellation));
        }

        if (!check.IsValid)
        {
            return check.ToProblem();
        }

        foreach (var claim in await ProspectContactKey.ClaimsOfAsync(session, protector, unit, command.Phone, command.CitizenId, cancellation))
        {
            if (claim.Holder is { } existing)
            {
                return ProspectContactKey.Duplicate(unit, existing);
            }
        }

        return WolverineContinue.NoProblems;
    }

    [WolverinePost("/api/units/{unit}/prospects")]
    [Tags("Prospects")]
    public static async Task<CreationResponse<Guid>> Post(
        RecordProspect command, ProspectCommand named, string unit, IDocumentSession session, PersonalDataProtector protector, TimeProvider clock,
        HttpContext context, CancellationToken cancellation)
    {
        var id = named.Id ?? Guid.CreateVersion7();
        var response = new CreationResponse<Guid>($"/api/units/{unit}/prospects/{id}", id);
        if (named.StoredBefore is not null)
        {
            return response;
        }

        var (clearName, contact, clearCitizenId) = command.PersonalData();

        // The claims are inserted in the same transaction as the stream: see ProspectContactKey.
        // A claim found held here was taken since ValidateAsync looked: starting its stream collides, and that is the 409.
        foreach (var claim in await ProspectContactKey.ClaimsOfAsync(session, protector, unit, command.Phone, command.CitizenId, cancellation))
        {
            session.Events.StartStream<ProspectContactKey>(claim.Id, new ProspectContactClaimed(claim.Id, id));
        }

        // Personal data is sealed with a new key of the person's own before the event exists, so
        // the stored event (and its audit hash) only ever holds ciphertext.
        var personKey = protector.NewPersonKey(id, clock.GetUtcNow());
        session.Store(personKey);
        var (fullName, sealedContact, citizenId) = ProspectPersonalData.Seal(protector, personKey, clearName, contact, clearCitizenId);
        List<object> events =
        [
            new ProspectRecorded(
                id,
                fullName,
                sealedContact,
                citizenId,
                command.TargetScheme!.Value,
                command.ActivityId,
                command.Commune(),
                command.ConsentMethod!.Value,
                command.ConsentRecordedAt),
        ];
        if (command.NextContactOn is { } next)
        {
            events.Add(new ProspectFollowUpScheduled(id, next, context.User.FindFirst(PlatformClaims.UserName)?.Value ?? ""));
        }

        session.Events.StartStream<Prospect>(id, [.. events]);

        return response;
    }
}
