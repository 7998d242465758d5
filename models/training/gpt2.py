"""GPT-2 in plain PyTorch with Hugging Face GPT-2 parameter names.

transformer.wte/wpe, transformer.h.{i}.ln_1/attn.c_attn/attn.c_proj/ln_2/mlp.c_fc/mlp.c_proj (Conv1D
layout: weight [in, out]), transformer.ln_f, lm_head (tied to wte) and, for the classifier, score.weight
(as GPT2ForSequenceClassification). Pre-LayerNorm blocks, learned positions, GELU (tanh) MLP.
"""
import json
import math
from dataclasses import dataclass, asdict, field

import torch
import torch.nn as nn
import torch.nn.functional as F

VOCAB = 50257
EOT_ID = 50256


@dataclass
class GPT2Config:
    vocab_size: int = VOCAB
    n_positions: int = 512
    n_embd: int = 128
    n_layer: int = 4
    n_head: int = 4
    dropout: float = 0.1
    layer_norm_epsilon: float = 1e-5
    labels: list = field(default_factory=list)  # classifier labels, index = id

    def to_dict(self):
        return asdict(self)

    @classmethod
    def from_dict(cls, d):
        return cls(**{k: v for k, v in d.items() if k in cls.__dataclass_fields__})


class Conv1D(nn.Module):
    def __init__(self, nx, nf):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(nx, nf).normal_(0.0, 0.02))
        self.bias = nn.Parameter(torch.zeros(nf))

    def forward(self, x):
        return torch.matmul(x, self.weight) + self.bias


def gelu_new(x):
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))


