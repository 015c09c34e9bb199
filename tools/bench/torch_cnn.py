"""PyTorch peer of `./course bench`, workload (c) (issue 28): DLFS's SimpleConvNet (see cnn_common.py) written
idiomatically -- nn.Conv2d, nn.ReLU, nn.MaxPool2d, nn.Flatten, nn.Linear, nn.CrossEntropyLoss, optim.Adam --
in float64 (torch.set_default_dtype) on the CPU, He initialization and zero biases, mini-batches drawn with
replacement from Fashion-MNIST.

    torch_cnn.py DATA_DIR BATCH ITERS

Prints one line: `... seconds=S samples_per_s=R test_acc=A`. Runs with PyTorch's default number of threads
(printed).
"""

import torch

from cnn_common import CLASSES, EVAL_CHUNK, FILTERS, HIDDEN, LR, POOL, SIZE, arguments, images, report
from torch_mlp import train


def main():
    directory, batch, iters = arguments()
    torch.set_default_dtype(torch.float64)
    xtr, ttr, xte, tte = (torch.from_numpy(a) for a in images(directory))
    torch.manual_seed(0)
    side = (28 - SIZE + 1) // POOL
    net = torch.nn.Sequential(
        torch.nn.Conv2d(1, FILTERS, SIZE), torch.nn.ReLU(), torch.nn.MaxPool2d(POOL, POOL), torch.nn.Flatten(),
        torch.nn.Linear(FILTERS * side * side, HIDDEN), torch.nn.ReLU(), torch.nn.Linear(HIDDEN, CLASSES))
    for m in net:
        if isinstance(m, (torch.nn.Conv2d, torch.nn.Linear)):
            torch.nn.init.kaiming_normal_(m.weight, nonlinearity="relu")  # std √(2 / fan-in)
            torch.nn.init.zeros_(m.bias)
    loss_fn = torch.nn.CrossEntropyLoss()
    opt = torch.optim.Adam(net.parameters(), lr=LR)
    seconds = train(net, loss_fn, opt, xtr, ttr, batch, iters)
    with torch.no_grad():
        right = sum(int((net(xte[k:k + EVAL_CHUNK]).argmax(dim=1) == tte[k:k + EVAL_CHUNK]).sum())
                    for k in range(0, xte.shape[0], EVAL_CHUNK))
    report(f"torch {torch.__version__} threads={torch.get_num_threads()}", batch, iters, seconds, right / xte.shape[0])


main()
