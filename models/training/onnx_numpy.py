"""A minimal NumPy evaluator for the ONNX ops our exporter emits (onnxruntime is not packaged for
Debian's Python). Lets the recipe check ONNX-vs-PyTorch parity without ONNX Runtime; the C# tests
check the same fixtures with ONNX Runtime itself."""
import numpy as np
import onnx
from onnx import numpy_helper

_DT = {1: np.float32, 6: np.int32, 7: np.int64, 9: np.bool_, 10: np.float16, 11: np.float64}


def _attrs(node):
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def _softmax(x, axis):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def run(model, feeds):
    if isinstance(model, str):
        model = onnx.load(model)
    g = model.graph
    env = {i.name: numpy_helper.to_array(i) for i in g.initializer}
    env.update(feeds)
    for n in g.node:
        a = _attrs(n)
        x = [env[i] if i else None for i in n.input]
        op = n.op_type
        if op == "Constant":
            y = numpy_helper.to_array(a["value"])
        elif op == "Cast":
            y = x[0].astype(_DT[a["to"]])
        elif op == "Shape":
            y = np.array(x[0].shape, dtype=np.int64)
        elif op == "Gather":
            y = np.take(x[0], x[1].astype(np.int64), axis=a.get("axis", 0))
        elif op in ("Add", "Sub", "Mul", "Div", "Pow", "Equal", "Greater", "LessOrEqual", "And", "Less"):
            f = {"Add": np.add, "Sub": np.subtract, "Mul": np.multiply, "Pow": np.power, "Equal": np.equal,
                 "Greater": np.greater, "LessOrEqual": np.less_equal, "And": np.logical_and, "Less": np.less}.get(op)
            if op == "Div":
                y = (x[0] // x[1]) if np.issubdtype(x[0].dtype, np.integer) else (x[0] / x[1])
            else:
                y = f(x[0], x[1])
            if op in ("Add", "Sub", "Mul", "Div", "Pow"):
                y = y.astype(x[0].dtype)
        elif op == "Range":
            y = np.arange(x[0], x[1], x[2]).astype(x[0].dtype)
        elif op == "Unsqueeze":
            axes = a["axes"] if "axes" in a else list(x[1])
            y = x[0]
            for ax in sorted(int(v) if v >= 0 else int(v) + y.ndim + 1 for v in axes):
                y = np.expand_dims(y, ax)
        elif op == "ReduceMean":
            y = x[0].mean(axis=tuple(a["axes"]), keepdims=bool(a.get("keepdims", 1))).astype(x[0].dtype)
        elif op == "Sqrt":
            y = np.sqrt(x[0])
        elif op == "Tanh":
            y = np.tanh(x[0])
        elif op == "MatMul":
            y = np.matmul(x[0], x[1])
        elif op == "Split":
            sizes = x[1] if len(x) > 1 and x[1] is not None else a.get("split")
            ax = a.get("axis", 0)
            if sizes is None:
                ys = np.split(x[0], len(n.output), axis=ax)
            else:
                ys = np.split(x[0], np.cumsum(sizes)[:-1], axis=ax)
            for o, v in zip(n.output, ys):
                env[o] = v
            continue
        elif op == "Concat":
            y = np.concatenate(x, axis=a["axis"])
        elif op == "Reshape":
            shape = [int(s) for s in x[1]]
            shape = [x[0].shape[i] if s == 0 and not a.get("allowzero", 0) else s for i, s in enumerate(shape)]
            y = x[0].reshape(shape)
        elif op == "Transpose":
            y = np.transpose(x[0], a.get("perm"))
        elif op == "Where":
            y = np.where(x[0], x[1], x[2])
        elif op == "Softmax":
            y = _softmax(x[0], a.get("axis", -1)).astype(x[0].dtype)
        elif op == "CumSum":
            y = np.cumsum(x[0], axis=int(x[1])).astype(x[0].dtype)
        elif op == "ArgMax":
            ax = a.get("axis", 0)
            y = np.argmax(x[0], axis=ax)
            if a.get("keepdims", 1):
                y = np.expand_dims(y, ax)
            y = y.astype(np.int64)
        elif op == "Flatten":
            ax = a.get("axis", 1)
            y = x[0].reshape(int(np.prod(x[0].shape[:ax])), -1)
        elif op == "Expand":
            y = x[0] * np.ones(tuple(int(s) for s in x[1]), dtype=x[0].dtype)
        elif op == "Identity":
            y = x[0]
        elif op == "Neg":
            y = -x[0]
        elif op == "Slice":
            y = x[0]
            starts, ends = x[1], x[2]
            axes = x[3] if len(x) > 3 and x[3] is not None else range(len(starts))
            steps = x[4] if len(x) > 4 and x[4] is not None else [1] * len(starts)
            sl = [slice(None)] * y.ndim
            for s, e, ax, st in zip(starts, ends, axes, steps):
                sl[int(ax)] = slice(int(s), int(e), int(st))
            y = y[tuple(sl)]
        else:
            raise NotImplementedError(op)
        env[n.output[0]] = y
    return [env[o.name] for o in g.output]


def check_responder(path, parity, atol=1e-4):
    """Runs the parity fixture through the ONNX file: no-cache and cached last logits, and greedy tokens."""
    m = onnx.load(path)
    nl, nh, hd = parity["n_layer"], parity["n_head"], parity["head_dim"]
    fixed = parity["fixed_ids"]
    worst = 0.0

    def step(ids, mask, pos, past):
        feeds = {"input_ids": np.array(ids, dtype=np.int64), "attention_mask": np.array(mask, dtype=np.int64),
                 "position_ids": np.array(pos, dtype=np.int64)}
        B = feeds["input_ids"].shape[0]
        for i in range(nl):
            for j, kv in enumerate(("key", "value")):
                feeds[f"past_key_values.{i}.{kv}"] = past[2 * i + j] if past else np.zeros((B, nh, 0, hd), np.float32)
        out = run(m, feeds)
        return out[0], out[1:]

    for c in parity["cases"]:
        ids, mask, pos = np.array(c["input_ids"]), np.array(c["attention_mask"]), np.array(c["position_ids"])
        T = ids.shape[1]
        lg, _ = step(ids, mask, pos, None)
        k = c["cache_split"]
        _, past = step(ids[:, :k], mask[:, :k], pos[:, :k], None)
        lg2, _ = step(ids[:, k:], mask, pos[:, k:], past)
        for r, rec in enumerate(c["last_logits"]):
            last = T - 1 if not c["name"].startswith("right") else int(np.nonzero(mask[r])[0].max())
            worst = max(worst, np.abs(lg[r, last, rec["top_ids"]] - np.array(rec["top_values"])).max(),
                        np.abs(lg[r, last, fixed] - np.array(rec["fixed_values"])).max(),
                        np.abs(lg2[r, last - k, rec["top_ids"]] - np.array(rec["top_values"])).max())
        if "greedy" in c:
            lg, past = step(ids, mask, pos, None)
            cur = pos[:, -1:].copy()
            out = []
            for s in range(c["greedy_steps"]):
                nxt = lg[:, -1].argmax(-1)[:, None]
                out.append(nxt)
                mask = np.concatenate([mask, np.ones_like(nxt)], 1)
                cur = cur + 1
                lg, past = step(nxt, mask, cur, past)
            got = np.concatenate(out, 1).tolist()
            assert got == c["greedy"], f"greedy differs in case {c['name']}"
    assert worst <= atol, f"ONNX vs PyTorch max abs diff {worst}"
    return worst


def check_intent(path, parity, atol=1e-4):
    m = onnx.load(path)
    worst = 0.0
    for c in parity["cases"]:
        (lg,) = run(m, {"input_ids": np.array(c["input_ids"], dtype=np.int64),
                        "attention_mask": np.array(c["attention_mask"], dtype=np.int64)})
        worst = max(worst, np.abs(lg - np.array(c["logits"])).max())
    assert worst <= atol, f"ONNX vs PyTorch max abs diff {worst}"
    return worst
