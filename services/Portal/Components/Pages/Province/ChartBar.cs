namespace BhxhPlatform.Portal.Components.Pages.Province;

/// <summary>One item of a <see cref="BarChart"/>: the service's expected-by-now and logged figures.</summary>
public sealed record ChartBar(string Key, string Label, int Expected, int Logged);
