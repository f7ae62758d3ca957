#!/usr/bin/env python3
"""Generates the differential op suite: for every op of the graph dialect, one
ONNX model (tests/ops/cases/<group>/model.onnx) holding many independent cases
(one node or a small subgraph each, with its own inputs and outputs), the
inputs and onnxruntime's outputs as test_data_set_0/{input,output}_N.pb, and
cases.txt naming what each output checks. Batching the cases of an op into one
model keeps the ctests fast (one import, one pipeline, one OpenCL build per
op). Graph ops that cannot survive import (shape, constant_of_shape, range fold
away when their operands are known) get graph-level .mlir cases written here
with numpy references.

The outputs are checked in: CI needs neither onnx nor onnxruntime.
Needs: pip install onnx onnxruntime numpy (under the PATH python3).
Usage: python3 tests/ops/gen_diff_suite.py [OUT_DIR]"""
import os
import shutil
import sys

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper

rng = np.random.default_rng(20261207)
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases")

# Edge values every element-wise op sees: signed zeros, infinities, NaN,
# huge and tiny magnitudes, halves (rounding), ordinary values.
EDGE = np.array([0.0, -0.0, np.inf, -np.inf, np.nan, 3.0e38, -3.0e38, 1e-30, -1e-30, 0.5, -0.5,
                 1.5, 2.5, -2.5, 1.0, -1.0, 7.25, -88.5, 100.0, 1e-7], np.float32)
SIZES = [(1,), (3,), (7,), (197,), (2, 3, 4), (1, 2, 1, 3, 2)]


def f32(*shape, scale=1.0):
    return (rng.standard_normal(shape) * scale).astype(np.float32)


def pos(*shape):
    return (np.abs(rng.standard_normal(shape)) + 0.1).astype(np.float32)


def ints(*shape, lo=-9, hi=10, dtype=np.int64):
    return rng.integers(lo, hi, shape).astype(dtype)


def bools(*shape):
    return rng.random(shape) > 0.5


class Model:
    """Accumulates cases (nodes with their own inputs/outputs) for one group."""

    def __init__(self, group, opset=17):
        self.group, self.opset = group, opset
        self.nodes, self.inputs, self.inits, self.outputs, self.descs = [], [], [], [], []
        self.n = 0
        self.out_types = {}
        self.check = True  # off only for ops the checker calls deprecated at this opset

    def case(self, desc, op, inputs, attrs=None, consts=None, n_out=1, extra_nodes=None, out_like=None):
        """inputs: arrays fed at run time; consts: initializers (after the inputs).
        extra_nodes(names_in, names_out, prefix) -> list of nodes replaces the
        single op node (small subgraphs). out_like: an array with the (single)
        output's dtype and shape, for ops ONNX shape inference leaves open."""
        k = self.n
        self.n += 1
        in_names = []
        for i, a in enumerate(inputs):
            name = f"c{k}_in{i}"
            self.inputs.append((name, np.asarray(a)))
            in_names.append(name)
        for i, a in enumerate(consts or []):
            if a is None:
                in_names.append("")
                continue
            name = f"c{k}_k{i}"
            self.inits.append(numpy_helper.from_array(np.asarray(a), name))
            in_names.append(name)
        outs = [f"c{k}_out{i}" for i in range(n_out)]
        if extra_nodes:
            self.nodes += extra_nodes(in_names, outs, f"c{k}")
        else:
            self.nodes.append(helper.make_node(op, in_names, outs, name=f"c{k}_{op}", **(attrs or {})))
        for i, o in enumerate(outs):
            if out_like is not None:
                self.out_types[o] = out_like
            self.outputs.append(o)
            self.descs.append(f"{desc}" + (f" (result {i})" if n_out > 1 else ""))

    def save(self, tolerance=None, onnx_reference=None):
        """tolerance: (rtol, atol, why) for groups whose reference is not f32.
        onnx_reference: why this group's outputs come from onnx's reference
        evaluator instead of onnxruntime (written to reference.txt)."""
        g = helper.make_graph(
            self.nodes, self.group,
            [helper.make_tensor_value_info(n, helper.np_dtype_to_tensor_dtype(a.dtype), a.shape)
             for n, a in self.inputs],
            [helper.make_tensor_value_info(o, helper.np_dtype_to_tensor_dtype(self.out_types[o].dtype),
                                           self.out_types[o].shape)
             if o in self.out_types else helper.make_tensor_value_info(o, TensorProto.UNDEFINED, None)
             for o in self.outputs],
            initializer=self.inits)
        m = helper.make_model(g, opset_imports=[helper.make_opsetid("", self.opset)])
        m.ir_version = 10 if self.opset >= 21 else 8  # the checker ties opset 21 to IR version 10
        m = onnx.shape_inference.infer_shapes(m, strict_mode=True)
        if self.check:
            onnx.checker.check_model(m)
        so = ort.SessionOptions()
        so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
        sess = ort.InferenceSession(m.SerializeToString(), so, providers=["CPUExecutionProvider"])
        res = sess.run(None, {n: a for n, a in self.inputs})
        if onnx_reference:
            from onnx.reference import ReferenceEvaluator
            res = [np.asarray(r, np.asarray(o).dtype)
                   for r, o in zip(ReferenceEvaluator(m).run(None, {n: a for n, a in self.inputs}), res)]
        d = os.path.join(OUT, self.group)
        os.makedirs(os.path.join(d, "test_data_set_0"), exist_ok=True)
        onnx.save(m, os.path.join(d, "model.onnx"))
        for i, (n, a) in enumerate(self.inputs):
            with open(os.path.join(d, "test_data_set_0", f"input_{i}.pb"), "wb") as f:
                f.write(numpy_helper.from_array(a, n).SerializeToString())
        for i, r in enumerate(res):
            with open(os.path.join(d, "test_data_set_0", f"output_{i}.pb"), "wb") as f:
                f.write(numpy_helper.from_array(np.asarray(r), self.outputs[i]).SerializeToString())
        with open(os.path.join(d, "cases.txt"), "w") as f:
            f.write(f"# {self.group}: output index, what it checks (generated by gen_diff_suite.py)\n")
            for i, desc in enumerate(self.descs):
                f.write(f"{i}\t{desc}\n")
        if onnx_reference:
            with open(os.path.join(d, "reference.txt"), "w") as f:
                f.write(f"# outputs from onnx.reference.ReferenceEvaluator, not onnxruntime: {onnx_reference}\n")
        if tolerance:
            with open(os.path.join(d, "tolerance.txt"), "w") as f:
                f.write(f"# {tolerance[2]}\n{tolerance[0]} {tolerance[1]}\n")


F16_TOL = (4e-3, 1e-3, "f16 references: onnxruntime rounds every result to f16 (2^-11 relative), "
           "smartmem widens f16 to f32 at import and rounds only at a Cast to f16")


def model(group, opset=17):
    return Model(group, opset)


# ---- element-wise ------------------------------------------------------------

def unary(op, group, opset=17, attrs_list=({},), domain=None, int_ok=False, edge=True):
    m = model(group, opset)
    for attrs in attrs_list:
        tag = " ".join(f"{k}={v}" for k, v in attrs.items()) or "defaults"
        for s in SIZES:
            x = pos(*s) * 3 if domain == "pos" else f32(*s, scale=2.0)
            m.case(f"{tag} f32 {list(s)}", op, [x], attrs)
        if edge:
            m.case(f"{tag} f32 edge values", op, [EDGE.copy()], attrs)
    if int_ok:
        m.case("i64 [3,4]", op, [ints(3, 4)], attrs_list[0])
        m.case("i32 [7]", op, [ints(7, dtype=np.int32)], attrs_list[0])
    m.save()


BCAST = [((3, 4), (4,)), ((2, 1, 4), (3, 1)), ((1,), (7,)), ((197,), (197,)),
         ((2, 3, 1, 5, 1), (1, 3, 4, 1, 2)), ((4, 1), ())]


def binary(op, group, opset=17, attrs=None, types=("f32",), edge=True, b_fn=None):
    m = model(group, opset)
    for ta, tb in BCAST:
        for t in types:
            if t == "f32":
                a, b = f32(*ta, scale=3.0), (b_fn(*tb) if b_fn else f32(*tb, scale=3.0))
            elif t == "bool":
                a, b = bools(*ta), bools(*tb)
            else:
                dt = np.int64 if t == "i64" else np.int32
                a, b = ints(*ta, dtype=dt), ints(*tb, dtype=dt)
                if op in ("Div", "Mod"):
                    b = np.where(b == 0, 3, b).astype(dt)
            m.case(f"{t} {list(ta)} x {list(tb)}", op, [a, b], attrs)
    if edge and "f32" in types:
        e = EDGE.copy()
        m.case("f32 edge x edge^T (every pair)", op, [e.reshape(-1, 1), e.reshape(1, -1)], attrs)
    m.save()


