"""Fast NumPy peer of `./course bench`, workload (c) (issue 28): DLFS's SimpleConvNet (cnn_common.py), the
same math as numpy_cnn.py written as a practitioner would for speed:

- the images kept channels-last (N x H x W x C): the convolution's output is the (N*24*24) x 30 product
  itself, with no transpose after it, and the flattened pooled maps are a reshape (the dense layer's
  weights are then a permutation of the book's, which changes nothing but their order);
- im2col as one copy of a strided view (`sliding_window_view`) into a buffer allocated once, no Python
  loop over the filter;
- every product into a preallocated buffer (`np.matmul(..., out=...)`), ReLU in place (`np.maximum`);
- max pooling 2 x 2 as the maximum of the four strided quarter views; its backward pass sends the upstream
  gradient to the first of the four positions that holds the maximum (as the book's arg-max does: flat
  regions of an image give equal non-zero values in a window);
- the Adam update in place with preallocated temporaries.

    numpy_fast_cnn.py DATA_DIR BATCH ITERS

Prints one line: `... seconds=S samples_per_s=R test_acc=A`.
"""
import time

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from cnn_common import (BETA1, BETA2, CLASSES, EPS, EVAL_CHUNK, FILTERS, HIDDEN, LR, POOL, SIZE, arguments, he,
                        images, report)

H = 28
OH = H - SIZE + 1          # 24
PH = OH // POOL            # 12
K = SIZE * SIZE            # 25 values per receptive field (one channel)
POOLED = PH * PH * FILTERS  # 4320


