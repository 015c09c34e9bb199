"""PyTorch peer of `./course bench`: the same MLP as numpy_mlp.py (Linear/ReLU, cross-entropy, plain
SGD with learning rate 0.1, He initialization, zero biases), float64 on the CPU, mini-batches drawn
with replacement from Fashion-MNIST.

    torch_mlp.py DATA_DIR SIZES BATCH ITERS

Prints one line: `... seconds=S samples_per_s=R test_acc=A`. Runs with PyTorch's default number of
threads (printed).
"""
import os
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from numpy_loader import load  # noqa: E402


def train(net, loss_fn, opt, xtr, ttr, batch, iters):
    """The timed part: `iters` steps on mini-batches drawn with replacement; returns the seconds they took."""
    n = xtr.shape[0]
    t0 = time.perf_counter()
    for _ in range(iters):
        idx = torch.randint(0, n, (batch,))  # with replacement
        loss = loss_fn(net(xtr[idx]), ttr[idx])
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
    return time.perf_counter() - t0


def main():
    directory, sizes = sys.argv[1], [int(s) for s in sys.argv[2].split(",")]
    batch, iters = int(sys.argv[3]), int(sys.argv[4])
    xtr, ttr, xte, tte = load(directory)
    xtr = torch.from_numpy(xtr / 255.0)  # float64
    xte = torch.from_numpy(xte / 255.0)
    ttr = torch.from_numpy(ttr.astype("int64"))
    tte = torch.from_numpy(tte.astype("int64"))
    torch.manual_seed(0)
    modules = []
    for i, (n_in, n_out) in enumerate(zip(sizes, sizes[1:])):
        linear = torch.nn.Linear(n_in, n_out, dtype=torch.float64)
        torch.nn.init.normal_(linear.weight, std=(2.0 / n_in) ** 0.5)
        torch.nn.init.zeros_(linear.bias)
        modules.append(linear)
        if i < len(sizes) - 2:
            modules.append(torch.nn.ReLU())
    net = torch.nn.Sequential(*modules)
    loss_fn = torch.nn.CrossEntropyLoss()
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    seconds = train(net, loss_fn, opt, xtr, ttr, batch, iters)
    with torch.no_grad():
        acc = float((net(xte).argmax(dim=1) == tte).double().mean())
    print(f"torch {torch.__version__} threads={torch.get_num_threads()} sizes={sizes} batch={batch} iters={iters} "
          f"dtype=float64 seconds={seconds:.3f} samples_per_s={iters * batch / seconds:.0f} test_acc={acc:.4f}")


if __name__ == "__main__":   # torch_cnn.py imports train
    main()
