namespace BhxhPlatform.Portal.Components.Pages.Collaborators;

/// <summary>The texts of the collaborators' pages, in CollaboratorsText.resx and CollaboratorsText.en.resx.</summary>
public sealed class CollaboratorsText;
