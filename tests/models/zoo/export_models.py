#!/usr/bin/env python3
"""Re-exports the model zoo under tests/models/zoo: small-width versions of
architectures people deploy (torchvision and Hugging Face transformers code,
random weights), each as model.onnx + test_data_set_0/{input_0,output_0}.pb,
where output_0.pb is onnxruntime's output for input_0.pb.

Needs PyTorch, torchvision, transformers, onnx and onnxruntime (the GPU
machine of the device tool has them; the CPU is enough). Run by hand:

    python3 tests/models/zoo/export_models.py OUT_DIR [NAME...]

Widths and input sizes are kept small so that every model runs through every
pipeline stage on the interpreter and on PoCL within the CI budget; the
architecture (block structure, op mix, layout changes) is the real one.
"""
import os
import sys
import traceback

import numpy as np
import onnx
import onnxruntime as ort
import torch
import torch.nn as nn
import torch.nn.functional as F
from onnx import numpy_helper

SEED = 0


def randomize_bn(model):
    """Random running statistics, so BatchNormalization is not an identity."""
    g = torch.Generator().manual_seed(SEED + 1)
    for m in model.modules():
        if isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d, nn.BatchNorm3d)):
            with torch.no_grad():
                m.running_mean.copy_(torch.randn(m.running_mean.shape, generator=g) * 0.1)
                m.running_var.copy_(torch.rand(m.running_var.shape, generator=g) * 0.5 + 0.75)
                if m.weight is not None:
                    m.weight.copy_(torch.rand(m.weight.shape, generator=g) * 0.5 + 0.75)
                    m.bias.copy_(torch.randn(m.bias.shape, generator=g) * 0.1)
    return model


class Logits(nn.Module):
    """Wraps a transformers model so the graph has one output tensor."""

    def __init__(self, inner, key):
        super().__init__()
        self.inner, self.key = inner, key

    def forward(self, x):
        return getattr(self.inner(x), self.key)


# ---- torchvision architectures -------------------------------------------

def efficientnet():
    from torchvision.models.efficientnet import EfficientNet, _efficientnet_conf
    setting, last = _efficientnet_conf("efficientnet_b0", width_mult=0.25, depth_mult=0.34)
    return EfficientNet(setting, dropout=0.0, last_channel=last, num_classes=64), (1, 3, 96, 96)


def regnet():
    from torchvision.models.regnet import BlockParams, RegNet
    params = BlockParams.from_init_params(depth=6, w_0=16, w_a=8.0, w_m=2.0, group_width=8)
    return RegNet(params, num_classes=64), (1, 3, 96, 96)


def resnext():
    # torchvision's ResNeXt bottleneck blocks at a small base width (the
    # stock ResNet class fixes 64 stem channels and 2048 final ones).
    from torchvision.models.resnet import Bottleneck

    class SmallResNeXt(nn.Module):
        def __init__(self):
            super().__init__()
            self.stem = nn.Sequential(nn.Conv2d(3, 16, 7, 2, 3, bias=False), nn.BatchNorm2d(16),
                                      nn.ReLU(inplace=True), nn.MaxPool2d(3, 2, 1))
            blocks, inplanes = [], 16
            for i, planes in enumerate([8, 16, 32, 64]):
                stride = 1 if i == 0 else 2
                down = nn.Sequential(nn.Conv2d(inplanes, planes * 4, 1, stride, bias=False),
                                     nn.BatchNorm2d(planes * 4))
                blocks.append(Bottleneck(inplanes, planes, stride, down, groups=4, base_width=16))
                inplanes = planes * 4
            self.blocks = nn.Sequential(*blocks)
            self.fc = nn.Linear(inplanes, 64)

        def forward(self, x):
            x = self.blocks(self.stem(x))
            return self.fc(torch.flatten(F.adaptive_avg_pool2d(x, 1), 1))

    return SmallResNeXt(), (1, 3, 96, 96)


def mobilenetv3_small():
    from torchvision.models import mobilenet_v3_small
    return mobilenet_v3_small(width_mult=0.5, num_classes=64), (1, 3, 96, 96)


def shufflenetv2():
    from torchvision.models.shufflenetv2 import ShuffleNetV2
    return ShuffleNetV2([2, 2, 2], [16, 24, 48, 96, 256], num_classes=64), (1, 3, 96, 96)


def maxvit():
    from torchvision.models.maxvit import MaxVit
    return MaxVit(input_size=(64, 64), stem_channels=16, partition_size=4, block_channels=[16, 32],
                  block_layers=[1, 1], head_dim=8, stochastic_depth_prob=0.0,
                  num_classes=64), (1, 3, 64, 64)


# ---- transformers architectures ------------------------------------------

