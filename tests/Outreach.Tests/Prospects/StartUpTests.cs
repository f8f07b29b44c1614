using BhxhPlatform.TestSupport;

namespace BhxhPlatform.Outreach.Tests.Prospects;

public sealed class StartUpTests
{
    [Fact]
    public async Task The_service_does_not_start_without_the_personal_data_master_key()
    {
        var (exitCode, output) = await StartWithoutMasterKey.RunAsync("BhxhPlatform.Outreach.dll");

        exitCode.ShouldNotBe(0);
        output.ShouldContain("PersonalData:MasterKey is not configured");
    }
}
