"""Evaluation (like `rasa test`), ONNX export of the shipped models, data set benchmarks."""
import json
import os
import time
from collections import Counter

import common
import data as D
import gpt2
import pipeline as P

INTENT_DIR = os.path.join(common.MODELS, "intent")
RESP_DIR = os.path.join(common.MODELS, "responder")


# ------------------------------------------------------------------------------------------ metrics
def report(gold, pred, conf, labels):
    """gold/pred: label strings, conf: max probability. rasa-test-like report dict."""
    per = {}
    for l in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == l and p == l)
        fp = sum(1 for g, p in zip(gold, pred) if g != l and p == l)
        fn = sum(1 for g, p in zip(gold, pred) if g == l and p != l)
        sup = sum(1 for g in gold if g == l)
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        per[l] = {"precision": pr, "recall": rc, "f1-score": f1, "support": sup}
    present = [l for l in labels if per[l]["support"] > 0]
    acc = sum(g == p for g, p in zip(gold, pred)) / len(gold)
    macro = sum(per[l]["f1-score"] for l in present) / len(present)
    weighted = sum(per[l]["f1-score"] * per[l]["support"] for l in present) / len(gold)
    confused = Counter((g, p) for g, p in zip(gold, pred) if g != p).most_common(10)
    return {"accuracy": acc, "macro avg f1": macro, "weighted avg f1": weighted, "n": len(gold),
            "ece": ece(conf, [g == p for g, p in zip(gold, pred)]), "per_intent": per,
            "most_confused": [{"intent": g, "predicted": p, "count": c} for (g, p), c in confused]}


def ece(conf, correct, bins=15):
    tot, err = len(conf), 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, c in enumerate(conf) if (lo < c <= hi) or (b == 0 and c == 0)]
        if idx:
            acc = sum(correct[i] for i in idx) / len(idx)
            avg = sum(conf[i] for i in idx) / len(idx)
            err += len(idx) / tot * abs(acc - avg)
    return err


def confusion_png(gold, pred, labels, path, title):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np
    idx = {l: i for i, l in enumerate(labels)}
    m = np.zeros((len(labels), len(labels)), dtype=int)
    for g, p in zip(gold, pred):
        m[idx[g], idx[p]] += 1
    fig, ax = plt.subplots(figsize=(12, 11))
    ax.imshow(np.log1p(m), cmap="Blues")
    ax.set_xticks(range(len(labels)))
    ax.set_yticks(range(len(labels)))
    ax.set_xticklabels(labels, rotation=90, fontsize=7)
    ax.set_yticklabels(labels, fontsize=7)
    for i in range(len(labels)):
        for j in range(len(labels)):
            if m[i, j]:
                ax.text(j, i, str(m[i, j]), ha="center", va="center", fontsize=6,
                        color="white" if m[i, j] > m.max() / 3 else "black")
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    ax.set_title(title)
    fig.tight_layout()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)


def apply_threshold(probs, labels, th):
    conf, pred = probs.max(-1)
    oos = labels.index(P.LABEL_OOS)
    out = []
    for c, p in zip(conf.tolist(), pred.tolist()):
        out.append(P.LABEL_OOS if (th and c < th) else labels[p])
    return out, conf.tolist()


def evaluate_retail(model, data, th):
    labels = model.config.labels
    _, _, _, te_in, te_oos = P.retail_intent_data(data)
    pi = P.predict(model, [t for t, _ in te_in])
    po = P.predict(model, [t for t, _ in te_oos])
    res = {}
    for name, t in (("argmax", 0.0), ("threshold", th)):
        pred_in, conf_in = apply_threshold(pi, labels, t)
        pred_oos, conf_oos = apply_threshold(po, labels, t)
        gold_in = [l for _, l in te_in]
        in_acc = sum(g == p for g, p in zip(gold_in, pred_in)) / len(gold_in)
        oos_rec = sum(p == P.LABEL_OOS for p in pred_oos) / len(pred_oos)
        gold = gold_in + [P.LABEL_OOS] * len(pred_oos)
        rep = report(gold, pred_in + pred_oos, conf_in + conf_oos, labels)
        rep27 = report(gold_in, pred_in, conf_in, labels)
        res[name] = {"threshold": t, "in_scope_accuracy": in_acc, "oos_recall": oos_rec,
                     "in_scope_n": len(gold_in), "oos_n": len(pred_oos), "combined": rep, "bitext_only": rep27,
                     "_gold": gold, "_pred": pred_in + pred_oos}
    fresh = D.bitext_test_fresh_entities(data)
    pf = P.predict(model, [t for t, _ in fresh]).argmax(-1).tolist()
    res["fresh_entities"] = {"n": len(fresh),
                             "accuracy": sum(labels[p] == g for p, (_, g) in zip(pf, fresh)) / max(len(fresh), 1),
                             "called_out_of_scope": sum(labels[p] == P.LABEL_OOS for p in pf) / max(len(fresh), 1)}
    import fixture_corpus as fc
    res["natural_requests"] = _labelled_requests(model, fc.NATURAL_REQUESTS, th)
    res["plain_held_out"] = _labelled_requests(model, fc.PLAIN_REQUESTS_HELD_OUT, th)
    plain = D.plain_in_scope(data, "test")
    res["plain_test"] = {k: _labelled_requests(model, plain, t, keep_wrong=False) for k, t in (("argmax", 0.0), ("threshold", th))}
    return res


