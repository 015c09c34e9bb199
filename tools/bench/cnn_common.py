"""What the CNN peers of `./course bench` share (issue 28): the workload's arguments, Fashion-MNIST as
N x 1 x 28 x 28 float64 images scaled to [0, 1], and the result line.

SimpleConvNet of "Deep Learning from Scratch" ch. 7: conv 30 filters 5 x 5 (stride 1, pad 0) -> ReLU ->
max-pool 2 x 2 stride 2 -> Affine 4320 -> 100 -> ReLU -> Affine 100 -> 10 -> softmax cross-entropy; He
initialization, zero biases; Adam lr 0.001 (beta1 0.9, beta2 0.999, eps 1e-8 outside the root, bias
correction as in PyTorch and the library); mini-batches drawn with replacement; float64.
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from numpy_loader import load  # noqa: E402

FILTERS, SIZE, POOL, HIDDEN, CLASSES = 30, 5, 2, 100, 10
LR, BETA1, BETA2, EPS = 0.001, 0.9, 0.999, 1e-8
EVAL_CHUNK = 500  # test images per forward pass when evaluating (the column matrix of 10 000 would be 1.2 GB)


def arguments():
    """DATA_DIR BATCH ITERS from the command line."""
    if len(sys.argv) != 4:
        sys.exit(f"usage: {os.path.basename(sys.argv[0])} DATA_DIR BATCH ITERS")
    return sys.argv[1], int(sys.argv[2]), int(sys.argv[3])


def images(directory):
    """Training and test images as N x 1 x 28 x 28 float64 in [0, 1], with their labels."""
    xtr, ttr, xte, tte = load(directory)
    return (xtr.reshape(-1, 1, 28, 28) / 255.0, ttr.astype(np.int64),
            xte.reshape(-1, 1, 28, 28) / 255.0, tte.astype(np.int64))


def he(rng, shape, fan_in):
    return rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)


def report(who, batch, iters, seconds, acc):
    print(f"{who} simpleconvnet batch={batch} iters={iters} dtype=float64 "
          f"seconds={seconds:.3f} samples_per_s={iters * batch / seconds:.0f} test_acc={acc:.4f}")
