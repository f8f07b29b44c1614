namespace BhxhPlatform.Portal.Components.Pages.Commendations;

/// <summary>The texts of the commendations' pages, in CommendationsText.resx and CommendationsText.en.resx.</summary>
public sealed class CommendationsText;
