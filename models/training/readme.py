"""Writes models/README.md and the model cards from the stats the commands leave in artifacts/training/."""
import json
import os

import common
import data as D
import pipeline as P

CMDS = """```sh
# once: Debian packages (CI installs the same)
apt-get install -y python3-torch python3-onnx libopenblas0-pthread python3-regex python3-matplotlib
cd models/training
PY=/usr/bin/python3          # Debian's python (has torch); data defaults to ../shared/data from the repo root
$PY cli.py pretrain          # LM pretraining on the data sets' text        -> artifacts/training/pretrain.pt
$PY cli.py train-intent      # 28-label classifier (27 Bitext + out_of_scope) -> artifacts/training/intent.pt
$PY cli.py train-responder   # prompt -> response fine-tune                  -> artifacts/training/responder.pt
$PY cli.py export            # models/intent, models/responder + Fixtures/parity/{intent,responder}.json
$PY cli.py evaluate          # models/intent/eval/*, this README's tables
$PY cli.py benchmark-datasets  # BANKING77 + CLINC150 with the same recipe (not shipped)
```"""

LICENCES = """| Data set | Licence | Used for |
|---|---|---|
| Bitext customer-support intent detection (27 intents; train 6480 / dev 810 / test 810) | CDLA-Sharing 1.0 | classifier train (train), threshold (dev), test (test); LM pretraining (train) |
| Bitext customer-support LLM chatbot training data (4,514-row sample, request → response) | CDLA-Sharing 1.0 | responder fine-tuning, LM pretraining |
| CLINC150 (Larson et al. 2019) | CC BY 3.0 | `out_of_scope` examples (unrelated domains + oos), LM pretraining (train split only), benchmark |
| BANKING77 (Casanueva et al. 2020) | CC BY 4.0 | LM pretraining (train minus our validation split), benchmark |

CDLA-Sharing 1.0 puts no conditions on the results of computation (trained models). No row of any
data set is stored in this repository."""


def _load(name):
    p = P.wpath(name)
    return json.load(open(p)) if os.path.exists(p) else None


def _mb(p):
    return os.path.getsize(p) / 1e6 if os.path.exists(p) else float("nan")


def _dir_mb(d):
    tot = 0
    for root, dirs, files in os.walk(d):
        dirs[:] = [x for x in dirs if x not in ("__pycache__", "runs")]  # git-ignored
        for f in files:
            tot += os.path.getsize(os.path.join(root, f))
    return tot / 1e6


def pct(x):
    return "n/a" if x is None else f"{100 * x:.2f}%"


def _cfg(d):
    p = os.path.join(d, "config.json")
    return json.load(open(p)) if os.path.exists(p) else {}


def _plain_requests(rep):
    """Requests typed plainly: the hand-written sets and BANKING77/CLINC150 test requests mapped onto retail intents."""
    def row(name, r):
        return (f"| {name} | {r['in_scope_correct']}/{r['in_scope_n']} ({pct(r['in_scope_correct'] / r['in_scope_n'])}) | "
                f"{r['in_scope_called_out_of_scope']} | " + (f"{r['oos_correct']}/{r['oos_n']} |" if r["oos_n"] else "– |"))
    pt = rep["plain_test"]
    return ["**Requests typed the way customers type them.** Bitext's test split shares its templates with the training split, "
            "so its 98% says little about short, plain requests. Three measures of those (with the threshold unless "
            "marked; before = the model shipped until 2026-12-04, trained on Bitext's templates alone, measured on its "
            "ONNX file):", "",
            "| Set | in-scope right | in-scope called out_of_scope | unrelated right |", "|---|---|---|---|",
            row("`fixture_corpus.NATURAL_REQUESTS` (hand-written; seen while the fix was designed)", rep["natural_requests"]),
            row("`fixture_corpus.PLAIN_REQUESTS_HELD_OUT` (hand-written, 2 per intent; fixed before any run)", rep["plain_held_out"]),
            row("BANKING77 + CLINC150 **test** requests of the intents mapped onto 8 retail ones", pt["threshold"]),
            row("the same, argmax", pt["argmax"]), "",
            PLAIN_BEFORE, "",
            "Training therefore also holds, besides Bitext's templates, up to 100 train-split requests per mapped intent "
            "from BANKING77 and CLINC150 (`data.PLAIN_BANKING77`, `data.PLAIN_CLINC`, e.g. `request_refund` → get_refund, "
            "`transaction_charged_twice` → payment_issue, `order_status` → track_order) and, for each Bitext utterance that "
            "names an order or invoice number, a copy without it (\"cancel purchase 123\" → \"cancel my "
            "purchase\": every Bitext cancel_order names a number); their validation splits join Bitext dev in choosing the "
            "threshold.", ""]


