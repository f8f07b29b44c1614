using BhxhPlatform.Portal.Components.Pages.Activities;
using BhxhPlatform.Portal.Components.Pages.Partnerships;
using BhxhPlatform.Portal.Components.Pages.Plan;

namespace BhxhPlatform.Portal.Tests.Partnerships;

/// <summary>
/// Blazor's form binding sets a list the form posted no entry of to null (a unit without an approved plan has no plan
/// lines to tick): the inputs keep such a list empty, so the page that shows the form again with its problems renders.
/// </summary>
public sealed class FormListBindingTests
{
    [Fact]
    public void A_list_set_to_null_by_the_binding_stays_an_empty_list()
    {
        var agreement = new AgreementInput { Parties = null!, Lines = null!, Forms = null! };
        var activity = new ActivityInput { Partners = null!, Materials = null! };
        var targets = new TargetsInput { Lines = null!, Enrolments = null! };

        (agreement.Parties.Count, agreement.Lines.Count, agreement.Forms.Count).ShouldBe((0, 0, 0));
        (activity.Partners.Count, activity.Materials.Count).ShouldBe((0, 0));
        (targets.Lines.Count, targets.Enrolments.Count).ShouldBe((0, 0));
    }
}
