namespace BhxhPlatform.Portal.Components.Pages.Worklists;

/// <summary>The texts of the working lists, in WorklistsText.resx and WorklistsText.en.resx.</summary>
public sealed class WorklistsText;
