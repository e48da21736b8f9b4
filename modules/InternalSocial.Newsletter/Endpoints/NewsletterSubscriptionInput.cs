
namespace InternalSocial.Newsletter.Endpoints;

public sealed record NewsletterSubscriptionInput(bool? Subscribed);
