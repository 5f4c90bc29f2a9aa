using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Posta.Configuration;

/// <summary>
/// Flattens a YAML configuration file into the <c>section:key</c> form that
/// Microsoft.Extensions.Configuration uses, so the file, environment variables and command-line
/// flags all land in one key space. Sequences become <c>key:0</c>, <c>key:1</c>, ...
/// </summary>
internal static class YamlConfigurationReader
{
    /// <summary>Reads the file; throws <see cref="ConfigurationException"/> naming the file, line and problem.</summary>
    public static Dictionary<string, string?> Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"cannot read the configuration file {path}: {e.Message}");
        }

        return Parse(text, path);
    }

    /// <summary>Parses configuration text; <paramref name="source"/> names it in errors.</summary>
    public static Dictionary<string, string?> Parse(string text, string source)
    {
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ConfigurationException($"{source}:{e.Start.Line}:{e.Start.Column}: not valid YAML: {Innermost(e).Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return result;
        }

        if (stream.Documents.Count > 1)
        {
            throw new ConfigurationException($"{source}: holds {stream.Documents.Count} YAML documents; the configuration is one");
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ConfigurationException($"{source}: the top level must be a mapping of settings (key: value)");
        }

        Flatten(root, prefix: null, result, source);
        return result;
    }

    private static void Flatten(YamlNode node, string? prefix, Dictionary<string, string?> result, string source)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (keyNode, value) in mapping.Children)
                {
                    if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key })
                    {
                        throw new ConfigurationException($"{source}:{keyNode.Start.Line}: a setting name must be a plain word");
                    }

                    var path = prefix is null ? key : prefix + ":" + key;
                    if (result.ContainsKey(path))
                    {
                        throw new ConfigurationException($"{source}:{keyNode.Start.Line}: the setting {DisplayKey(path)} is given twice");
                    }

                    Flatten(value, path, result, source);
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Flatten(sequence.Children[i], prefix + ":" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), result, source);
                }

                break;
            case YamlScalarNode scalar:
                result[prefix!] = scalar.Value;
                break;
            default:
                throw new ConfigurationException($"{source}:{node.Start.Line}: YAML aliases and tags are not supported here");
        }
    }

    /// <summary>The key as a user writes it in the file: dots between levels.</summary>
    public static string DisplayKey(string path) => path.Replace(':', '.');

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
