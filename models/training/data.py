"""Data set loaders. Data paths are arguments; nothing from the data sets is ever written to the repo."""
import csv
import json
import os
import random
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
