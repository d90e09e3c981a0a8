using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CoupleConnect.Bench.Circuits;

/// <summary>
/// What a prerendered page hands blazor.web.js to start its circuit: the interactive server components' start markers
/// (&lt;!--Blazor:{"type":"server",…,"descriptor":"…"}--&gt;, the descriptor data-protected by the server) and the
/// persisted component state (&lt;!--Blazor-Server-Component-State:…--&gt;).
/// </summary>
public sealed partial record ComponentMarkers(IReadOnlyList<JsonObject> ServerMarkers, string ApplicationState)
{
    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex MarkerComment();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex StateComment();

    public static ComponentMarkers Parse(string html)
    {
        var markers = new List<JsonObject>();
        foreach (Match match in MarkerComment().Matches(html))
        {
            // End markers ({"prerenderId":"…"}) carry no descriptor; only start markers of server components start one.
            if (JsonNode.Parse(match.Groups[1].Value) is JsonObject marker && marker["descriptor"] is not null && (string?)marker["type"] == "server")
            {
                markers.Add(marker);
            }
        }

        var state = StateComment().Match(html);
        return new ComponentMarkers(markers, state.Success ? state.Groups[1].Value : string.Empty);
    }

    /// <summary>
    /// The root component operations blazor.web.js sends with UpdateRootComponents after StartCircuit: one "add" per
    /// marker, numbered as the page's SSR component ids, in document order (the descriptors' sequence order).
    /// </summary>
    public string AddOperationsJson(long batchId)
    {
        var operations = new JsonArray();
        for (var i = 0; i < ServerMarkers.Count; i++)
        {
            var marker = (JsonObject)ServerMarkers[i].DeepClone();
            marker["uniqueId"] = i;
            operations.Add(new JsonObject { ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = marker });
        }

        return new JsonObject { ["batchId"] = batchId, ["operations"] = operations }.ToJsonString(JsonSerializerOptions.Default);
    }
}
