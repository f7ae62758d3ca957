#!/usr/bin/env python3
"""PyTorch modules with the architectures of the shared models (../shared/models),
so that bench/torch_peers.py can time eager, torch.compile and CUDA graphs on
them in the same run as smartmem.

The shared ONNX files were exported from torchvision and Hugging Face
transformers classes at small widths with random weights (DESIGN §8); their
PyTorch code is not in this repository. Each builder below re-creates the
module from the stock class, with a configuration read off the ONNX graph
(initializer shapes give the widths, depths, patch and window sizes and the
vocabulary; Reshape constants give the head counts; the input gives the image
size or the sequence length). No weights are downloaded: random init.

    python3 bench/shared_torch_modules.py [--models DIR] [NAME...]

verifies each reconstruction against ../shared/models/NAME (needs onnx and
onnxruntime besides torch, torchvision and transformers; the CPU is enough)
and exits non-zero if one fails:
1. it loads the ONNX file's weights into the module (see `map_weights`) and
   compares the module's output on test_data_set_0/input_0.pb with output_0.pb;
2. it gives the module new random weights, writes the same values into a copy
   of the ONNX graph and compares the module with onnxruntime (`cross_check`);
3. it exports the module (with the file's weights) at the ONNX file's opset
   with the exporter the file was made with and compares the op-type
   histogram and the multiset of initializer shapes with the shared file's
   (reported; exporter versions may differ in view ops and masks).
"""
import argparse
import collections
import io
import os
import sys
import warnings

import torch
import torch.nn as nn

SEED = 0
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_MODELS = os.path.join(HERE, "..", "..", "shared", "models")


class Wrap(nn.Module):
    """Holds a transformers model under `m` (the shared files' initializer
    names start with "m.") and returns one tensor."""

    def __init__(self, inner, key):
        super().__init__()
        self.m, self.key = inner, key

    def forward(self, x):
        return getattr(self.m(x), self.key)


class SegformerLogits(nn.Module):
    def __init__(self, inner):
        super().__init__()
        self.m = inner

    def forward(self, x):
        return self.m(pixel_values=x).logits


# Each builder returns (module, input spec, exporter). The input spec is an
# image shape or ("tokens", vocab, shape), as in tests/models/zoo; the
# exporter ("torchscript" at opset 17 or "dynamo" at opset 18) is the one the
# shared file was made with (its producer and opset say which).

def squeezenet():
    # features.0 is a 3x3 conv with 64 filters: SqueezeNet 1.1; classifier 100.
    from torchvision.models import squeezenet1_1
    return squeezenet1_1(num_classes=100), (1, 3, 224, 224), "torchscript"


def mobilenetv2_half():
    # First conv 16 filters = 32 x 0.5, last 1x1 conv 1280 (torchvision keeps
    # 1280 for width < 1); BatchNorm is folded into the convs by the exporter.
    from torchvision.models import mobilenet_v2
    return mobilenet_v2(width_mult=0.5, num_classes=100), (1, 3, 224, 224), "torchscript"


def convnext_tv_tiny():
    # Stem 4x4 conv to 24, downsampling 2x2 convs 24->48->96->192, depthwise
    # 7x7 weights per block: depths 2, 2, 3, 2.
    from torchvision.models.convnext import CNBlockConfig, ConvNeXt
    cfg = [CNBlockConfig(24, 48, 2), CNBlockConfig(48, 96, 2), CNBlockConfig(96, 192, 3),
           CNBlockConfig(192, None, 2)]
    return ConvNeXt(cfg, stochastic_depth_prob=0.0, num_classes=100), (1, 3, 224, 224), "torchscript"


def swin_tv_tiny():
    # Patch 4 (4x4 stem conv to 24), qkv 3 x 24/48/96/192, two blocks a stage
    # (one with, one without shift), relative position bias constants
    # (1, heads, 49, 49): heads 1, 2, 4, 8 and window 7.
    from torchvision.models.swin_transformer import SwinTransformer
    return SwinTransformer(patch_size=[4, 4], embed_dim=24, depths=[2, 2, 2, 2], num_heads=[1, 2, 4, 8],
                           window_size=[7, 7], stochastic_depth_prob=0.0,
                           num_classes=100), (1, 3, 224, 224), "torchscript"


