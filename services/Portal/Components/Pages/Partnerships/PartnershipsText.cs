namespace BhxhPlatform.Portal.Components.Pages.Partnerships;

/// <summary>The texts of the partners and agreements pages, in PartnershipsText.resx and PartnershipsText.en.resx.</summary>
public sealed class PartnershipsText;
