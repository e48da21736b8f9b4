
namespace InternalSocial.Newsletter.Endpoints;

internal sealed record NewsletterSubscriptionInput(bool? Subscribed);
