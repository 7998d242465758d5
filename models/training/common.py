"""Shared helpers: paths, seeding, torch setup, progress printing."""
import os
import random
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
MODELS = os.path.join(REPO, "models")
FIXTURES = os.path.join(REPO, "tests", "CustomerService.Nlu.Tests", "Fixtures")
DEFAULT_DATA = os.path.abspath(os.path.join(REPO, "..", "shared", "data"))
TOKENIZER_JSON = os.path.join(HERE, "assets", "gpt2-tokenizer.json")
WORK = os.environ.get("CS_WORK") or os.path.join(REPO, "artifacts", "training")  # checkpoints, logs (git-ignored; kept out of models/, which ships)


def setup_torch(threads=2, seed=1234):
    import torch
    torch.set_flush_denormal(True)
    torch.set_num_threads(threads)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass
    seed_all(seed)
    return torch


def seed_all(seed):
    import numpy as np
    import torch
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


_tok = None


def tokenizer():
    global _tok
    if _tok is None:
        from bpe import GPT2BPE
        _tok = GPT2BPE.from_tokenizer_json(TOKENIZER_JSON)
    return _tok


class Progress:
    """Prints step, loss, tokens/s and ETA every `every` seconds."""

    def __init__(self, name, total_steps, every=10.0):
        self.name, self.total, self.every = name, total_steps, every
        self.t0 = time.time()
        self.last = 0.0
        self.tokens = 0

    def update(self, step, loss, tokens, force=False, extra=""):
        self.tokens += tokens
        now = time.time()
        if force or now - self.last >= self.every or step == self.total:
            self.last = now
            el = now - self.t0
            tps = self.tokens / max(el, 1e-9)
            eta = el / max(step, 1) * (self.total - step)
            print(f"[{self.name}] step {step}/{self.total} loss {loss:.4f} tok/s {tps:,.0f} "
                  f"elapsed {el/60:.1f}m ETA {eta/60:.1f}m {extra}", flush=True)


def log(msg):
    print(msg, flush=True)
    sys.stdout.flush()