def pythia():
    from transformers import GPTNeoXConfig, GPTNeoXForCausalLM
    cfg = GPTNeoXConfig(vocab_size=512, hidden_size=64, num_hidden_layers=2, num_attention_heads=4,
                        intermediate_size=256, max_position_embeddings=64, rotary_pct=0.25,
                        use_cache=False, attn_implementation="eager")
    return Logits(GPTNeoXForCausalLM(cfg), "logits"), ("tokens", 512, (1, 32))


def t5_encoder():
    from transformers import T5Config, T5EncoderModel
    cfg = T5Config(vocab_size=512, d_model=64, d_kv=16, d_ff=128, num_layers=2, num_heads=4,
                   use_cache=False, attn_implementation="eager")
    return Logits(T5EncoderModel(cfg), "last_hidden_state"), ("tokens", 512, (1, 32))


def whisper_encoder():
    from transformers import WhisperConfig, WhisperModel
    cfg = WhisperConfig(d_model=64, encoder_layers=2, encoder_attention_heads=4, encoder_ffn_dim=128,
                        decoder_layers=1, decoder_attention_heads=4, decoder_ffn_dim=128,
                        num_mel_bins=16, max_source_positions=32, max_target_positions=32,
                        vocab_size=512, pad_token_id=0, bos_token_id=1, eos_token_id=2,
                        decoder_start_token_id=1, attn_implementation="eager")
    return Logits(WhisperModel(cfg).encoder, "last_hidden_state"), (1, 16, 64)


# ---- hand-written architectures of deployed families ---------------------

