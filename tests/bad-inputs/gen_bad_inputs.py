#!/usr/bin/env python3
"""Writes the crafted hostile ONNX/.pb inputs of tests/bad-inputs (issue 14).

Run with Debian's interpreter (python3-onnx): /usr/bin/python3 gen_bad_inputs.py
The outputs are checked in; CI does not need onnx. Each model is as small as
the finding allows; tests/lit/invalid/harden-*.test say what each must do."""
import os
import onnx
from onnx import TensorProto, helper as h

HERE = os.path.dirname(os.path.abspath(__file__))
F = TensorProto.FLOAT
I64 = TensorProto.INT64


def model(name, nodes, inputs, outputs, inits=(), opset=18):
    g = h.make_graph(nodes, "g", inputs, outputs, initializer=list(inits))
    m = h.make_model(g, opset_imports=[h.make_opsetid("", opset)], producer_name="bad")
    m.ir_version = 8
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(m.SerializeToString())


def vi(name, shape, t=F):
    return h.make_tensor_value_info(name, t, shape)


def i64(name, vals, dims=None):
    return h.make_tensor(name, I64, [len(vals)] if dims is None else dims, vals)


X4 = [vi("x", [1, 4, 4, 4])]
Y = [vi("y", None)]

model("split_num_outputs_zero.onnx", [h.make_node("Split", ["x"], ["a", "b"], num_outputs=0, axis=1)],
      X4, [vi("a", None)])
model("conv_same_upper_zero_strides.onnx",
      [h.make_node("Conv", ["x", "w"], ["y"], auto_pad="SAME_UPPER", strides=[0, 0])], X4, Y,
      [h.make_tensor("w", F, [2, 4, 1, 1], [0.5] * 8)])
model("maxpool_same_upper_zero_strides.onnx",
      [h.make_node("MaxPool", ["x"], ["y"], auto_pad="SAME_UPPER", kernel_shape=[2, 2], strides=[0, 0])],
      X4, Y)
model("reshape_empty_data.onnx", [h.make_node("Reshape", ["", "s"], ["y"])], X4, Y, [i64("s", [4, 16])])
model("reshape_undefined_data.onnx", [h.make_node("Reshape", ["nosuch", "s"], ["y"])], X4, Y, [i64("s", [4, 16])])
model("slice_empty_data.onnx", [h.make_node("Slice", ["", "st", "en"], ["y"])], X4, Y,
      [i64("st", [0]), i64("en", [1])])
model("shape_no_outputs.onnx", [h.make_node("Shape", ["x"], [])], X4, [vi("x", None)])
model("constant_of_shape_no_outputs.onnx", [h.make_node("ConstantOfShape", ["s"], [])], X4, [vi("x", None)],
      [i64("s", [2])])
model("range_no_outputs.onnx", [h.make_node("Range", ["a", "b", "c"], [])], X4, [vi("x", None)],
      [i64("a", [0], []), i64("b", [4], []), i64("c", [1], [])])
model("depth_to_space_blocksize_2_32.onnx", [h.make_node("DepthToSpace", ["x"], ["y"], blocksize=2**32)], X4, Y)
model("range_empty_start.onnx", [h.make_node("Range", ["a", "b", "c"], ["y"])], X4, Y,
      [i64("a", [], [0]), i64("b", [4], []), i64("c", [1], [])])
model("range_inf_limit.onnx", [h.make_node("Range", ["a", "b", "c"], ["y"])], X4, Y,
      [h.make_tensor("a", F, [], [0.0]), h.make_tensor("b", F, [], [float("inf")]), h.make_tensor("c", F, [], [1.0])])
model("resize_nan_scales.onnx", [h.make_node("Resize", ["x", "", "sc"], ["y"], mode="nearest")], X4, Y,
      [h.make_tensor("sc", F, [4], [1.0, 1.0, float("nan"), 2.0])])
model("tile_overflow.onnx", [h.make_node("Tile", ["x", "r"], ["y"])], [vi("x", [4])], Y, [i64("r", [2**62])])
model("flatten_overflow.onnx", [h.make_node("Flatten", ["x"], ["y"], axis=1)], [vi("x", [2**32, 2**32])], Y)
model("maxpool_overflow.onnx",
      [h.make_node("MaxPool", ["x"], ["y"], kernel_shape=[2**62, 1], dilations=[4, 1])], X4, Y)
# Declares 2^20 x 50 floats (200 MB), holds 4 bytes: must fail before allocating.
init = TensorProto(name="w", data_type=F, dims=[2**20, 50], raw_data=b"\0\0\0\0")
model("initializer_size_mismatch.onnx", [h.make_node("Add", ["x", "w"], ["y"])], X4, Y, [init])
model("constant_of_shape_2_28.onnx", [h.make_node("ConstantOfShape", ["s"], ["y"])], X4, Y,
      [i64("s", [2**14, 2**14])])
model("node_name_escapes.onnx", [h.make_node("Relu", ["nosuch"], ["y"], name="\x1b]0;pwned\x07\x1b[2J")], X4, Y)
# Valid models with a zero-sized tensor: the interpreter runs them; the
# kernel lowering refuses them with an error naming the file and the node
# (it was `<unknown>:0: error: loc("")`): an empty activation, unnamed node,
# and a zero-length reduction (MatMul with K = 0, its result not empty).
model("zero_sized_relu.onnx", [h.make_node("Relu", ["x"], ["y"])], [vi("x", [0, 4])], [vi("y", [0, 4])])
model("zero_sized_matmul.onnx", [h.make_node("MatMul", ["x", "w"], ["y"], name="mm")], [vi("x", [2, 0])],
      [vi("y", [2, 3])], [h.make_tensor("w", F, [0, 3], [])])
# ... and an empty result folded at import (ConstantOfShape of [0, 3]).
model("zero_sized_constant.onnx", [h.make_node("ConstantOfShape", ["s"], ["y"])], [vi("x", [1])],
      [vi("y", [0, 3])], [i64("s", [0, 3])])
open(os.path.join(HERE, "empty.onnx"), "wb").close()
os.makedirs(os.path.join(HERE, "empty-test-data"), exist_ok=True)
open(os.path.join(HERE, "empty-test-data", "input_0.pb"), "wb").close()

# Token ids for tests/lit/invalid/harden-opencl-plan-check.test: one past a
# 4-row table, and all in range.
from onnx import numpy_helper
import numpy as np
for d, ids in (("gather-ids-oob", [0, 4]), ("gather-ids-ok", [3, 0])):
    os.makedirs(os.path.join(HERE, d), exist_ok=True)
    with open(os.path.join(HERE, d, "input_0.pb"), "wb") as f:
        f.write(numpy_helper.from_array(np.array(ids, dtype=np.int64), "ids").SerializeToString())
# Expected output of the in-range run: table[2 * id] with table = 0..7.
with open(os.path.join(HERE, "gather-ids-ok", "output_0.pb"), "wb") as f:
    f.write(numpy_helper.from_array(np.array([6.0, 0.0], dtype=np.float32), "y").SerializeToString())
