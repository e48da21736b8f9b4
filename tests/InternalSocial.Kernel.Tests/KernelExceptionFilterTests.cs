using InternalSocial.Kernel.Mvc;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.Kernel.Tests;

public sealed class KernelExceptionFilterTests
{
    private sealed class MemoryTempDataProvider : ITempDataProvider
    {
        public IDictionary<string, object> LoadTempData(HttpContext context) => new Dictionary<string, object>();

        public void SaveTempData(HttpContext context, IDictionary<string, object> values)
        {
        }
    }

    private static readonly Permission Manage = new("Test.Manage", "Manage tests");

    private static (KernelExceptionFilter Filter, ExceptionContext Context, ITempDataDictionaryFactory TempData) Throwing(
        Exception exception, RedirectOnErrorAttribute? redirect = null, RouteValueDictionary? routeValues = null)
    {
        var action = new ActionDescriptor { EndpointMetadata = redirect is null ? [] : [redirect] };
        var routeData = new RouteData(routeValues ?? []);
        var actionContext = new ActionContext(new DefaultHttpContext(), routeData, action);
        var tempData = new TempDataDictionaryFactory(new MemoryTempDataProvider());
        return (new KernelExceptionFilter(tempData), new ExceptionContext(actionContext, []) { Exception = exception }, tempData);
    }

    public static TheoryData<Exception, int> StatusCases => new()
    {
        { new NotFoundException("No such post."), StatusCodes.Status404NotFound },
        { new InvalidInputException("title", "A title is required."), StatusCodes.Status400BadRequest },
        { new ConflictException("Already decided."), StatusCodes.Status409Conflict },
        { new PermissionDeniedException(Manage), StatusCodes.Status403Forbidden },
    };

    [Theory]
    [MemberData(nameof(StatusCases))]
    public void A_kernel_exception_becomes_its_status_page(Exception exception, int status)
    {
        var (filter, context, _) = Throwing(exception);
        filter.OnException(context);
        Assert.True(context.ExceptionHandled);
        Assert.Equal(status, Assert.IsAssignableFrom<IStatusCodeActionResult>(context.Result).StatusCode);
    }

    [Fact]
    public void Any_other_exception_is_left_to_the_error_handler()
    {
        var (filter, context, _) = Throwing(new InvalidOperationException("bug"));
        filter.OnException(context);
        Assert.False(context.ExceptionHandled);
        Assert.Null(context.Result);
    }

    [Fact]
    public void A_marked_action_goes_back_with_every_field_problem_as_the_error()
    {
        var invalid = new InvalidInputException(new Dictionary<string, string> { ["title"] = "A title is required.", ["body"] = "Too long." });
        var (filter, context, tempData) = Throwing(
            invalid, new RedirectOnErrorAttribute("~/posts/{id}", typeof(InvalidInputException)), new RouteValueDictionary { ["id"] = 12L });
        filter.OnException(context);
        Assert.Equal("~/posts/12", Assert.IsType<RedirectResult>(context.Result).Url);
        Assert.Equal("A title is required. Too long.", tempData.GetTempData(context.HttpContext)["Error"]);
    }

    [Fact]
    public void A_marked_action_shows_a_conflict_or_refusal_by_its_message()
    {
        var (filter, context, tempData) = Throwing(
            new PermissionDeniedException(Manage, "Only its owner may do that."),
            new RedirectOnErrorAttribute("~/groups", typeof(ConflictException), typeof(PermissionDeniedException)));
        filter.OnException(context);
        Assert.Equal("~/groups", Assert.IsType<RedirectResult>(context.Result).Url);
        Assert.Equal("Only its owner may do that.", tempData.GetTempData(context.HttpContext)["Error"]);
    }

    [Fact]
    public void A_marked_action_keeps_the_status_page_for_exceptions_it_does_not_list()
    {
        var (filter, context, _) = Throwing(new NotFoundException("No such post."), new RedirectOnErrorAttribute("~/posts/{id}", typeof(InvalidInputException)));
        filter.OnException(context);
        Assert.IsType<NotFoundResult>(context.Result);
    }

    [Fact]
    public void Route_values_in_the_address_are_escaped_and_a_missing_one_is_empty()
    {
        Assert.Equal("~/tags/a%20b/x/", KernelExceptionFilter.Expand("~/tags/{tag}/x/{missing}", new RouteValueDictionary { ["tag"] = "a b" }));
    }
}
