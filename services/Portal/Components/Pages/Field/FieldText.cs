namespace BhxhPlatform.Portal.Components.Pages.Field;

public sealed class FieldText;