def elementwise():
    unary("Abs", "abs", int_ok=True)
    unary("Ceil", "ceil")
    unary("Floor", "floor")
    unary("Cos", "cos")
    unary("Sin", "sin")
    unary("Erf", "erf")
    unary("Exp", "exp")
    unary("Log", "log", domain="pos")
    unary("Sqrt", "sqrt", domain="pos")
    unary("Tanh", "tanh")
    unary("Neg", "neg", int_ok=True)
    unary("Reciprocal", "reciprocal")
    unary("Relu", "relu")
    unary("Sigmoid", "sigmoid")
    unary("IsNaN", "is_nan")
    unary("Identity", "identity_onnx")
    unary("HardSigmoid", "hard_sigmoid", attrs_list=({}, {"alpha": 0.3, "beta": 0.4}))
    unary("HardSwish", "hard_swish", opset=14)
    unary("LeakyRelu", "leaky_relu", attrs_list=({}, {"alpha": 0.3}))
    # Clip: bounds are optional inputs (opset 11+).
    m = model("clip")
    for s in SIZES:
        m.case(f"min=-0.5 max=0.7 {list(s)}", "Clip", [f32(*s)], None,
               [np.array(-0.5, np.float32), np.array(0.7, np.float32)])
    m.case("min only", "Clip", [f32(3, 4)], None, [np.array(0.1, np.float32)])
    m.case("max only", "Clip", [f32(3, 4)], None, [None, np.array(0.2, np.float32)])
    m.case("no bounds", "Clip", [f32(5)])
    m.case("edge values", "Clip", [EDGE.copy()], None, [np.array(-1, np.float32), np.array(1, np.float32)])
    m.case("i64", "Clip", [ints(3, 4)], None, [np.array(-2, np.int64), np.array(5, np.int64)])
    m.case("i32 max only", "Clip", [ints(7, dtype=np.int32)], None, [None, np.array(1, np.int32)])
    m.save()
    m = model("scalars")
    m.case("add of rank-0 tensors", "Add", [np.array(1.5, np.float32), np.array(-0.25, np.float32)])
    m.case("rank-0 * [3]", "Mul", [np.array(2.0, np.float32), f32(3)])
    m.case("relu rank 0", "Relu", [np.array(-3.0, np.float32)])
    m.save()
    # (onnxruntime has no integer Relu nor boolean Where kernel.)
    m = model("bool_compare_select")
    m.case("equal bool", "Equal", [bools(3, 4), bools(4)])
    m.save()
    # Not: bool only.
    m = model("not")
    for s in SIZES:
        m.case(f"bool {list(s)}", "Not", [bools(*s)])
    m.save()
    # Cast: every pair the graph dialect's element types allow.
    m = model("cast")
    TP = TensorProto
    vals = np.array([0.0, -0.0, 1.5, -1.5, 2.5, -2.7, 100.9, -100.9, 7.0, 0.25], np.float32)
    for to, nm in [(TP.INT64, "i64"), (TP.INT32, "i32"), (TP.BOOL, "bool"), (TP.DOUBLE, "f64"),
                   (TP.FLOAT, "f32"), (TP.INT8, "i8")]:
        m.case(f"f32 -> {nm}", "Cast", [vals], {"to": to})
    m.case("i64 -> f32", "Cast", [ints(3, 4)], {"to": TP.FLOAT})
    m.case("i64 -> i32", "Cast", [ints(3, 4)], {"to": TP.INT32})
    m.case("i32 -> i64", "Cast", [ints(7, dtype=np.int32)], {"to": TP.INT64})
    m.case("bool -> f32", "Cast", [bools(2, 3)], {"to": TP.FLOAT})
    m.case("bool -> i64", "Cast", [bools(2, 3)], {"to": TP.INT64})
    m.case("i64 -> bool", "Cast", [ints(5)], {"to": TP.BOOL})
    m.case("f32 edge -> f32 (no-op)", "Cast", [EDGE.copy()], {"to": TP.FLOAT})
    m.save()
    binary("Add", "add", types=("f32", "i64", "i32"))
    binary("Sub", "sub", types=("f32", "i64"))
    binary("Mul", "mul", types=("f32", "i64", "i32"))
    binary("Div", "div", types=("f32", "i64", "i32"))
    binary("Pow", "pow", types=("f32",))
    m = model("pow_int_exponent")
    m.case("negative bases, integral f32 exponents", "Pow",
           [np.array([-2, -3, -0.5, 2, 0, -1.5], np.float32), np.array([3, 2, -2, 0.5, 2, 3], np.float32)])
    m.save()
    binary("Min", "min", types=("f32", "i64"))
    binary("Max", "max", types=("f32", "i64"))
    binary("Mod", "mod", types=("i64", "i32"), edge=False)
    binary("Mod", "mod_fmod", attrs={"fmod": 1}, types=("f32", "i64"))
    for op, g in [("Equal", "equal"), ("Less", "less"), ("Greater", "greater")]:
        binary(op, g, types=("f32", "i64"))
    binary("LessOrEqual", "less_or_equal", opset=16, types=("f32", "i64"))
    binary("GreaterOrEqual", "greater_or_equal", opset=16, types=("f32", "i64"))
    for op, g in [("And", "and"), ("Or", "or"), ("Xor", "xor")]:
        binary(op, g, types=("bool",), edge=False)
    m = model("where")
    for ta, tb in BCAST[:5]:
        m.case(f"f32 cond{list(ta)} x{list(tb)}", "Where", [bools(*ta), f32(*tb), f32(*ta)])
    m.case("i64 broadcast", "Where", [bools(3, 1), ints(3, 4), ints(4)])
    m.case("edge values", "Where", [bools(EDGE.size), EDGE.copy(), EDGE[::-1].copy()])
    m.save()


# ---- nn -------------------------------------------------------------------------

