using System.Net.Sockets;
using System.Text.Json;
using BhxhPlatform.ServiceDefaults;
using Npgsql;

namespace BhxhPlatform.Fault.Tests;

/// <summary>Which handler failures are retried (the database was away) and which go to the dead letters at once.</summary>
public sealed class TransientFailurePoliciesTests
{
    [Fact]
    public void A_lost_connection_is_transient_also_when_wrapped()
    {
        TransientFailurePolicies.IsTransient(new NpgsqlException("Exception while reading from stream", new EndOfStreamException())).ShouldBeTrue();
        TransientFailurePolicies.IsTransient(new InvalidOperationException("wrapped", new SocketException((int)SocketError.ConnectionRefused))).ShouldBeTrue();
        TransientFailurePolicies.IsTransient(new TimeoutException()).ShouldBeTrue();
    }

    [Fact]
    public void Lost_document_writes_are_retried_also_when_marten_reports_several_at_once()
    {
        var exists = new JasperFx.DocumentAlreadyExistsException(typeof(object), Guid.NewGuid());
        var stale = new JasperFx.ConcurrencyException(typeof(object), Guid.NewGuid());

        TransientFailurePolicies.IsConcurrentDocumentWrite(exists).ShouldBeTrue();
        TransientFailurePolicies.IsConcurrentDocumentWrite(stale).ShouldBeTrue();
        TransientFailurePolicies.IsConcurrentDocumentWrite(new AggregateException(exists, stale)).ShouldBeTrue();
        TransientFailurePolicies.IsConcurrentDocumentWrite(new AggregateException(exists, new InvalidOperationException("a bug"))).ShouldBeFalse();
        TransientFailurePolicies.IsConcurrentDocumentWrite(new AggregateException()).ShouldBeFalse();
        TransientFailurePolicies.IsConcurrentDocumentWrite(new InvalidOperationException("a bug")).ShouldBeFalse();
    }

    [Fact]
    public void A_message_that_cannot_be_read_or_a_bug_is_not_transient()
    {
        TransientFailurePolicies.IsTransient(new JsonException("bad body")).ShouldBeFalse();
        TransientFailurePolicies.IsTransient(new InvalidOperationException("a bug")).ShouldBeFalse();
        TransientFailurePolicies.IsTransient(new ArgumentException("bad value")).ShouldBeFalse();
    }
}