def vit_tv_tiny():
    # 16x16 patches to 128, 197 positions (224/16 squared + class token), four
    # encoder layers, MLP 512, Reshape (1, 4, 197, 32): 4 heads.
    from torchvision.models.vision_transformer import VisionTransformer
    return VisionTransformer(image_size=224, patch_size=16, num_layers=4, num_heads=4, hidden_dim=128,
                             mlp_dim=512, num_classes=100), (1, 3, 224, 224), "dynamo"


def gpt2_tiny():
    # wpe (128, 128), lm_head (512, 128) tied to wte, two blocks, c_fc 512,
    # Reshape (1, 4, 32, 32): 4 heads; 32 tokens in.
    from transformers import GPT2Config, GPT2LMHeadModel
    cfg = GPT2Config(vocab_size=512, n_positions=128, n_embd=128, n_layer=2, n_head=4, n_inner=512,
                     bos_token_id=0, eos_token_id=0,  # unused here; GPT-2's 50256 is outside 512
                     use_cache=False, attn_implementation="sdpa")
    return Wrap(GPT2LMHeadModel(cfg), "logits"), ("tokens", 512, (1, 32)), "dynamo"


def bert_tiny():
    # word (512, 128), position (512, 128), token type (2, 128) embeddings, two
    # layers, intermediate 512, Reshape (1, 32, -1, 32): 4 heads; no pooler.
    from transformers import BertConfig, BertModel
    cfg = BertConfig(vocab_size=512, hidden_size=128, num_hidden_layers=2, num_attention_heads=4,
                     intermediate_size=512, max_position_embeddings=512, type_vocab_size=2,
                     use_cache=False, attn_implementation="sdpa")
    return Wrap(BertModel(cfg, add_pooling_layer=False), "last_hidden_state"), \
        ("tokens", 512, (1, 32)), "torchscript"


def segformer_tiny():
    # Patch embeddings 7x7/4 to 16, then 3x3/2 to 32, 80, 128; one block a
    # stage; sequence-reduction convs 8, 4, 2 (none in the last stage); MLP
    # ratio 4; head dim 16 (Reshape (1, 3136, -1, 16)): heads 1, 2, 5, 8;
    # decoder width 64, 10 labels, logits at 56x56.
    from transformers import SegformerConfig, SegformerForSemanticSegmentation
    cfg = SegformerConfig(num_channels=3, num_encoder_blocks=4, depths=[1, 1, 1, 1], sr_ratios=[8, 4, 2, 1],
                          hidden_sizes=[16, 32, 80, 128], patch_sizes=[7, 3, 3, 3], strides=[4, 2, 2, 2],
                          num_attention_heads=[1, 2, 5, 8], mlp_ratios=[4, 4, 4, 4], decoder_hidden_size=64,
                          num_labels=10, drop_path_rate=0.0)
    return SegformerLogits(SegformerForSemanticSegmentation(cfg)), (1, 3, 224, 224), "torchscript"


MODELS = {
    "swin_tv_tiny": swin_tv_tiny,
    "vit_tv_tiny": vit_tv_tiny,
    "convnext_tv_tiny": convnext_tv_tiny,
    "mobilenetv2_half": mobilenetv2_half,
    "squeezenet": squeezenet,
    "gpt2_tiny": gpt2_tiny,
    "bert_tiny": bert_tiny,
    "segformer_tiny": segformer_tiny,
}


def build(name):
    """The module in eval mode with seeded random weights, and an input."""
    torch.manual_seed(SEED)
    model, spec, _ = MODELS[name]()
    g = torch.Generator().manual_seed(SEED + 2)
    if spec[0] == "tokens":
        x = torch.randint(0, spec[1], spec[2], generator=g, dtype=torch.int64)
    else:
        x = torch.randn(spec, generator=g)
    return model.eval(), x


# ---- verification against the shared ONNX files ---------------------------

def export_onnx(model, x, exporter, opset):
    """The module as an onnx.ModelProto, exported as the shared file was."""
    import onnx
    f = io.BytesIO()
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if exporter == "dynamo":
            prog = torch.onnx.export(model, (x,), dynamo=True, opset_version=opset, verbose=False)
            return prog.model_proto
        torch.onnx.export(model, (x,), f, opset_version=opset, dynamo=False)
    return onnx.load_from_string(f.getvalue())