# The model shipped before the plain-request data, measured on its ONNX file (models/intent at commit fb0a781) with the
# NumPy evaluator (onnx_numpy.run), threshold from its config.json.
PLAIN_BEFORE = ("Before (Bitext templates only): NATURAL_REQUESTS 15/25 (8 called out_of_scope), PLAIN_REQUESTS_HELD_OUT "
                "14/54 (32 called out_of_scope), BANKING77/CLINC150 mapped test 104/329 (172 called out_of_scope; argmax 114/329).")


def write_all():
    it, rs = _load("intent.stats.json"), _load("responder.stats.json")
    # Each model names the pretrained base it started from (the responder may start from scratch).
    bases = {"intent": (it or {}).get("base", "pretrain"), "responder": (rs or {}).get("base")}
    pre = {name: _load(f"{name}.stats.json") for name in set(bases.values()) if name}
    rse = _load("responder.eval.json")
    rep = None
    rp = os.path.join(common.MODELS, "intent", "eval", "intent_report.json")
    if os.path.exists(rp):
        rep = json.load(open(rp))
    bk, cl = _load("bench-banking77.json"), _load("bench-clinc150.json")
    mins = lambda s: (s or {}).get("seconds", float("nan")) / 60
    t_int, t_rsp = mins(it), mins(rs)
    t_pre = {name: mins(st) for name, st in pre.items()}
    total = sum(t_pre.values()) + t_int + t_rsp
    label = lambda name: "pretrain" if name == "pretrain" else f"pretrain `{name}`"
    base_of = lambda model: f"{label(bases[model])} {t_pre[bases[model]]:.1f} min (shared) + " if bases[model] else "from scratch, "
    icfg, rcfg = _cfg(os.path.join(common.MODELS, "intent")), _cfg(os.path.join(common.MODELS, "responder"))
    ionnx = _mb(os.path.join(common.MODELS, "intent", "onnx", "model.onnx"))
    ronnx = _mb(os.path.join(common.MODELS, "responder", "onnx", "model.onnx"))

    lines = ["# Models shipped with CustomerService", "",
             "Two GPT-2-architecture models trained from scratch by `models/training` (no pretrained GPT-2 weights",
             "were available): `intent/` (sequence classifier) and `responder/` (causal LM with KV cache). Both use",
             "GPT-2's byte-level BPE (`tokenizer.json`, 50257 tokens) and the Hugging Face / Optimum ONNX layout, so",
             "a real fine-tuned GPT-2 export can be dropped in instead. Details: each folder's `README.md`.", ""]
    lines += ["| Model | Architecture | ONNX file | Folder | Training time (2-core CPU) |", "|---|---|---|---|---|"]
    if icfg:
        lines.append(f"| intent | {icfg['n_layer']} layers, {icfg['n_embd']} wide, {icfg['n_head']} heads, "
                     f"{icfg['num_labels']} labels | {ionnx:.1f} MB (fp16-stored) | {_dir_mb(os.path.join(common.MODELS, 'intent')):.1f} MB | "
                     f"{base_of('intent')}{t_int:.1f} min |")
    if rcfg:
        lines.append(f"| responder | {rcfg['n_layer']} layers, {rcfg['n_embd']} wide, {rcfg['n_head']} heads, "
                     f"{rcfg['n_positions']} positions | {ronnx:.1f} MB (fp16-stored) | {_dir_mb(os.path.join(common.MODELS, 'responder')):.1f} MB | "
                     f"{base_of('responder')}{t_rsp:.1f} min |")
    pretrains = " + ".join(f"{label(n)} {t:.1f}" for n, t in sorted(t_pre.items()))
    lines += ["", f"The shipped models took **{total:.1f} min** of training in total on this 2-core machine "
              f"({pretrains} + intent {t_int:.1f} + responder {t_rsp:.1f}). `models/` total: "
              f"{_dir_mb(common.MODELS):.1f} MB (tracked files).", ""]
    gaps = os.path.join(common.HERE, "notes", "gaps.md")
    if os.path.exists(gaps):
        lines += ["## Targets missed and what would close them", "", open(gaps).read().strip(), ""]
    notes = os.path.join(common.HERE, "notes", "run_notes.md")
    if os.path.exists(notes):
        lines += ["## How the shipped models were produced", "", open(notes).read().strip(), ""]
    lines += ["## Results (held-out test data)", ""]
    if rep:
        a, t = rep["argmax"], rep["threshold"]
        lines += [f"Bitext-27 test: {a['in_scope_n']} utterances (the official 810 minus the ones that also occur as requests in the",
                  f"responses file). out_of_scope test: {a['oos_n']} utterances (CLINC150 `oos_test` + 30 test utterances of each unrelated",
                  "CLINC150 intent; the classifier trained on `oos_train` of oos_plus + 20 train utterances per unrelated intent).", "",
                  "| Metric | Target | argmax | with threshold |", "|---|---|---|---|",
                  f"| Bitext-27 accuracy (in-scope) | ≥ 99.0% (naive Bayes 98.40%) | {pct(a['in_scope_accuracy'])} | {pct(t['in_scope_accuracy'])} |",
                  f"| out_of_scope recall | ≥ 85% at in-scope ≥ 98.5% | {pct(a['oos_recall'])} | {pct(t['oos_recall'])} |",
                  f"| accuracy (28 labels, in-scope + oos) | | {pct(a['combined']['accuracy'])} | {pct(t['combined']['accuracy'])} |",
                  f"| macro-F1 (28 labels) | | {pct(a['combined']['macro avg f1'])} | {pct(t['combined']['macro avg f1'])} |",
                  f"| ECE (15 bins, max prob) | | {a['combined']['ece']:.4f} | {t['combined']['ece']:.4f} |",
                  f"| probability threshold (chosen on Bitext dev + plain val + CLINC val) | | – | {t['threshold']} |", ""]
        if "fresh_entities" in rep:
            fe = rep["fresh_entities"]
            lines += [f"Bitext names only 4–8 distinct values per entity kind (five order numbers), in test as in train. The "
                      f"{fe['n']} test utterances that name an entity, with a value of the same kind the data set never uses "
                      f"(e.g. `ORD-482913` for an order number): accuracy **{pct(fe['accuracy'])}**, called out_of_scope "
                      f"{pct(fe['called_out_of_scope'])} (argmax). Training therefore adds, for each training utterance that names an "
                      "entity, a copy with a fresh value (`data.bitext_intent_augmented`); without it (same recipe otherwise) this figure was 61.5%, with 23.6% called out_of_scope.", ""]
        if "plain_held_out" in rep:
            lines += _plain_requests(rep)
        lines += [
                  "Per-intent precision/recall/F1, most-confused pairs: `intent/eval/intent_report.json`; confusion matrix:",
                  "`intent/eval/confusion_matrix.png` (with threshold). Most confused (with threshold):", ""]
        for c in t["combined"]["most_confused"][:8]:
            lines.append(f"- {c['intent']} → {c['predicted']}: {c['count']}")
        lines += ["", "| Intent | Precision | Recall | F1 | Support |", "|---|---|---|---|---|"]
        for l, v in t["combined"]["per_intent"].items():
            lines.append(f"| {l} | {v['precision']:.3f} | {v['recall']:.3f} | {v['f1-score']:.3f} | {v['support']} |")
        lines.append("")
    if rse:
        lines += [f"Responder: held-out token loss {rse['loss']:.3f} (perplexity {rse['perplexity']:.2f}) on the {rse['pairs']} "
                  "request → response pairs whose request is a Bitext test/dev utterance (never trained on).", ""]
    lines += ["Speed of both models in the C# host (classify latency, generated tokens/s, batched and unbatched): "
              "`docs/BENCHMARKS.md`.", ""]
    lines += ["## Benchmarks (same classifier recipe, not shipped)", "",
              "| Data set | Metric | Ours | Published |", "|---|---|---|---|"]
    if bk:
        lines.append(f"| BANKING77 (test 3080; target ≥ 90%) | accuracy | {pct(bk['test']['accuracy'])} (val {pct(bk['validation']['accuracy'])}) | "
                     "BERT-large fine-tuned ≈ 93.7; naive-Bayes floor 85.91 |")
    if cl:
        lines.append(f"| CLINC150 {cl['variant']} (test 4500 + oos 1000; target ≥ 92 / ≥ 60) | in-scope acc / oos recall, argmax | "
                     f"{pct(cl['argmax']['in_scope_accuracy'])} / {pct(cl['argmax']['oos_recall'])} | BERT 96.9 / 40.3, MLP 93.5 / 47.4, "
                     "FastText 89.0 / 9.7, Rasa 91.5 / 45.3; oos_plus: BERT 96.7 / 59.2, Rasa 90.9 / 66.0; floor 87.64 / 5.0 |")
        lines.append(f"| CLINC150 {cl['variant']} | same, probability threshold {cl['threshold']['threshold']} (from val) | "
                     f"{pct(cl['threshold']['in_scope_accuracy'])} / {pct(cl['threshold']['oos_recall'])} | BERT thresholded 96.2 / 52.3 |")
    lines += ["", "BANKING77: validation = 10% of train per class (seed 77), carved before training and excluded from",
              "pretraining. CLINC150: official splits; the threshold is chosen on `val` + `oos_val`. Published numbers:",
              "Larson et al. 2019 Table 2; Casanueva et al. 2020.", "",
              "## Data and licences", "", LICENCES, "", "## Reproduce", "", CMDS, "",
              "See `training/README.md` for options, tests and the design notes."]
    _write(os.path.join(common.MODELS, "README.md"), "\n".join(lines) + "\n")
    if icfg:
        _write(os.path.join(common.MODELS, "intent", "README.md"), intent_card(icfg, rep, it, pre.get(bases["intent"]), ionnx))
    if rcfg:
        _write(os.path.join(common.MODELS, "responder", "README.md"), responder_card(rcfg, rse, rs, ronnx))


