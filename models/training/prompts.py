"""The responder prompt format. The C# prompt builder produces exactly this text.

<|endoftext|>[context] name={name or -}; order={order or -}[ ({status})]; last_issue={intent id or -}
[intent] {intent}
[customer] {customer text on one line}
[response] {response}<|endoftext|>

The leading <|endoftext|> is the special token 50256; everything else is encoded as ordinary text
(no special-token handling). The prompt ends with "[response] " so its last token is 220 (" ").
The target is encode(response) followed by 50256.
"""
import re

import common
import gpt2

_WS = re.compile(r"\s+")


def clean_customer(text):
    text = text.replace("[", "(").replace("]", ")")
    return _WS.sub(" ", text).strip()


def context_line(name=None, order=None, order_status=None, last_issue=None):
    o = "-"
    if order:
        o = f"{order} ({order_status})" if order_status else f"{order}"
    return f"[context] name={name or '-'}; order={o}; last_issue={last_issue or '-'}"


def prompt_text(intent, customer, name=None, order=None, order_status=None, last_issue=None):
    """The prompt after the leading <|endoftext|> token."""
    return (context_line(name, order, order_status, last_issue) + "\n"
            + f"[intent] {intent}\n[customer] {clean_customer(customer)}\n[response] ")


def prompt_ids(intent, customer, **ctx):
    return [gpt2.EOT_ID] + common.tokenizer().encode(prompt_text(intent, customer, **ctx))


def target_ids(response):
    return common.tokenizer().encode(response) + [gpt2.EOT_ID]
