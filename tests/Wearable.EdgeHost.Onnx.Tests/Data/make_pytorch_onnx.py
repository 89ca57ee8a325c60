#!/usr/bin/env python3
"""Makes the PyTorch-exported ONNX files that the import tests read (committed beside this script).

pytorch-gesture-cnn.onnx: a small gesture CNN in the ops `wearable model import` supports
(Conv1d, depthwise Conv1d, 1x1 Conv1d, ReLU, MaxPool1d, Flatten, Linear), trained for a few epochs on
the Myo PreTrainingDataset (../shared/data/emg/myo-armband) with inputs scaled by 1/32, exported with
torch.onnx.export. pytorch-unsupported-op.onnx: the same network with a Tanh, which import must refuse.

Reproduce (Debian's packages; CPU only, about a minute):
    apt-get install python3-torch python3-onnx
    /usr/bin/python3 tests/Wearable.EdgeHost.Onnx.Tests/Data/make_pytorch_onnx.py
"""
import glob
import os

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "..", "..", "shared", "data", "emg", "myo-armband", "PreTrainingDataset")
WINDOW, HOP, CHANNELS, CLASSES = 52, 10, 8, 7


def windows():
    xs, ys = [], []
    for path in sorted(glob.glob(os.path.join(DATA, "*", "training0", "classe_*.dat"))):
        label = int(os.path.basename(path)[len("classe_"):-len(".dat")]) % CLASSES
        samples = np.fromfile(path, dtype="<i2").reshape(-1, CHANNELS).astype(np.float32) / 32.0
        for start in range(0, len(samples) - WINDOW + 1, HOP):
            xs.append(samples[start:start + WINDOW].T)  # [channel][time], PyTorch's Conv1d layout
            ys.append(label)
    return torch.tensor(np.stack(xs)), torch.tensor(ys)


def network(extra=None):
    layers = [
        nn.Conv1d(CHANNELS, 16, 5), nn.ReLU(), nn.MaxPool1d(2),
        nn.Conv1d(16, 16, 5, groups=16), nn.ReLU(),
        nn.Conv1d(16, 24, 1), nn.ReLU(), nn.MaxPool1d(2),
    ]
    if extra is not None:
        layers.append(extra)
    layers += [nn.Flatten(), nn.Linear(24 * 10, CLASSES)]
    return nn.Sequential(*layers)


def export(model, name):
    model.eval()
    torch.onnx.export(model, torch.zeros(1, CHANNELS, WINDOW), os.path.join(HERE, name),
                      input_names=["window"], output_names=["logits"], opset_version=13)


def main():
    torch.manual_seed(20261205)
    x, y = windows()
    model = network()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.002)
    for epoch in range(4):
        order = torch.randperm(len(x))
        for i in range(0, len(x), 64):
            batch = order[i:i + 64]
            optimizer.zero_grad()
            loss = nn.functional.cross_entropy(model(x[batch]), y[batch])
            loss.backward()
            optimizer.step()
        with torch.no_grad():
            accuracy = (model(x).argmax(1) == y).float().mean().item()
        print(f"epoch {epoch}: training accuracy {accuracy:.3f}")
    export(model, "pytorch-gesture-cnn.onnx")
    export(network(nn.Tanh()), "pytorch-unsupported-op.onnx")


if __name__ == "__main__":
    main()
