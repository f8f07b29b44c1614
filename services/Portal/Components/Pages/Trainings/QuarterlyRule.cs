namespace BhxhPlatform.Portal.Components.Pages.Trainings;

/// <summary>The bounds of the plan's rule as Partners states it (QuarterlyTrainingRule): one to three trainings per association and quarter.</summary>
public static class QuarterlyRule
{
    public const int Minimum = 1;
    public const int Maximum = 3;
}
