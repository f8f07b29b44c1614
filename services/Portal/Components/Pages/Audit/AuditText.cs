namespace BhxhPlatform.Portal.Components.Pages.Audit;

/// <summary>The texts of the auditor's pages, in AuditText.resx and AuditText.en.resx.</summary>
public sealed class AuditText;