def nn():
    m = model("conv")
    m.case("defaults 3x3", "Conv", [f32(1, 3, 7, 7)], None, [f32(4, 3, 3, 3)])
    m.case("bias stride 2 pads", "Conv", [f32(2, 4, 9, 9)], {"strides": [2, 2], "pads": [1, 0, 2, 1]},
           [f32(6, 4, 3, 3), f32(6)])
    m.case("group 2 dilation", "Conv", [f32(1, 4, 9, 9)], {"group": 2, "dilations": [1, 2]},
           [f32(6, 2, 3, 3), f32(6)])
    m.case("depthwise", "Conv", [f32(1, 6, 7, 7)], {"group": 6, "pads": [1, 1, 1, 1]}, [f32(6, 1, 3, 3)])
    m.case("1x1", "Conv", [f32(1, 5, 3, 3)], None, [f32(7, 5, 1, 1)])
    m.case("auto_pad SAME_UPPER stride 2", "Conv", [f32(1, 3, 8, 8)], {"auto_pad": "SAME_UPPER", "strides": [2, 2]},
           [f32(5, 3, 3, 3)])
    m.case("auto_pad SAME_LOWER", "Conv", [f32(1, 3, 7, 6)], {"auto_pad": "SAME_LOWER", "kernel_shape": [2, 3]},
           [f32(2, 3, 2, 3)])
    m.case("auto_pad VALID", "Conv", [f32(1, 2, 6, 5)], {"auto_pad": "VALID"}, [f32(3, 2, 3, 2)])
    m.save()
    m = model("max_pool")
    m.case("k3 s2 ceil", "MaxPool", [f32(1, 2, 10, 10)], {"kernel_shape": [3, 3], "strides": [2, 2], "ceil_mode": 1})
    m.case("k2 default stride", "MaxPool", [f32(2, 3, 7, 7)], {"kernel_shape": [2, 2]})
    m.case("pads dilations", "MaxPool", [f32(1, 2, 9, 9)],
           {"kernel_shape": [3, 3], "pads": [1, 1, 1, 1], "dilations": [2, 1]})
    m.case("SAME_UPPER", "MaxPool", [f32(1, 1, 7, 7)], {"kernel_shape": [3, 3], "strides": [2, 2], "auto_pad": "SAME_UPPER"})
    m.save()
    m = model("average_pool")
    m.case("k3 pads include", "AveragePool", [f32(1, 2, 7, 7)],
           {"kernel_shape": [3, 3], "pads": [1, 1, 1, 1], "count_include_pad": 1})
    m.case("k2 s2", "AveragePool", [f32(2, 3, 8, 8)], {"kernel_shape": [2, 2], "strides": [2, 2]})
    m.case("k3 no pads", "AveragePool", [f32(1, 1, 5, 6)], {"kernel_shape": [3, 2]})
    m.save()
    m = model("average_pool_exclude_pad")
    m.case("k3 pads exclude", "AveragePool", [f32(1, 2, 7, 7)],
           {"kernel_shape": [3, 3], "pads": [1, 1, 1, 1], "count_include_pad": 0})
    m.case("ceil exclude", "AveragePool", [f32(1, 1, 6, 6)],
           {"kernel_shape": [3, 3], "strides": [2, 2], "ceil_mode": 1})
    m.save()
    m = model("conv_1d_3d")
    m.case("1-D stride 2 pads bias", "Conv", [f32(2, 3, 11)], {"strides": [2], "pads": [1, 2]}, [f32(4, 3, 3), f32(4)])
    m.case("1-D group dilation", "Conv", [f32(1, 4, 9)], {"group": 2, "dilations": [2]}, [f32(6, 2, 3)])
    m.case("3-D pads", "Conv", [f32(1, 2, 4, 5, 3)], {"pads": [1, 0, 1, 1, 0, 1]}, [f32(3, 2, 3, 2, 2), f32(3)])
    m.case("3-D SAME_UPPER stride 2", "Conv", [f32(1, 1, 5, 4, 3)], {"auto_pad": "SAME_UPPER", "strides": [2, 2, 2]},
           [f32(2, 1, 3, 3, 3)])
    m.save()
    m = model("pool_1d_3d")
    m.case("max 1-D k3 s2 pads", "MaxPool", [f32(1, 2, 9)], {"kernel_shape": [3], "strides": [2], "pads": [1, 1]})
    m.case("avg 1-D exclude pad", "AveragePool", [f32(2, 1, 7)], {"kernel_shape": [3], "pads": [1, 1]})
    m.case("avg 1-D include pad ceil", "AveragePool", [f32(1, 1, 8)],
           {"kernel_shape": [3], "strides": [2], "pads": [1, 1], "count_include_pad": 1, "ceil_mode": 1})
    m.case("max 3-D k2 s2", "MaxPool", [f32(1, 2, 4, 4, 5)], {"kernel_shape": [2, 2, 2], "strides": [2, 2, 2]})
    m.case("avg 3-D pads", "AveragePool", [f32(1, 1, 3, 4, 3)], {"kernel_shape": [2, 3, 2], "pads": [1, 1, 0, 0, 1, 1]})
    m.save()
    m = model("global_average_pool")
    m.case("NCHW", "GlobalAveragePool", [f32(2, 3, 5, 4)])
    m.case("NCHW 1x1", "GlobalAveragePool", [f32(1, 7, 1, 1)])
    m.case("NCH", "GlobalAveragePool", [f32(1, 3, 197)])
    m.save()
    m = model("matmul")
    m.case("2-D", "MatMul", [f32(3, 4), f32(4, 5)])
    m.case("batched broadcast", "MatMul", [f32(2, 1, 3, 4), f32(5, 4, 6)])
    m.case("rank 3 x rank 2", "MatMul", [f32(2, 7, 3), f32(3, 1)])
    m.case("rank 5", "MatMul", [f32(1, 2, 1, 3, 4), f32(2, 1, 2, 4, 2)])
    m.case("K=197", "MatMul", [f32(1, 197), f32(197, 3)])
    m.case("1-D x 2-D", "MatMul", [f32(4), f32(4, 3)])
    m.case("3-D x 1-D", "MatMul", [f32(2, 3, 4), f32(4)])
    m.case("1-D x 1-D", "MatMul", [f32(5), f32(5)])
    m.save()
    m = model("gemm")
    m.case("defaults + C[N]", "Gemm", [f32(3, 4)], None, [f32(4, 5), f32(5)])
    m.case("transA transB alpha beta", "Gemm", [f32(4, 3)], {"transA": 1, "transB": 1, "alpha": 0.5, "beta": 2.0},
           [f32(5, 4), f32(5)])
    m.case("no C", "Gemm", [f32(2, 7)], None, [f32(7, 3)])
    m.case("C[M,N]", "Gemm", [f32(2, 3)], {"beta": -1.0}, [f32(3, 4), f32(2, 4)])
    m.case("C[M,1]", "Gemm", [f32(2, 3)], None, [f32(3, 4), f32(2, 1)])
    m.case("C scalar-like [1]", "Gemm", [f32(2, 3)], {"transB": 1}, [f32(4, 3), f32(1)])
    m.save()
    m = model("batch_normalization")
    for s in [(2, 3, 4, 4), (1, 5, 7), (3, 4), (1, 2, 3, 2, 2)]:
        c = s[1]
        m.case(f"{list(s)}", "BatchNormalization", [f32(*s)], {"epsilon": 1e-3},
               [f32(c), f32(c), f32(c), pos(c)])
    m.case("default epsilon", "BatchNormalization", [f32(1, 3, 2, 2)], None, [f32(3), f32(3), f32(3), pos(3)])

    def conv_bn(i, o, p):
        return [helper.make_node("Conv", [i[0], i[1], i[2]], [p + "_c"], pads=[1, 1, 1, 1]),
                helper.make_node("BatchNormalization", [p + "_c"] + i[3:7], o)]
    m.case("conv + batch_norm (folded)", None, [f32(1, 3, 6, 6)], None,
           [f32(4, 3, 3, 3), f32(4), f32(4), f32(4), f32(4), pos(4)], extra_nodes=conv_bn)
    m.save()
    m = model("layer_normalization")
    m.case("axis -1 scale bias", "LayerNormalization", [f32(2, 3, 8)], {"epsilon": 1e-5}, [f32(8), f32(8)])
    m.case("axis 1 scale only", "LayerNormalization", [f32(2, 3, 4)], {"axis": 1}, [f32(3, 4)])
    m.case("axis -2", "LayerNormalization", [f32(2, 3, 5)], {"axis": -2}, [f32(3, 5), f32(3, 5)])
    m.case("197 wide", "LayerNormalization", [f32(1, 197)], None, [f32(197), f32(197)])
    m.save()
    m = model("softmax", opset=13)
    for s, ax in [((7,), 0), ((2, 5, 3), 1), ((2, 5, 3), -1), ((3, 197), -1), ((1, 2, 3, 4), 0), ((2, 1, 3, 1, 2), 4)]:
        m.case(f"{list(s)} axis {ax}", "Softmax", [f32(*s, scale=3.0)], {"axis": ax})
    m.case("default axis", "Softmax", [f32(3, 4)])
    m.save()


def reductions():
    for op, g, dom in [("ReduceSum", "reduce_sum", None), ("ReduceMean", "reduce_mean", None),
                       ("ReduceMax", "reduce_max", None), ("ReduceMin", "reduce_min", None),
                       ("ReduceProd", "reduce_prod", None), ("ReduceL1", "reduce_l1", None),
                       ("ReduceL2", "reduce_l2", None), ("ReduceSumSquare", "reduce_sum_square", None)]:
        m = model(g, opset=18)
        for s, axes, keep in [((3, 4, 5), [0, 2], 0), ((3, 4, 5), [1], 1), ((3, 4, 5), [-1], 0),
                              ((7,), [0], 1), ((197,), None, 0), ((2, 3, 1, 2, 2), [1, -2], 1),
                              ((2, 3), None, 1), ((1, 3, 4), [0], 0)]:
            x = f32(*s) * (0.5 if op == "ReduceProd" else 1.0) + (1.0 if op == "ReduceProd" else 0.0)
            consts = [np.array(axes, np.int64)] if axes is not None else None
            attrs = {} if keep == 1 and s[0] != 2 else {"keepdims": keep}
            m.case(f"{list(s)} axes={axes} keepdims={keep}", op, [x], attrs, consts)
        m.case("noop_with_empty_axes=1 (identity)", op, [f32(2, 3)], {"noop_with_empty_axes": 1})
        if op not in ("ReduceL2",):
            m.case("i64 axes=[1]", op, [ints(3, 4, lo=-3, hi=4)], {"keepdims": 0}, [np.array([1], np.int64)])
        m.save()
    # The pre-18 form: axes as an attribute.
    m = model("reduce_attr_axes", opset=13)
    m.case("ReduceMean axes attr", "ReduceMean", [f32(3, 4, 5)], {"axes": [1, 2]})
    m.case("ReduceMax axes attr keepdims 0", "ReduceMax", [f32(3, 4, 5)], {"axes": [0], "keepdims": 0})
    m.case("ReduceSum axes input", "ReduceSum", [f32(3, 4)], {"keepdims": 0}, [np.array([-1], np.int64)])
    m.save()


# ---- data movement --------------------------------------------------------------

