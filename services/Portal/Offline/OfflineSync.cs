using System.Globalization;
using System.Text.RegularExpressions;
using BhxhPlatform.Portal.ServiceClients;

namespace BhxhPlatform.Portal.Offline;

/// <summary>One activity entered on the device: its command id (a UUID the device made) and the activity as Outreach takes it.</summary>
public sealed record OfflineEntry(Guid CommandId, LogActivityRequest? Activity);

/// <summary>What the device sends: its waiting entries, at most <see cref="OfflineSync.MaxEntries"/>.</summary>
public sealed record OfflineSyncRequest(IReadOnlyList<OfflineEntry>? Entries);

/// <summary>The fate of one entry: <c>sent</c> (with the activity's id) or <c>refused</c> (with the service's reasons, field by field).</summary>
public sealed record OfflineEntryResult(Guid CommandId, string State, Guid? ActivityId, string? Title, IReadOnlyList<FieldError> Problems)
{
    public const string Sent = "sent";
    public const string Refused = "refused";
}

public sealed record OfflineSyncResponse(IReadOnlyList<OfflineEntryResult> Entries);

/// <summary>
/// The sync of the device's waiting entries through Outreach's batch endpoint, which stores all or
/// nothing. A refusal names its fields <c>activities[i].…</c>: entry i is marked refused with those
/// reasons, and the others are sent again without it, until a send is stored or nothing is left. Each
/// activity carries its own command id, so a batch sent again after a lost answer stores nothing more.
/// </summary>
public static partial class OfflineSync
{
    /// <summary>Outreach's limit per batch (<c>LogActivityBatch.MaxActivities</c>).</summary>
    public const int MaxEntries = 200;

    /// <summary>The entries a problem names, each with its own field errors (paths without the <c>activities[i].</c> prefix); null when the problem names none (nothing to blame on an entry).</summary>
    public static IReadOnlyDictionary<int, List<FieldError>>? EntriesNamed(ServiceProblem problem, int count)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var named = new Dictionary<int, List<FieldError>>();
        foreach (var error in problem.FieldErrors)
        {
            var match = EntryField().Match(error.Field);
            if (!match.Success || !int.TryParse(match.Groups["index"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= count)
            {
                continue;
            }

            var field = match.Groups["field"].Value;
            if (!named.TryGetValue(index, out var errors))
            {
                named[index] = errors = [];
            }

            errors.Add(error with { Field = field.Length == 0 ? "activity" : field });
        }

        return named.Count == 0 ? null : named;
    }

    /// <summary>
    /// Sends <paramref name="entries"/> with <paramref name="send"/> (one batch call), taking out the entries a
    /// refusal names and sending the rest again. Null when the service refused the batch without naming an
    /// entry (the device keeps them all waiting); a service that is down throws.
    /// </summary>
    public static async Task<OfflineSyncResponse?> SyncAsync(
        IReadOnlyList<OfflineEntry> entries,
        Func<IReadOnlyList<OfflineEntry>, Task<ServiceResult<LoggedActivities>>> send)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(send);
        var results = new Dictionary<Guid, OfflineEntryResult>();
        var left = entries.ToList();
        while (left.Count > 0)
        {
            var answer = await send(left);
            if (answer.Succeeded)
            {
                var ids = answer.Value?.Ids ?? [];
                for (var i = 0; i < left.Count; i++)
                {
                    results[left[i].CommandId] = new OfflineEntryResult(left[i].CommandId, OfflineEntryResult.Sent, i < ids.Count ? ids[i] : null, null, []);
                }

                break;
            }

            var problem = answer.Problem!;
            if (EntriesNamed(problem, left.Count) is not { } named)
            {
                return null;
            }

            foreach (var (index, errors) in named)
            {
                var entry = left[index];
                results[entry.CommandId] = new OfflineEntryResult(entry.CommandId, OfflineEntryResult.Refused, null, problem.Title, errors);
            }

            left = left.Where((_, i) => !named.ContainsKey(i)).ToList();
        }

        return new OfflineSyncResponse(entries.Select(e => results[e.CommandId]).ToList());
    }

    [GeneratedRegex(@"^activities\[(?<index>\d+)\]\.?(?<field>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex EntryField();
}
