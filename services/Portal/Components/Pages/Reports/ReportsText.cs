namespace BhxhPlatform.Portal.Components.Pages.Reports;

/// <summary>The texts of the results report page, in ReportsText.resx and ReportsText.en.resx.</summary>
public sealed class ReportsText;