def shape_ops():
    m = model("reshape")
    m.case("[2,3,4] -> [4,6]", "Reshape", [f32(2, 3, 4)], None, [np.array([4, 6], np.int64)])
    m.case("-1 and 0", "Reshape", [f32(2, 3, 4)], None, [np.array([0, -1], np.int64)])
    m.case("to rank 5", "Reshape", [f32(6, 4)], None, [np.array([1, 2, 3, 2, 2], np.int64)])
    m.case("to rank 1", "Reshape", [f32(3, 1, 7)], None, [np.array([-1], np.int64)])
    m.case("i64", "Reshape", [ints(2, 6)], None, [np.array([3, 4], np.int64)])
    m.save()
    m = model("flatten")
    for ax in [0, 1, 2, -1]:
        m.case(f"axis {ax}", "Flatten", [f32(2, 3, 4)], {"axis": ax})
    m.case("default", "Flatten", [f32(2, 3, 1, 2)])
    m.save()
    m = model("squeeze")
    m.case("axes [1]", "Squeeze", [f32(3, 1, 4)], None, [np.array([1], np.int64)])
    m.case("axes [-1, 0]", "Squeeze", [f32(1, 3, 1)], None, [np.array([-1, 0], np.int64)])
    m.case("all unit dims", "Squeeze", [f32(1, 2, 1, 3, 1)])
    m.save()
    m = model("unsqueeze")
    m.case("axes [0]", "Unsqueeze", [f32(3, 4)], None, [np.array([0], np.int64)])
    m.case("axes [-1, 1]", "Unsqueeze", [f32(3, 4)], None, [np.array([-1, 1], np.int64)])
    m.case("to rank 5", "Unsqueeze", [f32(7)], None, [np.array([0, 2, 3, 4], np.int64)])
    m.save()
    m = model("transpose")
    m.case("default (reverse)", "Transpose", [f32(2, 3, 4)])
    m.case("perm 0 2 3 1", "Transpose", [f32(2, 3, 4, 5)], {"perm": [0, 2, 3, 1]})
    m.case("rank 5", "Transpose", [f32(1, 2, 3, 2, 2)], {"perm": [4, 0, 3, 1, 2]})
    m.case("2-D i64", "Transpose", [ints(3, 7)], {"perm": [1, 0]})
    m.case("bool", "Transpose", [bools(2, 3)], {"perm": [1, 0]})
    m.save()
    m = model("concat")
    m.case("axis 0", "Concat", [f32(2, 3), f32(1, 3)], {"axis": 0})
    m.case("axis -1 three", "Concat", [f32(2, 1), f32(2, 3), f32(2, 7)], {"axis": -1})
    m.case("rank 4 axis 1", "Concat", [f32(1, 2, 3, 2), f32(1, 1, 3, 2)], {"axis": 1})
    m.case("one input", "Concat", [f32(3)], {"axis": 0})
    m.case("i64", "Concat", [ints(2), ints(3)], {"axis": 0})
    m.case("bool", "Concat", [bools(2, 2), bools(2, 1)], {"axis": 1})
    m.save()
    m = model("split", opset=18)
    m.case("explicit sizes", "Split", [f32(2, 9)], {"axis": 1}, [np.array([2, 3, 4], np.int64)], n_out=3)
    m.case("num_outputs uneven", "Split", [f32(7, 2)], {"axis": 0, "num_outputs": 3}, None, n_out=3)
    m.case("negative axis even", "Split", [f32(2, 3, 4)], {"axis": -1, "num_outputs": 2}, None, n_out=2)
    m.save()
    m = model("slice")
    m.case("negative step", "Slice", [f32(6, 7)], None,
           [np.array([-1, 1], np.int64), np.array([-100, 6], np.int64), np.array([0, 1], np.int64),
            np.array([-2, 2], np.int64)])
    m.case("starts ends only", "Slice", [f32(5, 4)], None, [np.array([1, 0], np.int64), np.array([4, 3], np.int64)])
    m.case("negative axes, clamped ends", "Slice", [f32(3, 4, 5)], None,
           [np.array([1], np.int64), np.array([1000], np.int64), np.array([-1], np.int64)])
    m.case("rank 1 of 197 step 3", "Slice", [f32(197)], None,
           [np.array([2], np.int64), np.array([190], np.int64), np.array([0], np.int64), np.array([3], np.int64)])
    m.save()
    m = model("gather")
    m.case("axis 1 2-D indices", "Gather", [f32(3, 5, 2)], {"axis": 1}, [np.array([[4, -1], [0, 2]], np.int64)])
    m.case("axis 0 scalar index", "Gather", [f32(4, 3)], None, [np.array(2, np.int64)])
    m.case("axis -1 runtime i32 indices", "Gather", [f32(2, 7), np.array([6, 0, -7], np.int32)], {"axis": -1})
    m.case("embedding-like", "Gather", [f32(10, 4), ints(2, 3, lo=0, hi=10)], {"axis": 0})
    m.case("i64 data", "Gather", [ints(5, 3), ints(4, lo=-5, hi=5)], {"axis": 0})
    m.case("bool data", "Gather", [bools(2, 6), ints(3, lo=0, hi=6)], {"axis": 1})
    m.save()
    m = model("gather_elements")
    m.case("axis 0", "GatherElements", [f32(3, 4), ints(2, 4, lo=-3, hi=3)], {"axis": 0})
    m.case("axis -1", "GatherElements", [f32(2, 3, 5), ints(2, 3, 2, lo=0, hi=5)], {"axis": -1})
    m.case("default axis i32", "GatherElements", [f32(4), np.array([3, 0, 0, 1, 2], np.int32)])
    m.save()
    m = model("scatter_nd", opset=16)
    m.case("rows", "ScatterND", [f32(4, 3)], None, [np.array([[2], [0]], np.int64), f32(2, 3)])
    m.case("elements", "ScatterND", [f32(3, 4)], None, [np.array([[0, 1], [2, 3], [1, 0]], np.int64), f32(3)])
    m.case("runtime indices and updates", "ScatterND",
           [f32(2, 3, 4), np.array([[[1]], [[0]]], np.int64), f32(2, 1, 3, 4)])
    m.case("reduction add", "ScatterND", [f32(5)], {"reduction": "add"},
           [np.array([[1], [3], [1]], np.int64), f32(3)])
    m.case("reduction mul", "ScatterND", [f32(5)], {"reduction": "mul"},
           [np.array([[4], [0]], np.int64), f32(2)])
    m.save()
    m = model("expand")
    m.case("[3,1] -> [2,3,4]", "Expand", [f32(3, 1)], None, [np.array([2, 3, 4], np.int64)])
    m.case("shape smaller than input", "Expand", [f32(2, 3)], None, [np.array([3], np.int64)])
    m.case("i64", "Expand", [ints(1, 4)], None, [np.array([3, 1], np.int64)])
    m.case("bool", "Expand", [bools(3, 1)], None, [np.array([3, 2], np.int64)])
    m.save()
    m = model("tile")
    m.case("[2,3] x [2,3]", "Tile", [f32(2, 3)], None, [np.array([2, 3], np.int64)])
    m.case("repeat 1s", "Tile", [f32(1, 3, 2)], None, [np.array([3, 1, 2], np.int64)])
    m.case("i64", "Tile", [ints(4)], None, [np.array([2], np.int64)])
    m.case("bool", "Tile", [bools(2, 1)], None, [np.array([1, 3], np.int64)])
    m.save()
    m = model("pad", opset=18)
    for mode in ["constant", "reflect", "edge", "wrap"]:
        m.case(f"{mode} 4-D", "Pad", [f32(1, 2, 4, 4)], {"mode": mode},
               [np.array([0, 0, 1, 2, 0, 0, 2, 1], np.int64)])
        m.case(f"{mode} 1-D", "Pad", [f32(5)], {"mode": mode}, [np.array([3, 2], np.int64)])
    m.case("constant value", "Pad", [f32(2, 3)], None, [np.array([1, 0, 0, 2], np.int64), np.array(1.5, np.float32)])
    m.case("constant negative pads (crop)", "Pad", [f32(4, 5)], None, [np.array([-1, 1, 0, -2], np.int64)])
    m.case("axes input", "Pad", [f32(2, 3, 4)], {"mode": "edge"},
           [np.array([1, 2], np.int64), None, np.array([-1], np.int64)])
    m.save()
    # Opset 18: the importer's newest (half_pixel_symmetric is opset 19).
    m = model("resize", opset=18)
    for ctm in ["half_pixel", "asymmetric", "align_corners", "pytorch_half_pixel", "tf_half_pixel_for_nn"]:
        for nm in ["round_prefer_floor", "round_prefer_ceil", "floor", "ceil"]:
            m.case(f"nearest {ctm} {nm} up 7x9", "Resize", [f32(1, 1, 3, 4)],
                   {"mode": "nearest", "coordinate_transformation_mode": ctm, "nearest_mode": nm},
                   [np.array([], np.float32), np.array([], np.float32), np.array([1, 1, 7, 9], np.int64)])
        m.case(f"nearest {ctm} down x0.6", "Resize", [f32(1, 2, 5, 7)],
               {"mode": "nearest", "coordinate_transformation_mode": ctm},
               [np.array([], np.float32), np.array([1, 1, 0.6, 0.6], np.float32)])
    for ctm in ["half_pixel", "asymmetric", "pytorch_half_pixel"]:
        m.case(f"linear {ctm} scales", "Resize", [f32(1, 2, 4, 5)], {"mode": "linear", "coordinate_transformation_mode": ctm},
               [np.array([], np.float32), np.array([1, 1, 2, 1.5], np.float32)])
    m.save()
    m = model("depth_to_space")
    m.case("DCR b2", "DepthToSpace", [f32(1, 8, 2, 3)], {"blocksize": 2})
    m.case("CRD b2", "DepthToSpace", [f32(2, 8, 2, 3)], {"blocksize": 2, "mode": "CRD"})
    m.case("DCR b3", "DepthToSpace", [f32(1, 9, 1, 2)], {"blocksize": 3, "mode": "DCR"})
    m.save()
    m = model("space_to_depth")
    m.case("b2", "SpaceToDepth", [f32(1, 2, 4, 6)], {"blocksize": 2})
    m.case("b3", "SpaceToDepth", [f32(2, 1, 3, 3)], {"blocksize": 3})
    m.save()


