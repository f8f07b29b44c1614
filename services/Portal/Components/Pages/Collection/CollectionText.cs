namespace BhxhPlatform.Portal.Components.Pages.Collection;

public sealed class CollectionText;
