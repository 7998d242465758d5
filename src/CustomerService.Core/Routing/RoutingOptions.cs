using System.ComponentModel.DataAnnotations;

namespace CustomerService.Core.Routing;

/// <summary>How the router trusts the classifier (section <c>Routing</c>).</summary>
public sealed class RoutingOptions
{
    public const string SectionName = "Routing";

    /// <summary>Below this confidence (0–1) the bot asks the customer to rephrase instead of routing.</summary>
    [Range(0.0, 1.0)]
    public double MinConfidence { get; set; } = 0.5;

    /// <summary>How many alternatives the "did you mean" question offers as buttons.</summary>
    [Range(0, 5)]
    public int MaxSuggestions { get; set; } = 3;

    /// <summary>Alternatives below this confidence (0–1) are not offered as suggestions.</summary>
    [Range(0.0, 1.0)]
    public double MinSuggestionConfidence { get; set; } = 0.05;

    /// <summary>Customer text longer than this (characters) is cut before classification.</summary>
    [Range(16, 10_000)]
    public int MaxClassifiedChars { get; set; } = 1000;
}
