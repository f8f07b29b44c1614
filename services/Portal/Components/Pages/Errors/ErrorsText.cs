namespace BhxhPlatform.Portal.Components.Pages.Errors;

public sealed class ErrorsText;
