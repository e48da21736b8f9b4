using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Kernel.Data;

/// <summary>Typed access to the documents table of the tenant's database.</summary>
public sealed class DocumentStore(KernelDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public async Task<T?> GetAsync<T>(string id, CancellationToken cancellationToken)
        where T : class
    {
        var record = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        return record is null ? null : JsonSerializer.Deserialize<T>(record.Content, JsonOptions);
    }

    public async Task SaveAsync<T>(string id, T value, CancellationToken cancellationToken)
        where T : class
    {
        var content = JsonSerializer.Serialize(value, JsonOptions);
        var record = await db.Documents.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (record is null)
        {
            db.Documents.Add(new DocumentRecord { Id = id, Content = content, Version = 1, UpdatedUtc = clock.GetUtcNow().UtcDateTime });
        }
        else if (record.Content == content)
        {
            // The same document again changes nothing: no new version, so a recipe run twice leaves no trace.
            return;
        }
        else
        {
            record.Content = content;
            record.Version++;
            record.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
