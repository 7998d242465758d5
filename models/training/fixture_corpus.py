"""Fixture text written for this project (not taken from any data set).

Used for the tokenizer golden file and for the tiny end-to-end tests.
"""

TOKENIZER_CASES = [
    "Hello world",
    "Hi there! I'd like to track my order, please.",
    "It's late, they're here, we've gone, I'm done, you'll see, he'd know, don't worry.",
    "IT'S LOUD, THEY'RE HERE, I'M SURE, WE'LL SEE.",
    "she said 'hello' and 'sup, then 's 't 're 've 'm 'll 'd alone",
    "Order #A1234 was shipped on 2024-03-15 for $1,299.99 (qty 3).",
    "Call me at +44 20 7946 0000 or 555-0100 ext. 42",
    "12345678901234567890 and 3.14159 and 1e-9 and 007",
    "multiple   spaces    between     words",
    "   leading spaces and trailing spaces   ",
    "tab\tseparated\tvalues\t\tdouble tab",
    "line one\nline two\n\nline four after a blank line\n",
    "windows line\r\nending\r\n\r\nhere",
    " \n \t \r\n  mixed whitespace only  \n",
    "Café déjà vu, naïve coöperation, façade, résumé, Ångström, Øresund",
    "Straße, Größe, ÄÖÜ äöü, ñandú, São Paulo, Kraków, İstanbul",
    "Привет, как дела? Ελληνικά κείμενα. עברית שלום. مرحبا بالعالم",
    "日本語のテキストです。中文文本测试。한국어 텍스트입니다.",
    "Emoji: 😀😃😄 👍🏽 ❤️ 🎉 and a family 👨‍👩‍👧‍👦 and 👩🏾‍💻 at work",
    "Flags: 🇺🇸🇬🇧🇩🇪🇯🇵 and 🏳️‍🌈 plus keycap 1️⃣ #️⃣",
    "<|endoftext|>",
    "text before <|endoftext|> and after<|endoftext|>again",
    "<|endoftext|>[context] name=Ada; order=A1234 (shipped); last_issue=track_order\n[intent] track_order\n[customer] where is my parcel?\n[response] ",
    "{{Order Number}} and {{Customer Support Phone Number}} placeholders stay as {{Text}}",
    "email me: someone@example.com, visit https://example.com/path?q=1&x=2#frag",
    "punctuation!!! ??? ... --- ___ *** ((nested)) [brackets] {braces} <angles>",
    "quotes \"double\" and ‘curly’ “double curly” and «guillemets» — em dash – en dash …",
    "math: 2+2=4, x^2 ≤ y, ∑ ∫ √ π ∞ ≠ ≈ ±, 10% off, 5°C",
    "mixedCASE camelCase snake_case kebab-case SCREAMING_CASE",
    "a",
    " ",
    "",
    "\n",
    "zero\u200bwidth\u200cjoin\u200dchars and non\u00a0breaking\u202fspace",
    "soft\u00adhyphen and combining e\u0301 and precomposed é",
    "control\u0001chars\u007fand\u0085next line",
    "I haaaaaave beeeeen waiiiiiting foreverrrrr!!!!!!",
    "refund refunds refunded refunding REFUND Refund",
    "Can I cancel order 98765? I've been charged twice :( pls help asap!!",
    "    indented code:\n        return x  # comment\n",
]

