namespace BhxhPlatform.Portal.Components.Pages.Employers;

/// <summary>The texts of the employer disclosures' pages, in EmployersText.resx and EmployersText.en.resx.</summary>
public sealed class EmployersText;