def _labelled_requests(model, items, th, keep_wrong=True):
    """In-scope right / called out_of_scope and out_of_scope right on (text, gold intent) pairs at threshold `th`."""
    labels = model.config.labels
    pred, _ = apply_threshold(P.predict(model, [t for t, _ in items]), labels, th)
    ins = [(p, g) for p, (_, g) in zip(pred, items) if g != P.LABEL_OOS]
    oos = [p for p, (_, g) in zip(pred, items) if g == P.LABEL_OOS]
    out = {"in_scope_n": len(ins), "in_scope_correct": sum(p == g for p, g in ins),
           "in_scope_called_out_of_scope": sum(p == P.LABEL_OOS for p, _ in ins),
           "oos_n": len(oos), "oos_correct": sum(p == P.LABEL_OOS for p in oos)}
    if keep_wrong:
        out["wrong"] = [{"text": t, "gold": g, "predicted": p} for p, (t, g) in zip(pred, items) if p != g]
    return out


# ------------------------------------------------------------------------------------------ commands
def cmd_evaluate(a):
    common.setup_torch(seed=a.seed)
    t0 = time.time()
    if a.which == "responder":
        rs = responder_heldout(a.data)
        _dump(rs, P.wpath("responder.eval.json"))
        common.log(f"[evaluate] responder held-out loss {rs['loss']:.3f} (ppl {rs['perplexity']:.1f}) on {rs['pairs']} pairs")
        write_models_readme()
        return
    model = gpt2.load(P.wpath("intent.pt"), "cls")
    th = json.load(open(P.wpath("intent.stats.json")))["oos_threshold"]
    res = evaluate_retail(model, a.data, th)
    out_dir = os.path.join(INTENT_DIR, "eval")
    os.makedirs(out_dir, exist_ok=True)
    sel = res["threshold"]
    confusion_png(sel["_gold"], sel["_pred"], model.config.labels, os.path.join(out_dir, "confusion_matrix.png"),
                  f"Bitext-27 test + out_of_scope (threshold {th})")
    for k in ("argmax", "threshold"):
        res[k].pop("_gold")
        res[k].pop("_pred")
    _dump(res, os.path.join(out_dir, "intent_report.json"))
    # responder: held-out loss on the Bitext pairs whose request is a test/dev utterance (never trained on)
    rs = None
    if os.path.exists(P.wpath("responder.pt")) and a.which in ("both", "responder"):
        rs = responder_heldout(a.data)
        _dump(rs, P.wpath("responder.eval.json"))
    for k in ("argmax", "threshold"):
        r = res[k]
        common.log(f"[evaluate] {k}: Bitext-27 acc {r['in_scope_accuracy']:.4f} (n={r['in_scope_n']}), "
                   f"oos recall {r['oos_recall']:.4f} (n={r['oos_n']}), macro-F1 {r['combined']['macro avg f1']:.4f}, "
                   f"ECE {r['combined']['ece']:.4f}")
    fe = res["fresh_entities"]
    common.log(f"[evaluate] Bitext-27 test with fresh entity values: acc {fe['accuracy']:.4f} (n={fe['n']}), "
               f"called out_of_scope {fe['called_out_of_scope']:.4f}")
    for key, what in (("natural_requests", "hand-written natural requests"), ("plain_held_out", "hand-written held-out plain requests")):
        nr = res[key]
        common.log(f"[evaluate] {what} (threshold): in-scope {nr['in_scope_correct']}/{nr['in_scope_n']} "
                   f"({nr['in_scope_called_out_of_scope']} called out_of_scope), out_of_scope {nr['oos_correct']}/{nr['oos_n']}")
    for k, pt in res["plain_test"].items():
        common.log(f"[evaluate] BANKING77/CLINC150 test requests mapped to retail intents ({k}): "
                   f"{pt['in_scope_correct']}/{pt['in_scope_n']} ({pt['in_scope_called_out_of_scope']} called out_of_scope)")
    if rs:
        common.log(f"[evaluate] responder held-out loss {rs['loss']:.3f} (ppl {rs['perplexity']:.1f}) on {rs['pairs']} pairs")
    common.log(f"[evaluate] done in {time.time() - t0:.0f}s -> {out_dir}")
    write_models_readme()


