using System.Text.Json.Nodes;

namespace Posta.Mime.Tests.Differential;

/// <summary>Compares Posta's and Python's descriptions of one message, field by field.</summary>
internal static class TreeComparer
{
    private static readonly string[] Fields = ["type", "filename", "subject", "from", "to", "cc", "body", "text"];

    /// <summary>Returns "path.field" → (posta, python) for every difference.</summary>
    public static Dictionary<string, (string Posta, string Python)> Compare(JsonObject posta, JsonObject python)
    {
        var differences = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        Walk("root", posta, python, differences);
        return differences;
    }

    private static void Walk(string path, JsonObject posta, JsonObject python, Dictionary<string, (string, string)> differences)
    {
        foreach (var field in Fields)
        {
            var theirs = python[field];
            if (!python.ContainsKey(field) || IsError(theirs))
                continue;
            var ours = posta[field];
            if (!posta.ContainsKey(field) && field is "body" or "text")
                continue;
            if (!JsonNode.DeepEquals(ours, theirs))
                differences[$"{path}.{field}"] = (Show(ours), Show(theirs));
        }

        var ourChildren = posta["children"] as JsonArray;
        var theirChildren = python["children"] as JsonArray;
        if (ourChildren is null != theirChildren is null)
        {
            differences[$"{path}.structure"] = (ourChildren is null ? "leaf" : $"{ourChildren.Count} parts", theirChildren is null ? "leaf" : $"{theirChildren.Count} parts");
            return;
        }

        if (ourChildren is null || theirChildren is null)
            return;
        if (ourChildren.Count != theirChildren.Count)
        {
            differences[$"{path}.parts"] = ($"{ourChildren.Count} parts", $"{theirChildren.Count} parts");
            return;
        }

        for (var i = 0; i < ourChildren.Count; i++)
            Walk($"{path}.{i + 1}", ourChildren[i]!.AsObject(), theirChildren[i]!.AsObject(), differences);
    }

    private static bool IsError(JsonNode? node) => node is JsonObject o && o.ContainsKey("error");

    private static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 300 ? text[..300] + "…" : text;
    }
}
