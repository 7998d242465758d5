"""GPT-2 byte-level BPE, implemented from scratch (no `tokenizers`/`transformers` needed).

Identical to OpenAI's GPT-2 encoder, Hugging Face's GPT-2 tokenizer.json and
Microsoft.ML.Tokenizers' TiktokenTokenizer.CreateForModel("gpt2") on ordinary text.
Text is encoded WITHOUT special-token handling: a typed "<|endoftext|>" is ordinary text.
"""
import json
import regex

EOT_ID = 50256
EOT = "<|endoftext|>"
# The GPT-2 / tiktoken r50k pre-tokenizer pattern.
PATTERN = regex.compile(r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+""")


def bytes_to_unicode():
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("\xa1"), ord("\xac") + 1)) + list(range(ord("\xae"), ord("\xff") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, [chr(c) for c in cs]))


BYTE_ENCODER = bytes_to_unicode()
BYTE_DECODER = {v: k for k, v in BYTE_ENCODER.items()}


class GPT2BPE:
    def __init__(self, vocab, merges):
        self.encoder = dict(vocab)
        self.decoder = {v: k for k, v in self.encoder.items()}
        self.ranks = {tuple(m.split(" ")) if isinstance(m, str) else tuple(m): i for i, m in enumerate(merges)}
        self.cache = {}

    @classmethod
    def from_tokenizer_json(cls, path):
        with open(path, encoding="utf-8") as f:
            tj = json.load(f)
        model = tj["model"]
        return cls(model["vocab"], model["merges"])

    @classmethod
    def from_gpt2_files(cls, encoder_json, vocab_bpe):
        with open(encoder_json, encoding="utf-8") as f:
            vocab = json.load(f)
        with open(vocab_bpe, encoding="utf-8") as f:
            lines = f.read().split("\n")
        merges = [ln for ln in lines[1:] if ln.strip() and not ln.startswith("#version")]
        return cls(vocab, merges)

    def _bpe(self, token):
        if token in self.cache:
            return self.cache[token]
        word = list(token)
        while len(word) > 1:
            best, best_rank = None, None
            for i in range(len(word) - 1):
                r = self.ranks.get((word[i], word[i + 1]))
                if r is not None and (best_rank is None or r < best_rank):
                    best, best_rank = (word[i], word[i + 1]), r
            if best is None:
                break
            new, i = [], 0
            while i < len(word):
                if i < len(word) - 1 and word[i] == best[0] and word[i + 1] == best[1]:
                    new.append(best[0] + best[1])
                    i += 2
                else:
                    new.append(word[i])
                    i += 1
            word = new
        ids = [self.encoder[w] for w in word]
        if len(self.cache) < 200000:
            self.cache[token] = ids
        return ids

    def encode(self, text):
        """Encode ordinary text (no special tokens)."""
        ids = []
        for piece in PATTERN.findall(text):
            ids.extend(self._bpe("".join(BYTE_ENCODER[b] for b in piece.encode("utf-8"))))
        return ids

    def decode(self, ids):
        return bytearray(b for i in ids for b in (self.decoder[i].encode("utf-8") if i == EOT_ID else [BYTE_DECODER[c] for c in self.decoder[i]])).decode("utf-8", errors="replace")

    def to_tokenizer_json(self):
        """Hugging Face tokenizers format (as written for GPT-2 by HF)."""
        merges = [" ".join(p) for p, _ in sorted(self.ranks.items(), key=lambda kv: kv[1])]
        return {
            "version": "1.0",
            "truncation": None,
            "padding": None,
            "added_tokens": [{"id": EOT_ID, "content": EOT, "single_word": False, "lstrip": False,
                              "rstrip": False, "normalized": True, "special": True}],
            "normalizer": None,
            "pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True},
            "post_processor": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": False, "use_regex": True},
            "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
            "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": "",
                      "end_of_word_suffix": "", "fuse_unk": False, "byte_fallback": False,
                      "vocab": dict(sorted(self.encoder.items(), key=lambda kv: kv[1])), "merges": merges},
        }


def tokenizer_config(model_max_length):
    return {
        "add_bos_token": False,
        "add_prefix_space": False,
        "bos_token": EOT,
        "eos_token": EOT,
        "unk_token": EOT,
        "pad_token": EOT,
        "clean_up_tokenization_spaces": False,
        "errors": "replace",
        "model_max_length": model_max_length,
        "tokenizer_class": "GPT2Tokenizer",
    }


def golden_cases(tok, texts):
    return {"cases": [{"text": t, "ids": tok.encode(t)} for t in texts]}
