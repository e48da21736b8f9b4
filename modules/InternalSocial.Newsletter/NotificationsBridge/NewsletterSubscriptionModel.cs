
namespace InternalSocial.Newsletter.NotificationsBridge;

public sealed record NewsletterSubscriptionModel(bool Subscribed, string ReturnUrl);
