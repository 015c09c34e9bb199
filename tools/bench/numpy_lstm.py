"""NumPy peer of `./course bench`, workload (d) (issue 28): an LSTM in the style of "Deep Learning from
Scratch 2" (its LSTM and TimeLSTM classes: one product x·Wx + h·Wh + b per step for the four gates, the
backward pass step by step from T down to 1), with a dense head, MSE, clipping by the global norm and Adam
(lstm_common.py). Written for speed where it costs no clarity: the gates are views of one N x 4H array, the
per-step products go into preallocated buffers, the cached states are arrays allocated once.

    numpy_lstm.py DATA_DIR BATCH ITERS       (DATA_DIR is not read: the task is synthetic, seeded)

Prints one line: `... seconds=S samples_per_s=R test_acc=A final_loss=L`.
"""
import time

import numpy as np

from lstm_common import (BETA1, BETA2, CLIP, EPS, FORGET_BIAS, HIDDEN, LR, STEPS, arguments, report, task)


def sigmoid(x, out):
    np.negative(x, out=out)
    np.exp(out, out=out)
    out += 1.0
    np.reciprocal(out, out=out)
    return out


class TimeLstm:
    def __init__(self, rng, d, h):
        self.d, self.h = d, h
        self.wx = rng.standard_normal((d, 4 * h)) * np.sqrt(1.0 / d)
        self.wh = rng.standard_normal((h, 4 * h)) * np.sqrt(1.0 / h)
        self.b = np.zeros(4 * h)
        self.b[:h] = FORGET_BIAS                      # blocks f, g, i, o
        self.dwx, self.dwh, self.db = np.empty_like(self.wx), np.empty_like(self.wh), np.empty_like(self.b)
        self.n = -1

    def buffers(self, n):
        if n == self.n:
            return
        self.n, t, h = n, STEPS, self.h
        self.gates = np.empty((t, n, 4 * h))          # f, g, i, o after their nonlinearity
        self.c = np.zeros((t + 1, n, h))              # c[0] = c0 = 0, c[s + 1] after step s
        self.hs = np.zeros((t + 1, n, h))             # likewise h
        self.tanh_c = np.empty((t, n, h))
        self.tmp = np.empty((n, 4 * h))
        self.da = np.empty((n, 4 * h))
        self.dh, self.dc, self.ds = np.empty((n, h)), np.empty((n, h)), np.empty((n, h))
        self.w = np.empty((n, h))

    def forward(self, x):
        """x: n x T (one input per step) → h_T, n x H."""
        n, h = x.shape[0], self.h
        self.buffers(n)
        self.x = x
        for s in range(STEPS):
            a = self.gates[s]
            np.matmul(self.hs[s], self.wh, out=a)
            np.matmul(x[:, s:s + 1], self.wx, out=self.tmp)   # D = 1: an outer product
            a += self.tmp
            a += self.b
            f, g, i, o = a[:, :h], a[:, h:2 * h], a[:, 2 * h:3 * h], a[:, 3 * h:]
            sigmoid(f, f)
            np.tanh(g, out=g)
            sigmoid(i, i)
            sigmoid(o, o)
            c = self.c[s + 1]
            np.multiply(f, self.c[s], out=c)
            np.multiply(i, g, out=self.w)
            c += self.w
            np.tanh(c, out=self.tanh_c[s])
            np.multiply(o, self.tanh_c[s], out=self.hs[s + 1])
        return self.hs[STEPS]

    def backward(self, dh_last):
        h = self.h
        self.dwx.fill(0.0)
        self.dwh.fill(0.0)
        self.db.fill(0.0)
        np.copyto(self.dh, dh_last)
        self.dc.fill(0.0)
        da, w, ds = self.da, self.w, self.ds
        for s in range(STEPS - 1, -1, -1):
            a, tc = self.gates[s], self.tanh_c[s]
            f, g, i, o = a[:, :h], a[:, h:2 * h], a[:, 2 * h:3 * h], a[:, 3 * h:]
            daf, dag, dai, dao = da[:, :h], da[:, h:2 * h], da[:, 2 * h:3 * h], da[:, 3 * h:]
            # ds = dc + dh ⊙ o ⊙ (1 − tanh² c)
            np.multiply(tc, tc, out=w)
            np.subtract(1.0, w, out=w)
            w *= o
            w *= self.dh
            np.add(self.dc, w, out=ds)
            # dA_o = dh ⊙ tanh c ⊙ o(1 − o)
            np.subtract(1.0, o, out=w)
            w *= o
            np.multiply(self.dh, tc, out=dao)
            dao *= w
            # dA_f = ds ⊙ c_prev ⊙ f(1 − f)
            np.subtract(1.0, f, out=w)
            w *= f
            np.multiply(ds, self.c[s], out=daf)
            daf *= w
            # dA_g = ds ⊙ i ⊙ (1 − g²)
            np.multiply(g, g, out=w)
            np.subtract(1.0, w, out=w)
            np.multiply(ds, i, out=dag)
            dag *= w
            # dA_i = ds ⊙ g ⊙ i(1 − i)
            np.subtract(1.0, i, out=w)
            w *= i
            np.multiply(ds, g, out=dai)
            dai *= w
            np.multiply(ds, f, out=self.dc)            # dc_prev = ds ⊙ f
            self.dwh += self.hs[s].T @ da
            self.dwx += self.x[:, s:s + 1].T @ da
            self.db += da.sum(axis=0)
            np.matmul(da, self.wh.T, out=self.dh)      # dh_prev (∂L/∂x is not needed)

    def params(self):
        return [(self.wx, self.dwx), (self.wh, self.dwh), (self.b, self.db)]


