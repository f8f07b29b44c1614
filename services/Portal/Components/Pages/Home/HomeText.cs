namespace BhxhPlatform.Portal.Components.Pages.Home;

public sealed class HomeText;
