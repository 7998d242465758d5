namespace CustomerService.Core.Routing;

/// <summary>
/// Every intent id the bot knows: the 27 Bitext retail intents plus the conversational ones. Dialog files
/// may only name these; the classifier's labels are expected to be a subset.
/// </summary>
public static class IntentIds
{
    public const string CancelOrder = "cancel_order";
    public const string ChangeOrder = "change_order";
    public const string ChangeShippingAddress = "change_shipping_address";
    public const string CheckCancellationFee = "check_cancellation_fee";
    public const string CheckInvoice = "check_invoice";
    public const string CheckPaymentMethods = "check_payment_methods";
    public const string CheckRefundPolicy = "check_refund_policy";
    public const string Complaint = "complaint";
    public const string ContactCustomerService = "contact_customer_service";
    public const string ContactHumanAgent = "contact_human_agent";
    public const string CreateAccount = "create_account";
    public const string DeleteAccount = "delete_account";
    public const string DeliveryOptions = "delivery_options";
    public const string DeliveryPeriod = "delivery_period";
    public const string EditAccount = "edit_account";
    public const string GetInvoice = "get_invoice";
    public const string GetRefund = "get_refund";
    public const string NewsletterSubscription = "newsletter_subscription";
    public const string PaymentIssue = "payment_issue";
    public const string PlaceOrder = "place_order";
    public const string RecoverPassword = "recover_password";
    public const string RegistrationProblems = "registration_problems";
    public const string Review = "review";
    public const string SetUpShippingAddress = "set_up_shipping_address";
    public const string SwitchAccount = "switch_account";
    public const string TrackOrder = "track_order";
    public const string TrackRefund = "track_refund";

    public const string Greeting = "greeting";
    public const string Thanks = "thanks";
    public const string Goodbye = "goodbye";
    public const string OutOfScope = "out_of_scope";

    /// <summary>The 27 Bitext retail intents.</summary>
    public static IReadOnlyList<string> Retail { get; } =
    [
        CancelOrder, ChangeOrder, ChangeShippingAddress, CheckCancellationFee, CheckInvoice, CheckPaymentMethods,
        CheckRefundPolicy, Complaint, ContactCustomerService, ContactHumanAgent, CreateAccount, DeleteAccount,
        DeliveryOptions, DeliveryPeriod, EditAccount, GetInvoice, GetRefund, NewsletterSubscription, PaymentIssue,
        PlaceOrder, RecoverPassword, RegistrationProblems, Review, SetUpShippingAddress, SwitchAccount, TrackOrder,
        TrackRefund,
    ];

    /// <summary>Retail intents plus greeting, thanks, goodbye and out_of_scope.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Retail, Greeting, Thanks, Goodbye, OutOfScope];

    public static bool IsKnown(string intent) => All.Contains(intent, StringComparer.Ordinal);
}
