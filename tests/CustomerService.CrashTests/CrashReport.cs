using System.Globalization;

namespace CustomerService.CrashTests;

/// <summary>The measured figures of one run, and whether they keep the promises.</summary>
internal sealed class CrashReport
{
    public int Conversations { get; set; }

    public int Acknowledged { get; set; }

    public int AcknowledgedAtKill { get; set; }

    public int Stored { get; set; }

    public List<string> Missing { get; } = [];

    public int StoredUnacknowledged { get; set; }

    public int BotConversationMessages { get; set; }

    public int Answered { get; set; }

    public int EscalationRequestsAcknowledged { get; set; }

    public int Escalations { get; set; }

    public int EscalationTurnsLostInKill { get; set; }

    public int DuplicateEscalations { get; set; }

    public int EscalationsWithoutHandoffEvent { get; set; }

    public int SlackFailuresServed { get; set; }

    public int CardsDelivered { get; set; }

    public int CardDuplicates { get; set; }

    public int EscalationsUndelivered { get; set; }

    public int UnknownCards { get; set; }

    public bool Wal { get; set; }

    /// <summary>Customer messages the restarted host found stored but unanswered and ran the turns of.</summary>
    public int ResumedAtRestart { get; set; }

    /// <summary>The temp folder with the database and host.log; kept when the run failed, for the post-mortem.</summary>
    public string? WorkFolder { get; set; }

    public TimeSpan Elapsed { get; set; }

    public List<string> Failures { get; } = [];

    public bool Passed => Failures.Count == 0;

    public void Evaluate()
    {
        Check(Missing.Count == 0, $"{Missing.Count} acknowledged messages not stored: {string.Join(", ", Missing.Take(10))}");
        Check(Stored == Acknowledged, $"stored {Stored} of {Acknowledged} acknowledged messages");
        Check(DuplicateEscalations == 0, $"{DuplicateEscalations} conversations escalated more than once");
        Check(EscalationsWithoutHandoffEvent == 0, $"{EscalationsWithoutHandoffEvent} escalations without their handoff event (not one transaction)");
        Check(EscalationsUndelivered == 0, $"{EscalationsUndelivered} escalations never reached Slack");
        Check(CardDuplicates == 0, $"{CardDuplicates} escalation cards posted more than once");
        Check(UnknownCards == 0, $"{UnknownCards} cards for escalations the store does not have");
        Check(SlackFailuresServed > 0, "the Slack outage was never exercised (no 500/429 served)");
        Check(Escalations > 0, "no escalation was committed before the kill; the run proves nothing about the outbox");
        Check(EscalationTurnsLostInKill == 0, $"{EscalationTurnsLostInKill} acknowledged requests for a human were never processed after the restart");
        Check(Answered == BotConversationMessages, $"{BotConversationMessages - Answered} acknowledged messages the bot owned were never answered, not even after the restart");
        Check(Wal, "the database file is not in WAL mode");
    }

    public void Print(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        string Line(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        output.WriteLine("== crash test figures");
        output.WriteLine(Line($"conversations driven:                   {Conversations}"));
        output.WriteLine(Line($"messages acknowledged (200 + id):       {Acknowledged} ({AcknowledgedAtKill} when SIGKILL was sent)"));
        output.WriteLine(Line($"acknowledged and stored after restart:  {Stored} / {Acknowledged} (missing {Missing.Count})"));
        output.WriteLine(Line($"stored without an acknowledgement:      {StoredUnacknowledged} (in flight at the kill; allowed)"));
        output.WriteLine(Line($"answered by the bot (up to any hand-off):  {Answered} / {BotConversationMessages} "));
        output.WriteLine(Line($"  of them answered by the restarted host:  {ResumedAtRestart} (turns the kill cut off, run again at start)"));
        output.WriteLine(Line($"escalation requests acknowledged:       {EscalationRequestsAcknowledged}"));
        output.WriteLine(Line($"escalations committed:                  {Escalations} (requests whose turn the kill cut off: {EscalationTurnsLostInKill})"));
        output.WriteLine(Line($"duplicate escalations:                  {DuplicateEscalations}"));
        output.WriteLine(Line($"escalations missing their handoff event:{EscalationsWithoutHandoffEvent}"));
        output.WriteLine(Line($"Slack 500/429 answers served:           {SlackFailuresServed}"));
        output.WriteLine(Line($"cards delivered after the outage:       {CardsDelivered} (duplicates {CardDuplicates}, undelivered {EscalationsUndelivered}, unknown {UnknownCards})"));
        output.WriteLine(Line($"SQLite journal mode WAL:                {Wal}"));
        output.WriteLine(Line($"elapsed:                                {Elapsed.TotalSeconds:F0} s"));
        output.WriteLine(Passed ? "== PASSED" : "== FAILED");
        foreach (var failure in Failures)
        {
            output.WriteLine("   - " + failure);
        }
    }

    private void Check(bool condition, string failure)
    {
        if (!condition)
        {
            Failures.Add(failure);
        }
    }
}
