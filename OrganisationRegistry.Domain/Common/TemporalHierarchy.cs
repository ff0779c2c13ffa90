namespace OrganisationRegistry.Domain.Common;

/// <summary>A dated parent link: <paramref name="Child"/> has <paramref name="Parent"/> during <paramref name="Validity"/>.</summary>
public readonly record struct DatedLink(Guid Child, Guid Parent, Validity Validity);

/// <summary>
/// Cycle detection in a hierarchy whose links hold for a period (the organisation structure, or the hierarchy
/// within an application domain). Linking child to parent for a period closes a cycle when, on some date in that
/// period, following the parents valid on that date from the parent leads back to the child.
/// </summary>
public static class TemporalHierarchy
{
    /// <summary>
    /// Returns the dates on which the new link would close a cycle, or <c>null</c> when it does not.
    /// <paramref name="parentsOf"/> gives the existing links of an organisation to its parents.
    /// </summary>
    public static Validity? FindCycle(Guid child, Guid parent, Validity period, Func<Guid, IEnumerable<DatedLink>> parentsOf)
    {
        if (child == parent)
        {
            return period;
        }

        var pending = new Queue<(Guid Node, Validity Window)>();
        var seen = new HashSet<(Guid, Validity)>();
        pending.Enqueue((parent, period));
        while (pending.TryDequeue(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            foreach (var link in parentsOf(current.Node))
            {
                if (current.Window.Intersect(link.Validity) is not { } window)
                {
                    continue;
                }

                if (link.Parent == child)
                {
                    return window;
                }

                pending.Enqueue((link.Parent, window));
            }
        }

        return null;
    }
}
