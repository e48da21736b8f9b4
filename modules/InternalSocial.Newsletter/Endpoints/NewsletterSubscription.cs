
namespace InternalSocial.Newsletter.Endpoints;

/// <summary>Whether the signed-in person receives the newsletter.</summary>
internal sealed record NewsletterSubscription(bool Subscribed);
