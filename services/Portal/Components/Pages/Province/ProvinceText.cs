namespace BhxhPlatform.Portal.Components.Pages.Province;

public sealed class ProvinceText;
