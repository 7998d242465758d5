"""Training loops: causal LM (loss on chosen positions, optional restricted softmax) and classifier."""
import math
import random
import time

import numpy as np
import torch
import torch.nn.functional as F

import common
import gpt2


def make_batches(examples, max_tokens, max_batch, rng):
    """examples: list of (ids, loss_start). Length-sorted buckets, shuffled order."""
    order = sorted(range(len(examples)), key=lambda i: (len(examples[i][0]), i))
    # shuffle within similar lengths deterministically
    batches, cur, cur_max = [], [], 0
    for i in order:
        L = len(examples[i][0])
        if cur and (max(cur_max, L) * (len(cur) + 1) > max_tokens or len(cur) >= max_batch):
            batches.append(cur)
            cur, cur_max = [], 0
        cur.append(i)
        cur_max = max(cur_max, L)
    if cur:
        batches.append(cur)
    rng.shuffle(batches)
    return batches


def collate_lm(examples, idx):
    T = max(len(examples[i][0]) for i in idx)
    ids = torch.full((len(idx), T), gpt2.EOT_ID, dtype=torch.long)
    mask = torch.zeros((len(idx), T), dtype=torch.long)
    tgt_rows, tgt_cols, tgt = [], [], []
    for r, i in enumerate(idx):
        seq, start = examples[i]
        ids[r, :len(seq)] = torch.tensor(seq)
        mask[r, :len(seq)] = 1
        for t in range(max(start, 1), len(seq)):  # predict seq[t] from position t-1
            tgt_rows.append(r)
            tgt_cols.append(t - 1)
            tgt.append(seq[t])
    return ids, mask, torch.tensor(tgt_rows), torch.tensor(tgt_cols), torch.tensor(tgt)


def lr_at(step, total, peak, warmup, time_frac=0.0):
    if step < warmup:
        return peak * (step + 1) / warmup
    p = max((step - warmup) / max(1, total - warmup), time_frac)
    return peak * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(1.0, p))))


def lm_loss(model, ids, mask, rows, cols, tgt, cand=None, remap=None, neg=None):
    h, _ = model.transformer(ids, None, mask)
    hs = h[rows, cols]
    W = model.transformer.wte.weight
    if cand is None:
        logits = hs @ W.t()
        return F.cross_entropy(logits, tgt)
    c = cand if neg is None else torch.cat([cand, neg])
    logits = hs @ W[c].t()
    return F.cross_entropy(logits, remap[tgt])


def train_lm(model, examples, epochs, lr=2e-3, max_tokens=4096, max_batch=64, warmup=100, seed=1234,
             name="lm", restrict_vocab=True, neg_samples=2048, time_budget_s=None, weight_decay=0.01):
    """Causal LM training. With `time_budget_s` the cosine schedule follows whichever of step and wall-clock
    fraction is further along and training stops at the budget (NOT reproducible step-for-step; the default,
    without a budget, is deterministic). restrict_vocab: softmax over the corpus' own tokens plus `neg_samples`
    random other tokens per step (pushes unseen tokens' logits down at a fraction of the cost of the
    full 50257-way softmax). Returns stats."""
    rng = random.Random(seed)
    g = torch.Generator().manual_seed(seed)
    cand = remap = None
    others = None
    if restrict_vocab:
        used = sorted({t for seq, _ in examples for t in seq})
        cand = torch.tensor(used)
        remap = torch.full((gpt2.VOCAB,), -1, dtype=torch.long)
        remap[cand] = torch.arange(len(used))
        mask_o = torch.ones(gpt2.VOCAB, dtype=torch.bool)
        mask_o[cand] = False
        others = torch.nonzero(mask_o).flatten()
        common.log(f"[{name}] restricted softmax over {len(used)} corpus tokens + {neg_samples} sampled negatives")
    epoch_batches = [make_batches(examples, max_tokens, max_batch, rng) for _ in range(epochs)]
    total = sum(len(b) for b in epoch_batches)
    opt = torch.optim.AdamW(model.parameters(), lr=lr, betas=(0.9, 0.98), weight_decay=weight_decay)
    prog = common.Progress(name, total)
    model.train()
    step = 0
    t0 = time.time()
    ema = None
    for ep, batches in enumerate(epoch_batches):
        for idx in batches:
            tf = (time.time() - t0) / time_budget_s if time_budget_s else 0.0
            for group in opt.param_groups:
                group["lr"] = lr_at(step, total, lr, warmup, tf)
            ids, mask, rows, cols, tgt = collate_lm(examples, idx)
            neg = None
            if restrict_vocab and neg_samples and len(others):
                neg = others[torch.randint(0, len(others), (neg_samples,), generator=g)]
            loss = lm_loss(model, ids, mask, rows, cols, tgt, cand, remap, neg)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            step += 1
            ema = loss.item() if ema is None else 0.98 * ema + 0.02 * loss.item()
            prog.update(step, ema, int(mask.sum()), extra=f"epoch {ep + 1}/{epochs}")
            if time_budget_s and time.time() - t0 > time_budget_s:
                common.log(f"[{name}] time budget reached at step {step}")
                return {"steps": step, "loss": ema, "seconds": time.time() - t0}
    model.eval()
    return {"steps": step, "loss": ema, "seconds": time.time() - t0}


