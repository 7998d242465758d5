"""Data set loaders. Data paths are arguments; nothing from the data sets is ever written to the repo."""
import csv
import json
import os
import random
import re
from collections import defaultdict

BITEXT_INTENT = "bitext-customer-support/intent-detection"
BITEXT_RESP = "bitext-customer-support/llm-responses/Bitext_Sample_Customer_Support_Training_Dataset.csv"

# CLINC150 intents used as out_of_scope examples for the retail classifier: every domain except banking
# and credit_cards (payments, accounts, cards overlap retail support), minus intents that overlap
# orders/shopping/payment/account/cancel, and minus small talk the host answers with rules.
OOS_EXCLUDED_DOMAINS = {"banking", "credit_cards"}
OOS_EXCLUDED_INTENTS = {
    "order", "order_status", "shopping_list", "shopping_list_update",      # orders / shopping
    "greeting", "goodbye", "thank_you",                                     # small talk handled by rules
    "cancel", "yes", "no", "maybe",                                         # dialogue acts (cancel ~ cancel_order)
    "user_name", "change_user_name",                                        # account-like
    "direct_deposit", "payday", "pto_request_status",                       # payment-like / status
}


def norm(s):
    return " ".join(s.lower().split())


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:  # RFC 4180: quoted fields may hold newlines
        return list(csv.DictReader(f))


def bitext_intent(data, split):
    return [(r["utterance"], r["intent"]) for r in read_csv(os.path.join(data, BITEXT_INTENT, f"{split}.csv"))]


# Values written for this project (not from any data set) that stand in for Bitext's few entity values.
_FIRST = ["Ada", "Bo", "Chen", "Dana", "Fatima", "Hiroshi", "Ines", "Kwame", "Léa", "Marco", "Noor", "Priya", "Sofía",
          "Tomás", "Yusuf", "Zoe", "Anne-Marie", "O'Brien", "Eun-ji", "Björn"]
_LAST = ["Okafor", "Schmidt", "García", "Nakamura", "Novak", "Dubois", "Rossi", "Kowalski", "Haddad", "Lindqvist"]
_CITIES = ["Lisbon", "Osaka", "Nairobi", "Lyon", "Porto Alegre", "Kraków", "Austin", "Glasgow", "Auckland", "Pune",
           "Rotterdam", "Montréal"]
_COUNTRIES = ["Portugal", "Kenya", "Brazil", "New Zealand", "India", "Poland", "the Netherlands", "South Korea", "Chile",
              "Ireland", "Morocco", "Norway"]


def _order_id(rng):
    digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(4, 13)))
    return rng.choice([digits, "ORD-" + digits[:6], "#" + digits, rng.choice("ABCDEFGHJKLMNPRSTWXYZ") + digits[:5],
                       "ord" + digits[:7], f"{digits[:3]}-{digits[3:7] or '42'}"])


def _entity_value(kind, original, rng):
    if kind == "order_id":
        return _order_id(rng)
    if kind == "invoice_id":
        n = "".join(rng.choice("0123456789") for _ in range(rng.randint(4, 9)))
        return rng.choice(["#" + n, "INV-" + n, n, "inv" + n])
    if kind == "person_name":
        name = rng.choice(_FIRST) + " " + rng.choice(_LAST)
        return rng.choice([name, "Mr. " + name.split()[-1], "Ms. " + name.split()[-1], name.split()[0]])
    if kind == "refund_amount":
        n = str(rng.randint(5, 5000))
        return rng.choice([n, "$" + n, n + " dollars", "€" + n, n + ".99"])
    if kind == "delivery_city":
        return rng.choice(_CITIES)
    if kind == "delivery_country":
        return rng.choice(_COUNTRIES)
    return original  # account_type: the tiers are the product's own names


def bitext_intent_augmented(data, split, seed=27):
    """Bitext utterances plus, for each one that names an entity, a copy with a fresh value of that entity's
    kind (Bitext uses only 4-8 distinct values per kind, five order numbers, and a classifier that has only
    seen those calls any other order number out of scope) and, where the entity is an order or invoice
    number, a copy without it: every Bitext cancel_order names an order number, customers write "cancel my
    order". (Name-free copies, "find the bills from Mr. Smith" -> "find the bills", were tried: they cost 1.3 pp
    of validation oos recall and 1.5 pp of plain-request accuracy.)"""
    out = []
    for original, fresh in _with_fresh_entities(data, split, seed):
        out.append(original)
        if fresh:
            out.append(fresh)
    rng = random.Random(seed + 1)
    for r in read_csv(os.path.join(data, BITEXT_INTENT, f"{split}.csv")):
        bare = _without_entity(r, rng)
        if bare:
            out.append((bare, r["intent"]))
    return out


