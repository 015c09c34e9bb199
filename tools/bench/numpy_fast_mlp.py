"""Fast NumPy peer of `./course bench` (issue 28): the same MLP, data, initialization, batches and SGD as
numpy_mlp.py -- the same random stream too, so the same weights and batches -- written as a practitioner
would write it for speed rather than as the book's layer classes: every buffer allocated once, products into
them with `np.matmul(..., out=...)`, ReLU in place with `np.maximum(z, 0, out=z)`, its backward pass as one
`np.multiply` by the mask, softmax in place, the SGD step in place, no loss computed during training (the
book-style peer computes one per step; the library and PyTorch compute it as part of the backward pass).

    numpy_fast_mlp.py DATA_DIR SIZES BATCH ITERS     e.g. numpy_fast_mlp.py /usr/share/datasets/fashion-mnist 784,50,10 100 10000

Prints one line: `... seconds=S samples_per_s=R test_acc=A`.
"""
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from numpy_loader import load  # noqa: E402


def main():
    directory, sizes = sys.argv[1], [int(s) for s in sys.argv[2].split(",")]
    batch, iters = int(sys.argv[3]), int(sys.argv[4])
    xtr, ttr, xte, tte = load(directory)
    xtr, xte = xtr / 255.0, xte / 255.0  # float64
    rng = np.random.default_rng(0)
    # the same draws, in the same order, as numpy_mlp.py: one weight matrix per layer, then the batches
    ws = [rng.standard_normal((i, o)) * np.sqrt(2.0 / i) for i, o in zip(sizes, sizes[1:])]
    bs = [np.zeros(o) for o in sizes[1:]]
    layers = len(ws)
    xb = np.empty((batch, sizes[0]))
    acts = [xb] + [np.empty((batch, o)) for o in sizes[1:]]   # acts[l + 1] = layer l's output (after ReLU)
    deltas = [np.empty((batch, o)) for o in sizes[1:]]        # ∂L/∂(pre-activation) of layer l
    masks = [np.empty((batch, o)) for o in sizes[1:-1]]
    dws = [np.empty_like(w) for w in ws]
    dbs = [np.empty_like(b) for b in bs]
    rows = np.arange(batch)
    lr = 0.1
    t0 = time.perf_counter()
    for _ in range(iters):
        idx = rng.integers(0, xtr.shape[0], batch)  # with replacement, as numpy_mlp.py
        np.take(xtr, idx, axis=0, out=xb)
        t = ttr[idx]
        for l in range(layers):
            z = acts[l + 1]
            np.matmul(acts[l], ws[l], out=z)
            z += bs[l]
            if l < layers - 1:
                np.maximum(z, 0.0, out=z)
        z = acts[-1]                                   # scores → softmax probabilities, in place
        z -= z.max(axis=1, keepdims=True)
        np.exp(z, out=z)
        z /= z.sum(axis=1, keepdims=True)
        d = deltas[-1]
        np.copyto(d, z)
        d[rows, t] -= 1.0
        d *= 1.0 / batch
        for l in range(layers - 1, -1, -1):
            d = deltas[l]
            np.matmul(acts[l].T, d, out=dws[l])
            np.sum(d, axis=0, out=dbs[l])
            if l > 0:                                  # ∂L/∂x of the first layer is not needed
                prev = deltas[l - 1]
                np.matmul(d, ws[l].T, out=prev)
                np.greater(acts[l], 0.0, out=masks[l - 1])   # ReLU's derivative, as 0.0/1.0
                prev *= masks[l - 1]
        for l in range(layers):
            dws[l] *= lr
            ws[l] -= dws[l]
            dbs[l] *= lr
            bs[l] -= dbs[l]
    seconds = time.perf_counter() - t0
    h = xte
    for l in range(layers):
        h = h @ ws[l] + bs[l]
        if l < layers - 1:
            np.maximum(h, 0.0, out=h)
    acc = float((h.argmax(axis=1) == tte).mean())
    print(f"numpy {np.__version__} fast sizes={sizes} batch={batch} iters={iters} dtype=float64 "
          f"seconds={seconds:.3f} samples_per_s={iters * batch / seconds:.0f} test_acc={acc:.4f}")


main()
