using CustomerService.Core.Activities;
using CustomerService.Data.Entities;
using CustomerService.Data.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CustomerService.Data.Seeding;

/// <summary>
/// Seeds three demo customers (Web Chat users <c>demo-ada</c>, <c>demo-grace</c>, <c>demo-alan</c>) with orders in
/// different states and categories, remembered facts and a past conversation, so personalisation shows at once.
/// Idempotent: a customer that exists (or was erased and recreated by chatting) is left alone.
/// </summary>
internal sealed class DemoDataSeeder(
    IDbContextFactory<CustomerServiceDbContext> contextFactory,
    TimeProvider timeProvider,
    ILogger<DemoDataSeeder> logger)
{
    public const string WebChatChannelId = "webchat";
    public const string SlackChannelId = "slack";

    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var seeded = 0;
        foreach (var customer in Build(now))
        {
            var taken = await db.Customers.AnyAsync(c => c.Id == customer.Id, cancellationToken)
                || await db.ChannelIdentities.AnyAsync(i => customer.Identities.Select(x => x.ChannelUserId).Contains(i.ChannelUserId), cancellationToken);
            if (taken)
            {
                continue;
            }

            db.Customers.Add(customer);
            seeded++;
        }

        if (seeded > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            Log.DemoDataSeeded(logger, seeded);
        }

        await transaction.CommitAsync(cancellationToken);
        return seeded;
    }

    private static IEnumerable<Customer> Build(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        var ada = NewCustomer("cus_demo_ada", "Ada Lovelace", now.AddDays(-120));
        ada.Identities.Add(Identity(WebChatChannelId, "demo-ada", ada.Id, ada.CreatedAt));
        ada.Facts.Add(Fact(ada.Id, ProfileFactKeys.Name, "Ada", now.AddDays(-120)));
        ada.Facts.Add(Fact(ada.Id, ProfileFactKeys.PreferredCategory, "electronics", now.AddDays(-30)));
        ada.Orders.Add(NewOrder(ada.Id, "ORD-1001", OrderStatuses.Shipped, "electronics", now.AddDays(-3), today.AddDays(2),
            ("Noise-cancelling headphones", 1, 129.00m, "electronics"),
            ("USB-C charging cable", 2, 9.50m, "electronics")));
        ada.Orders.Add(NewOrder(ada.Id, "ORD-0954", OrderStatuses.Delivered, "books", now.AddDays(-40), today.AddDays(-35),
            ("Sketches of the Analytical Engine", 1, 24.90m, "books")));
        ada.Conversations.Add(PastConversation(
            "demo-ada-past-1", ada.Id, "demo-ada", now.AddDays(-5), "track_order", 0.94f,
            "Where is my order ORD-0954?",
            "Your order ORD-0954 was delivered on the 12th. Anything else I can help with?"));

        var grace = NewCustomer("cus_demo_grace", "Grace Hopper", now.AddDays(-60));
        grace.Identities.Add(Identity(WebChatChannelId, "demo-grace", grace.Id, grace.CreatedAt));
        grace.Identities.Add(Identity(SlackChannelId, "U0DEMOGRACE", grace.Id, grace.CreatedAt));
        grace.Facts.Add(Fact(grace.Id, ProfileFactKeys.Name, "Grace", now.AddDays(-60)));
        grace.Orders.Add(NewOrder(grace.Id, "ORD-2001", OrderStatuses.Processing, "home_kitchen", now.AddDays(-1), today.AddDays(5),
            ("Espresso machine", 1, 349.00m, "home_kitchen")));
        grace.Orders.Add(NewOrder(grace.Id, "ORD-1890", OrderStatuses.Cancelled, "home_kitchen", now.AddDays(-20), null,
            ("Cast-iron skillet", 1, 45.00m, "home_kitchen")));
        grace.Conversations.Add(PastConversation(
            "demo-grace-past-1", grace.Id, "demo-grace", now.AddDays(-19), "cancel_order", 0.88f,
            "Please cancel order ORD-1890",
            "Done: order ORD-1890 is cancelled and the refund is on its way."));

        var alan = NewCustomer("cus_demo_alan", "Alan Turing", now.AddDays(-10));
        alan.Identities.Add(Identity(WebChatChannelId, "demo-alan", alan.Id, alan.CreatedAt));
        alan.Facts.Add(Fact(alan.Id, ProfileFactKeys.PreferredCategory, "sports", now.AddDays(-10)));
        alan.Orders.Add(NewOrder(alan.Id, "ORD-3001", OrderStatuses.Delivered, "sports", now.AddDays(-9), today.AddDays(-6),
            ("Running shoes", 1, 98.00m, "sports")));
        alan.Orders.Add(NewOrder(alan.Id, "ORD-3002", OrderStatuses.Returned, "clothing", now.AddDays(-8), today.AddDays(-4),
            ("Rain jacket", 1, 75.00m, "clothing")));

        return [ada, grace, alan];
    }

    private static Customer NewCustomer(string id, string name, DateTimeOffset createdAt) =>
        new() { Id = id, DisplayName = name, CreatedAt = createdAt };

    private static ChannelIdentity Identity(string channelId, string userId, string customerId, DateTimeOffset createdAt) =>
        new() { ChannelId = channelId, ChannelUserId = userId, CustomerId = customerId, CreatedAt = createdAt };

    private static ProfileFact Fact(string customerId, string key, string value, DateTimeOffset updatedAt) =>
        new() { CustomerId = customerId, Key = key, Value = value, UpdatedAt = updatedAt };

    private static Order NewOrder(
        string customerId,
        string number,
        string status,
        string category,
        DateTimeOffset placedAt,
        DateOnly? expectedDelivery,
        params (string Description, int Quantity, decimal UnitPrice, string Category)[] items)
    {
        var order = new Order
        {
            CustomerId = customerId,
            Number = number,
            Status = status,
            Currency = "EUR",
            Category = category,
            PlacedAt = placedAt,
            ExpectedDelivery = expectedDelivery,
            Total = items.Sum(i => i.Quantity * i.UnitPrice),
        };
        foreach (var (description, quantity, unitPrice, itemCategory) in items)
        {
            order.Items.Add(new OrderItem { Description = description, Quantity = quantity, UnitPrice = unitPrice, Category = itemCategory });
        }

        return order;
    }

    private static Conversation PastConversation(
        string conversationId,
        string customerId,
        string userId,
        DateTimeOffset at,
        string intent,
        float confidence,
        string question,
        string answer)
    {
        var conversation = new Conversation
        {
            Id = conversationId,
            ChannelId = WebChatChannelId,
            CustomerId = customerId,
            LastIntent = intent,
            Welcomed = true,
            NextSequence = 3,
            CreatedAt = at,
            UpdatedAt = at.AddMinutes(1),
            LastActivityAt = at.AddMinutes(1),
        };
        var asked = new Activity
        {
            ChannelId = WebChatChannelId,
            From = new ChannelAccount(userId, Role: RoleTypes.User),
            Text = question,
            Locale = "en-US",
        };
        var answered = new Activity
        {
            ChannelId = WebChatChannelId,
            From = new ChannelAccount("bot", "Bot", RoleTypes.Bot),
            Recipient = new ChannelAccount(userId, Role: RoleTypes.User),
            Text = answer,
            ReplyToId = ActivityRecordMapper.FormatActivityId(conversationId, 1),
        };
        var (question1, _) = ActivityRecordMapper.Assign(conversationId, 1, asked, at);
        question1.Intent = intent;
        question1.Confidence = confidence;
        question1.DialogId = intent;
        var (answer2, _) = ActivityRecordMapper.Assign(conversationId, 2, answered, at.AddMinutes(1));
        conversation.Activities.Add(question1);
        conversation.Activities.Add(answer2);
        return conversation;
    }
}
