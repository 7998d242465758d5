using System.Text.RegularExpressions;

namespace CustomerService.Core.Routing;

/// <summary>
/// Small pattern sets that run before the classifier: greetings, thanks and goodbyes as whole messages, and an
/// explicit request for a human anywhere in a short message (so "agent" works even as the first message).
/// Matching is on <see cref="CustomerText.ToMatchKey"/>: lower case, letters and digits of any script.
/// </summary>
internal static partial class IntentRules
{
    /// <summary>Longer messages are stories, not requests for a human ("the delivery agent left it outside…").</summary>
    public const int MaxAgentRequestWords = 12;

    private static readonly HashSet<string> Greetings = new(StringComparer.Ordinal)
    {
        "hi", "hello", "hey", "heya", "hiya", "howdy", "hallo", "helo", "hullo", "yo", "greetings", "good morning",
        "good afternoon", "good evening", "good day", "morning", "hi hi", "hey hey", "hello hello", "hola", "bonjour",
        "ciao", "salut", "hei", "hej", "servus", "moin", "guten tag", "hi how are you", "hello how are you",
    };

    private static readonly HashSet<string> Thanks = new(StringComparer.Ordinal)
    {
        "thanks", "thank you", "thx", "ty", "tnx", "thanks a lot", "thank you very much", "thanks very much", "many thanks",
        "thanks so much", "thank you so much", "cheers", "great thanks", "ok thanks", "okay thanks", "ok thank you",
        "perfect thanks", "awesome thanks", "thanks for your help", "thank you for your help", "thanks for the help",
        "much appreciated", "appreciate it", "merci", "danke", "gracias",
    };

    private static readonly HashSet<string> Goodbyes = new(StringComparer.Ordinal)
    {
        "bye", "goodbye", "good bye", "bye bye", "byebye", "see you", "see ya", "cya", "later", "see you later",
        "thats all", "that is all", "thats it", "nothing else", "no thanks bye", "have a nice day", "have a good day",
        "ciao bye", "take care", "good night", "talk later", "thanks bye", "thank you bye", "ok bye", "okay bye",
    };

    private static readonly HashSet<string> CancelPhrases = new(StringComparer.Ordinal)
    {
        "never mind", "nevermind", "forget it", "stop", "cancel that", "quit", "exit", "start over", "restart",
    };

    public static RuleMatch Match(string cleanedText)
    {
        var key = CustomerText.ToMatchKey(cleanedText);
        if (key.Length == 0)
        {
            return RuleMatch.None;
        }

        var bare = TrailingAddress().Replace(key, string.Empty);
        if (Greetings.Contains(key) || Greetings.Contains(bare))
        {
            return RuleMatch.Greeting;
        }

        if (Thanks.Contains(key) || Thanks.Contains(bare))
        {
            return RuleMatch.Thanks;
        }

        if (Goodbyes.Contains(key) || Goodbyes.Contains(bare))
        {
            return RuleMatch.Goodbye;
        }

        if (CancelPhrases.Contains(key))
        {
            return RuleMatch.CancelDialog;
        }

        return IsAgentRequest(key) ? RuleMatch.HumanAgent : RuleMatch.None;
    }

    private static bool IsAgentRequest(string key)
    {
        if (key.Split(' ').Length > MaxAgentRequestWords)
        {
            return false;
        }

        return AgentRequest().IsMatch(key) && !NotAnAgentRequest().IsMatch(key);
    }

    [GeneratedRegex(@"(?: (?:there|bot|team|all|everyone|support|again|please))+$", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex TrailingAddress();

    [GeneratedRegex(
        @"\b(?:agent|agents|human|humans|real person|live person|a person|actual person|someone real|real human|representative|rep|operator|live chat with a person|customer service rep|talk to someone|speak to someone|speak with someone|talk with someone|somebody real)\b",
        RegexOptions.CultureInvariant,
        200)]
    private static partial Regex AgentRequest();

    [GeneratedRegex(@"\b(?:delivery|shipping|courier|travel|estate|user|secret|insurance|sales) agents?\b|\bnot (?:a )?(?:human|person)\b|\bare you (?:a )?(?:human|person|real)\b", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex NotAnAgentRequest();
}
