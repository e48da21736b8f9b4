
namespace InternalSocial.Newsletter.NotificationsBridge;

internal sealed record NewsletterSubscriptionModel(bool Subscribed, string ReturnUrl);