def float_constants(proto):
    """name -> float array of the initializers and Constant nodes."""
    import numpy as np
    from onnx import numpy_helper
    vals = {t.name: numpy_helper.to_array(t) for t in proto.graph.initializer}
    for n in proto.graph.node:
        if n.op_type == "Constant":
            for a in n.attribute:
                if a.name == "value":
                    vals[n.output[0]] = numpy_helper.to_array(a.t)
    return {k: v for k, v in vals.items() if v.dtype in (np.float32, np.float64, np.float16)}


def _weighted(proto):
    """Yields (op type, ordinal, node, [(slot, constant name)]) for the nodes
    that take a float constant of more than one element, looking through
    Identity nodes (the exporter shares equal-valued initializers through
    Identity). The ordinal counts only such nodes of that type, so that nodes
    without weights that one exporter version adds (an all-true attention
    mask's Add) do not shift it."""
    alias = {n.output[0]: n.input[0] for n in proto.graph.node if n.op_type == "Identity"}
    consts = float_constants(proto)
    count = collections.Counter()
    for n in proto.graph.node:
        if n.op_type in ("Identity", "Constant"):
            continue
        ins = []
        for slot, name in enumerate(n.input):
            while name in alias:
                name = alias[name]
            if name in consts and consts[name].size > 1:
                ins.append((slot, name))
        if ins:
            yield n.op_type, count[n.op_type], n, ins
            count[n.op_type] += 1


def consumer_keys(proto):
    """(op type, ordinal, input slot) -> constant name, and the constants."""
    keys = {(op, k, slot): name for op, k, _, ins in _weighted(proto) for slot, name in ins}
    return keys, float_constants(proto)


def weighted_nodes(proto):
    """(op type, ordinal) -> node."""
    return {(op, k): n for op, k, n, _ in _weighted(proto)}


BN_TYPES = (nn.BatchNorm1d, nn.BatchNorm2d, nn.BatchNorm3d)
OFFSET = 1 << 20  # tags start here, above any shape constant in the graphs


def map_weights(model, x, exporter, ref):
    """Loads the weights of the ONNX model `ref` into `model`.

    Every float parameter element gets a distinct integer tag (exact in
    float32), BatchNorm becomes an identity whose bias is tagged; the module is
    exported, and each exported constant whose elements are all tags is a
    (possibly transposed, gathered or BatchNorm-folded) view of parameter
    elements. The constant feeding the same input of the same node (the n-th
    node of that op type that takes a weight, see `_weighted`) in `ref` holds the shared file's values for those
    elements. Returns a dict: "unmapped" (parameters left partly unmapped),
    "dropped" (biases the shared graph leaves out: all zero, loaded as
    zeros), "slots" ((op type, ordinal, input slot) of the shared graph ->
    (parameter, flat element indices)) and "by_name" (parameters found only
    under their own name)."""
    import numpy as np
    params = [(n, p) for n, p in model.named_parameters() if p.dtype.is_floating_point]
    bn_skip = set()
    with torch.no_grad():
        for mod_name, mod in model.named_modules():
            if isinstance(mod, BN_TYPES):
                pre = mod_name + "." if mod_name else ""
                bn_skip.add(pre + "weight")
                mod.weight.fill_(1.0)
                mod.running_mean.zero_()
                mod.running_var.fill_(1.0 - mod.eps)
        starts, total = {}, 0
        for n, p in params:
            if n in bn_skip:
                continue
            starts[n] = total
            p.copy_(torch.arange(OFFSET + total, OFFSET + total + p.numel(), dtype=torch.float64)
                    .reshape(p.shape))
            total += p.numel()
    if OFFSET + total >= 1 << 24:
        raise ValueError("too many parameters for exact float32 tags")
    names = list(starts)
    bounds = np.array([starts[n] for n in names])
    mine_keys, mine = consumer_keys(export_onnx(model, x, exporter, ref.opset_import[0].version))
    ref_keys, ref_vals = consumer_keys(ref)
    ref_ops = weighted_nodes(ref)
    dropped, slots = set(), {}
    by_param = {n: np.full(p.numel(), np.nan) for n, p in params if n in starts}
    for key, cname in mine_keys.items():
        v = mine[cname].astype(np.float64).ravel()
        r = np.rint(v)  # BatchNorm folding scales by 1/sqrt(1 - eps + eps): off by ~1e-7 relative
        if v.size == 0 or np.any(np.abs(v - r) > 0.25) or r.min() < OFFSET or r.max() >= OFFSET + total:
            continue
        idx = (r - OFFSET).astype(np.int64)
        owner = np.searchsorted(bounds, idx, side="right") - 1
        if np.any(owner != owner[0]):
            continue
        name = names[owner[0]]
        if key not in ref_keys:
            # The shared graph's node takes no constant there: the exporter
            # dropped an all-zero bias (Gemm without C, Conv without B).
            ref_node = ref_ops.get(key[:2])
            if ref_node is not None and key[2] >= len([i for i in ref_node.input if i]):
                dropped.add(name)
                by_param[name][idx - starts[name]] = 0.0
            continue
        target = ref_vals[ref_keys[key]].astype(np.float64).ravel()
        if target.size != idx.size:
            continue
        by_param[name][idx - starts[name]] = target
        slots[key] = (name, idx - starts[name])
    # Parameters that the shared file holds under their own name (unchanged by
    # the exporter) are taken by name, whatever the node order.
    by_name = set()
    for n, p in params:
        if n in by_param and n in ref_vals and tuple(ref_vals[n].shape) == tuple(p.shape):
            by_param[n] = ref_vals[n].astype(np.float64).ravel()
            by_name.add(n)
    by_name -= {n for n, _ in slots.values()}
    unmapped = []
    with torch.no_grad():
        for n, p in params:
            if n not in by_param:
                continue
            vals = by_param[n]
            if np.isnan(vals).any():
                unmapped.append(n)
                vals = np.nan_to_num(vals)
            p.copy_(torch.from_numpy(vals).reshape(p.shape))
    return {"unmapped": unmapped, "dropped": sorted(dropped), "slots": slots, "by_name": sorted(by_name)}


