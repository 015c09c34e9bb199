"""NumPy peer of `./course bench`: the MLP of "Deep Learning from Scratch" (common/layers.py style:
Affine, Relu, SoftmaxWithLoss, plain SGD) trained on Fashion-MNIST, float64, mini-batches drawn with
replacement, He initialization, learning rate 0.1 -- the same workload as the library's Trainer.

    numpy_mlp.py DATA_DIR SIZES BATCH ITERS      e.g. numpy_mlp.py /usr/share/datasets/fashion-mnist 784,50,10 100 10000
    numpy_mlp.py --peak [N]                      GFLOP/s of one N x N . N x N float64 product (default 1024)

Prints one line: `... seconds=S samples_per_s=R test_acc=A` (or `peak_gflops=G`).
"""
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from numpy_loader import load  # noqa: E402


class Affine:
    def __init__(self, W, b, input_gradient=True):
        self.W, self.b, self.input_gradient = W, b, input_gradient

    def forward(self, x):
        self.x = x
        return x @ self.W + self.b

    def backward(self, dout):
        self.dW = self.x.T @ dout
        self.db = dout.sum(axis=0)
        return dout @ self.W.T if self.input_gradient else None  # not needed for the first layer


class Relu:
    def forward(self, x):
        self.mask = x <= 0
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout[self.mask] = 0
        return dout


class SoftmaxWithLoss:
    def forward(self, x, t):
        self.t = t
        x = x - x.max(axis=1, keepdims=True)
        e = np.exp(x)
        self.y = e / e.sum(axis=1, keepdims=True)
        n = x.shape[0]
        return -np.log(self.y[np.arange(n), t] + 1e-7).sum() / n

    def backward(self):
        n = self.t.shape[0]
        dx = self.y.copy()
        dx[np.arange(n), self.t] -= 1
        return dx / n


def peak(n):
    rng = np.random.default_rng(0)
    a, b = rng.standard_normal((n, n)), rng.standard_normal((n, n))
    for _ in range(3):
        a @ b
    best = float("inf")
    for _ in range(5):
        t0 = time.perf_counter()
        a @ b
        best = min(best, time.perf_counter() - t0)
    print(f"numpy {np.__version__} {n}x{n} product peak_gflops={2.0 * n ** 3 / best / 1e9:.1f}")


def main():
    if sys.argv[1] == "--peak":
        peak(int(sys.argv[2]) if len(sys.argv) > 2 else 1024)
        return
    directory, sizes = sys.argv[1], [int(s) for s in sys.argv[2].split(",")]
    batch, iters = int(sys.argv[3]), int(sys.argv[4])
    xtr, ttr, xte, tte = load(directory)
    xtr, xte = xtr / 255.0, xte / 255.0  # float64
    rng = np.random.default_rng(0)
    layers = []
    for i, (n_in, n_out) in enumerate(zip(sizes, sizes[1:])):
        layers.append(Affine(rng.standard_normal((n_in, n_out)) * np.sqrt(2.0 / n_in), np.zeros(n_out), i > 0))
        if i < len(sizes) - 2:
            layers.append(Relu())
    affines = [l for l in layers if isinstance(l, Affine)]
    last = SoftmaxWithLoss()
    lr = 0.1
    t0 = time.perf_counter()
    for _ in range(iters):
        idx = rng.integers(0, xtr.shape[0], batch)  # with replacement, like DLFS's np.random.choice
        x, t = xtr[idx], ttr[idx]
        for layer in layers:
            x = layer.forward(x)
        last.forward(x, t)
        dout = last.backward()
        for layer in reversed(layers):
            dout = layer.backward(dout)
        for a in affines:
            a.W -= lr * a.dW
            a.b -= lr * a.db
    seconds = time.perf_counter() - t0
    x = xte
    for layer in layers:
        x = layer.forward(x)
    acc = float((x.argmax(axis=1) == tte).mean())
    print(f"numpy {np.__version__} sizes={sizes} batch={batch} iters={iters} dtype=float64 "
          f"seconds={seconds:.3f} samples_per_s={iters * batch / seconds:.0f} test_acc={acc:.4f}")


if __name__ == "__main__":   # numpy_cnn.py imports its Relu and SoftmaxWithLoss
    main()
