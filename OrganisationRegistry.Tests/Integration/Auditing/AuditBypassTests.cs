using System.Text.RegularExpressions;

namespace OrganisationRegistry.Tests.Integration.Auditing;

/// <summary>
/// <c>ExecuteUpdate</c> and <c>ExecuteDelete</c> write without SaveChanges, so without the audit trail. The app uses
/// them only on tables that are not audited: the counters (<c>Sequences</c>), the API's idempotency records and the KBO mirror tables (replaced by every import); this
/// test reads the app's source so that a new use elsewhere fails here with the reason, instead of silently escaping
/// the trail.
/// </summary>
public sealed partial class AuditBypassTests
{
    // The files that may use them, each only on the table it names (both not audited: AuditChange.IsAudited).
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["OrganisationRegistry.Domain/Organisations/OvoCodeIssuer.cs"] = ["Sequences"],
        ["OrganisationRegistry.Domain/Auditing/AuditChain.cs"] = ["Counter(db)"],
        ["OrganisationRegistry.Domain/Seeding/DatabaseReset.cs"] = ["Sequences"],
        ["OrganisationRegistry.Admin/Api/IdempotencyFilter.cs"] = ["IdempotencyRecords"],
        ["OrganisationRegistry.Domain/Kbo/KboMirrorWriter.cs"] = ["KboEnterprises", "KboDenominations", "KboAddresses", "KboCodes"],
    };

    [Fact]
    public void TheApp_UsesExecuteUpdateAndExecuteDelete_OnlyOnTheCounters()
    {
        var root = RepositoryRoot();
        var uses = new List<string>();
        foreach (var project in new[] { "OrganisationRegistry.Domain", "OrganisationRegistry.Admin" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, project), "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/Migrations/", StringComparison.Ordinal))
                {
                    continue;
                }

                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    if (!BulkWrite().IsMatch(lines[i]) || lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal) || lines[i].TrimStart().StartsWith("///", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    // The statement names its table on this line or the two before it.
                    var statement = string.Join(" ", lines[Math.Max(0, i - 2)..(i + 1)]);
                    if (!Allowed.TryGetValue(relative, out var tables) || !tables.Any(table => statement.Contains(table, StringComparison.Ordinal)))
                    {
                        uses.Add($"{relative}:{i + 1}: {lines[i].Trim()}");
                    }
                }
            }
        }

        Assert.True(
            uses.Count == 0,
            "ExecuteUpdate/ExecuteDelete bypass SaveChanges and so the audit trail; change audited rows through the change tracker instead:\n" + string.Join("\n", uses));
    }

    [Fact]
    public void TheCheck_FindsTheUsesItAllows()
    {
        var root = RepositoryRoot();
        Assert.All(Allowed.Keys, file => Assert.Matches(BulkWrite(), File.ReadAllText(Path.Combine(root, file))));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OrganisationRegistry.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No OrganisationRegistry.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"\bExecute(Update|Delete)(Async)?\s*\(")]
    private static partial Regex BulkWrite();
}
