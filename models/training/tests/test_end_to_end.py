"""Tiny train -> export -> parity run on the project's own fixture corpus (seconds)."""
import json
import os
import shutil
import tempfile
import unittest

import numpy as np

from tests import _path  # noqa: F401
import common
import export
import gpt2
import onnx
import onnx_numpy
import prompts
import tiny
import train


class PromptFormatTests(unittest.TestCase):
    def test_exact_prompt(self):
        self.assertEqual(
            prompts.prompt_text("track_order", "  where is\tmy [parcel]?\n", name="Ada", order="A1234",
                                order_status="shipped", last_issue="track_order"),
            "[context] name=Ada; order=A1234 (shipped); last_issue=track_order\n[intent] track_order\n"
            "[customer] where is my (parcel)?\n[response] ")
        self.assertEqual(prompts.context_line(), "[context] name=-; order=-; last_issue=-")
        ids = prompts.prompt_ids("get_refund", "refund?")
        self.assertEqual(ids[0], 50256)
        self.assertEqual(ids[-1], 220)
        self.assertEqual(prompts.target_ids("Sure.")[-1], 50256)


class EndToEndTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="cs-tiny-")
        cls.lm, cls.cls = tiny.build_tiny(cls.tmp, os.path.join(cls.tmp, "parity"), lm_epochs=6, cls_epochs=3)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_folder_layout_and_configs(self):
        for name, kind in (("tiny-responder", "lm"), ("tiny-intent", "cls")):
            d = os.path.join(self.tmp, name)
            for f in ["config.json", "tokenizer.json", "tokenizer_config.json", "onnx/model.onnx", "README.md"]:
                self.assertTrue(os.path.exists(os.path.join(d, f)), f)
            cfg = json.load(open(os.path.join(d, "config.json")))
            self.assertEqual(cfg["model_type"], "gpt2")
            self.assertEqual(cfg["vocab_size"], 50257)
            self.assertEqual(cfg["bos_token_id"], 50256)
            self.assertEqual(cfg["eos_token_id"], 50256)
            if kind == "cls":
                self.assertEqual(cfg["id2label"]["3"], "out_of_scope")
                self.assertEqual(cfg["label2id"]["track_order"], 0)
            else:
                self.assertTrue(os.path.exists(os.path.join(d, "generation_config.json")))
            self.assertLess(sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(d) for f in fs), 4e6)

    def test_onnx_io_names_and_fp16_storage(self):
        m = onnx.load(os.path.join(self.tmp, "tiny-responder", "onnx", "model.onnx"))
        inits = {i.name for i in m.graph.initializer}
        ins = [i.name for i in m.graph.input if i.name not in inits]
        self.assertEqual(ins, ["input_ids", "attention_mask", "position_ids", "past_key_values.0.key",
                               "past_key_values.0.value", "past_key_values.1.key", "past_key_values.1.value"])
        self.assertEqual([o.name for o in m.graph.output],
                         ["logits", "present.0.key", "present.0.value", "present.1.key", "present.1.value"])
        shape = [d.dim_param or d.dim_value for d in m.graph.input[3].type.tensor_type.shape.dim]
        self.assertEqual(shape, ["batch_size", 2, "past_sequence_length", 8])
        self.assertEqual(m.graph.output[0].type.tensor_type.shape.dim[2].dim_value, 50257)
        wte = [i for i in m.graph.initializer if i.name.startswith("transformer.wte.weight")]
        self.assertEqual(len(wte), 1)  # tied head is not written twice
        self.assertEqual(wte[0].data_type, onnx.TensorProto.FLOAT16)
        gathers = [n for n in m.graph.node if n.op_type == "Gather" and n.input[0].startswith("transformer.w")]
        self.assertEqual(sorted(n.input[0] for n in gathers), ["transformer.wpe.weight_fp16", "transformer.wte.weight_fp16"])
        c = onnx.load(os.path.join(self.tmp, "tiny-intent", "onnx", "model.onnx"))
        self.assertEqual([i.name for i in c.graph.input if i.name not in {x.name for x in c.graph.initializer}],
                         ["input_ids", "attention_mask"])
        self.assertEqual([o.name for o in c.graph.output], ["logits"])
        # The classifier has no output layer: nothing needs the token table in fp32, so nothing casts it whole.
        self.assertFalse([n for n in c.graph.node if n.op_type == "Cast" and n.input[0] == "transformer.wte.weight_fp16"])

    def test_parity_fixtures_hold_on_the_onnx_graph(self):
        p = json.load(open(os.path.join(self.tmp, "parity", "tiny-responder.json")))
        self.assertLess(onnx_numpy.check_responder(os.path.join(self.tmp, "tiny-responder", "onnx", "model.onnx"), p), 1e-4)
        self.assertEqual(len(p["cases"][1]["greedy"][0]), 32)
        p = json.load(open(os.path.join(self.tmp, "parity", "tiny-intent.json")))
        self.assertLess(onnx_numpy.check_intent(os.path.join(self.tmp, "tiny-intent", "onnx", "model.onnx"), p), 1e-4)
        right, left = p["cases"]
        self.assertTrue(np.allclose(right["logits"], left["logits"], atol=1e-5))

    def test_committed_fixtures_are_consistent(self):
        f = common.FIXTURES
        if not os.path.exists(os.path.join(f, "parity", "tiny-responder.json")):
            self.skipTest("no committed fixtures")
        onnx_numpy.check_responder(os.path.join(f, "tiny-responder", "onnx", "model.onnx"),
                                   json.load(open(os.path.join(f, "parity", "tiny-responder.json"))))
        onnx_numpy.check_intent(os.path.join(f, "tiny-intent", "onnx", "model.onnx"),
                                json.load(open(os.path.join(f, "parity", "tiny-intent.json"))))

    def test_training_is_deterministic(self):
        def run():
            common.seed_all(7)
            m = gpt2.GPT2LMHeadModel(gpt2.GPT2Config(**tiny.TINY_LM))
            train.train_lm(m, tiny.tiny_lm_examples(), 1, lr=1e-2, max_tokens=512, warmup=2, seed=7,
                           name="det", neg_samples=64)
            return m.state_dict()
        a, b = run(), run()
        for k in a:
            self.assertTrue(torch_equal(a[k], b[k]), k)


def torch_equal(x, y):
    import torch
    return torch.equal(x, y)


if __name__ == "__main__":
    unittest.main()
