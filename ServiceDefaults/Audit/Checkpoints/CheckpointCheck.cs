using System.Globalization;
using System.Security.Cryptography;

namespace BhxhPlatform.ServiceDefaults.Audit.Checkpoints;

// Pure code shared with tools/AuditVerify (linked source): no database, no framework.

/// <summary>One event as a verifier reads it, from the database or from an export.</summary>
public sealed record ChainedEvent(long Sequence, int Format, string? Hash, string? PreviousHash, HashChain.FactsV2 Facts);

/// <summary>Something a verification found wrong; <paramref name="Checkpoint"/> names the signed checkpoint it contradicts.</summary>
public sealed record AuditFinding(string Problem, Guid? StreamId, long? Version, long? Checkpoint, string Detail);

/// <summary>
/// Follows every stream's hash chain as the events come (in sequence order): each event must be the
/// next version of its stream, link to the hash before it and hash, recomputed from its facts, to the
/// stored hash. This holds against a careless edit, not against someone who recomputes every hash;
/// <see cref="CheckpointCheck"/> is what holds against that.
/// </summary>
public sealed class StreamChains
{
    private readonly Dictionary<Guid, (long Version, string Hash)> _last = [];
    private readonly HashSet<Guid> _broken = [];
    private readonly List<AuditFinding> _findings = [];

    public long Events { get; private set; }

    public int Streams => _last.Count + _broken.Count(b => !_last.ContainsKey(b));

    public IReadOnlyList<AuditFinding> Findings => _findings;

    public void Add(ChainedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        Events++;
        var stream = e.Facts.StreamId;
        if (_broken.Contains(stream))
        {
            return;
        }

        var (version, previous) = _last.TryGetValue(stream, out var last) ? last : (0L, HashChain.Genesis);
        var problem =
            e.Facts.Version != version + 1 ? ("missing-event", $"Version {version + 1} is missing; the next event is version {e.Facts.Version}.") :
            e.Hash is null || e.PreviousHash is null ? ("missing-hash", "The event carries no hash.") :
            e.PreviousHash != previous ? ("previous-mismatch", "The event does not chain to the hash of the event before it.") :
            HashChain.ComputeInFormat(e.Format, previous, e.Facts) != e.Hash ? ("hash-mismatch", "The facts of the event no longer match its hash.") :
            ((string, string)?)null;
        if (problem is { } p)
        {
            _broken.Add(stream);
            _findings.Add(new AuditFinding(p.Item1, stream, e.Facts.Version, null, p.Item2));
            return;
        }

        _last[stream] = (e.Facts.Version, e.Hash!);
    }
}

/// <summary>
/// Checks events against signed checkpoints: each checkpoint's signature, Merkle root and link to the
/// one before; then, as the events come in sequence order, the unit's running chain at each
/// checkpoint's highest sequence, and every stream head it names. An event rewritten or back-dated
/// (even with every hash recomputed), inserted or re-numbered before a checkpoint, a stream's tail cut or
/// a whole stream deleted: each contradicts a signed checkpoint.
/// </summary>
public sealed class CheckpointCheck
{
    /// <summary>How much earlier than a checkpoint an event after it may be dated (it was stamped before its write waited).</summary>
    public static readonly TimeSpan DatingTolerance = TimeSpan.FromMinutes(1);

    private readonly List<AuditFinding> _findings = [];
    private readonly List<AuditCheckpoint> _trusted = [];
    private readonly Dictionary<(Guid, long), (string? Hash, long Sequence)> _atHeads = [];
    private readonly HashSet<(Guid, long)> _wanted = [];
    private readonly Dictionary<Guid, long> _lastVersion = [];
    private string _unitHead = HashChain.Genesis;
    private long _counted;
    private int _next;

