#!/usr/bin/env python3
"""Generates single-op ONNX models with onnxruntime reference outputs under
ops/<name>/ (model.onnx, test_data_set_0/{input,output}_N.pb), a
differential oracle for the interpreter's kernels. The outputs are checked
in, so CI needs neither onnx nor onnxruntime. Needs: pip install onnx onnxruntime.
Usage: python3 gen_op_tests.py [OUT_DIR]"""
import os
import sys

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper

OPSET = 17
rng = np.random.default_rng(1234)


def f32(*shape):
    return rng.standard_normal(shape).astype(np.float32)


def case(name, op, inputs, attrs=None, consts=None, n_out=1):
    """inputs: list of (name, array) fed at runtime; consts: initializers."""
    consts = consts or []
    in_names = [n for n, _ in inputs] + [n for n, _ in consts]
    outs = [f"y{i}" for i in range(n_out)]
    node = helper.make_node(op, in_names, outs, name=f"{name}_node", **(attrs or {}))
    g = helper.make_graph(
        [node], name,
        [helper.make_tensor_value_info(n, helper.np_dtype_to_tensor_dtype(a.dtype), a.shape)
         for n, a in inputs],
        [helper.make_tensor_value_info(o, TensorProto.UNDEFINED, None) for o in outs],
        initializer=[numpy_helper.from_array(a, n) for n, a in consts])
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", OPSET)])
    m = onnx.shape_inference.infer_shapes(m)
    sess = ort.InferenceSession(m.SerializeToString(), providers=["CPUExecutionProvider"])
    res = sess.run(None, {n: a for n, a in inputs})
    d = os.path.join(OUT, name)
    os.makedirs(os.path.join(d, "test_data_set_0"), exist_ok=True)
    onnx.save(m, os.path.join(d, "model.onnx"))
    for i, (n, a) in enumerate(inputs):
        with open(os.path.join(d, "test_data_set_0", f"input_{i}.pb"), "wb") as f:
            f.write(numpy_helper.from_array(a, n).SerializeToString())
    for i, r in enumerate(res):
        with open(os.path.join(d, "test_data_set_0", f"output_{i}.pb"), "wb") as f:
            f.write(numpy_helper.from_array(np.asarray(r), outs[i]).SerializeToString())


OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "ops")
case("conv_group_stride_pad", "Conv", [("x", f32(1, 4, 9, 9))],
     {"group": 2, "strides": [2, 2], "pads": [1, 0, 2, 1], "dilations": [1, 2]},
     [("w", f32(6, 2, 3, 3)), ("b", f32(6))])
case("conv_same_upper", "Conv", [("x", f32(1, 3, 8, 8))], {"auto_pad": "SAME_UPPER", "strides": [2, 2]},
     [("w", f32(5, 3, 3, 3))])
case("max_pool_ceil", "MaxPool", [("x", f32(1, 2, 10, 10))],
     {"kernel_shape": [3, 3], "strides": [2, 2], "ceil_mode": 1})
case("average_pool_pads", "AveragePool", [("x", f32(1, 2, 7, 7))],
     {"kernel_shape": [3, 3], "pads": [1, 1, 1, 1], "count_include_pad": 0})
case("matmul_broadcast", "MatMul", [("a", f32(2, 1, 3, 4)), ("b", f32(5, 4, 6))])
case("gemm_trans", "Gemm", [("a", f32(4, 3))], {"transA": 1, "transB": 1, "alpha": 0.5, "beta": 2.0},
     [("b", f32(5, 4)), ("c", f32(5))])
case("softmax_axis1", "Softmax", [("x", f32(2, 5, 3))], {"axis": 1})
case("layer_norm_axis", "LayerNormalization", [("x", f32(2, 3, 8))], {"axis": -1, "epsilon": 1e-5},
     [("s", f32(8)), ("b", f32(8))])
case("batch_norm", "BatchNormalization", [("x", f32(2, 3, 4, 4))], {"epsilon": 1e-3},
     [("s", f32(3)), ("b", f32(3)), ("m", f32(3)), ("v", np.abs(f32(3)) + 0.5)])
case("reduce_mean_axes", "ReduceMean", [("x", f32(3, 4, 5))], {"axes": [0, 2], "keepdims": 0})
case("reduce_l2", "ReduceL2", [("x", f32(3, 4))], {"axes": [1], "keepdims": 1})
case("transpose_perm", "Transpose", [("x", f32(2, 3, 4, 5))], {"perm": [0, 2, 3, 1]})
case("slice_negative_step", "Slice", [("x", f32(6, 7))], None,
     [("s", np.array([-1, 1], np.int64)), ("e", np.array([-100, 6], np.int64)),
      ("a", np.array([0, 1], np.int64)), ("p", np.array([-2, 2], np.int64))])
case("pad_reflect", "Pad", [("x", f32(1, 2, 4, 4))], {"mode": "reflect"},
     [("pads", np.array([0, 0, 1, 2, 0, 0, 2, 1], np.int64))])
case("resize_linear", "Resize", [("x", f32(1, 2, 4, 5))], {"mode": "linear"},
     [("roi", np.array([], np.float32)), ("scales", np.array([1, 1, 2, 1.5], np.float32))])
case("resize_nearest_sizes", "Resize", [("x", f32(1, 1, 3, 4))],
     {"mode": "nearest", "coordinate_transformation_mode": "asymmetric", "nearest_mode": "floor"},
     [("roi", np.array([], np.float32)), ("scales", np.array([], np.float32)),
      ("sizes", np.array([1, 1, 7, 9], np.int64))])
case("gather_axis1", "Gather", [("x", f32(3, 5, 2))], {"axis": 1},
     [("i", np.array([[4, -1], [0, 2]], np.int64))])
case("where_broadcast", "Where", [("c", rng.random((3, 1)) > 0.5), ("x", f32(3, 4)), ("y", f32(4))])
case("erf", "Erf", [("x", f32(3, 7))])
case("clip", "Clip", [("x", f32(4, 4))], None,
     [("lo", np.array(-0.5, np.float32)), ("hi", np.array(0.7, np.float32))])
case("hard_swish", "HardSwish", [("x", f32(3, 8) * 4)])
case("split_three", "Split", [("x", f32(2, 9))], {"axis": 1},
     [("split", np.array([2, 3, 4], np.int64))], n_out=3)
case("depth_to_space_crd", "DepthToSpace", [("x", f32(1, 8, 2, 3))], {"blocksize": 2, "mode": "CRD"})
case("scatter_nd", "ScatterND", [("x", f32(4, 3))], None,
     [("i", np.array([[2], [0]], np.int64)), ("u", f32(2, 3))])
case("pow_div", "Pow", [("x", np.abs(f32(3, 4)) + 0.1), ("y", f32(4))])