# A tiny customer-service corpus written for the tests and the tiny fixture models.
TINY_PAIRS = [
    ("track_order", "where is my package?", "You can follow your parcel with the tracking link in {{Order Confirmation Email}}."),
    ("track_order", "has my order shipped yet", "Your order {{Order Number}} is on its way. Track it at {{Tracking URL}}."),
    ("track_order", "I want to know where my parcel is", "Please open {{Order History}} to see the current status of your parcel."),
    ("cancel_order", "please cancel my order", "I can help you cancel it. Open {{Order History}} and choose {{Cancel Order}}."),
    ("cancel_order", "how do I cancel a purchase", "To cancel, go to {{Order History}}, pick the order and press {{Cancel Order}}."),
    ("cancel_order", "stop my order right now", "Sorry for the trouble. Choose {{Cancel Order}} next to the order in {{Order History}}."),
    ("get_refund", "I want my money back", "I understand. You can request a refund from {{Refund Page}} within {{Refund Period}}."),
    ("get_refund", "how can I get a refund", "Refunds are requested at {{Refund Page}}. We answer within {{Response Time}}."),
    ("get_refund", "refund for a broken item please", "Sorry about the broken item. Ask for a refund at {{Refund Page}}."),
    ("contact_human_agent", "let me talk to a person", "Of course. A human agent is available at {{Customer Support Phone Number}}."),
    ("contact_human_agent", "I need a real human", "I will connect you with an agent. You can also call {{Customer Support Phone Number}}."),
    ("delivery_options", "what shipping options do you have", "We offer standard, express and next-day delivery. See {{Shipping Options Page}}."),
]

TINY_INTENTS = {
    "track_order": ["where is my package", "track my order", "has my parcel shipped", "order status please",
                    "when will my order arrive", "where's my stuff"],
    "cancel_order": ["cancel my order", "I want to cancel a purchase", "stop my order", "please cancel it",
                     "how do I cancel", "cancel the thing I bought"],
    "get_refund": ["I want a refund", "give me my money back", "refund please", "how do I get reimbursed",
                   "money back for a broken item", "return my payment"],
    "out_of_scope": ["what's the weather tomorrow", "tell me a joke about cats", "how tall is mount everest",
                     "play some jazz music", "set an alarm for 7am", "translate hello into french"],
}

PARITY_TEXTS = [
    "where is my order A1234?",
    "I'd like a refund for the broken lamp, please!",
    "what's the weather like in Paris",
    "cancel   it\tnow 😀",
]

PARITY_CONTEXTS = [
    dict(intent="track_order", customer="where is my parcel? it's late", name="Ada", order="A1234",
         order_status="shipped", last_issue="track_order"),
    dict(intent="get_refund", customer="I want my money back [urgent]"),
    dict(intent="cancel_order", customer="please   cancel\nmy order", name="Bo", order="Z9"),
]


# Requests as a customer types them into a chat box, written for this project (not from any data set): short, plain,
# none of Bitext's templates. `evaluate` reports the shipped classifier on them, because Bitext's own test split shares
# its phrasing with the training split and says little about this. Too few to tune on; a warning light, not a benchmark.
NATURAL_REQUESTS = [
    ("what is your refund policy?", "check_refund_policy"),
    ("I have a problem with my invoice", "check_invoice"),
    ("can I change my delivery address?", "change_shipping_address"),
    ("where is my parcel", "track_order"),
    ("my package hasn't arrived yet", "delivery_period"),
    ("I want my money back", "get_refund"),
    ("how do I reset my password?", "recover_password"),
    ("please cancel my order", "cancel_order"),
    ("I was charged twice", "payment_issue"),
    ("can I pay with paypal?", "check_payment_methods"),
    ("I'd like to close my account", "delete_account"),
    ("how long does shipping take?", "delivery_period"),
    ("send me a copy of my invoice", "get_invoice"),
    ("I want to speak to a real person", "contact_human_agent"),
    ("your service is terrible", "complaint"),
    ("unsubscribe me from the newsletter", "newsletter_subscription"),
    ("what shipping options do you have?", "delivery_options"),
    ("has my refund been processed?", "track_refund"),
    ("I can't sign up on your website", "registration_problems"),
    ("I want to add an item to my order", "change_order"),
    ("is there a fee if I cancel?", "check_cancellation_fee"),
    ("I want to leave a review", "review"),
    ("how do I create an account?", "create_account"),
    ("I need to update my email address", "edit_account"),
    ("I want to buy a new phone", "place_order"),
    ("what's the weather tomorrow", "out_of_scope"),
    ("tell me a joke", "out_of_scope"),
    ("who won the football game", "out_of_scope"),
    ("what is 12 times 7", "out_of_scope"),
    ("book me a flight to paris", "out_of_scope"),
    ("play some music", "out_of_scope"),
]
