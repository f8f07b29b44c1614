namespace BhxhPlatform.Audit.Tests;

public sealed record LedgerOpened(Guid LedgerId, string Name);

public sealed record AmountRecorded(Guid LedgerId, decimal Amount, string Note);

/// <summary>A small aggregate whose history the audit tests replay.</summary>
public sealed record Ledger(Guid Id, string Name, decimal Total, int Entries)
{
    public static Ledger Create(LedgerOpened opened) => new(opened.LedgerId, opened.Name, 0m, 0);

    public Ledger Apply(AmountRecorded recorded) => this with { Total = Total + recorded.Amount, Entries = Entries + 1 };
}

/// <summary>A correction with a reason and a sealed personal value, as the timeline shows them.</summary>
public sealed record LedgerHolderChanged(Guid LedgerId, string Reason, string Holder);
