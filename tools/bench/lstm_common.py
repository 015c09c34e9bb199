"""What the LSTM peers of `./course bench` share (issue 28): workload (d), the task of lecture 18's second
experiment at a larger size -- the sign of the first of 30 steps of Gaussian noise, a target of +1 or -1, to
be carried through 29 more steps -- and the result line.

The model: an LSTM layer (input 1, hidden 64, h0 = c0 = 0, gates f, g, i, o as in DLFS 2 and the library's
LstmCell; weights N(0, 1/fan-in), "Xavier" as DLFS calls it: std 1 for Wx, 1/8 for Wh; biases 0 except the
forget gate's, 1), its last state into a dense layer 64 -> 1 (std 1/8, bias 0), mean squared error, the
gradients clipped to global norm 1, Adam lr 0.01 (beta1 0.9, beta2 0.999, eps 1e-8 outside the root);
mini-batches of 64 drawn with replacement from 10 000 training sequences (2 000 test sequences); float64.
Printed: the test accuracy (the sign of the output against the target) and the final loss, the mean
training MSE of the last 50 mini-batches.
"""
import os
import sys

import numpy as np

STEPS, HIDDEN, TRAIN, TEST = 30, 64, 10_000, 2_000
LR, BETA1, BETA2, EPS, CLIP, FORGET_BIAS = 0.01, 0.9, 0.999, 1e-8, 1.0, 1.0
LAST = 50  # mini-batches whose mean loss is the final loss


def arguments():
    """BATCH ITERS from the command line (after DATA_DIR, which this workload does not read)."""
    if len(sys.argv) != 4:
        sys.exit(f"usage: {os.path.basename(sys.argv[0])} DATA_DIR BATCH ITERS")
    return int(sys.argv[2]), int(sys.argv[3])


def task(rng):
    """x: n x STEPS standard normal; y: n x 1, +1 where x[:, 0] > 0 else -1; training then test set."""
    def make(n):
        x = rng.standard_normal((n, STEPS))
        return x, np.where(x[:, :1] > 0, 1.0, -1.0)
    return make(TRAIN) + make(TEST)


def report(who, batch, iters, seconds, acc, losses):
    final = float(np.mean(losses[-LAST:]))
    print(f"{who} lstm hidden={HIDDEN} steps={STEPS} batch={batch} iters={iters} dtype=float64 "
          f"seconds={seconds:.3f} samples_per_s={iters * batch / seconds:.0f} test_acc={acc:.4f} final_loss={final:.4f}")
