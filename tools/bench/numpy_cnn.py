"""Book-style NumPy peer of `./course bench`, workload (c) (issue 28): DLFS's SimpleConvNet (cnn_common.py)
written the way "Deep Learning from Scratch" ch. 7 writes it -- layer classes with forward/backward,
`im2col`/`col2im` with a Python loop over the filter's rows and columns into a 6-D array then a transpose,
Convolution and Pooling through them (the pooling's arg-max per row of its column matrix, its backward pass
through col2im), Relu with a boolean mask, Affine reshaping 4-D input, SoftmaxWithLoss, an Adam class with
moment dictionaries. As numpy_mlp.py does for its first layer, the convolution on the input does not compute
∂L/∂x (nothing uses it; the library and PyTorch skip it too).

    numpy_cnn.py DATA_DIR BATCH ITERS

Prints one line: `... seconds=S samples_per_s=R test_acc=A`.
"""
import time
from collections import OrderedDict

import numpy as np

from cnn_common import (BETA1, BETA2, CLASSES, EPS, EVAL_CHUNK, FILTERS, HIDDEN, LR, POOL, SIZE, arguments, he,
                        images, report)
from numpy_mlp import Relu, SoftmaxWithLoss  # the MLP peer's layers, as the book's common/layers.py shares them


def im2col(x, fh, fw, stride=1, pad=0):
    """N x C x H x W images -> (N*OH*OW) x (C*FH*FW): one receptive field per row."""
    n, c, h, w = x.shape
    oh, ow = (h + 2 * pad - fh) // stride + 1, (w + 2 * pad - fw) // stride + 1
    padded = np.pad(x, [(0, 0), (0, 0), (pad, pad), (pad, pad)], "constant")
    col = np.zeros((n, c, fh, fw, oh, ow))
    for u in range(fh):               # one strided slice of the image per filter position (u, v)
        u_end = u + stride * oh
        for v in range(fw):
            v_end = v + stride * ow
            col[:, :, u, v, :, :] = padded[:, :, u:u_end:stride, v:v_end:stride]
    return col.transpose(0, 4, 5, 1, 2, 3).reshape(n * oh * ow, -1)


def col2im(col, shape, fh, fw, stride=1, pad=0):
    """The transpose of im2col: each entry of col is added back onto the pixel it came from."""
    n, c, h, w = shape
    oh, ow = (h + 2 * pad - fh) // stride + 1, (w + 2 * pad - fw) // stride + 1
    col = col.reshape(n, oh, ow, c, fh, fw).transpose(0, 3, 4, 5, 1, 2)
    img = np.zeros((n, c, h + 2 * pad + stride - 1, w + 2 * pad + stride - 1))
    for u in range(fh):
        u_end = u + stride * oh
        for v in range(fw):
            v_end = v + stride * ow
            img[:, :, u:u_end:stride, v:v_end:stride] += col[:, :, u, v, :, :]
    return img[:, :, pad:h + pad, pad:w + pad]


class Convolution:
    def __init__(self, W, b, stride=1, pad=0, input_gradient=True):
        self.W, self.b, self.stride, self.pad, self.input_gradient = W, b, stride, pad, input_gradient

    def forward(self, x):
        fn, c, fh, fw = self.W.shape
        n, c, h, w = x.shape
        oh = (h + 2 * self.pad - fh) // self.stride + 1
        ow = (w + 2 * self.pad - fw) // self.stride + 1
        col = im2col(x, fh, fw, self.stride, self.pad)
        col_W = self.W.reshape(fn, -1).T
        out = col @ col_W + self.b
        self.x, self.col, self.col_W = x, col, col_W
        return out.reshape(n, oh, ow, -1).transpose(0, 3, 1, 2)

    def backward(self, dout):
        fn, c, fh, fw = self.W.shape
        dout = dout.transpose(0, 2, 3, 1).reshape(-1, fn)
        self.db = np.sum(dout, axis=0)
        self.dW = (self.col.T @ dout).transpose(1, 0).reshape(fn, c, fh, fw)
        if not self.input_gradient:
            return None
        dcol = dout @ self.col_W.T
        return col2im(dcol, self.x.shape, fh, fw, self.stride, self.pad)


