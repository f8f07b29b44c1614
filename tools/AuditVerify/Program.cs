using BhxhPlatform.AuditVerify;

// dotnet run --project tools/AuditVerify -- --export <unit>-events.ndjson --checkpoints <folder> --public-key <key.pem>
return await Verification.RunAsync(args, Console.Out);
