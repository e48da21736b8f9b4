using InternalSocial.Email.Models;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Email.Services;

internal sealed class EmailDbContext(DbContextOptions<EmailDbContext> options) : DbContext(options)
{
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<OutboxMessage>().ToTable("Email_Outbox");
}