def cross_check(model, x, ref, info):
    """The strong check: gives every mapped parameter new random values of
    order 0.05-0.5 (so that no block hides behind a tiny layer scale or a zero
    bias), writes the same values into a copy of the shared graph through the
    mapping (one fresh initializer per node input, so that initializers the
    exporter shared by value are unshared), and returns the largest
    |module - onnxruntime| relative to the largest output, and that output."""
    import numpy as np
    import onnxruntime as ort
    from onnx import numpy_helper
    g = torch.Generator().manual_seed(SEED + 3)
    dropped = set(info["dropped"])
    mapped = {n for n, _ in info["slots"].values()} | set(info["by_name"])
    with torch.no_grad():
        for n, p in model.named_parameters():
            if n in mapped and n not in dropped:
                p.copy_(0.5 * p + 0.05 * torch.randn(p.shape, generator=g, dtype=p.dtype))
        out = model(x).numpy()
    flat = {n: p.detach().numpy().ravel() for n, p in model.named_parameters()}
    graph = type(ref)()
    graph.CopyFrom(ref)
    ref_keys, ref_vals = consumer_keys(graph)
    nodes = weighted_nodes(graph)
    for (op, k, slot), (pname, idx) in info["slots"].items():
        shape = ref_vals[ref_keys[(op, k, slot)]].shape
        t = numpy_helper.from_array(flat[pname][idx].reshape(shape).astype(np.float32), f"cross_{op}_{k}_{slot}")
        graph.graph.initializer.append(t)
        nodes[(op, k)].input[slot] = t.name
    for t in graph.graph.initializer:
        if t.name in info["by_name"]:
            t.CopyFrom(numpy_helper.from_array(flat[t.name].reshape(tuple(t.dims)).astype(np.float32), t.name))
    opts = ort.SessionOptions()
    opts.log_severity_level = 3  # the replaced initializers are unused now: no warning each
    sess = ort.InferenceSession(graph.SerializeToString(), opts, providers=["CPUExecutionProvider"])
    (y,) = sess.run(None, {sess.get_inputs()[0].name: x.numpy()})
    if y.shape != out.shape:
        return float("inf"), float(np.max(np.abs(y)))
    scale = float(np.max(np.abs(y)))
    return float(np.max(np.abs(out - y))) / max(scale, 1e-30), scale