_DETERMINERS = {"my", "the", "this", "that", "our", "your", "last", "recent", "latest"}


def _without_entity(row, rng):
    """The utterance with its order/invoice number removed and the sentence kept grammatical ("cancel purchase 123"
    -> "cancel my purchase"); None for other entities or unexpected offsets."""
    u, kind = row["utterance"], row["entity_type"]
    if kind not in ("order_id", "invoice_id"):
        return None
    try:
        start, end = int(row["start_offset"]), int(row["end_offset"])
    except ValueError:
        return None
    if u[start:end] != row["entity_value"]:
        return None
    head, tail = u[:start].rstrip(), u[end:]
    words = head.split(" ")
    if len(words) >= 2 and words[-2].lower() not in _DETERMINERS:
        head = " ".join(words[:-1] + [rng.choice(["my", "the", "my last", "my"]), words[-1]])
    bare = " ".join((head + tail).split())
    return re.sub(r"\s+([?.!,])", r"\1", bare) or None


def _with_fresh_entities(data, split, seed):
    """(utterance, intent) per row, each with its fresh-entity copy or None; one seeded draw per entity row."""
    rng = random.Random(seed)
    for r in read_csv(os.path.join(data, BITEXT_INTENT, f"{split}.csv")):
        u, kind = r["utterance"], r["entity_type"]
        fresh = None
        try:
            start, end = int(r["start_offset"]), int(r["end_offset"])
        except ValueError:
            start = end = None
        if kind and start is not None and u[start:end] == r["entity_value"]:
            value = _entity_value(kind, r["entity_value"], rng)
            if value != r["entity_value"]:
                fresh = (u[:start] + value + u[end:], r["intent"])
        yield (u, r["intent"]), fresh


def bitext_eval_utterances(data):
    """Normalised test+dev utterances: must never be trained on (they leak into the responses file)."""
    return {norm(u) for split in ("test", "dev") for u, _ in bitext_intent(data, split)}


def bitext_leaks(data):
    """(test, dev) utterances that also occur as requests in the responses file."""
    reqs = {norm(r["instruction"]) for r in read_csv(os.path.join(data, BITEXT_RESP))}
    return ({norm(u) for u, _ in bitext_intent(data, "test") if norm(u) in reqs},
            {norm(u) for u, _ in bitext_intent(data, "dev") if norm(u) in reqs})


def bitext_responses(data, drop_eval=True):
    """Request -> response pairs, without the rows whose request is a Bitext intent test/dev utterance."""
    rows = read_csv(os.path.join(data, BITEXT_RESP))
    bad = bitext_eval_utterances(data) if drop_eval else set()
    return [(r["instruction"], r["intent"], r["response"]) for r in rows if norm(r["instruction"]) not in bad]


def bitext_test(data, split="test"):
    """Bitext intent test (or dev) set minus the utterances that leak into the responses file."""
    leaks = bitext_eval_utterances(data) & {norm(r["instruction"]) for r in read_csv(os.path.join(data, BITEXT_RESP))}
    return [(u, i) for u, i in bitext_intent(data, split) if norm(u) not in leaks]


def bitext_test_fresh_entities(data, seed=4242):
    """The test utterances of `bitext_test` that name an entity, with a value the data set never uses (e.g. an
    order number in another format): measures whether the classifier learned the intent or the five values."""
    kept = set(bitext_test(data, "test"))
    return [fresh for original, fresh in _with_fresh_entities(data, "test", seed) if fresh and original in kept]


def banking77(data, split):
    return [(r["text"], r["category"]) for r in read_csv(os.path.join(data, "banking77", f"{split}.csv"))]


def banking77_split(data, val_frac=0.1, seed=77):
    """Stratified train/validation split carved from the official train set with a fixed seed."""
    by = defaultdict(list)
    for t, c in banking77(data, "train"):
        by[c].append((t, c))
    rng = random.Random(seed)
    tr, va = [], []
    for c in sorted(by):
        items = by[c][:]
        rng.shuffle(items)
        k = max(1, round(len(items) * val_frac))
        va += items[:k]
        tr += items[k:]
    return tr, va


def clinc(data, variant="full"):
    with open(os.path.join(data, "clinc150", f"data_{variant}.json"), encoding="utf-8") as f:
        return json.load(f)


def clinc_domains(data):
    with open(os.path.join(data, "clinc150", "domains.json"), encoding="utf-8") as f:
        return json.load(f)


def clinc_oos_intents(data):
    keep = []
    for dom, intents in clinc_domains(data).items():
        if dom in OOS_EXCLUDED_DOMAINS:
            continue
        keep += [i for i in intents if i not in OOS_EXCLUDED_INTENTS]
    return sorted(keep)