class Adam:
    def __init__(self, params):
        self.m = [np.zeros_like(p) for p, _ in params]
        self.v = [np.zeros_like(p) for p, _ in params]
        self.t = 0

    def update(self, params):
        self.t += 1
        c1, c2 = 1.0 - BETA1 ** self.t, 1.0 - BETA2 ** self.t
        for (p, g), m, v in zip(params, self.m, self.v):
            m *= BETA1
            m += (1.0 - BETA1) * g
            v *= BETA2
            v += (1.0 - BETA2) * g * g
            p -= LR * (m / c1) / (np.sqrt(v / c2) + EPS)


def main():
    batch, iters = arguments()
    rng = np.random.default_rng(0)
    xtr, ytr, xte, yte = task(rng)
    lstm = TimeLstm(rng, 1, HIDDEN)
    w = rng.standard_normal((HIDDEN, 1)) * np.sqrt(1.0 / HIDDEN)
    b = np.zeros(1)
    dw, db = np.empty_like(w), np.empty_like(b)
    params = lstm.params() + [(w, dw), (b, db)]
    opt = Adam(params)
    losses = np.empty(iters)
    t0 = time.perf_counter()
    for it in range(iters):
        idx = rng.integers(0, xtr.shape[0], batch)  # with replacement
        x, t = xtr[idx], ytr[idx]
        hl = lstm.forward(x)
        y = hl @ w + b
        e = y - t
        losses[it] = float(np.mean(e * e))
        dy = e * (2.0 / e.size)
        np.matmul(hl.T, dy, out=dw)
        np.sum(dy, axis=0, out=db)
        lstm.backward(dy @ w.T)
        norm = np.sqrt(sum(float(np.vdot(g, g)) for _, g in params))
        if norm > CLIP:
            for _, g in params:
                g *= CLIP / norm
        opt.update(params)
    seconds = time.perf_counter() - t0
    y = lstm.forward(xte) @ w + b
    acc = float((np.sign(y) == yte).mean())
    report(f"numpy {np.__version__}", batch, iters, seconds, acc, losses)


main()