# ---- ops that only exist after import as graph-level IR -------------------------

MLIR = {}


def mlir_cases():
    """graph.shape / constant_of_shape / range fold away at import when their
    operands are known, so they get graph-level .mlir cases (numpy references)."""
    def write(group, text, inputs, outputs, descs):
        d = os.path.join(OUT, group)
        os.makedirs(os.path.join(d, "test_data_set_0"), exist_ok=True)
        with open(os.path.join(d, "model.mlir"), "w") as f:
            f.write(text)
        for i, a in enumerate(inputs):
            with open(os.path.join(d, "test_data_set_0", f"input_{i}.pb"), "wb") as f:
                f.write(numpy_helper.from_array(a, f"in{i}").SerializeToString())
        for i, a in enumerate(outputs):
            with open(os.path.join(d, "test_data_set_0", f"output_{i}.pb"), "wb") as f:
                f.write(numpy_helper.from_array(a, f"out{i}").SerializeToString())
        with open(os.path.join(d, "cases.txt"), "w") as f:
            f.write(f"# {group}: output index, what it checks (generated by gen_diff_suite.py)\n")
            for i, desc in enumerate(descs):
                f.write(f"{i}\t{desc}\n")

    x = f32(2, 3, 5)
    write("shape", """// Generated by tests/ops/gen_diff_suite.py.
func.func @main(%x: tensor<2x3x5xf32>) -> (tensor<3xi64>, tensor<2xi64>) {
  %0 = "graph.shape"(%x) : (tensor<2x3x5xf32>) -> tensor<3xi64>
  %1 = "graph.shape"(%x) <{start = 1 : i64}> : (tensor<2x3x5xf32>) -> tensor<2xi64>
  func.return %0, %1 : tensor<3xi64>, tensor<2xi64>
}
""", [x], [np.array([2, 3, 5], np.int64), np.array([3, 5], np.int64)], ["whole shape", "start = 1"])
    s = np.array([2.5, -1.0], np.float32)
    write("constant_of_shape", """// Generated by tests/ops/gen_diff_suite.py.
func.func @main(%x: tensor<2xf32>) -> (tensor<2x3xf32>, tensor<4xi64>, tensor<2x3xf32>) {
  %s = "graph.constant"() <{value = dense<[2, 3]> : tensor<2xi64>}> : () -> tensor<2xi64>
  %s1 = "graph.constant"() <{value = dense<[4]> : tensor<1xi64>}> : () -> tensor<1xi64>
  %0 = "graph.constant_of_shape"(%s) <{value = dense<1.5> : tensor<1xf32>}> : (tensor<2xi64>) -> tensor<2x3xf32>
  %1 = "graph.constant_of_shape"(%s1) <{value = dense<7> : tensor<1xi64>}> : (tensor<1xi64>) -> tensor<4xi64>
  %2 = "graph.constant_of_shape"(%s) : (tensor<2xi64>) -> tensor<2x3xf32>
  func.return %0, %1, %2 : tensor<2x3xf32>, tensor<4xi64>, tensor<2x3xf32>
}
""", [s], [np.full((2, 3), 1.5, np.float32), np.full((4,), 7, np.int64), np.zeros((2, 3), np.float32)],
          ["f32 value 1.5", "i64 value 7", "default value 0"])
    write("range", """// Generated by tests/ops/gen_diff_suite.py.
func.func @main(%s: tensor<f32>, %d: tensor<f32>) -> (tensor<5xf32>, tensor<4xi64>) {
  %l = "graph.constant"() <{value = dense<100.0> : tensor<f32>}> : () -> tensor<f32>
  %0 = "graph.range"(%s, %l, %d) : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<5xf32>
  %a = "graph.constant"() <{value = dense<10> : tensor<i64>}> : () -> tensor<i64>
  %b = "graph.constant"() <{value = dense<2> : tensor<i64>}> : () -> tensor<i64>
  %c = "graph.constant"() <{value = dense<-2> : tensor<i64>}> : () -> tensor<i64>
  %1 = "graph.range"(%a, %b, %c) : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<4xi64>
  func.return %0, %1 : tensor<5xf32>, tensor<4xi64>
}
""", [np.array(-1.5, np.float32), np.array(0.75, np.float32)],
          [(np.float32(-1.5) + np.arange(5, dtype=np.float32) * np.float32(0.75)).astype(np.float32),
           np.array([10, 8, 6, 4], np.int64)],
          ["runtime start and delta (f32)", "constant i64 operands, negative delta"])
    # ONNX Gelu is opset 20, newer than the importer takes: graph-level case,
    # references in float64 rounded to f32.
    import math
    x = np.concatenate([f32(17, scale=3.0), np.array([0.0, -0.0, 1e-30, 30.0, -30.0, np.inf, -np.inf, np.nan],
                                                     np.float32)])
    xd = x.astype(np.float64)
    erf = np.vectorize(math.erf)
    with np.errstate(invalid="ignore", over="ignore"):
        exact = (0.5 * xd * (1 + erf(xd / math.sqrt(2)))).astype(np.float32)
        tanh = (0.5 * xd * (1 + np.tanh(math.sqrt(2 / math.pi) * (xd + 0.044715 * xd ** 3)))).astype(np.float32)
    write("gelu", """// Generated by tests/ops/gen_diff_suite.py.
func.func @main(%x: tensor<25xf32>) -> (tensor<25xf32>, tensor<25xf32>) {
  %0 = "graph.gelu"(%x) : (tensor<25xf32>) -> tensor<25xf32>
  %1 = "graph.gelu"(%x) <{approximate = "tanh"}> : (tensor<25xf32>) -> tensor<25xf32>
  func.return %0, %1 : tensor<25xf32>, tensor<25xf32>
}
""", [x], [exact, tanh], ["approximate = none (erf), with edge values", "approximate = tanh, with edge values"])
    # The importer aliases ONNX Identity away; graph.identity itself:
    x = np.concatenate([f32(5), EDGE])
    xi = ints(4)
    write("identity", """// Generated by tests/ops/gen_diff_suite.py.
func.func @main(%x: tensor<25xf32>, %i: tensor<4xi64>) -> (tensor<25xf32>, tensor<4xi64>) {
  %0 = "graph.identity"(%x) : (tensor<25xf32>) -> tensor<25xf32>
  %1 = "graph.identity"(%i) : (tensor<4xi64>) -> tensor<4xi64>
  func.return %0, %1 : tensor<25xf32>, tensor<4xi64>
}
""", [x, xi], [x, xi], ["f32 with edge values", "i64"])
    x = f32(3, 4)
    write("constant", """// Generated by tests/ops/gen_diff_suite.py.
func.func @main(%x: tensor<3x4xf32>) -> (tensor<3x4xf32>, tensor<2xi64>) {
  %c = "graph.constant"() <{value = dense<[[1.0, 2.0, 3.0, 4.0]]> : tensor<1x4xf32>}> : () -> tensor<1x4xf32>
  %0 = "graph.add"(%x, %c) : (tensor<3x4xf32>, tensor<1x4xf32>) -> tensor<3x4xf32>
  %1 = "graph.constant"() <{value = dense<[5, -6]> : tensor<2xi64>}> : () -> tensor<2xi64>
  func.return %0, %1 : tensor<3x4xf32>, tensor<2xi64>
}
""", [x], [x + np.array([[1, 2, 3, 4]], np.float32), np.array([5, -6], np.int64)],
          ["constant operand of an add", "constant returned as a result"])


# ---- f16 ------------------------------------------------------------------------

