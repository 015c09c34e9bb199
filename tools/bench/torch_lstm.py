"""PyTorch peer of `./course bench`, workload (d) (issue 28): the LSTM task and model of lstm_common.py written
idiomatically -- nn.LSTM (batch_first), nn.Linear, nn.MSELoss, nn.utils.clip_grad_norm_, optim.Adam -- in
float64 on the CPU. PyTorch's gate order is i, f, g, o and it has two bias vectors: b_ih carries the forget
gate's 1, b_hh is 0 (their sum is the one bias of DLFS 2 and the library).

    torch_lstm.py DATA_DIR BATCH ITERS       (DATA_DIR is not read: the task is synthetic, seeded)

Prints one line: `... seconds=S samples_per_s=R test_acc=A final_loss=L`.
"""
import time

import numpy as np
import torch

from lstm_common import BETA1, BETA2, CLIP, EPS, FORGET_BIAS, HIDDEN, LR, arguments, report, task


class Model(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = torch.nn.LSTM(1, HIDDEN, batch_first=True)
        self.head = torch.nn.Linear(HIDDEN, 1)
        with torch.no_grad():
            self.lstm.weight_ih_l0.normal_(0.0, 1.0)                 # std √(1/fan-in), fan-in 1
            self.lstm.weight_hh_l0.normal_(0.0, (1.0 / HIDDEN) ** 0.5)
            self.lstm.bias_ih_l0.zero_()
            self.lstm.bias_ih_l0[HIDDEN:2 * HIDDEN] = FORGET_BIAS    # blocks i, f, g, o
            self.lstm.bias_hh_l0.zero_()
            self.head.weight.normal_(0.0, (1.0 / HIDDEN) ** 0.5)
            self.head.bias.zero_()

    def forward(self, x):                     # x: n x T → n x 1
        out, _ = self.lstm(x.unsqueeze(2))
        return self.head(out[:, -1, :])


def main():
    batch, iters = arguments()
    torch.set_default_dtype(torch.float64)
    xtr, ytr, xte, yte = (torch.from_numpy(a) for a in task(np.random.default_rng(0)))
    torch.manual_seed(0)
    net = Model()
    loss_fn = torch.nn.MSELoss()
    opt = torch.optim.Adam(net.parameters(), lr=LR, betas=(BETA1, BETA2), eps=EPS)
    losses = np.empty(iters)
    n = xtr.shape[0]
    t0 = time.perf_counter()
    for it in range(iters):
        idx = torch.randint(0, n, (batch,))  # with replacement
        loss = loss_fn(net(xtr[idx]), ytr[idx])
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), CLIP)
        opt.step()
        losses[it] = loss.item()
    seconds = time.perf_counter() - t0
    with torch.no_grad():
        acc = float((torch.sign(net(xte)) == yte).double().mean())
    report(f"torch {torch.__version__} threads={torch.get_num_threads()}", batch, iters, seconds, acc, losses)


main()