    public CheckpointCheck(string tenantId, IEnumerable<SignedCheckpoint> checkpoints, AsymmetricAlgorithm publicKey)
    {
        ArgumentNullException.ThrowIfNull(checkpoints);
        var all = checkpoints.OrderBy(c => c.Checkpoint.Number).ToList();

        // Checkpoints are numbered from 1 without gaps and never removed: a number missing from the store
        // is evidence taken away (a later checkpoint still speaks for the whole history, but its link to the
        // one before cannot be checked).
        var expected = 1L;
        foreach (var number in all.Select(c => c.Checkpoint.Number).Distinct())
        {
            if (number > expected)
            {
                _findings.Add(new AuditFinding("checkpoint-missing", null, null, expected, number == expected + 1
                    ? $"Checkpoint {expected} is missing: the store holds checkpoint {number}."
                    : $"Checkpoints {expected} to {number - 1} are missing: the store holds checkpoint {number}."));
            }

            expected = number + 1;
        }

        AuditCheckpoint? before = null;
        foreach (var signed in all)
        {
            var c = signed.Checkpoint;
            Checked++;
            if (!CheckpointFormat.SignatureHolds(signed, publicKey))
            {
                _findings.Add(new AuditFinding("signature-invalid", null, null, c.Number,
                    $"Checkpoint {c.Number} is not signed by the published key {CheckpointFormat.KeyId(publicKey)}: it is not trusted."));
                continue;
            }

            if (c.TenantId != tenantId)
            {
                _findings.Add(new AuditFinding("other-unit", null, null, c.Number, $"Checkpoint {c.Number} is of unit {c.TenantId}, not {tenantId}."));
                continue;
            }

            if (CheckpointFormat.MerkleRoot(c.Streams) != c.MerkleRoot)
            {
                _findings.Add(new AuditFinding("merkle-mismatch", null, null, c.Number, $"The stream heads of checkpoint {c.Number} do not give its Merkle root."));
                continue;
            }

            if (before is null ? c.Number == 1 && c.Previous is not null :
                c.Number == before.Number + 1 && (c.Previous != CheckpointFormat.Hash(before) || c.HighestSequence < before.HighestSequence || c.Events < before.Events))
            {
                _findings.Add(new AuditFinding("checkpoint-chain-broken", null, null, c.Number,
                    $"Checkpoint {c.Number} does not name checkpoint {c.Number - 1} as the one before it, or covers less than it."));
            }

            before = c;
            _trusted.Add(c);
            foreach (var head in c.Streams)
            {
                _wanted.Add((head.StreamId, head.Version));
            }
        }

        _trusted.Sort((a, b) => a.HighestSequence.CompareTo(b.HighestSequence));
        LastTrusted = _trusted.Count == 0 ? null : _trusted.MaxBy(c => c.Number);
    }

    /// <summary>How many checkpoints were given.</summary>
    public int Checked { get; private set; }

    /// <summary>The latest checkpoint whose signature holds: the one the verification is against.</summary>
    public AuditCheckpoint? LastTrusted { get; }

    public void Add(ChainedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        while (_next < _trusted.Count && e.Sequence > _trusted[_next].HighestSequence)
        {
            CloseUnitChain(_trusted[_next++]);
        }

        if (LastTrusted is { } last && e.Sequence > last.HighestSequence &&
            e.Facts.Timestamp < last.CreatedAt - DatingTolerance)
        {
            _findings.Add(new AuditFinding("dated-before-checkpoint", e.Facts.StreamId, e.Facts.Version, last.Number,
                $"The event comes after checkpoint {last.Number} ({last.CreatedAt:O}) but is dated {e.Facts.Timestamp:O}: it was back-dated or inserted."));
        }

        _unitHead = HashChain.NextUnitHead(_unitHead, e.Sequence, e.Hash);
        _counted++;
        var key = (e.Facts.StreamId, e.Facts.Version);
        if (_wanted.Contains(key))
        {
            _atHeads[key] = (e.Hash, e.Sequence);
        }

        _lastVersion[e.Facts.StreamId] = Math.Max(_lastVersion.GetValueOrDefault(e.Facts.StreamId), e.Facts.Version);
    }

    /// <summary>Everything found, once every event was added.</summary>
    public IReadOnlyList<AuditFinding> Finish()
    {
        while (_next < _trusted.Count)
        {
            CloseUnitChain(_trusted[_next++]);
        }

        foreach (var c in _trusted)
        {
            foreach (var head in c.Streams)
            {
                if (_atHeads.TryGetValue((head.StreamId, head.Version), out var found))
                {
                    if (found.Hash != head.Hash)
                    {
                        _findings.Add(new AuditFinding("head-mismatch", head.StreamId, head.Version, c.Number,
                            $"Checkpoint {c.Number} signed another hash for version {head.Version} of this stream: an event up to it was rewritten, back-dated or inserted."));
                    }
                    else if (found.Sequence != head.Sequence)
                    {
                        _findings.Add(new AuditFinding("sequence-mismatch", head.StreamId, head.Version, c.Number,
                            $"Checkpoint {c.Number} signed sequence {head.Sequence} for this event; it now has {found.Sequence}."));
                    }
                }
                else if (!_lastVersion.TryGetValue(head.StreamId, out var lastVersion))
                {
                    _findings.Add(new AuditFinding("stream-deleted", head.StreamId, head.Version, c.Number,
                        $"Checkpoint {c.Number} signed this stream at version {head.Version}; none of its events is left."));
                }
                else
                {
                    _findings.Add(new AuditFinding("tail-cut", head.StreamId, head.Version, c.Number,
                        $"Checkpoint {c.Number} signed this stream at version {head.Version}; its events now end at version {lastVersion.ToString(CultureInfo.InvariantCulture)}."));
                }
            }
        }

        return [.. _findings.DistinctBy(f => (f.Problem, f.StreamId, f.Checkpoint))];
    }

    private void CloseUnitChain(AuditCheckpoint c)
    {
        if (c.UnitChainHead != _unitHead || c.Events != _counted)
        {
            _findings.Add(new AuditFinding("unit-chain-mismatch", null, null, c.Number,
                $"Up to sequence {c.HighestSequence} checkpoint {c.Number} signed {c.Events} events and chain head {c.UnitChainHead}; " +
                $"the events now give {_counted} and {_unitHead}: events before it were inserted, deleted, re-numbered or changed."));
        }
    }
}