def f16():
    h = lambda *s: rng.standard_normal(s).astype(np.float16)
    m = model("f16_elementwise")
    m.case("add f16", "Add", [h(3, 4), h(4)])
    m.case("mul f16", "Mul", [h(2, 3), h(2, 3)])
    m.case("exp f16", "Exp", [h(7)])
    m.case("relu f16", "Relu", [h(5)])
    m.case("cast f16 -> f32", "Cast", [h(4)], {"to": TensorProto.FLOAT})
    m.case("cast f32 -> f16", "Cast", [f32(4)], {"to": TensorProto.FLOAT16})
    # Every kind of f16 bit pattern decodes exactly: zeros, subnormals,
    # normals, the largest finite, infinities, NaN.
    e16 = np.array([0.0, -0.0, 6e-8, -6e-8, 1e-5, 6.1e-5, 1.0, -2.5, 65504.0, -65504.0, np.inf, -np.inf, np.nan],
                   np.float16)
    m.case("f16 edge values (subnormal, max, inf, NaN) -> f32", "Cast", [e16], {"to": TensorProto.FLOAT})
    m.save(F16_TOL)
    m = model("f16_nn")
    m.case("matmul f16", "MatMul", [h(3, 8), h(8, 5)])
    m.case("conv f16 weights", "Conv", [h(1, 2, 5, 5)], None, [h(3, 2, 3, 3), h(3)])
    m.case("softmax f16", "Softmax", [h(2, 6)], {"axis": -1})
    m.save(F16_TOL)
    # bf16 weights (onnxruntime's CPU kernels take bf16 in Cast only): one in
    # int32_data (a Constant node), one as raw little-endian bytes (an
    # initializer); cast to f32 and added to an f32 input.
    vals = np.array([1.0, -2.5, 3.140625, 0.0078125, -0.0, 65280.0, 1e30, -3.0, 0.5, np.inf, np.nan, 7.0],
                    np.float32)
    bits = (vals.view(np.uint32) >> 16).astype(np.uint16)
    m = model("bf16")

    def bf_const(i, o, p):
        t = helper.make_tensor(p + "_w", TensorProto.BFLOAT16, [12], [int(v) for v in bits])
        return [helper.make_node("Constant", [], [p + "_wc"], value=t),
                helper.make_node("Cast", [p + "_wc"], [p + "_wf"], to=TensorProto.FLOAT),
                helper.make_node("Add", [i[0], p + "_wf"], o)]
    m.case("bf16 Constant (int32_data), cast to f32, add", None, [f32(12)], None, None, extra_nodes=bf_const)

    def bf_init(i, o, p):
        m.inits.append(helper.make_tensor(p + "_w", TensorProto.BFLOAT16, [12], bits.tobytes(), raw=True))
        return [helper.make_node("Cast", [p + "_w"], [p + "_wf"], to=TensorProto.FLOAT),
                helper.make_node("Mul", [i[0], p + "_wf"], o)]
    m.case("bf16 initializer (raw data), cast to f32, mul", None, [f32(12)], None, None, extra_nodes=bf_init)
    m.save()


# ---- ops added after the first suite (issue 10 part 2), generated last so the
# random inputs of the earlier groups stay as they were ---------------------------

def conv_transpose_einsum():
    m = model("conv_transpose")
    m.case("defaults 3x3", "ConvTranspose", [f32(1, 3, 5, 5)], None, [f32(3, 4, 3, 3)])
    m.case("k2 s2 bias (UNet upsampling)", "ConvTranspose", [f32(2, 4, 4, 3)], {"strides": [2, 2]},
           [f32(4, 2, 2, 2), f32(2)])
    m.case("strides 2,3 pads output_padding", "ConvTranspose", [f32(1, 2, 4, 5)],
           {"strides": [2, 3], "pads": [1, 0, 1, 2], "output_padding": [1, 2]}, [f32(2, 3, 3, 4), f32(3)])
    m.case("group 2 dilation 2", "ConvTranspose", [f32(1, 4, 5, 4)], {"group": 2, "dilations": [2, 1]},
           [f32(4, 3, 3, 2)])
    m.case("depthwise stride 3 kernel 2", "ConvTranspose", [f32(1, 3, 3, 3)], {"group": 3, "strides": [3, 3]},
           [f32(3, 1, 2, 2)])
    m.case("output_shape", "ConvTranspose", [f32(1, 2, 4, 4)], {"strides": [2, 2], "output_shape": [8, 9]},
           [f32(2, 3, 3, 3)])
    m.case("auto_pad SAME_UPPER stride 2", "ConvTranspose", [f32(1, 2, 3, 4)],
           {"strides": [2, 2], "auto_pad": "SAME_UPPER"}, [f32(2, 2, 3, 3)])
    m.case("auto_pad SAME_LOWER stride 2", "ConvTranspose", [f32(1, 2, 3, 4)],
           {"strides": [2, 2], "auto_pad": "SAME_LOWER"}, [f32(2, 2, 3, 3)])
    m.case("1-D stride 2 pads bias", "ConvTranspose", [f32(2, 3, 7)], {"strides": [2], "pads": [1, 2]},
           [f32(3, 4, 3), f32(4)])
    m.case("3-D stride 2,1,2", "ConvTranspose", [f32(1, 2, 3, 2, 3)], {"strides": [2, 1, 2]}, [f32(2, 2, 2, 3, 2)])
    m.save()
    m = model("einsum", 12)
    m.case("attention scores B G H I D, B G H J D -> B G H I J (spaces)", "Einsum",
           [f32(1, 2, 3, 4, 5), f32(1, 2, 3, 6, 5)], {"equation": "B G H I D, B G H J D -> B G H I J"})
    m.case("attention values bhij,bhjd->bhid", "Einsum", [f32(2, 3, 4, 7), f32(2, 3, 7, 5)],
           {"equation": "bhij,bhjd->bhid"})
    m.case("matmul ij,jk->ik", "Einsum", [f32(3, 4), f32(4, 5)], {"equation": "ij,jk->ik"})
    m.case("implicit output bij,bjk", "Einsum", [f32(2, 3, 4), f32(2, 4, 5)], {"equation": "bij,bjk"})
    m.case("transpose ij->ji", "Einsum", [f32(3, 7)], {"equation": "ij->ji"})
    m.case("permute abcd->cadb", "Einsum", [f32(2, 3, 4, 5)], {"equation": "abcd->cadb"})
    m.case("sum over an axis ij->i", "Einsum", [f32(4, 197)], {"equation": "ij->i"})
    m.case("sum of all ij->", "Einsum", [f32(3, 5)], {"equation": "ij->"})
    m.case("dot i,i->", "Einsum", [f32(7), f32(7)], {"equation": "i,i->"})
    m.case("outer i,j->ij", "Einsum", [f32(3), f32(4)], {"equation": "i,j->ij"})
    m.case("matrix-vector ij,j->i", "Einsum", [f32(3, 4), f32(4)], {"equation": "ij,j->i"})
    m.case("ellipsis ...ij,...jk->...ik", "Einsum", [f32(2, 3, 4, 5), f32(2, 3, 5, 2)],
           {"equation": "...ij,...jk->...ik"})
    m.case("ellipsis broadcast ...ij,...jk->...ik", "Einsum", [f32(2, 1, 3, 4), f32(1, 3, 4, 2)],
           {"equation": "...ij,...jk->...ik"})
    m.case("three operands ij,jk,kl->il", "Einsum", [f32(2, 3), f32(3, 4), f32(4, 5)],
           {"equation": "ij,jk,kl->il"})
    m.case("diagonal ii->i", "Einsum", [f32(4, 4)], {"equation": "ii->i"})
    m.case("trace ii", "Einsum", [f32(5, 5)], {"equation": "ii"})
    m.case("bilinear bn,anm,bm->ba", "Einsum", [f32(2, 3), f32(4, 3, 5), f32(2, 5)], {"equation": "bn,anm,bm->ba"})
    m.save()


def round_logsum():
    unary("Round", "round", opset=11)
    m = model("round_ties")
    ties = np.array([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999997, -0.49999997, 8388609.0, 8388607.5,
                     1e10, -1e10, 3.5, 4.5, 1e-30], np.float32)
    m.case("halves to even, just below a half, above 2^23", "Round", [ties])
    m.save()
    for op, g in [("ReduceLogSum", "reduce_log_sum"), ("ReduceLogSumExp", "reduce_log_sum_exp")]:
        m = model(g, opset=18)
        for s, axes, keep in [((3, 4, 5), [0, 2], 0), ((3, 4, 5), [1], 1), ((3, 4, 5), [-1], 0),
                              ((7,), [0], 1), ((197,), None, 0), ((2, 3, 1, 2, 2), [1, -2], 1),
                              ((2, 3), None, 1)]:
            x = pos(*s) if op == "ReduceLogSum" else f32(*s, scale=3.0)
            consts = [np.array(axes, np.int64)] if axes is not None else None
            attrs = {} if keep == 1 and s[0] != 2 else {"keepdims": keep}
            m.case(f"{list(s)} axes={axes} keepdims={keep}", op, [x], attrs, consts)
        m.case("noop_with_empty_axes=1", op, [pos(2, 3)], {"noop_with_empty_axes": 1})
        if op == "ReduceLogSumExp":
            big = np.array([[100.0, 90.0, 95.0], [-100.0, -120.0, -110.0], [-np.inf, -np.inf, -np.inf],
                            [np.inf, 1.0, 2.0], [88.0, 88.5, 89.0]], np.float32)
            m.case("large, -inf rows, inf (stable)", op, [big], {"keepdims": 0}, [np.array([1], np.int64)])
        m.save()


