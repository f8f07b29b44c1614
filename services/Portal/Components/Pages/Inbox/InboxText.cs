namespace BhxhPlatform.Portal.Components.Pages.Inbox;

/// <summary>The texts of the inbox page, in InboxText.resx and InboxText.en.resx.</summary>
public sealed class InboxText;
