namespace BhxhPlatform.Portal.Components.Pages.Plan;

public sealed class PlanText;
