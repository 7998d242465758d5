using System.ComponentModel.DataAnnotations;

namespace CustomerService.Core.Privacy;

/// <summary>
/// The <c>Privacy</c> section: which kinds of personal data the redactor masks, and how long conversations are kept.
/// Every kind is masked unless switched off; switching one off is for deployments whose agents must see it.
/// </summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>Mask payment card numbers (13–19 digits that pass the Luhn check).</summary>
    public bool RedactCardNumbers { get; set; } = true;

    /// <summary>Mask e-mail addresses.</summary>
    public bool RedactEmails { get; set; } = true;

    /// <summary>Mask phone numbers (international, formatted national, or announced as a phone number).</summary>
    public bool RedactPhoneNumbers { get; set; } = true;

    /// <summary>Mask IBANs (ISO 13616, mod-97 checked).</summary>
    public bool RedactIbans { get; set; } = true;

    /// <summary>Conversations with no activity for this many days are deleted by the retention job; 0 keeps them forever.</summary>
    [Range(0, 36_500)]
    public int RetentionDays { get; set; }

    /// <summary>How often the retention job runs.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);
}