def histogram(proto):
    return collections.Counter(n.op_type for n in proto.graph.node)


def init_shapes(proto):
    return collections.Counter(tuple(t.dims) for t in proto.graph.initializer)


def counter_diff(a, b):
    """What a has more of and what b has more of, as short strings."""
    more_a, more_b = a - b, b - a
    fmt = lambda c: ", ".join(f"{k}x{v}" for k, v in sorted(c.items(), key=str))  # noqa: E731
    return fmt(more_a), fmt(more_b)


def verify(name, models_dir):
    import numpy as np
    import onnx
    from onnx import numpy_helper
    d = os.path.join(models_dir, name)
    ref = onnx.load(os.path.join(d, "model.onnx"))
    x = numpy_helper.to_array(onnx.load_tensor(os.path.join(d, "test_data_set_0", "input_0.pb")))
    y = numpy_helper.to_array(onnx.load_tensor(os.path.join(d, "test_data_set_0", "output_0.pb")))
    torch.manual_seed(SEED)
    model, spec, exporter = MODELS[name]()
    model = model.eval()
    xt = torch.from_numpy(x.copy())
    info = map_weights(model, xt, exporter, ref)
    unmapped, dropped = info["unmapped"], info["dropped"]
    with torch.no_grad():
        out = model(xt).numpy()
    err = float(np.max(np.abs(out - y))) if out.shape == y.shape else float("inf")
    mine = export_onnx(model, xt, exporter, ref.opset_import[0].version)
    h_mine, h_ref = histogram(mine), histogram(ref)
    s_mine, s_ref = init_shapes(mine), init_shapes(ref)
    cross_err, cross_scale = cross_check(model, xt, ref, info)
    row = {
        "model": name, "exporter": exporter, "opset": ref.opset_import[0].version,
        "params": sum(p.numel() for p in model.parameters()),
        "unmapped": unmapped, "dropped": dropped, "max_abs_err": err, "max_abs_ref": float(np.max(np.abs(y))),
        "by_name": info["by_name"], "cross_rel_err": cross_err, "cross_max_abs": cross_scale,
        "cross_match": cross_err < 1e-4,
        "outputs_match": bool(out.shape == y.shape and np.allclose(out, y, rtol=1e-3, atol=1e-4)),
        "nodes": (sum(h_mine.values()), sum(h_ref.values())),
        "histogram_match": h_mine == h_ref, "histogram_diff": counter_diff(h_mine, h_ref),
        "init_shapes_match": s_mine == s_ref, "init_shapes_diff": counter_diff(s_mine, s_ref),
    }
    return row


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--models", default=DEFAULT_MODELS, help="folder of the shared models")
    ap.add_argument("names", nargs="*", default=list(MODELS))
    a = ap.parse_args()
    bad = 0
    for name in a.names:
        try:
            r = verify(name, a.models)
        except Exception as e:  # a reconstruction that fails is reported, not hidden
            print(f"{name}: ERROR {type(e).__name__}: {e}", flush=True)
            bad += 1
            continue
        ok = r["outputs_match"] and r["cross_match"] and not r["unmapped"]
        bad += not ok
        print(f"{name}: {r['exporter']} opset {r['opset']}, {r['params']} params, "
              f"outputs {'MATCH' if r['outputs_match'] else 'DIFFER'} (max |err| {r['max_abs_err']:.2e}, "
              f"max |ref| {r['max_abs_ref']:.2e}), unmapped params {r['unmapped'] or 'none'}, "
              f"{len(r['dropped'])} biases absent from the shared graph (zero), "
              f"{len(r['by_name'])} found by name only; with new random weights in both, "
              f"{'MATCH' if r['cross_match'] else 'DIFFER'} (max |err| / max |out| {r['cross_rel_err']:.1e}, "
              f"max |out| {r['cross_max_abs']:.1e}); "
              f"nodes {r['nodes'][0]} vs {r['nodes'][1]}, op histogram "
              f"{'equal' if r['histogram_match'] else 'differs (ours +[%s], shared +[%s])' % r['histogram_diff']}, "
              f"initializer shapes "
              f"{'equal' if r['init_shapes_match'] else 'differ (ours +[%s], shared +[%s])' % r['init_shapes_diff']}",
              flush=True)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