def trilu_cumsum_arg():
    m = model("trilu", 14)
    m.case("upper default k", "Trilu", [f32(4, 5)])
    m.case("upper k=1 batched", "Trilu", [f32(2, 3, 4, 4)], None, [np.array(1, np.int64)])
    m.case("upper k=-2 tall", "Trilu", [f32(7, 3)], None, [np.array(-2, np.int64)])
    m.case("lower", "Trilu", [f32(3, 5)], {"upper": 0})
    m.case("lower k=2", "Trilu", [f32(2, 5, 6)], {"upper": 0}, [np.array(2, np.int64)])
    m.case("lower k=-1 i64", "Trilu", [ints(4, 4)], {"upper": 0}, [np.array(-1, np.int64)])
    m.case("upper k beyond the matrix (all zero)", "Trilu", [f32(3, 4)], None, [np.array(9, np.int64)])
    m.case("lower bool", "Trilu", [bools(3, 3)], {"upper": 0})
    m.case("causal mask 1x1x7x7 (k=1 upper, as transformers export)", "Trilu", [f32(1, 1, 7, 7)], None,
           [np.array(1, np.int64)])
    m.save()
    m = model("cum_sum", 14)
    for s, axis, ex, rev in [((7,), 0, 0, 0), ((3, 4), 1, 0, 0), ((3, 4), 0, 1, 0), ((3, 4), -1, 0, 1),
                             ((2, 3, 5), 1, 1, 1), ((197,), 0, 0, 0), ((2, 3, 1, 4), -1, 1, 0)]:
        attrs = {}
        if ex:
            attrs["exclusive"] = ex
        if rev:
            attrs["reverse"] = rev
        m.case(f"{list(s)} axis={axis} exclusive={ex} reverse={rev}", "CumSum", [f32(*s)], attrs,
               [np.array(axis, np.int64)])
    m.case("i64 axis=1 reverse", "CumSum", [ints(3, 5)], {"reverse": 1}, [np.array(1, np.int64)])
    m.case("i32 axis=0 (axis an i32 scalar)", "CumSum", [ints(4, 2, dtype=np.int32)], None, [np.array(0, np.int32)])
    m.save()
    for op, g in [("ArgMax", "arg_max"), ("ArgMin", "arg_min")]:
        m = model(g, 13)
        for s, axis, keep, last in [((3, 4), 1, 1, 0), ((3, 4), 0, 0, 0), ((2, 3, 5), -1, 0, 0), ((197,), 0, 1, 0),
                                    ((2, 3, 1, 4), 1, 1, 0), ((4, 6), None, 1, 0)]:
            attrs = {}
            if axis is not None:
                attrs["axis"] = axis
            if keep != 1:
                attrs["keepdims"] = keep
            m.case(f"{list(s)} axis={axis} keepdims={keep}", op, [f32(*s)], attrs)
        ties = np.array([[1, 3, 3, 0, 3], [2, 2, 2, 2, 2], [-1, -5, -5, 4, -5]], np.float32)
        m.case("ties first", op, [ties], {"axis": 1})
        m.case("ties select_last_index", op, [ties], {"axis": 1, "select_last_index": 1})
        m.case("ties axis 0 select_last_index keepdims 0", op, [ties], {"axis": 0, "select_last_index": 1, "keepdims": 0})
        m.case("i64", op, [ints(4, 5, lo=-3, hi=3)], {"axis": 1})
        m.case("i32 last", op, [ints(3, 7, lo=-2, hi=2, dtype=np.int32)], {"axis": -1, "select_last_index": 1})
        m.case("inf values", op, [np.array([[np.inf, 1, np.inf], [-np.inf, -np.inf, 0], [-np.inf, -np.inf, -np.inf]], np.float32)],
               {"axis": 1})
        m.save()


def group_norms():
    m = model("instance_normalization")
    m.case("2-D default epsilon", "InstanceNormalization", [f32(2, 3, 5, 4)], None, [f32(3), f32(3)])
    m.case("1-D epsilon 1e-3", "InstanceNormalization", [f32(1, 4, 7)], {"epsilon": 1e-3}, [f32(4), f32(4)])
    m.case("3-D", "InstanceNormalization", [f32(1, 2, 3, 2, 4)], None, [f32(2), f32(2)])
    m.case("offset and scaled input", "InstanceNormalization", [f32(2, 2, 6, 6) * 10 + 5], None, [f32(2), f32(2)])
    m.save()
    # Opset 18's form (scale and bias per group): the importer reads opsets up
    # to 18; onnx's checker calls this form deprecated (opset 21 made them per
    # channel), onnxruntime still runs it.
    m = model("group_normalization", 18)
    m.check = False
    x = f32(2, 8, 3, 3)
    m.case("4 groups of 2 channels", "GroupNormalization", [x], {"num_groups": 4}, [f32(4), f32(4)], out_like=x)
    x = f32(1, 6, 5)
    m.case("1 group (layer-norm like), epsilon", "GroupNormalization", [x], {"num_groups": 1, "epsilon": 1e-3},
           [f32(1), f32(1)], out_like=x)
    x = f32(2, 3, 4, 4)
    m.case("groups = channels", "GroupNormalization", [x], {"num_groups": 3}, [f32(3), f32(3)], out_like=x)
    x = f32(3, 6)
    m.case("no spatial dims", "GroupNormalization", [x], {"num_groups": 2}, [f32(2), f32(2)], out_like=x)
    x = f32(1, 4, 2, 3, 2) * 4 + 3
    m.case("3-D, offset input", "GroupNormalization", [x], {"num_groups": 2}, [f32(2), f32(2)], out_like=x)
    x = f32(2, 6, 4, 3)
    m.case("6 channels in 3 groups", "GroupNormalization", [x], {"num_groups": 3},
           [f32(3), f32(3)], out_like=x)
    m.save()


def top_k():
    m = model("top_k", 11)
    for s, k, axis, largest in [((7,), 3, None, 1), ((3, 8), 2, 1, 1), ((3, 8), 3, -1, 0), ((4, 5), 2, 0, 1),
                                ((2, 6, 3), 6, 1, 0), ((197,), 5, 0, 1), ((2, 3, 1, 4), 1, -1, 1), ((3, 4), 4, 1, 1)]:
        attrs = {}
        if axis is not None:
            attrs["axis"] = axis
        if largest != 1:
            attrs["largest"] = largest
        m.case(f"{list(s)} k={k} axis={axis} largest={largest}", "TopK", [f32(*s)], attrs,
               [np.array([k], np.int64)], n_out=2)
    ties = np.array([[3, 1, 3, 2, 3, 1], [0, -0.0, 0, 5, 5, -1]], np.float32)
    m.case("ties by lower index", "TopK", [ties], {"axis": 1}, [np.array([4], np.int64)], n_out=2)
    m.case("ties smallest", "TopK", [ties], {"axis": 1, "largest": 0}, [np.array([4], np.int64)], n_out=2)
    m.case("infinities", "TopK", [np.array([1, np.inf, -np.inf, 3e38, -3e38], np.float32)], None,
           [np.array([5], np.int64)], n_out=2)
    m.case("i64 largest", "TopK", [ints(3, 6)], {"axis": 1}, [np.array([3], np.int64)], n_out=2)
    m.case("i32 smallest", "TopK", [ints(5, 2, dtype=np.int32)], {"axis": 0, "largest": 0},
           [np.array([2], np.int64)], n_out=2)
    m.save()


