using System.Collections.Concurrent;
using System.Globalization;
using InternalSocial.Feed.Models;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Feed.Caching;

/// <summary>A post's place in a stream: enough to merge streams, nothing a reader sees.</summary>
public readonly record struct StreamPost(long Id, DateTime PublishedUtc);
