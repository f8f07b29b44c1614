namespace BhxhPlatform.ServiceDefaults.Audit;

/// <summary>The first place a stream's chain is broken, if it is.</summary>
public sealed record BrokenLink(Guid StreamId, long Version, long? Sequence, string Problem, string Detail);

/// <summary>The outcome of checking the chains of one stream or of all streams of a tenant.</summary>
public sealed record ChainReport(string TenantId, int Streams, long Events, bool Intact, IReadOnlyList<BrokenLink> Broken)
{
    /// <summary>Anchors of the unit's running chain that no longer match the events (empty when all hold).</summary>
    public IReadOnlyList<BrokenAnchor> BrokenAnchors { get; init; } = [];

    /// <summary>How many anchors were checked.</summary>
    public int AnchorsChecked { get; init; }

    /// <summary>How many signed checkpoints (kept outside the database) were checked.</summary>
    public int CheckpointsChecked { get; init; }

    /// <summary>The number of the latest checkpoint whose signature holds: what the history is checked against.</summary>
    public long? AgainstCheckpoint { get; init; }

    /// <summary>What the events contradict in the signed checkpoints (empty when every one holds).</summary>
    public IReadOnlyList<Checkpoints.AuditFinding> CheckpointFindings { get; init; } = [];
}

/// <summary>An anchor whose recorded head the events no longer reproduce.</summary>
public sealed record BrokenAnchor(long LastSequence, long RecordedEvents, long CountedEvents, string RecordedHead, string RecomputedHead);

/// <summary>
/// Recomputes every hash from the stored facts and walks each stream's chain: a changed fact,
/// a missing or inserted row, or a stream whose events end before its recorded version is reported.
/// </summary>
public sealed class ChainVerifier(EventLog log, Marten.IDocumentStore store, Checkpoints.ICheckpointStore checkpoints, Checkpoints.AuditCheckpointSettings settings)
{
    /// <summary>Computes the unit's running chain now and records it as an anchor.</summary>
    public async Task<AuditAnchor> AnchorAsync(string tenantId, string recordedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var head = HashChain.Genesis;
        long events = 0, last = 0;
        await foreach (var e in log.ReadAsync(new EventQuery(tenantId), cancellationToken))
        {
            head = HashChain.NextTenantHead(head, e.Hash);
            events++;
            last = e.Sequence;
        }

        var anchor = new AuditAnchor(last.ToString(System.Globalization.CultureInfo.InvariantCulture), last, events, head, now, recordedBy);
        await using var session = store.LightweightSession(tenantId);
        session.Store(anchor);
        await session.SaveChangesAsync(cancellationToken);
        return anchor;
    }

    public async Task<ChainReport> VerifyAsync(string tenantId, Guid? streamId, CancellationToken cancellationToken)
    {
        var report = await VerifyStreamsAsync(tenantId, streamId, cancellationToken);
        if (streamId is not null)
        {
            return report;
        }

        report = await CheckCheckpointsAsync(report, tenantId, cancellationToken);
        await using var session = store.QuerySession(tenantId);
        var anchors = (await Marten.QueryableExtensions.ToListAsync(
            session.Query<AuditAnchor>().OrderBy(a => a.LastSequence), cancellationToken)).ToList();
        if (anchors.Count == 0)
        {
            return report;
        }

        var broken = new List<BrokenAnchor>();
        var head = HashChain.Genesis;
        long counted = 0;
        var next = 0;
        await foreach (var e in log.ReadAsync(new EventQuery(tenantId), cancellationToken))
        {
            while (next < anchors.Count && e.Sequence > anchors[next].LastSequence)
            {
                Check(anchors[next++], head, counted, broken);
            }

            head = HashChain.NextTenantHead(head, e.Hash);
            counted++;
        }

        while (next < anchors.Count)
        {
            Check(anchors[next++], head, counted, broken);
        }

        return report with { Intact = report.Intact && broken.Count == 0, BrokenAnchors = broken, AnchorsChecked = anchors.Count };
    }

