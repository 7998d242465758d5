import json
import os
import unittest

from tests import _path  # noqa: F401
import bpe
import common
import fixture_corpus as fc


class TokenizerTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tok = bpe.GPT2BPE.from_tokenizer_json(common.TOKENIZER_JSON)

    def test_known_ids(self):
        self.assertEqual(self.tok.encode("Hello world"), [15496, 995])
        # a typed <|endoftext|> is ordinary text (7 tokens), never the special id 50256
        self.assertEqual(self.tok.encode("<|endoftext|>"), [27, 91, 437, 1659, 5239, 91, 29])
        self.assertEqual(self.tok.encode(""), [])

    def test_golden_file_matches_corpus(self):
        with open(os.path.join(common.FIXTURES, "tokenizer-golden.json"), encoding="utf-8") as f:
            golden = json.load(f)["cases"]
        self.assertEqual([c["text"] for c in golden], fc.TOKENIZER_CASES)
        for c in golden:
            self.assertEqual(self.tok.encode(c["text"]), c["ids"], repr(c["text"]))
            self.assertNotIn(50256, c["ids"])

    def test_roundtrip(self):
        for t in fc.TOKENIZER_CASES:
            self.assertEqual(self.tok.decode(self.tok.encode(t)), t)

    def test_tokenizer_json_format(self):
        tj = self.tok.to_tokenizer_json()
        self.assertEqual(tj["model"]["type"], "BPE")
        self.assertEqual(len(tj["model"]["vocab"]), 50257)
        self.assertEqual(len(tj["model"]["merges"]), 50000)
        self.assertEqual(tj["pre_tokenizer"]["type"], "ByteLevel")
        self.assertEqual(tj["decoder"]["type"], "ByteLevel")
        self.assertEqual(tj["added_tokens"][0]["id"], 50256)
        self.assertEqual(tj["added_tokens"][0]["content"], "<|endoftext|>")
        # the shipped/fixture copies are the same file
        for d in [os.path.join(common.FIXTURES, "tiny-intent"), os.path.join(common.FIXTURES, "tiny-responder"),
                  os.path.join(common.MODELS, "intent"), os.path.join(common.MODELS, "responder")]:
            p = os.path.join(d, "tokenizer.json")
            if os.path.exists(p):
                with open(p, "rb") as a, open(common.TOKENIZER_JSON, "rb") as b:
                    self.assertEqual(a.read(), b.read(), p)


if __name__ == "__main__":
    unittest.main()
