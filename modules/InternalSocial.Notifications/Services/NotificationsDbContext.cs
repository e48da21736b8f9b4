using InternalSocial.Notifications.Models;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Notifications.Services;

internal sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options)
{
    public DbSet<Notification> Items => Set<Notification>();

    public DbSet<NotificationPreference> Preferences => Set<NotificationPreference>();

    public DbSet<FanOut> FanOuts => Set<FanOut>();

    public DbSet<DigestSchedule> DigestSchedules => Set<DigestSchedule>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Notification>().ToTable("Notifications_Items");
        modelBuilder.Entity<NotificationPreference>().ToTable("Notifications_Preferences").HasKey(p => new { p.UserId, p.Kind });
        modelBuilder.Entity<FanOut>().ToTable("Notifications_FanOuts");
        modelBuilder.Entity<DigestSchedule>().ToTable("Notifications_DigestSchedules").HasKey(s => s.UserId);
    }
}
