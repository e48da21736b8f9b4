using System.Collections.Concurrent;
using System.Globalization;
using InternalSocial.Feed.Models;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Feed.Caching;

public readonly record struct StreamKey(StreamKind Kind, string Value);
