namespace BhxhPlatform.Portal.Components.Pages.Prospects;

public sealed class ProspectsText;