def _write(p, s):
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "w") as f:
        f.write(s)


def intent_card(cfg, rep, it, pre, size):
    labels = [cfg["id2label"][str(i)] for i in range(cfg["num_labels"])]
    m = ""
    if rep:
        a, t = rep["argmax"], rep["threshold"]
        m = (f"| | argmax | threshold {t['threshold']} |\n|---|---|---|\n"
             f"| Bitext-27 test accuracy (n={a['in_scope_n']}) | {pct(a['in_scope_accuracy'])} | {pct(t['in_scope_accuracy'])} |\n"
             f"| out_of_scope recall (n={a['oos_n']}) | {pct(a['oos_recall'])} | {pct(t['oos_recall'])} |\n"
             f"| macro-F1, 28 labels | {pct(a['combined']['macro avg f1'])} | {pct(t['combined']['macro avg f1'])} |\n"
             f"| ECE | {a['combined']['ece']:.4f} | {t['combined']['ece']:.4f} |\n")
    return f"""# intent — GPT-2 intent classifier (27 retail intents + out_of_scope)

GPT2ForSequenceClassification-style model trained from scratch for CustomerService.
{cfg['n_layer']} layers, {cfg['n_embd']} wide, {cfg['n_head']} heads, {cfg['n_positions']} positions, vocabulary 50257
(GPT-2 byte-level BPE), `score.weight` [{cfg['num_labels']}, {cfg['n_embd']}] on the hidden state of the **last position
whose attention mask is 1** (left or right padding give the same logits; positions are computed from the mask
inside the graph).

- Files: `config.json` (id2label/label2id; `oos_threshold` = probability threshold chosen on validation data:
  below it the host may treat the turn as `out_of_scope`), `tokenizer.json`, `tokenizer_config.json`,
  `onnx/model.onnx` ({size:.1f} MB; initializers stored as fp16 with a Cast to fp32 at the start of the
  graph, float32 inputs/outputs), `eval/` (report + confusion matrix).
- ONNX: opset 14; inputs `input_ids` int64 [batch_size, sequence_length], `attention_mask` int64
  [batch_size, sequence_length]; output `logits` float32 [batch_size, {cfg['num_labels']}] (no softmax).
- Labels: {', '.join(labels)}.
- Text is encoded without special tokens, truncated to 128 tokens in training.

## Metrics (held-out)
{m}
Bitext test excludes the utterances that also occur as requests in the Bitext responses file.
out_of_scope test = CLINC150 `oos_test` + 30 test utterances of each of the 104 unrelated CLINC150 intents.
Full report: `eval/intent_report.json`, `eval/confusion_matrix.png`, and `../README.md`.

## Training data
- 27 intents: Bitext intent-detection `train.csv` (6,480; CDLA-Sharing 1.0), plus a copy of each utterance that names
  an entity (order/invoice number, name, amount, city, country) with a fresh value of that kind (1,596 copies), and
  of each that names an order or invoice number, a copy without it ("cancel purchase 123" → "cancel my purchase";
  923 copies).
- Plainly typed requests: up to 100 per intent from BANKING77 (CC BY 4.0; train minus our validation split) and
  CLINC150 (`train`) for the intents that are retail ones: {', '.join(f"{k} → {v}" for k, v in {**D.PLAIN_BANKING77, **D.PLAIN_CLINC}.items())}
  (edits of personal details that name an address left out).
- out_of_scope: CLINC150 (CC BY 3.0) oos_plus `oos_train` (250) + 20 `train` utterances of each CLINC150
  intent unrelated to retail support: all domains except banking and credit_cards, without
  {', '.join(sorted(D.OOS_EXCLUDED_INTENTS))} (orders/shopping/payment/account/cancel overlap, small talk the host handles).
- Threshold/validation: Bitext `dev.csv` + the validation splits of the plain requests above + CLINC150 `oos_val` + 10
  `val` utterances per unrelated intent.

## Recipe
1. `cli.py pretrain`: causal-LM pretraining on the text of all data sets (excluding every evaluated utterance),
   {(pre or {}).get('epochs', '?')} epochs, checkpoint `{(it or {}).get('base', 'pretrain')}` — {((pre or {}).get('seconds', 0) / 60):.1f} min.
2. `cli.py train-intent`: fine-tune with cross-entropy, AdamW (LR {(it or {}).get('lr', 2e-3)}), dropout {(it or {}).get('dropout', 0.1)}, cosine schedule, {(it or {}).get('epochs', '?')} epochs;
   only the embedding rows of tokens seen in the training texts are updated (the rest stay pretrained)
   — {((it or {}).get('seconds', 0) / 60):.1f} min on the 2-core CPU; seeds fixed.
3. `cli.py export`, `cli.py evaluate`. See `../training/README.md`.
"""


