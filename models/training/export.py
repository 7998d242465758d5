"""ONNX export (Hugging Face Optimum layout and I/O names) + config/tokenizer files + parity fixtures."""
import json
import os
import shutil

import numpy as np
import onnx
from onnx import helper, numpy_helper, TensorProto
import torch

import bpe
import common
import gpt2

OPSET = 14


class LMExport(gpt2.GPT2LMHeadModel):
    """input_ids, attention_mask, position_ids, past_key_values.{i}.key/value -> logits, present.{i}.key/value"""

    def forward(self, input_ids, attention_mask, position_ids, *past_flat):
        n = self.config.n_layer
        past = [(past_flat[2 * i], past_flat[2 * i + 1]) for i in range(n)]
        h, presents = self.transformer(input_ids, position_ids, attention_mask, past)
        logits = self.lm_head(h).reshape(input_ids.shape[0], input_ids.shape[1], self.config.vocab_size)
        out = [logits]
        for k, v in presents:
            out += [k, v]
        return tuple(out)


class ClsExport(gpt2.GPT2ForSequenceClassification):
    def forward(self, input_ids, attention_mask):
        return self.score(self.pooled(input_ids, attention_mask))


def _as(model, cls):
    m = cls(model.config)
    m.load_state_dict(model.state_dict())
    m.eval()
    return m


def lm_io_names(n_layer):
    ins = ["input_ids", "attention_mask", "position_ids"]
    outs = ["logits"]
    for i in range(n_layer):
        ins += [f"past_key_values.{i}.key", f"past_key_values.{i}.value"]
        outs += [f"present.{i}.key", f"present.{i}.value"]
    return ins, outs


def export_lm_onnx(model, path):
    cfg = model.config
    m = _as(model, LMExport)
    ins, outs = lm_io_names(cfg.n_layer)
    B, T, P = 2, 3, 2  # dummy past of length >= 1 (see MODELS.md)
    hd = cfg.n_embd // cfg.n_head
    ids = torch.randint(0, 1000, (B, T))
    mask = torch.ones(B, P + T, dtype=torch.long)
    pos = torch.arange(P, P + T).unsqueeze(0).repeat(B, 1)
    past = [torch.zeros(B, cfg.n_head, P, hd) for _ in range(2 * cfg.n_layer)]
    axes = {"input_ids": {0: "batch_size", 1: "sequence_length"},
            "attention_mask": {0: "batch_size", 1: "total_sequence_length"},
            "position_ids": {0: "batch_size", 1: "sequence_length"},
            "logits": {0: "batch_size", 1: "sequence_length"}}
    for i in range(cfg.n_layer):
        for kv in ("key", "value"):
            axes[f"past_key_values.{i}.{kv}"] = {0: "batch_size", 2: "past_sequence_length"}
            axes[f"present.{i}.{kv}"] = {0: "batch_size", 2: "total_sequence_length"}
    with torch.no_grad():
        torch.onnx.export(m, (ids, mask, pos, *past), path, input_names=ins, output_names=outs,
                          dynamic_axes=axes, opset_version=OPSET, do_constant_folding=False)
    _finish(path, ins, outs)


def export_cls_onnx(model, path):
    m = _as(model, ClsExport)
    ids = torch.randint(0, 1000, (2, 5))
    mask = torch.tensor([[1, 1, 1, 1, 1], [0, 0, 1, 1, 1]])
    ins, outs = ["input_ids", "attention_mask"], ["logits"]
    axes = {"input_ids": {0: "batch_size", 1: "sequence_length"},
            "attention_mask": {0: "batch_size", 1: "sequence_length"},
            "logits": {0: "batch_size"}}
    with torch.no_grad():
        torch.onnx.export(m, (ids, mask), path, input_names=ins, output_names=outs, dynamic_axes=axes,
                          opset_version=OPSET, do_constant_folding=False)
    _finish(path, ins, outs)