def cast_narrow():
    """Cast to f16 and bf16 rounds (nearest even) and overflows to inf, from
    f32, f64 (through f32, as onnxruntime), integers and bool. bf16 results go
    through a Cast back to f32 (onnxruntime hands no bf16 arrays to numpy).
    Exact comparison: atol 1e-5 would hide f16's subnormals (2^-24)."""
    m = model("cast_f16_bf16")
    TP = TensorProto
    t = 2.0 ** -11  # half of f16's ulp at 1
    to_f16 = np.array([0.0, -0.0, 1.0, 1 + t, 1 + 3 * t, -(1 + t), 2049.0, 2051.0, -2051.0, 0.1, -3.3, 1000.06,
                       65503.0, 65504.0, 65519.0, 65519.996, 65520.0, -65520.0, 65536.0, 1e6, -3e38, np.inf, -np.inf,
                       np.nan, 6.103515625e-05, 6.1e-05, 2.0 ** -24, 2.0 ** -25, -(2.0 ** -25), 3 * 2.0 ** -25,
                       1.5 * 2.0 ** -24, 2.0 ** -26, 1e-40, -1e-40, 5.96e-08, 3e-6], np.float32)
    m.case("f32 -> f16: ties to even, overflow to inf (65520 and up), subnormals, NaN", "Cast", [to_f16],
           {"to": TP.FLOAT16})
    m.case("f32 [2,3,6] -> f16", "Cast", [to_f16.reshape(2, 3, 6)], {"to": TP.FLOAT16})
    m.case("f64 -> f16 (through f32: 1 + 2^-11 + 2^-40 is a tie)", "Cast",
           [np.array([1 + t + 2.0 ** -40, 65519.999, 2.0 ** -25 + 2.0 ** -60, -7.5, 1e300, np.nan], np.float64)],
           {"to": TP.FLOAT16})
    m.case("i64 -> f16", "Cast", [np.array([0, 3, -7, 2049, 2051, 65519, 65520, -65520, 70000, 2 ** 53 + 1],
                                          np.int64)], {"to": TP.FLOAT16})
    m.case("i32 -> f16", "Cast", [np.array([1, -2049, 4097, 100000], np.int32)], {"to": TP.FLOAT16})
    m.case("bool -> f16", "Cast", [np.array([True, False, True])], {"to": TP.FLOAT16})
    h16 = np.array([0.0, -0.0, 6e-8, 1.0, -2.5, 65504.0, np.inf, np.nan], np.float16)
    m.case("f16 -> f16 (no change)", "Cast", [h16], {"to": TP.FLOAT16})

    def back_to_f32(to):
        return lambda i, o, p: [helper.make_node("Cast", [i[0]], [p + "_n"], to=to),
                                helper.make_node("Cast", [p + "_n"], o, to=TP.FLOAT)]
    b = 2.0 ** -8  # half of bf16's ulp at 1
    to_bf16 = np.array([0.0, -0.0, 1.0, 1 + b, 1 + 3 * b, -(1 + 3 * b), 257.0, 259.0, 3.14159, -1e-3, 65504.0,
                        3.3895314e38, 3.3961776e38, -3.3961776e38, 3.4028235e38, np.inf, -np.inf, np.nan, 1e-40,
                        -1e-39, 1.1754942e-38], np.float32)
    m.case("f32 -> bf16 -> f32: ties to even, overflow to inf, subnormals, NaN", None, [to_bf16], None, None,
           extra_nodes=back_to_f32(TP.BFLOAT16))
    m.case("i32 -> bf16 -> f32", None, [np.array([257, 259, 16777217, -33554435], np.int32)], None, None,
           extra_nodes=back_to_f32(TP.BFLOAT16))
    m.case("i64 -> bf16 -> f32 (through f32: 2^24 + 2^16 + 1 is a tie)", None,
           [np.array([2 ** 24 + 2 ** 16 + 1, 2 ** 40 + 2 ** 31 + 1, -5], np.int64)], None, None,
           extra_nodes=back_to_f32(TP.BFLOAT16))
    m.case("f32 -> f16 -> f32", None, [to_f16], None, None, extra_nodes=back_to_f32(TP.FLOAT16))
    m.save((0, 0, "exact: casts round to f16/bf16 the same way everywhere"))


def group_norm_21():
    """GroupNormalization's opset-21 form: scale and bias per channel ([C]),
    distinct values per channel so a per-group reading would fail.
    onnxruntime 1.32 runs it (and agrees with numpy's float64 reading of
    ONNX's reference implementation to 6e-7)."""
    m = model("group_normalization_21", 21)
    for shape, groups, attrs in [((2, 6, 3, 3), 3, {}), ((1, 8, 5), 2, {"epsilon": 1e-3}), ((3, 4), 4, {}),
                                 ((2, 6, 2, 3, 2), 1, {}), ((1, 4, 7, 7), 2, {"stash_type": 1}),
                                 ((1, 197, 1), 1, {})]:
        x = f32(*shape) * 3 + 1
        c = shape[1]
        m.case(f"{list(shape)} {groups} groups, per-channel scale/bias {attrs or ''}", "GroupNormalization", [x],
               dict(num_groups=groups, **attrs), [f32(c), f32(c)], out_like=x)
    m.save()


def import_errors():
    """Models the importer must refuse with a located error (no onnxruntime
    needed): tests/lit/invalid/onnx-opset-forms.test runs them."""
    d = os.path.join(os.path.dirname(OUT), "import_errors")
    os.makedirs(d, exist_ok=True)
    TP = TensorProto
    x = helper.make_tensor_value_info("x", TP.FLOAT, [1, 6, 4, 4])
    y = helper.make_tensor_value_info("y", TP.FLOAT, None)

    def save(name, node, opset, inits=()):
        g = helper.make_graph([node], name, [x], [y], initializer=list(inits))
        m = helper.make_model(g, opset_imports=[helper.make_opsetid("", opset)])
        m.ir_version = 10 if opset >= 21 else 8
        onnx.save(m, os.path.join(d, name + ".onnx"))
    per = lambda n: [numpy_helper.from_array(np.ones(n, np.float32), "s"),
                     numpy_helper.from_array(np.zeros(n, np.float32), "b")]
    gn = helper.make_node("GroupNormalization", ["x", "s", "b"], ["y"], num_groups=3)
    save("group_norm_18_per_channel", gn, 18, per(6))
    save("group_norm_21_per_group", gn, 21, per(3))
    save("average_pool_dilations", helper.make_node("AveragePool", ["x"], ["y"], kernel_shape=[2, 2],
                                                    dilations=[2, 2]), 19)
    save("opset_22", helper.make_node("Relu", ["x"], ["y"]), 22)
    # Dropout is an identity only when not training: a training_mode that is
    # not a constant false (here a graph input) is refused.
    t = helper.make_tensor_value_info("t", TP.BOOL, [])
    g = helper.make_graph([helper.make_node("Dropout", ["x", "", "t"], ["y"], seed=0)], "dropout_training",
                          [x, t], [y])
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 13)])
    m.ir_version = 8
    onnx.save(m, os.path.join(d, "dropout_training.onnx"))


def opsets_19_20():
    """What opsets 19 and 20 added to imported ops: Resize's
    half_pixel_symmetric (19; nearest only: linear with it has no lowering),
    AveragePool's dilations attribute (19; only 1 is taken), Gelu as an ONNX
    op (20)."""
    m = model("resize_19", opset=19)
    for nm in ["round_prefer_floor", "round_prefer_ceil", "floor", "ceil"]:
        m.case(f"nearest half_pixel_symmetric {nm} up 7x9", "Resize", [f32(1, 1, 3, 4)],
               {"mode": "nearest", "coordinate_transformation_mode": "half_pixel_symmetric", "nearest_mode": nm},
               [np.array([], np.float32), np.array([], np.float32), np.array([1, 1, 7, 9], np.int64)])
    m.case("nearest half_pixel_symmetric down x0.6", "Resize", [f32(1, 2, 5, 7)],
           {"mode": "nearest", "coordinate_transformation_mode": "half_pixel_symmetric"},
           [np.array([], np.float32), np.array([1, 1, 0.6, 0.6], np.float32)])
    m.case("nearest half_pixel_symmetric down 0.7 x 0.45 (sizes)", "Resize", [f32(2, 1, 7, 9)],
           {"mode": "nearest", "coordinate_transformation_mode": "half_pixel_symmetric"},
           [np.array([], np.float32), np.array([], np.float32), np.array([2, 1, 5, 4], np.int64)])
    m.case("nearest default modes (half_pixel, round_prefer_floor)", "Resize", [f32(1, 1, 4, 4)], None,
           [np.array([], np.float32), np.array([1, 1, 1.5, 0.5], np.float32)])
    m.save(onnx_reference="where a coordinate is a .5 tie in exact arithmetic (7 -> 4 at scale 0.6: "
                          "x = 0 maps to 0.5), onnxruntime 1.32 rounds as if it were below the tie, "
                          "onnx's reference and smartmem compute the spec's formula in float (0.50000024)")
    m = model("average_pool_19", opset=19)
    m.case("dilations 1 given", "AveragePool", [f32(1, 2, 5, 5)], {"kernel_shape": [2, 2], "dilations": [1, 1]})
    m.case("strides, pads, count_include_pad", "AveragePool", [f32(1, 1, 6, 6)],
           {"kernel_shape": [3, 3], "strides": [2, 2], "pads": [1, 1, 1, 1], "count_include_pad": 1})
    m.save()
    unary("Gelu", "gelu_onnx", opset=20, attrs_list=({}, {"approximate": "tanh"}))


if __name__ == "__main__":
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    elementwise()
    nn()
    reductions()
    shape_ops()
    mlir_cases()
    f16()
    conv_transpose_einsum()
    round_logsum()
    trilu_cumsum_arg()
    group_norms()
    top_k()
    cast_narrow()
    group_norm_21()
    import_errors()
    opsets_19_20()
    print("wrote", sum(1 for _ in os.scandir(OUT)), "groups to", OUT)
