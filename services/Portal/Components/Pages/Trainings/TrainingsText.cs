namespace BhxhPlatform.Portal.Components.Pages.Trainings;

/// <summary>The texts of the trainings' pages, in TrainingsText.resx and TrainingsText.en.resx.</summary>
public sealed class TrainingsText;