def retail_oos(data, split, per_intent, seed=150):
    """out_of_scope examples: CLINC150 oos_<split> (oos_plus for train) + `per_intent` utterances of each
    unrelated CLINC150 intent from the same split. Train/val/test come from CLINC's own splits."""
    full = clinc(data, "full")
    plus = clinc(data, "oos_plus")
    oos = [t for t, _ in (plus["oos_train"] if split == "train" else full[f"oos_{split}"])]
    keep = set(clinc_oos_intents(data))
    by = defaultdict(list)
    for t, l in full[split]:
        if l in keep:
            by[l].append(t)
    rng = random.Random(seed)
    out = list(oos)
    for l in sorted(by):
        items = by[l][:]
        rng.shuffle(items)
        out += items[:per_intent]
    return out


# Plainly typed requests from the benchmark data sets whose intent is a retail one. Bitext's utterances are
# templates ("I need assistance to cancel purchase {{Order Number}}"); alone they teach the classifier that short,
# plain requests (CLINC's style, which trains out_of_scope) are out of scope.
PLAIN_BANKING77 = {
    "Refund_not_showing_up": "track_refund", "request_refund": "get_refund", "terminate_account": "delete_account",
    "passcode_forgotten": "recover_password", "transaction_charged_twice": "payment_issue",
    "declined_card_payment": "payment_issue", "edit_personal_details": "edit_account",
}
PLAIN_CLINC = {"order_status": "track_order", "order": "place_order"}


def plain_in_scope(data, split, per_intent=None, seed=7):
    """(utterance, retail intent) from BANKING77 and CLINC150 for the intents mapped above; `split` is train, val
    or test of each data set's own splits (BANKING77 val = our carved split). Up to `per_intent` per intent. Edits
    of personal details that name an address are left out: in retail that is change_shipping_address."""
    if split == "test":
        bank = banking77(data, "test")
    else:
        bank = banking77_split(data)[0 if split == "train" else 1]
    # folding "dd" catches "address" and the data set's "adress"
    pairs = [(t, PLAIN_BANKING77[l]) for t, l in bank
             if l in PLAIN_BANKING77 and not (l == "edit_personal_details" and "adress" in t.lower().replace("dd", "d"))]
    pairs += [(t, PLAIN_CLINC[l]) for t, l in clinc(data, "full")[split] if l in PLAIN_CLINC]
    if per_intent is None:
        return pairs
    by = defaultdict(list)
    for t, l in pairs:
        by[l].append((t, l))
    rng = random.Random(seed)
    out = []
    for l in sorted(by):
        items = by[l][:]
        rng.shuffle(items)
        out += items[:per_intent]
    return out


def written_in_scope(split, val_per_intent=5, seed=11):
    """`written_requests.WRITTEN_REQUESTS` (written for this project) split per intent into train and validation with
    a fixed seed: `val_per_intent` of each intent's requests for validation, the rest for training. Requests that are
    also in the hand-written evaluation sets (same text, case and end punctuation aside) are left out."""
    import fixture_corpus
    import written_requests

    def key(text):
        return norm(text).strip(" ?.!")

    evaluated = {key(t) for t, _ in fixture_corpus.NATURAL_REQUESTS + fixture_corpus.PLAIN_REQUESTS_HELD_OUT}
    by = defaultdict(list)
    for t, l in written_requests.WRITTEN_REQUESTS:
        if key(t) not in evaluated:
            by[l].append((t, l))
    rng = random.Random(seed)
    out = []
    for l in sorted(by):
        items = by[l][:]
        rng.shuffle(items)
        out += items[:val_per_intent] if split == "val" else items[val_per_intent:]
    return out


def pretrain_texts(data, banking_val_seed=77, with_responses=False):
    """Text of the data sets for LM pretraining (customer utterances; the long Bitext responses only with
    `with_responses`: the responder fine-tune trains on them anyway); excludes every utterance we evaluate or tune on:
    Bitext intent test/dev (and their leaking rows in the responses file), BANKING77 test and our
    validation split, CLINC150 val/test/oos_val/oos_test."""
    texts = [u for u, _ in bitext_intent(data, "train")]
    for req, _, resp in bitext_responses(data):
        texts.append(req)
        if with_responses:
            texts.append(resp)
    tr, _ = banking77_split(data, seed=banking_val_seed)
    texts += [t for t, _ in tr]
    full = clinc(data, "full")
    plus = clinc(data, "oos_plus")
    texts += [t for t, _ in full["train"]]
    texts += [t for t, _ in plus["oos_train"]]
    return texts
