namespace BhxhPlatform.Portal.Components.Shared;

/// <summary>The texts of the shared pieces (problem display, paging, yes/no), in SharedText.resx and SharedText.en.resx.</summary>
public sealed class SharedText;
