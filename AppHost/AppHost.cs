using BhxhPlatform.AppHost;
using BhxhPlatform.Contracts;

var builder = DistributedApplication.CreateBuilder(args);

var database = await builder.AddPlatformDatabaseAsync();
var demoDataSecret = builder.AddDemoDataSecret();
var (identity, portalSecret) = builder.AddIdentityService(database, demoDataSecret);

// One key signs every service's audit checkpoints; it lives in configuration, never in PostgreSQL.
var auditKey = builder.AddSecret("audit-signing-key", SecretKind.EcSigningKey);
var planning = builder.AddService<Projects.Planning>(ServiceNames.Planning, database, identity).WithAuditCheckpoints(auditKey);
var outreach = builder.AddService<Projects.Outreach>(ServiceNames.Outreach, database, identity).WithAuditCheckpoints(auditKey);
var partners = builder.AddService<Projects.Partners>(ServiceNames.Partners, database, identity).WithAuditCheckpoints(auditKey);

// Outreach and Partners seal people's personal data under one master key (see ServiceDefaults/PersonalData).
var personalDataKey = builder.AddSecret("personal-data-key", SecretKind.Key256);
var previousKeys = string.IsNullOrWhiteSpace(builder.Configuration["Parameters:personal-data-previous-keys"])
    ? null
    : builder.AddParameter("personal-data-previous-keys", secret: true);
foreach (var sealer in new[] { outreach, partners })
{
    sealer.WithEnvironment("PersonalData__MasterKey", personalDataKey);
    if (previousKeys is not null)
    {
        // Set only while a rotation of the personal-data key is under way (see services/Outreach/README.md).
        sealer.WithEnvironment("PersonalData__PreviousKeys", previousKeys);
    }
}

identity.WithApiPagesOf(planning, outreach, partners);

// PostgreSQL queues carry the integration messages unless Messaging:Transport is rabbitmq (see PlatformMessaging).
var broker = await builder.AddPlatformMessagingAsync();
foreach (var service in new[] { identity, planning, outreach, partners })
{
    service.WithMessaging(broker);
}

builder.AddPortal(identity, portalSecret, planning, outreach, partners, identity);
builder.AddDemoDataLoader(demoDataSecret, identity, planning, outreach, partners);

await builder.Build().RunAsync();
