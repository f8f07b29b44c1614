using BhxhPlatform.TestSupport;

namespace BhxhPlatform.Partners.Tests.PersonalData;

public sealed class StartUpTests
{
    [Fact]
    public async Task The_service_does_not_start_without_the_personal_data_master_key()
    {
        var (exitCode, output) = await StartWithoutMasterKey.RunAsync("BhxhPlatform.Partners.dll");

        exitCode.ShouldNotBe(0);
        output.ShouldContain("PersonalData:MasterKey is not configured");
    }
}