def responder_card(cfg, rse, rs, size):
    ev = ""
    if rse:
        ev = (f"Held-out token loss {rse['loss']:.3f} (perplexity {rse['perplexity']:.2f}) on the {rse['pairs']} request → response "
              "pairs whose request is a Bitext intent test/dev utterance (excluded from all training).\n")
    return f"""# responder — GPT-2 customer-service response generator

Causal GPT-2 (GPT2LMHeadModel layout, tied LM head) trained from scratch for CustomerService.
{cfg['n_layer']} layers, {cfg['n_embd']} wide, {cfg['n_head']} heads (head_dim {cfg['n_embd'] // cfg['n_head']}),
**n_positions {cfg['n_positions']}** (prompt + generated tokens must stay within it), vocabulary 50257.

## Prompt format (exact)
```
<|endoftext|>[context] name=Ada; order=A1234 (shipped); last_issue=track_order
[intent] track_order
[customer] where is my parcel?
[response] 
```
- The leading `<|endoftext|>` is the special token id 50256; the rest is encoded as ordinary text
  (a typed `<|endoftext|>` is never special). The prompt ends with `[response] ` (trailing space, token 220).
- `name=-` when no name, `order=-` when no order (`order=A1234` without ` (status)` when no status is known),
  `last_issue=-` when none. Intent ids are the classifier's (lowercase snake_case).
- Customer text on one line: every whitespace run becomes one space, `[`/`]` become `(`/`)`, trimmed.
- The model generates the response and then 50256 (stop there). Responses keep Bitext's `{{{{Placeholder}}}}`
  slots (e.g. `{{{{Order Number}}}}`, `{{{{Customer Support Phone Number}}}}`, `{{{{Website URL}}}}`) for the host to fill;
  when a name is given in the context the response starts with `Hi {{{{Customer Name}}}}! `.

## Files
`config.json`, `generation_config.json` (greedy, eos 50256, max_new_tokens), `tokenizer.json`,
`tokenizer_config.json`, `onnx/model.onnx` ({size:.1f} MB, fp16-stored initializers + Cast to fp32; float32 I/O).
ONNX (opset 14): inputs `input_ids` int64 [batch_size, sequence_length], `attention_mask` int64
[batch_size, total_sequence_length], `position_ids` int64 [batch_size, sequence_length],
`past_key_values.{{i}}.key|value` float32 [batch_size, {cfg['n_head']}, past_sequence_length, {cfg['n_embd'] // cfg['n_head']}]
for i in 0..{cfg['n_layer'] - 1} (zero-length on the first step); outputs `logits` [batch_size, sequence_length, 50257],
`present.{{i}}.key|value` [batch_size, {cfg['n_head']}, total_sequence_length, {cfg['n_embd'] // cfg['n_head']}].
Positions: `cumsum(attention_mask) - 1`, pads 1. Pad id 50256 (left padding for batches).

## Evaluation
{ev}Speed in the C# host (ONNX Runtime, CPU and batched): `docs/BENCHMARKS.md` at the repository root.

## Training data
Bitext customer-support LLM chatbot training data (4,514-row sample, CDLA-Sharing 1.0): request → response
pairs, minus every row whose request is a Bitext intent test/dev utterance (compared case- and
whitespace-insensitively: 36 rows). Each pass draws a fresh synthetic context per pair (fake names / order
ids generated by the recipe, about half of the contexts empty). Pairs longer than n_positions are dropped.
LM pretraining also used the text of BANKING77 (CC BY 4.0, minus our validation split) and CLINC150
(CC BY 3.0, train split only).

## Recipe
`cli.py train-responder` ({((rs or {}).get('seconds', 0) / 60):.1f} min; {(rs or {}).get('epochs', '?')} passes, {(rs or {}).get('examples', '?')} examples,
loss on response tokens only; {(rs or {}).get('steps', '?')} steps), then `cli.py export`. It starts from the pretrained LM
(`--init pretrain`, checkpoint `{(rs or {}).get('base') or '-'}`; the pretraining corpus is customer utterances only) —
`--init scratch` starts from a fresh initialisation instead. Training uses a softmax restricted to the tokens of the training corpus plus 2,048 randomly
sampled other tokens per step (the exported model has the full 50257-way output layer). Seeds fixed.
"""