    /// <summary>The unit's events against every signed checkpoint of this service's unit, with the configured key.</summary>
    private async Task<ChainReport> CheckCheckpointsAsync(ChainReport report, string tenantId, CancellationToken cancellationToken)
    {
        if (settings.Signer is not { } signer)
        {
            return report;
        }

        var signed = await checkpoints.ListAsync(settings.Service, tenantId, cancellationToken);
        if (signed.Count == 0)
        {
            return report;
        }

        using var key = signer.ExportPublic();
        var check = new Checkpoints.CheckpointCheck(tenantId, signed, key);
        await foreach (var e in log.ReadAsync(new EventQuery(tenantId), cancellationToken))
        {
            check.Add(e.ToChained());
        }

        var findings = check.Finish();
        return report with
        {
            Intact = report.Intact && findings.Count == 0,
            CheckpointsChecked = check.Checked,
            AgainstCheckpoint = check.LastTrusted?.Number,
            CheckpointFindings = findings,
        };
    }

    private static void Check(AuditAnchor anchor, string head, long counted, List<BrokenAnchor> broken)
    {
        if (anchor.TenantChainHead != head)
        {
            broken.Add(new BrokenAnchor(anchor.LastSequence, anchor.Events, counted, anchor.TenantChainHead, head));
        }
    }

    private async Task<ChainReport> VerifyStreamsAsync(string tenantId, Guid? streamId, CancellationToken cancellationToken)
    {
        var streams = await log.StreamsAsync(tenantId, streamId, cancellationToken);
        var broken = new Dictionary<Guid, BrokenLink>();
        var seen = new Dictionary<Guid, long>();
        long events = 0;

        // Rows arrive ordered by sequence; the chain of each stream is followed as its events come.
        var previousHash = new Dictionary<Guid, string>();
        await foreach (var e in log.ReadAsync(new EventQuery(tenantId, streamId), cancellationToken))
        {
            events++;
            if (broken.ContainsKey(e.StreamId))
            {
                continue;
            }

            var expectedVersion = seen.GetValueOrDefault(e.StreamId) + 1;
            var previous = previousHash.GetValueOrDefault(e.StreamId, HashChain.Genesis);
            seen[e.StreamId] = e.Version;
            var problem = Check(e, expectedVersion, previous);
            if (problem is not null)
            {
                broken[e.StreamId] = problem;
                continue;
            }

            previousHash[e.StreamId] = e.Hash!;
        }

        foreach (var (id, (version, _)) in streams)
        {
            var last = seen.GetValueOrDefault(id);
            if (!broken.ContainsKey(id) && last != version)
            {
                broken[id] = new BrokenLink(id, last + 1, null, "missing-events",
                    $"The stream records version {version} but its events end at version {last}.");
            }
        }

        return new ChainReport(tenantId, streams.Count, events, broken.Count == 0, [.. broken.Values.OrderBy(b => b.StreamId)]);
    }

    private static BrokenLink? Check(AuditEvent e, long expectedVersion, string previous)
    {
        if (e.Version != expectedVersion)
        {
            return new BrokenLink(e.StreamId, expectedVersion, e.Sequence, "missing-event",
                $"Version {expectedVersion} is missing; the next stored event is version {e.Version}.");
        }

        if (e.Hash is null || e.PreviousHash is null)
        {
            return new BrokenLink(e.StreamId, e.Version, e.Sequence, "missing-hash", "The event carries no hash.");
        }

        if (e.PreviousHash != previous)
        {
            return new BrokenLink(e.StreamId, e.Version, e.Sequence, "previous-mismatch",
                "The event does not chain to the stored hash of the event before it.");
        }

        var recomputed = e.ComputeHash(previous);
        return recomputed == e.Hash
            ? null
            : new BrokenLink(e.StreamId, e.Version, e.Sequence, "hash-mismatch",
                "The stored facts of the event no longer match its hash: it was altered after it was appended.");
    }
}