def _finish(path, ins, outs):
    """Store float initializers as fp16 with a Cast to fp32 at graph start; assert I/O names.

    Embedding lookups (Gather) read the fp16 table and cast only the rows they gather: ONNX Runtime folds a
    Cast of an initializer into an fp32 copy at load, so a table cast up front would be resident twice in
    fp32 (the 50257 x n_embd token table is most of the model). Gather-then-Cast equals Cast-then-Gather
    bit for bit."""
    mdl = onnx.load(path)
    g = mdl.graph
    casts, new_inits, fp16_of = [], [], {}
    for init in g.initializer:
        if init.data_type == TensorProto.FLOAT and len(init.dims) > 0:
            arr = numpy_helper.to_array(init)
            if np.abs(arr).max() < 60000:
                h = numpy_helper.from_array(arr.astype(np.float16), init.name + "_fp16")
                new_inits.append(h)
                fp16_of[init.name] = h.name
                casts.append(helper.make_node("Cast", [h.name], [init.name], to=TensorProto.FLOAT,
                                              name="Cast_" + init.name))
                continue
        new_inits.append(init)
    del g.initializer[:]
    g.initializer.extend(new_inits)
    nodes = []
    for n in g.node:
        if n.op_type == "Gather" and n.input[0] in fp16_of:
            rows = n.output[0] + "_fp16"
            axis = next((a.i for a in n.attribute if a.name == "axis"), 0)
            nodes.append(helper.make_node("Gather", [fp16_of[n.input[0]], n.input[1]], [rows], name=n.name, axis=axis))
            nodes.append(helper.make_node("Cast", [rows], [n.output[0]], to=TensorProto.FLOAT, name=n.name + "_Cast"))
        else:
            nodes.append(n)
    consumed = {i for n in nodes for i in n.input} | {o.name for o in g.output}
    del g.node[:]
    g.node.extend([c for c in casts if c.output[0] in consumed] + nodes)
    onnx.checker.check_model(mdl)
    onnx.save(mdl, path)
    got_in = [i.name for i in mdl.graph.input if i.name not in {x.name for x in mdl.graph.initializer}]
    got_out = [o.name for o in mdl.graph.output]
    assert got_in == ins, (got_in, ins)
    assert got_out == outs, (got_out, outs)


def round_fp16(model):
    """Make the PyTorch weights equal to what the fp16-stored ONNX file computes with."""
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(p.half().float())
    return model


def hf_config(model, kind):
    c = model.config
    d = {
        "architectures": ["GPT2ForSequenceClassification" if kind == "cls" else "GPT2LMHeadModel"],
        "model_type": "gpt2",
        "vocab_size": c.vocab_size, "n_positions": c.n_positions, "n_ctx": c.n_positions,
        "n_embd": c.n_embd, "n_layer": c.n_layer, "n_head": c.n_head, "n_inner": None,
        "activation_function": "gelu_new", "resid_pdrop": c.dropout, "embd_pdrop": c.dropout,
        "attn_pdrop": c.dropout, "layer_norm_epsilon": c.layer_norm_epsilon, "initializer_range": 0.02,
        "scale_attn_weights": True, "use_cache": kind != "cls", "tie_word_embeddings": True,
        "bos_token_id": gpt2.EOT_ID, "eos_token_id": gpt2.EOT_ID,
        "torch_dtype": "float32",
    }
    if kind == "cls":
        d["id2label"] = {str(i): l for i, l in enumerate(c.labels)}
        d["label2id"] = {l: i for i, l in enumerate(c.labels)}
        d["num_labels"] = len(c.labels)
        d["pad_token_id"] = gpt2.EOT_ID
        d["problem_type"] = "single_label_classification"
    return d


def generation_config(max_new_tokens=256):
    return {"bos_token_id": gpt2.EOT_ID, "eos_token_id": gpt2.EOT_ID, "pad_token_id": gpt2.EOT_ID,
            "do_sample": False, "max_new_tokens": max_new_tokens, "repetition_penalty": 1.0}


