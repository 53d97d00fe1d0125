using System.Text.RegularExpressions;

namespace WasteIoT.Testing;

/// <summary>
/// Which folders of a deployable import which: a file in folder A that names <c>{RootNamespace}.B</c> (a using
/// directive or a qualified name) makes A depend on B. Files at the project's root are the composition ("(root)").
/// </summary>
public static class FolderImports
{
    public static IReadOnlyDictionary<string, SortedSet<string>> Read(string projectDirectory, string rootNamespace)
    {
        var folders = Directory.GetDirectories(projectDirectory).Select(Path.GetFileName).OfType<string>()
            .Where(f => f is not ("bin" or "obj" or "wwwroot" or "node_modules")).ToHashSet(StringComparer.Ordinal);
        var imports = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var reference = new Regex(Regex.Escape(rootNamespace) + @"\.([A-Za-z_][A-Za-z0-9_]*)");
        foreach (var file in Directory.EnumerateFiles(projectDirectory, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(projectDirectory, file).Split(Path.DirectorySeparatorChar);
            if (relative[0] is "bin" or "obj")
            {
                continue;
            }

            var from = relative.Length > 1 ? relative[0] : "(root)";
            var set = imports.TryGetValue(from, out var known) ? known : imports[from] = new SortedSet<string>(StringComparer.Ordinal);
            foreach (Match m in reference.Matches(File.ReadAllText(file)))
            {
                var to = m.Groups[1].Value;
                if (to != from && folders.Contains(to))
                {
                    set.Add(to);
                }
            }
        }

        return imports;
    }

    /// <summary>Every group of folders that import each other, directly or round about (strongly connected, more than one).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cycles(IReadOnlyDictionary<string, SortedSet<string>> imports)
    {
        ArgumentNullException.ThrowIfNull(imports);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<IReadOnlyList<string>>();
        var next = 0;

        void Visit(string node)
        {
            index[node] = low[node] = next++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var to in imports.TryGetValue(node, out var targets) ? targets : [])
            {
                if (!index.ContainsKey(to))
                {
                    Visit(to);
                    low[node] = Math.Min(low[node], low[to]);
                }
                else if (onStack.Contains(to))
                {
                    low[node] = Math.Min(low[node], index[to]);
                }
            }

            if (low[node] == index[node])
            {
                var group = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    group.Add(member);
                }
                while (member != node);
                if (group.Count > 1)
                {
                    group.Sort(StringComparer.Ordinal);
                    cycles.Add(group);
                }
            }
        }

        foreach (var node in imports.Keys.Where(n => !index.ContainsKey(n)).ToList())
        {
            Visit(node);
        }

        return cycles;
    }
}
