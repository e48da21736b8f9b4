using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InternalSocial.Workflows.Controllers;

public sealed record GroupOption(long Id, string Name, int Count);