def write_folder(model, kind, out_dir, card=None, extra_files=None):
    """Writes config.json, tokenizer.json, tokenizer_config.json, (generation_config.json), onnx/model.onnx."""
    os.makedirs(os.path.join(out_dir, "onnx"), exist_ok=True)
    model = round_fp16(model)
    model.eval()
    with open(os.path.join(out_dir, "config.json"), "w") as f:
        json.dump(hf_config(model, kind), f, indent=2)
    shutil.copyfile(common.TOKENIZER_JSON, os.path.join(out_dir, "tokenizer.json"))
    with open(os.path.join(out_dir, "tokenizer_config.json"), "w") as f:
        json.dump(bpe.tokenizer_config(model.config.n_positions), f, indent=2)
    if kind == "lm":
        with open(os.path.join(out_dir, "generation_config.json"), "w") as f:
            json.dump(generation_config(min(256, model.config.n_positions // 2)), f, indent=2)
        export_lm_onnx(model, os.path.join(out_dir, "onnx", "model.onnx"))
    else:
        export_cls_onnx(model, os.path.join(out_dir, "onnx", "model.onnx"))
    if card is not None:
        with open(os.path.join(out_dir, "README.md"), "w") as f:
            f.write(card)
    return model


# ----------------------------------------------------------------------------------------------
# Parity fixtures (computed with PyTorch on the fp16-rounded weights; C# compares ONNX Runtime)

TOPK = 64
FIXED_IDS = [0, 13, 198, 220, 262, 290, 314, 318, 345, 1303, 50256]


def _left_pad(seqs, pad=gpt2.EOT_ID, left=True):
    T = max(len(s) for s in seqs)
    ids, mask = [], []
    for s in seqs:
        p = T - len(s)
        ids.append(([pad] * p + s) if left else (s + [pad] * p))
        mask.append(([0] * p + [1] * len(s)) if left else ([1] * len(s) + [0] * p))
    return torch.tensor(ids), torch.tensor(mask)


@torch.no_grad()
def lm_step(model, ids, mask, pos, past=None):
    cfg = model.config
    if past is None:
        hd = cfg.n_embd // cfg.n_head
        past = [(torch.zeros(ids.shape[0], cfg.n_head, 0, hd), torch.zeros(ids.shape[0], cfg.n_head, 0, hd))
                for _ in range(cfg.n_layer)]
    logits, presents = model(ids, pos, mask, past)
    return logits, presents


@torch.no_grad()
def greedy(model, ids, mask, steps):
    """Greedy continuation for `steps` tokens (no stop at EOS). Positions = cumsum(mask)-1, pads 1."""
    ids, mask = ids.clone(), mask.clone()
    pos = gpt2.positions_from_mask(mask)
    logits, past = lm_step(model, ids, mask, pos)
    out = []
    cur_pos = pos[:, -1:]
    for _ in range(steps):
        nxt = logits[:, -1].argmax(-1, keepdim=True)
        out.append(nxt)
        mask = torch.cat([mask, torch.ones_like(nxt)], 1)
        cur_pos = cur_pos + 1
        logits, past = lm_step(model, nxt, mask, cur_pos, past)
    return torch.cat(out, 1)


@torch.no_grad()
def greedy_uncached(model, ids, mask, steps):
    ids, mask = ids.clone(), mask.clone()
    out = []
    for _ in range(steps):
        pos = gpt2.positions_from_mask(mask)
        logits, _ = lm_step(model, ids, mask, pos)
        nxt = logits[:, -1].argmax(-1, keepdim=True)
        out.append(nxt)
        ids = torch.cat([ids, nxt], 1)
        mask = torch.cat([mask, torch.ones_like(nxt)], 1)
    return torch.cat(out, 1)


def _logit_record(row):
    vals, idx = torch.topk(row, TOPK)
    return {"top_ids": idx.tolist(), "top_values": [float(v) for v in vals],
            "fixed_values": [float(row[i]) for i in FIXED_IDS]}


def responder_parity(model, prompts, name, steps=32):
    """prompts: list of token-id lists. Returns the fixture dict (see Fixtures/parity/README.md)."""
    model = round_fp16(model).eval()
    cfg = model.config
    cases = []
    variants = [("single", [prompts[0]], True)]
    variants.append(("left_padded_batch", prompts, True))
    variants.append(("right_padded_batch_no_generation", prompts, False))
    for vname, seqs, left in variants:
        ids, mask = _left_pad(seqs, left=left)
        pos = gpt2.positions_from_mask(mask)
        logits, _ = lm_step(model, ids, mask, pos)
        T = ids.shape[1]
        if left:
            last = logits[:, -1]
        else:
            last = logits[torch.arange(len(seqs)), mask.sum(1) - 1]
        case = {"name": vname, "input_ids": ids.tolist(), "attention_mask": mask.tolist(),
                "position_ids": pos.tolist(), "last_logits": [_logit_record(r) for r in last]}
        # cache parity: first `split` tokens with zero-length past, the rest with the cache
        split = max(1, T // 2)
        l1, past = lm_step(model, ids[:, :split], mask[:, :split], pos[:, :split])
        l2, _ = lm_step(model, ids[:, split:], mask, pos[:, split:], past)
        both = torch.cat([l1, l2], 1)
        real = mask.bool()  # pad positions hold arbitrary values; compare real tokens only
        err = (both - logits).abs()[real].max().item()
        assert err < 1e-4, f"cache parity failed in PyTorch: {err}"
        case["cache_split"] = split
        case["max_abs_diff_cached_vs_uncached_torch"] = err
        if left:
            g = greedy(model, ids, mask, steps)
            gu = greedy_uncached(model, ids, mask, steps)
            assert torch.equal(g, gu), "cached greedy != uncached greedy in PyTorch"
            case["greedy_steps"] = steps
            case["greedy"] = g.tolist()
            if len(seqs) > 1:  # a left-padded batch equals each prompt alone
                for i, s in enumerate(seqs):
                    gi = greedy(model, torch.tensor([s]), torch.ones(1, len(s), dtype=torch.long), steps)
                    assert torch.equal(gi[0], g[i]), "left-padded batch greedy differs from single"
        cases.append(case)
    return {"model": name, "kind": "responder", "vocab_size": cfg.vocab_size, "n_layer": cfg.n_layer,
            "n_head": cfg.n_head, "head_dim": cfg.n_embd // cfg.n_head, "n_positions": cfg.n_positions,
            "atol": 1e-4, "topk": TOPK, "fixed_ids": FIXED_IDS, "source": "pytorch-fp16-rounded-weights",
            "cases": cases}


def intent_parity(model, texts, name):
    model = round_fp16(model).eval()
    tok = common.tokenizer()
    seqs = [tok.encode(t) for t in texts]
    cases, results = [], {}
    for vname, left in (("right_padded", False), ("left_padded", True)):
        ids, mask = _left_pad(seqs, left=left)
        with torch.no_grad():
            logits = model(ids, mask)
        results[vname] = logits
        cases.append({"name": vname, "input_ids": ids.tolist(), "attention_mask": mask.tolist(),
                      "logits": [[float(x) for x in r] for r in logits]})
    err = (results["right_padded"] - results["left_padded"]).abs().max().item()
    assert err < 1e-4, f"left vs right padding differ in PyTorch: {err}"
    singles = []
    for s in seqs:
        with torch.no_grad():
            singles.append(model(torch.tensor([s]), torch.ones(1, len(s), dtype=torch.long))[0])
    err2 = (torch.stack(singles) - results["right_padded"]).abs().max().item()
    assert err2 < 1e-4, f"batched vs single differ: {err2}"
    labels = model.config.labels
    return {"model": name, "kind": "intent", "labels": labels, "atol": 1e-4,
            "source": "pytorch-fp16-rounded-weights", "texts": texts,
            "expected_labels": [labels[int(i)] for i in results["right_padded"].argmax(-1)],
            "cases": cases}