class Net:
    def __init__(self, rng):
        # the same draws as numpy_cnn.py; the conv filters as a K x F matrix, the dense weights' rows reordered
        # from the book's (channel, row, column) to channels-last (row, column, channel)
        w1 = he(rng, (FILTERS, 1, SIZE, SIZE), K)
        w2 = he(rng, (POOLED, HIDDEN), POOLED)
        self.wc = np.ascontiguousarray(w1.reshape(FILTERS, K).T)
        self.w2 = np.ascontiguousarray(w2.reshape(FILTERS, PH, PH, HIDDEN).transpose(1, 2, 0, 3).reshape(POOLED, HIDDEN))
        self.w3 = he(rng, (HIDDEN, CLASSES), HIDDEN)
        self.bc, self.b2, self.b3 = np.zeros(FILTERS), np.zeros(HIDDEN), np.zeros(CLASSES)
        self.params = [self.wc, self.bc, self.w2, self.b2, self.w3, self.b3]
        self.grads = [np.empty_like(p) for p in self.params]
        self.m = [np.zeros_like(p) for p in self.params]
        self.v = [np.zeros_like(p) for p in self.params]
        self.tmp = [np.empty_like(p) for p in self.params]
        self.tmp2 = [np.empty_like(p) for p in self.params]
        self.t = 0
        self.n = -1

    def buffers(self, n):
        if n == self.n:
            return
        self.n = n
        self.col = np.empty((n * OH * OH, K))
        self.z1 = np.empty((n * OH * OH, FILTERS))       # conv output, then ReLU, channels-last
        self.p = np.empty((n, PH, PH, FILTERS))          # pooled
        self.tp = np.empty((n, PH, PH, FILTERS))
        self.h = np.empty((n, HIDDEN))
        self.s = np.empty((n, CLASSES))
        self.dh = np.empty((n, HIDDEN))
        self.dp = np.empty((n, POOLED))
        self.dz1 = np.empty((n * OH * OH, FILTERS))
        self.eq = np.empty((n, PH, PH, FILTERS), dtype=bool)
        self.taken = np.empty((n, PH, PH, FILTERS), dtype=bool)
        self.mask = np.empty((n, HIDDEN))
        self.rows = np.arange(n)

    def forward(self, x):
        """x: n x 28 x 28 → the scores n x 10 (the buffers keep what backward needs)."""
        n = x.shape[0]
        self.buffers(n)
        np.copyto(self.col.reshape(n, OH, OH, SIZE, SIZE), sliding_window_view(x, (SIZE, SIZE), axis=(1, 2)))
        np.matmul(self.col, self.wc, out=self.z1)
        self.z1 += self.bc
        np.maximum(self.z1, 0.0, out=self.z1)
        q = self.quarters(self.z1)
        np.maximum(q[0], q[1], out=self.p)
        np.maximum(q[2], q[3], out=self.tp)
        np.maximum(self.p, self.tp, out=self.p)
        flat = self.p.reshape(n, POOLED)
        np.matmul(flat, self.w2, out=self.h)
        self.h += self.b2
        np.maximum(self.h, 0.0, out=self.h)
        np.matmul(self.h, self.w3, out=self.s)
        self.s += self.b3
        return self.s

    @staticmethod
    def quarters(z):
        """The four positions of every 2 x 2 window of the n x 24 x 24 x F maps, as n x 12 x 12 x F views."""
        v = z.reshape(-1, PH, POOL, PH, POOL, FILTERS)
        return [v[:, :, a, :, b, :] for a in range(POOL) for b in range(POOL)]

    def step(self, x, t):
        n = x.shape[0]
        s = self.forward(x)
        s -= s.max(axis=1, keepdims=True)              # softmax in place; s becomes ∂L/∂scores
        np.exp(s, out=s)
        s /= s.sum(axis=1, keepdims=True)
        s[self.rows, t] -= 1.0
        s *= 1.0 / n
        gwc, gbc, gw2, gb2, gw3, gb3 = self.grads
        np.matmul(self.h.T, s, out=gw3)
        np.sum(s, axis=0, out=gb3)
        np.matmul(s, self.w3.T, out=self.dh)
        np.greater(self.h, 0.0, out=self.mask)
        self.dh *= self.mask
        flat = self.p.reshape(n, POOLED)
        np.matmul(flat.T, self.dh, out=gw2)
        np.sum(self.dh, axis=0, out=gb2)
        np.matmul(self.dh, self.w2.T, out=self.dp)
        dp = self.dp.reshape(n, PH, PH, FILTERS)
        dp *= self.p > 0.0                               # where the window's maximum is 0, ReLU passes nothing
        self.taken.fill(False)
        for qz, qd in zip(self.quarters(self.z1), self.quarters(self.dz1)):
            np.equal(qz, self.p, out=self.eq)          # the first position holding the maximum wins, as an
            self.eq &= ~self.taken                     # arg-max does (equal non-zero values occur: flat regions)
            self.taken |= self.eq
            np.multiply(dp, self.eq, out=qd)
        np.matmul(self.col.T, self.dz1, out=gwc)
        np.sum(self.dz1, axis=0, out=gbc)
        self.adam()

    def adam(self):
        self.t += 1
        c1, c2 = 1.0 - BETA1 ** self.t, 1.0 - BETA2 ** self.t
        for p, g, m, v, a, b in zip(self.params, self.grads, self.m, self.v, self.tmp, self.tmp2):
            m *= BETA1
            np.multiply(g, 1.0 - BETA1, out=a)
            m += a
            v *= BETA2
            np.multiply(g, g, out=a)
            a *= 1.0 - BETA2
            v += a
            np.multiply(v, 1.0 / c2, out=a)             # √v̂ + ε
            np.sqrt(a, out=a)
            a += EPS
            np.multiply(m, LR / c1, out=b)              # lr·m̂
            b /= a
            p -= b

    def accuracy(self, x, t):
        right = 0
        for k in range(0, x.shape[0], EVAL_CHUNK):
            right += int((self.forward(x[k:k + EVAL_CHUNK]).argmax(axis=1) == t[k:k + EVAL_CHUNK]).sum())
        return right / x.shape[0]


def main():
    directory, batch, iters = arguments()
    xtr, ttr, xte, tte = images(directory)
    xtr, xte = np.ascontiguousarray(xtr[:, 0]), np.ascontiguousarray(xte[:, 0])  # one channel: n x 28 x 28
    rng = np.random.default_rng(0)
    net = Net(rng)
    xb = np.empty((batch, H, H))
    t0 = time.perf_counter()
    for _ in range(iters):
        idx = rng.integers(0, xtr.shape[0], batch)  # with replacement, the same draws as numpy_cnn.py
        np.take(xtr, idx, axis=0, out=xb)
        net.step(xb, ttr[idx])
    seconds = time.perf_counter() - t0
    report(f"numpy {np.__version__} fast", batch, iters, seconds, net.accuracy(xte, tte))


main()
