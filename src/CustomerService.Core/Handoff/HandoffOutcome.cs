namespace CustomerService.Core.Handoff;

/// <summary>How an agent operation ended.</summary>
public enum HandoffOutcome
{
    /// <summary>The change was made and committed.</summary>
    Done = 0,

    /// <summary>Nothing to do: the same change was already made (a double click).</summary>
    NoChange = 1,

    /// <summary>Another agent owns the conversation.</summary>
    AlreadyClaimed = 2,

    /// <summary>The conversation is not in a state that allows it (e.g. a reply before claiming).</summary>
    NotAllowed = 3,

    /// <summary>No conversation with that id.</summary>
    NotFound = 4,

    /// <summary>The reply text is empty or too long.</summary>
    InvalidText = 5,
}
