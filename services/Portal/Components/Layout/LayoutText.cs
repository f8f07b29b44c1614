namespace BhxhPlatform.Portal.Components.Layout;

/// <summary>The texts of the layout and the navigation (LayoutText.resx in Vietnamese, LayoutText.en.resx in English).</summary>
public sealed class LayoutText;
