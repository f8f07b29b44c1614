using System.Text.Json;

namespace BhxhPlatform.ServiceDefaults.Audit.Checkpoints;

/// <summary>
/// Where signed checkpoints are kept, outside the service's database: appended to, never changed.
/// The default is a folder (<see cref="FolderCheckpointStore"/>); an object store with retention lock
/// or a second organisation's service implements the same three calls.
/// </summary>
public interface ICheckpointStore
{
    /// <summary>Adds a checkpoint; refuses one whose number the unit already has.</summary>
    Task AppendAsync(SignedCheckpoint checkpoint, CancellationToken cancellationToken);

    /// <summary>The checkpoints of a service's unit, by number.</summary>
    Task<IReadOnlyList<SignedCheckpoint>> ListAsync(string service, string tenantId, CancellationToken cancellationToken);

    /// <summary>The units of a service that have checkpoints.</summary>
    Task<IReadOnlyList<string>> TenantsAsync(string service, CancellationToken cancellationToken);
}

/// <summary>
/// One file per checkpoint, <c>{root}/{service}/{unit}/{number:D12}.json</c>, written to a temporary name
/// and moved into place without overwriting, then made read-only: an existing checkpoint is never
/// replaced. Put the folder on storage the database's administrators cannot write (another host's
/// share, a WORM volume), and copy it off-site: that is what makes it evidence.
/// </summary>
public sealed class FolderCheckpointStore(string root) : ICheckpointStore
{
    public string Root { get; } = Path.GetFullPath(root);

    public async Task AppendAsync(SignedCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var folder = Folder(checkpoint.Checkpoint.Service, checkpoint.Checkpoint.TenantId);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName(checkpoint.Checkpoint.Number));
        var temporary = Path.Combine(folder, $".{Guid.NewGuid():N}.tmp");
        await File.WriteAllBytesAsync(temporary, JsonSerializer.SerializeToUtf8Bytes(checkpoint, CheckpointFormat.Json), cancellationToken);
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException)
        {
            File.Delete(temporary);
            throw new InvalidOperationException($"Checkpoint {checkpoint.Checkpoint.Number} of {checkpoint.Checkpoint.Service}/{checkpoint.Checkpoint.TenantId} already exists: checkpoints are never replaced.");
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
    }

    public async Task<IReadOnlyList<SignedCheckpoint>> ListAsync(string service, string tenantId, CancellationToken cancellationToken)
    {
        var folder = Folder(service, tenantId);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var list = new List<SignedCheckpoint>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            await using var stream = File.OpenRead(file);
            if (await JsonSerializer.DeserializeAsync<SignedCheckpoint>(stream, CheckpointFormat.Json, cancellationToken) is { } checkpoint)
            {
                list.Add(checkpoint);
            }
        }

        return [.. list.OrderBy(c => c.Checkpoint.Number)];
    }

    public Task<IReadOnlyList<string>> TenantsAsync(string service, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Root, Safe(service));
        IReadOnlyList<string> tenants = Directory.Exists(folder)
            ? [.. Directory.EnumerateDirectories(folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)]
            : [];
        return Task.FromResult(tenants);
    }

    public static string FileName(long number) => number.ToString("D12", System.Globalization.CultureInfo.InvariantCulture) + ".json";

    private string Folder(string service, string tenantId) => Path.Combine(Root, Safe(service), Safe(tenantId));

    /// <summary>Unit and service names are slugs; anything else could climb out of the folder.</summary>
    private static string Safe(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') && name[0] != '-'
            ? name
            : throw new ArgumentException($"'{name}' cannot name a checkpoint folder.", nameof(name));
}