def responder_heldout(data):
    import math
    import torch
    import random
    import prompts
    model = gpt2.load(P.wpath("responder.pt"), "lm").eval()
    pairs = D.read_csv(os.path.join(data, D.BITEXT_RESP))
    ev = D.bitext_eval_utterances(data)
    held = [(r["instruction"], r["intent"], r["response"]) for r in pairs if D.norm(r["instruction"]) in ev]
    rng = random.Random(5)
    tot, n = 0.0, 0
    with torch.no_grad():
        for req, intent, resp in held:
            ctx = P.random_context(rng, [intent])
            p = prompts.prompt_ids(intent, req, **ctx)
            t = prompts.target_ids(P.personalise(resp, ctx))
            ids = torch.tensor([(p + t)[:model.config.n_positions]])
            logits, _ = model(ids)
            L = ids.shape[1]
            lp = torch.log_softmax(logits[0, len(p) - 1:L - 1], -1)
            tgt = ids[0, len(p):L]
            tot += -lp[torch.arange(len(tgt)), tgt].sum().item()
            n += len(tgt)
    return {"pairs": len(held), "tokens": n, "loss": tot / max(n, 1), "perplexity": math.exp(tot / max(n, 1))}


def cmd_export(a):
    import export
    import fixture_corpus as fc
    import onnx_numpy
    import prompts
    common.setup_torch(seed=a.seed)
    parity_dir = os.path.join(common.FIXTURES, "parity")
    os.makedirs(parity_dir, exist_ok=True)
    if a.which in ("both", "intent"):
        m = gpt2.load(P.wpath("intent.pt"), "cls")
        m = export.write_folder(m, "cls", INTENT_DIR)
        th = json.load(open(P.wpath("intent.stats.json")))["oos_threshold"]
        cfgp = os.path.join(INTENT_DIR, "config.json")
        cfg = json.load(open(cfgp))
        cfg["oos_threshold"] = th
        json.dump(cfg, open(cfgp, "w"), indent=2)
        par = export.intent_parity(m, fc.PARITY_TEXTS, "intent")
        par["onnx_numpy_max_abs_diff"] = float(onnx_numpy.check_intent(os.path.join(INTENT_DIR, "onnx", "model.onnx"), par))
        common.log(f"[export] intent ONNX (NumPy evaluator) vs PyTorch max abs diff {par['onnx_numpy_max_abs_diff']:.2e}")
        json.dump(par, open(os.path.join(parity_dir, "intent.json"), "w"))
        common.log(f"[export] {INTENT_DIR} ({_size(os.path.join(INTENT_DIR, 'onnx', 'model.onnx'))})")
    if a.which in ("both", "responder"):
        m = gpt2.load(P.wpath("responder.pt"), "lm")
        m = export.write_folder(m, "lm", RESP_DIR)
        pids = []
        for c in fc.PARITY_CONTEXTS:
            c = dict(c)
            pids.append(prompts.prompt_ids(c.pop("intent"), c.pop("customer"), **c))
        par = export.responder_parity(m, pids, "responder")
        par["onnx_numpy_max_abs_diff"] = float(onnx_numpy.check_responder(os.path.join(RESP_DIR, "onnx", "model.onnx"), par))
        common.log(f"[export] responder ONNX (NumPy evaluator) vs PyTorch max abs diff {par['onnx_numpy_max_abs_diff']:.2e}, greedy equal")
        json.dump(par, open(os.path.join(parity_dir, "responder.json"), "w"))
        common.log(f"[export] {RESP_DIR} ({_size(os.path.join(RESP_DIR, 'onnx', 'model.onnx'))})")
    write_models_readme()


def _size(p):
    return f"{os.path.getsize(p) / 1e6:.1f} MB"