def conv_bn_act(cin, cout, k=3, s=1, act=nn.SiLU):
    return nn.Sequential(nn.Conv2d(cin, cout, k, s, k // 2, bias=False), nn.BatchNorm2d(cout), act())


class C2f(nn.Module):
    """YOLOv8's split-and-concatenate block."""

    def __init__(self, c, n=1):
        super().__init__()
        self.cv1 = conv_bn_act(c, c, 1)
        self.m = nn.ModuleList(nn.Sequential(conv_bn_act(c // 2, c // 2), conv_bn_act(c // 2, c // 2))
                               for _ in range(n))
        self.cv2 = conv_bn_act(c // 2 * (2 + n), c, 1)

    def forward(self, x):
        y = list(self.cv1(x).chunk(2, 1))
        for m in self.m:
            y.append(y[-1] + m(y[-1]))
        return self.cv2(torch.cat(y, 1))


class SPPF(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.cv1, self.cv2 = conv_bn_act(c, c // 2, 1), conv_bn_act(c * 2, c, 1)
        self.pool = nn.MaxPool2d(5, 1, 2)

    def forward(self, x):
        x = self.cv1(x)
        y1 = self.pool(x)
        y2 = self.pool(y1)
        return self.cv2(torch.cat([x, y1, y2, self.pool(y2)], 1))


class TinyYolo(nn.Module):
    """A YOLOv8-style detector: CSP backbone, SPPF, FPN neck with nearest
    upsampling and concatenation, per-level heads whose outputs are flattened,
    transposed and concatenated into one (boxes x channels) tensor."""

    def __init__(self, nc=8):
        super().__init__()
        self.b1 = nn.Sequential(conv_bn_act(3, 16, 3, 2), conv_bn_act(16, 32, 3, 2), C2f(32))
        self.b2 = nn.Sequential(conv_bn_act(32, 64, 3, 2), C2f(64))
        self.b3 = nn.Sequential(conv_bn_act(64, 64, 3, 2), C2f(64), SPPF(64))
        self.n1 = C2f(128)
        self.n1r = conv_bn_act(128, 64, 1)
        self.n2 = C2f(96)
        self.heads = nn.ModuleList(nn.Conv2d(c, 4 + nc, 1) for c in (96, 64, 64))

    def forward(self, x):
        p3 = self.b1(x)
        p4 = self.b2(p3)
        p5 = self.b3(p4)
        u = F.interpolate(p5, scale_factor=2.0, mode="nearest")
        n4 = self.n1r(self.n1(torch.cat([u, p4], 1)))
        u = F.interpolate(n4, scale_factor=2.0, mode="nearest")
        n3 = self.n2(torch.cat([u, p3], 1))
        outs = []
        for h, f in zip(self.heads, (n3, n4, p5)):
            y = h(f)
            outs.append(y.flatten(2).transpose(1, 2))
        y = torch.cat(outs, 1)
        return torch.cat([y[..., :4], torch.sigmoid(y[..., 4:])], -1)


class TinyUNet(nn.Module):
    """A UNet: conv-BN-ReLU encoder with max pooling, ConvTranspose upsampling
    and skip concatenation in the decoder."""

    def __init__(self, c=8, out=3):
        super().__init__()

        def block(i, o):
            return nn.Sequential(nn.Conv2d(i, o, 3, 1, 1), nn.BatchNorm2d(o), nn.ReLU(),
                                 nn.Conv2d(o, o, 3, 1, 1), nn.BatchNorm2d(o), nn.ReLU())

        self.e1, self.e2, self.e3 = block(3, c), block(c, 2 * c), block(2 * c, 4 * c)
        # BatchNormalization after a transposed convolution stays in the
        # exported graph (the exporter folds it only into a plain Conv).
        self.u2 = nn.Sequential(nn.ConvTranspose2d(4 * c, 2 * c, 2, 2), nn.BatchNorm2d(2 * c))
        self.d2 = block(4 * c, 2 * c)
        self.u1 = nn.Sequential(nn.ConvTranspose2d(2 * c, c, 2, 2), nn.BatchNorm2d(c))
        self.d1 = block(2 * c, c)
        self.head = nn.Conv2d(c, out, 1)

    def forward(self, x):
        e1 = self.e1(x)
        e2 = self.e2(F.max_pool2d(e1, 2))
        e3 = self.e3(F.max_pool2d(e2, 2))
        d2 = self.d2(torch.cat([self.u2(e3), e2], 1))
        d1 = self.d1(torch.cat([self.u1(d2), e1], 1))
        return self.head(d1)


def yolo_tiny():
    return TinyYolo(), (1, 3, 128, 128)


def unet_tiny():
    return TinyUNet(), (1, 3, 64, 64)


MODELS = {
    "efficientnet_tiny": efficientnet,
    "regnet_tiny": regnet,
    "resnext_tiny": resnext,
    "mobilenetv3_small_half": mobilenetv3_small,
    "shufflenetv2_tiny": shufflenetv2,
    "maxvit_tiny": maxvit,
    "pythia_tiny": pythia,
    "t5_encoder_tiny": t5_encoder,
    "whisper_encoder_tiny": whisper_encoder,
    "yolo_tiny": yolo_tiny,
    "unet_tiny": unet_tiny,
}


def export(name, out_root):
    torch.manual_seed(SEED)
    model, spec = MODELS[name]()
    model = randomize_bn(model).eval()
    g = torch.Generator().manual_seed(SEED + 2)
    if spec[0] == "tokens":
        _, vocab, shape = spec
        x = torch.randint(0, vocab, shape, generator=g, dtype=torch.int64)
    else:
        x = torch.randn(spec, generator=g)
    d = os.path.join(out_root, name)
    os.makedirs(os.path.join(d, "test_data_set_0"), exist_ok=True)
    path = os.path.join(d, "model.onnx")
    with torch.no_grad():
        try:  # the TorchScript exporter gives opset-17 graphs like the shared models
            torch.onnx.export(model, (x,), path, opset_version=17, dynamo=False,
                              input_names=["input"], output_names=["output"])
        except Exception:  # some transformers code only traces with the dynamo exporter
            traceback.print_exc()
            print(f"{name}: TorchScript export failed, using the dynamo exporter", flush=True)
            torch.onnx.export(model, (x,), path, opset_version=18, dynamo=True,
                              input_names=["input"], output_names=["output"], external_data=False)
    m = onnx.load(path)
    onnx.checker.check_model(m)
    sess = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
    feed = {sess.get_inputs()[0].name: x.numpy()}
    (y,) = sess.run(None, feed)
    with torch.no_grad():
        ref = model(x).numpy()
    err = float(np.max(np.abs(ref - y))) if ref.shape == y.shape else float("nan")
    for fn, arr, nm in (("input_0.pb", x.numpy(), sess.get_inputs()[0].name),
                        ("output_0.pb", y, sess.get_outputs()[0].name)):
        t = numpy_helper.from_array(arr, nm)
        with open(os.path.join(d, "test_data_set_0", fn), "wb") as f:
            f.write(t.SerializeToString())
    ops = sorted({n.op_type for n in m.graph.node})
    size = os.path.getsize(path)
    print(f"{name}: {len(m.graph.node)} nodes, {size / 1e6:.2f} MB, opset "
          f"{m.opset_import[0].version}, in {list(x.shape)} out {list(y.shape)}, "
          f"|torch - ort| {err:.2e}, ops {' '.join(ops)}", flush=True)


def main():
    out_root = sys.argv[1]
    names = sys.argv[2:] or list(MODELS)
    failed = []
    for n in names:
        try:
            export(n, out_root)
        except Exception:
            traceback.print_exc()
            failed.append(n)
    if failed:
        print("FAILED:", " ".join(failed))
        sys.exit(1)


if __name__ == "__main__":
    main()