def collate_cls(seqs, labels, idx, pad=gpt2.EOT_ID):
    T = max(len(seqs[i]) for i in idx)
    ids = torch.full((len(idx), T), pad, dtype=torch.long)
    mask = torch.zeros((len(idx), T), dtype=torch.long)
    for r, i in enumerate(idx):
        ids[r, :len(seqs[i])] = torch.tensor(seqs[i])
        mask[r, :len(seqs[i])] = 1
    return ids, mask, torch.tensor([labels[i] for i in idx])


def train_cls(model, seqs, labels, epochs, lr=2e-3, batch=32, warmup=100, seed=1234, name="cls",
              label_smoothing=0.0, weight_decay=0.01, class_weights=None):
    """Classifier fine-tuning with a compact embedding table: only the rows of the tokens that occur in the
    training texts are trained (a temporary [n_used, n_embd] table, written back into the full 50257-row
    wte at the end; every other token keeps its pretrained embedding). Same result as training the full
    table rows that get gradients, at a fraction of the optimizer cost per step."""
    rng = random.Random(seed)
    n = len(seqs)
    used = sorted({t for s in seqs for t in s})
    remap = {t: i for i, t in enumerate(used)}
    cseqs = [[remap[t] for t in s] for s in seqs]
    full = model.transformer.wte
    small = torch.nn.Embedding(len(used), full.weight.shape[1])
    with torch.no_grad():
        small.weight.copy_(full.weight[torch.tensor(used)])
    model.transformer.wte = small
    steps_per_epoch = (n + batch - 1) // batch
    total = steps_per_epoch * epochs
    opt = torch.optim.AdamW(model.parameters(), lr=lr, betas=(0.9, 0.98), weight_decay=weight_decay)
    prog = common.Progress(name, total)
    cw = torch.tensor(class_weights, dtype=torch.float) if class_weights is not None else None
    model.train()
    step, ema = 0, None
    t0 = time.time()
    try:
        for ep in range(epochs):
            order = list(range(n))
            rng.shuffle(order)
            chunks = [order[i:i + batch * 20] for i in range(0, n, batch * 20)]
            batches = []
            for c in chunks:  # length-bucketed, shuffled batches
                c = sorted(c, key=lambda i: len(cseqs[i]))
                batches += [c[i:i + batch] for i in range(0, len(c), batch)]
            rng.shuffle(batches)
            for idx in batches:
                for group in opt.param_groups:
                    group["lr"] = lr_at(step, total, lr, warmup)
                ids, mask, y = collate_cls(cseqs, labels, idx, pad=0)
                logits = model(ids, mask)
                loss = F.cross_entropy(logits, y, weight=cw, label_smoothing=label_smoothing)
                opt.zero_grad(set_to_none=True)
                loss.backward()
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                opt.step()
                step += 1
                ema = loss.item() if ema is None else 0.95 * ema + 0.05 * loss.item()
                prog.update(step, ema, int(mask.sum()), extra=f"epoch {ep + 1}/{epochs}")
    finally:
        with torch.no_grad():
            full.weight[torch.tensor(used)] = small.weight
        model.transformer.wte = full
    model.eval()
    return {"steps": step, "loss": ema, "seconds": time.time() - t0, "trained_embedding_rows": len(used)}


@torch.no_grad()
def predict_cls(model, seqs, batch=128):
    model.eval()
    out = []
    order = sorted(range(len(seqs)), key=lambda i: len(seqs[i]))
    res = [None] * len(seqs)
    for i in range(0, len(order), batch):
        idx = order[i:i + batch]
        ids, mask, _ = collate_cls(seqs, [0] * len(seqs), idx)
        logits = model(ids, mask)
        for j, k in enumerate(idx):
            res[k] = logits[j]
    return torch.stack(res)