# ------------------------------------------------------------------------------------------ benchmarks
def cmd_benchmark(a):
    import torch
    common.setup_torch(seed=a.seed)
    out = {}
    if a.which in ("all", "banking77"):
        t0 = time.time()
        tr, va = D.banking77_split(a.data)
        te = D.banking77(a.data, "test")
        labels = sorted({l for _, l in tr})
        m, st = P.fit_classifier(labels, tr, a.banking_epochs, a.lr, a.seed, "bench-banking77", base=a.base, dropout=a.dropout)
        res = {}
        for name, split in (("validation", va), ("test", te)):
            pr = P.predict(m, [t for t, _ in split])
            conf, idx = pr.max(-1)
            pred = [labels[i] for i in idx.tolist()]
            rep = report([l for _, l in split], pred, conf.tolist(), labels)
            res[name] = {"accuracy": rep["accuracy"], "macro_f1": rep["macro avg f1"], "ece": rep["ece"], "n": rep["n"],
                         "most_confused": rep["most_confused"][:5]}
        res["train_n"], res["epochs"], res["dropout"], res["minutes"] = len(tr), a.banking_epochs, a.dropout, (time.time() - t0) / 60
        out["banking77"] = res
        common.log(f"[benchmark] BANKING77 test acc {res['test']['accuracy']:.4f} (val {res['validation']['accuracy']:.4f})")
        _dump(res, P.wpath("bench-banking77.json"))
    if a.which in ("all", "clinc150"):
        t0 = time.time()
        full = D.clinc(a.data, a.clinc_variant)
        tr = [(t, l) for t, l in full["train"]] + [(t, P.LABEL_OOS) for t, _ in full["oos_train"]]
        labels = sorted({l for _, l in full["train"]}) + [P.LABEL_OOS]
        m, st = P.fit_classifier(labels, tr, a.clinc_epochs, a.lr, a.seed, "bench-clinc150", base=a.base, dropout=a.dropout)
        lid = {l: i for i, l in enumerate(labels)}
        va = [(t, l) for t, l in full["val"]] + [(t, P.LABEL_OOS) for t, _ in full["oos_val"]]
        pv = P.predict(m, [t for t, _ in va])
        th = P.choose_threshold(pv, [lid[l] for _, l in va], labels, max_in_drop=a.clinc_max_in_drop)
        te_in, te_oos = full["test"], full["oos_test"]
        pi, po = P.predict(m, [t for t, _ in te_in]), P.predict(m, [t for t, _ in te_oos])
        res = {"variant": a.clinc_variant, "train_n": len(tr), "epochs": a.clinc_epochs, "dropout": a.dropout}
        for name, t in (("argmax", 0.0), ("threshold", th)):
            p_in, c_in = apply_threshold(pi, labels, t)
            p_oos, _ = apply_threshold(po, labels, t)
            res[name] = {"threshold": t,
                         "in_scope_accuracy": sum(p == l for p, (_, l) in zip(p_in, te_in)) / len(te_in),
                         "oos_recall": sum(p == P.LABEL_OOS for p in p_oos) / len(p_oos),
                         "ece_in_scope": ece(c_in, [p == l for p, (_, l) in zip(p_in, te_in)])}
        res["minutes"] = (time.time() - t0) / 60
        out["clinc150"] = res
        common.log(f"[benchmark] CLINC150 in-scope {res['argmax']['in_scope_accuracy']:.4f} / oos {res['argmax']['oos_recall']:.4f}; "
                   f"threshold {th}: {res['threshold']['in_scope_accuracy']:.4f} / {res['threshold']['oos_recall']:.4f}")
        _dump(res, P.wpath("bench-clinc150.json"))
    write_models_readme()


def _dump(obj, path):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(obj, f, indent=2)


def _load(name):
    p = P.wpath(name)
    return json.load(open(p)) if os.path.exists(p) else None


def write_models_readme():
    import readme
    readme.write_all()


def add_commands(sub):
    s = sub.add_parser("export", help="export artifacts/training/*.pt to models/intent, models/responder + parity fixtures")
    s.add_argument("--which", choices=["both", "intent", "responder"], default="both")
    s.add_argument("--seed", type=int, default=1234)
    s.set_defaults(fn=cmd_export)
    s = sub.add_parser("evaluate", help="rasa-test-like report of the intent classifier + responder held-out loss")
    s.add_argument("--which", choices=["both", "intent", "responder"], default="both")
    s.add_argument("--seed", type=int, default=1234)
    s.set_defaults(fn=cmd_evaluate)
    s = sub.add_parser("benchmark-datasets", help="same classifier recipe on BANKING77 and CLINC150 (not shipped)")
    s.add_argument("--which", choices=["all", "banking77", "clinc150"], default="all")
    s.add_argument("--banking-epochs", type=int, default=20, help="default: the same as train-intent")
    s.add_argument("--clinc-epochs", type=int, default=20, help="default: the same as train-intent")
    s.add_argument("--clinc-variant", choices=["full", "oos_plus"], default="oos_plus")
    s.add_argument("--clinc-max-in-drop", type=float, default=0.01)
    s.add_argument("--lr", type=float, default=2e-3)
    s.add_argument("--dropout", type=float, default=0.2, help="default: the same as train-intent")
    s.add_argument("--base", default="pretrain", help="pretrained checkpoint (the shipped intent model's base)")
    s.add_argument("--seed", type=int, default=1234)
    s.set_defaults(fn=cmd_benchmark)