class Attention(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.n_head, self.n_embd = cfg.n_head, cfg.n_embd
        self.head_dim = cfg.n_embd // cfg.n_head
        self.c_attn = Conv1D(cfg.n_embd, 3 * cfg.n_embd)
        self.c_proj = Conv1D(cfg.n_embd, cfg.n_embd)
        self.attn_dropout = nn.Dropout(cfg.dropout)
        self.resid_dropout = nn.Dropout(cfg.dropout)

    def forward(self, x, mask, past_k=None, past_v=None):
        B, T, C = x.shape
        q, k, v = self.c_attn(x).split(self.n_embd, dim=2)
        q = q.view(B, T, self.n_head, self.head_dim).transpose(1, 2)
        k = k.view(B, T, self.n_head, self.head_dim).transpose(1, 2)
        v = v.view(B, T, self.n_head, self.head_dim).transpose(1, 2)
        if past_k is not None:  # always concatenate (no branch on the past length: ONNX export)
            k = torch.cat([past_k, k], dim=2)
            v = torch.cat([past_v, v], dim=2)
        att = torch.matmul(q, k.transpose(-1, -2)) * (1.0 / math.sqrt(self.head_dim))
        # most negative finite value, never -inf: fully masked pad rows must not give NaN
        att = torch.where(mask, att, torch.tensor(torch.finfo(att.dtype).min, dtype=att.dtype))
        att = self.attn_dropout(torch.softmax(att, dim=-1))
        y = torch.matmul(att, v).transpose(1, 2).reshape(B, T, C)
        return self.resid_dropout(self.c_proj(y)), k, v


class MLP(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.c_fc = Conv1D(cfg.n_embd, 4 * cfg.n_embd)
        self.c_proj = Conv1D(4 * cfg.n_embd, cfg.n_embd)
        self.dropout = nn.Dropout(cfg.dropout)

    def forward(self, x):
        return self.dropout(self.c_proj(gelu_new(self.c_fc(x))))


class Block(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.ln_1 = nn.LayerNorm(cfg.n_embd, eps=cfg.layer_norm_epsilon)
        self.attn = Attention(cfg)
        self.ln_2 = nn.LayerNorm(cfg.n_embd, eps=cfg.layer_norm_epsilon)
        self.mlp = MLP(cfg)

    def forward(self, x, mask, past_k=None, past_v=None):
        a, k, v = self.attn(self.ln_1(x), mask, past_k, past_v)
        x = x + a
        x = x + self.mlp(self.ln_2(x))
        return x, k, v


def build_mask(attention_mask, T, S, device=None):
    """Boolean [B or 1, 1, T, S] mask: causal (query i sits at absolute position S-T+i) and key padding."""
    k_idx = torch.arange(S, device=device)
    q_idx = torch.arange(T, device=device) + (S - T)
    causal = (k_idx.unsqueeze(0) <= q_idx.unsqueeze(1)).unsqueeze(0).unsqueeze(0)
    if attention_mask is None:
        return causal
    return causal & (attention_mask > 0).unsqueeze(1).unsqueeze(2)


def positions_from_mask(attention_mask):
    """cumsum(mask) - 1, pads get 1 (as Hugging Face generate does)."""
    pos = torch.cumsum(attention_mask, dim=-1) - 1
    return pos.masked_fill(attention_mask == 0, 1)


class GPT2Model(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.wte = nn.Embedding(cfg.vocab_size, cfg.n_embd)
        self.wpe = nn.Embedding(cfg.n_positions, cfg.n_embd)
        self.drop = nn.Dropout(cfg.dropout)
        self.h = nn.ModuleList([Block(cfg) for _ in range(cfg.n_layer)])
        self.ln_f = nn.LayerNorm(cfg.n_embd, eps=cfg.layer_norm_epsilon)

    def forward(self, input_ids, position_ids=None, attention_mask=None, past=None):
        B, T = input_ids.shape
        past_len = past[0][0].shape[2] if past is not None else 0
        S = past_len + T
        if position_ids is None:
            if attention_mask is not None:
                position_ids = positions_from_mask(attention_mask)[:, -T:]
            else:
                position_ids = torch.arange(past_len, S, device=input_ids.device).unsqueeze(0)
        mask = build_mask(attention_mask, T, S, input_ids.device)
        x = self.drop(self.wte(input_ids) + self.wpe(position_ids))
        presents = []
        for i, block in enumerate(self.h):
            pk, pv = (past[i] if past is not None else (None, None))
            x, k, v = block(x, mask, pk, pv)
            presents.append((k, v))
        return self.ln_f(x), presents


def _init(module, cfg):
    for name, p in module.named_parameters():
        if name.endswith("c_proj.weight"):  # GPT-2 scaled residual init
            nn.init.normal_(p, 0.0, 0.02 / math.sqrt(2 * cfg.n_layer))
        elif name.endswith("wte.weight") or name.endswith("wpe.weight"):
            nn.init.normal_(p, 0.0, 0.02)


class GPT2LMHeadModel(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.config = cfg
        self.transformer = GPT2Model(cfg)
        self.lm_head = nn.Linear(cfg.n_embd, cfg.vocab_size, bias=False)
        self.lm_head.weight = self.transformer.wte.weight  # tied
        _init(self, cfg)

    def forward(self, input_ids, position_ids=None, attention_mask=None, past=None):
        h, presents = self.transformer(input_ids, position_ids, attention_mask, past)
        return self.lm_head(h), presents


class GPT2ForSequenceClassification(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.config = cfg
        self.transformer = GPT2Model(cfg)
        self.score = nn.Linear(cfg.n_embd, len(cfg.labels), bias=False)
        _init(self, cfg)
        nn.init.normal_(self.score.weight, 0.0, 0.02)

    def pooled(self, input_ids, attention_mask):
        # positions from the mask so that left and right padding give the same result
        h, _ = self.transformer(input_ids, positions_from_mask(attention_mask), attention_mask)
        T = input_ids.shape[1]
        idx = torch.argmax(attention_mask * torch.arange(T, device=input_ids.device), dim=-1)  # last mask==1
        return h[torch.arange(h.shape[0], device=h.device), idx]

    def forward(self, input_ids, attention_mask):
        return self.score(self.pooled(input_ids, attention_mask))


def save(model, path):
    torch.save({"config": model.config.to_dict(), "state_dict": model.state_dict(),
                "kind": "cls" if isinstance(model, GPT2ForSequenceClassification) else "lm"}, path)


def load(path, kind=None):
    ck = torch.load(path, map_location="cpu")
    cfg = GPT2Config.from_dict(ck["config"])
    kind = kind or ck["kind"]
    model = GPT2ForSequenceClassification(cfg) if kind == "cls" else GPT2LMHeadModel(cfg)
    sd = ck["state_dict"]
    missing, unexpected = model.load_state_dict(sd, strict=False)
    missing = [m for m in missing if not m.startswith("score.") and m != "lm_head.weight"]
    assert not missing, missing
    return model