class Pooling:
    def __init__(self, pool_h, pool_w, stride=1, pad=0):
        self.pool_h, self.pool_w, self.stride, self.pad = pool_h, pool_w, stride, pad

    def forward(self, x):
        n, c, h, w = x.shape
        oh = (h - self.pool_h) // self.stride + 1
        ow = (w - self.pool_w) // self.stride + 1
        col = im2col(x, self.pool_h, self.pool_w, self.stride, self.pad).reshape(-1, self.pool_h * self.pool_w)
        self.x, self.arg_max = x, np.argmax(col, axis=1)
        return np.max(col, axis=1).reshape(n, oh, ow, c).transpose(0, 3, 1, 2)

    def backward(self, dout):
        dout = dout.transpose(0, 2, 3, 1)
        size = self.pool_h * self.pool_w
        dmax = np.zeros((dout.size, size))
        dmax[np.arange(self.arg_max.size), self.arg_max.flatten()] = dout.flatten()
        dmax = dmax.reshape(dout.shape + (size,))
        dcol = dmax.reshape(dmax.shape[0] * dmax.shape[1] * dmax.shape[2], -1)
        return col2im(dcol, self.x.shape, self.pool_h, self.pool_w, self.stride, self.pad)


class Affine:
    def __init__(self, W, b):
        self.W, self.b = W, b

    def forward(self, x):
        self.original_x_shape = x.shape
        x = x.reshape(x.shape[0], -1)
        self.x = x
        return x @ self.W + self.b

    def backward(self, dout):
        self.dW = self.x.T @ dout
        self.db = np.sum(dout, axis=0)
        return (dout @ self.W.T).reshape(*self.original_x_shape)


class Adam:
    """The book's Adam class (moment dictionaries, a step counter), with the library's and PyTorch's form of
    the update: m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ), θ −= lr·m̂/(√v̂ + ε)."""

    def __init__(self, lr=LR, beta1=BETA1, beta2=BETA2):
        self.lr, self.beta1, self.beta2, self.iter, self.m, self.v = lr, beta1, beta2, 0, None, None

    def update(self, params, grads):
        if self.m is None:
            self.m = {k: np.zeros_like(v) for k, v in params.items()}
            self.v = {k: np.zeros_like(v) for k, v in params.items()}
        self.iter += 1
        c1, c2 = 1.0 - self.beta1 ** self.iter, 1.0 - self.beta2 ** self.iter
        for key in params.keys():
            self.m[key] += (1 - self.beta1) * (grads[key] - self.m[key])
            self.v[key] += (1 - self.beta2) * (grads[key] ** 2 - self.v[key])
            params[key] -= self.lr * (self.m[key] / c1) / (np.sqrt(self.v[key] / c2) + EPS)


class SimpleConvNet:
    def __init__(self, rng):
        side = (28 - SIZE + 1) // POOL          # 24 // 2 = 12
        pooled = FILTERS * side * side          # 4320
        self.params = {"W1": he(rng, (FILTERS, 1, SIZE, SIZE), SIZE * SIZE), "b1": np.zeros(FILTERS),
                       "W2": he(rng, (pooled, HIDDEN), pooled), "b2": np.zeros(HIDDEN),
                       "W3": he(rng, (HIDDEN, CLASSES), HIDDEN), "b3": np.zeros(CLASSES)}
        p = self.params
        self.layers = OrderedDict()
        self.layers["Conv1"] = Convolution(p["W1"], p["b1"], 1, 0, input_gradient=False)
        self.layers["Relu1"] = Relu()
        self.layers["Pool1"] = Pooling(POOL, POOL, POOL)
        self.layers["Affine1"] = Affine(p["W2"], p["b2"])
        self.layers["Relu2"] = Relu()
        self.layers["Affine2"] = Affine(p["W3"], p["b3"])
        self.last_layer = SoftmaxWithLoss()

    def predict(self, x):
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def gradient(self, x, t):
        self.last_layer.forward(self.predict(x), t)
        dout = self.last_layer.backward()
        for layer in reversed(list(self.layers.values())):
            dout = layer.backward(dout)
        grads = {}
        for i, name in enumerate(("Conv1", "Affine1", "Affine2"), start=1):
            grads[f"W{i}"], grads[f"b{i}"] = self.layers[name].dW, self.layers[name].db
        return grads

    def accuracy(self, x, t):
        right = 0
        for k in range(0, x.shape[0], EVAL_CHUNK):
            right += int((self.predict(x[k:k + EVAL_CHUNK]).argmax(axis=1) == t[k:k + EVAL_CHUNK]).sum())
        return right / x.shape[0]


def main():
    directory, batch, iters = arguments()
    xtr, ttr, xte, tte = images(directory)
    rng = np.random.default_rng(0)
    net = SimpleConvNet(rng)
    opt = Adam()
    t0 = time.perf_counter()
    for _ in range(iters):
        idx = rng.integers(0, xtr.shape[0], batch)  # with replacement, like DLFS's np.random.choice
        grads = net.gradient(xtr[idx], ttr[idx])
        opt.update(net.params, grads)
    seconds = time.perf_counter() - t0
    report(f"numpy {np.__version__} book-style", batch, iters, seconds, net.accuracy(xte, tte))


main()
