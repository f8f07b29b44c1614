namespace BhxhPlatform.Portal.Components.Pages.Activities;

public sealed class ActivitiesText;
