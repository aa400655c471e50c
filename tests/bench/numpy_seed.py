"""The seed article's training loop in NumPy, as the reference FusionLab's benchmark compares against.

Full-batch gradient descent on F = alpha*E1 + beta*E2 with squared loss, exactly the loop
`pred = F @ w; w -= lr * F.T @ (pred - y) / n`. Prints one JSON object.
"""
import argparse
import json
import time

import numpy as np

parser = argparse.ArgumentParser()
parser.add_argument("--rows", type=int, default=1_000_000)
parser.add_argument("--dim", type=int, default=64)
parser.add_argument("--epochs", type=int, default=10)
parser.add_argument("--lr", type=float, default=0.1)
parser.add_argument("--reweights", type=int, default=0,
                    help="also time a curve after a new alpha/beta, this many times")
parser.add_argument("--curve-epochs", type=int, default=200,
                    help="epochs of each --reweights curve")
args = parser.parse_args()

rng = np.random.default_rng(42)
e1 = rng.standard_normal((args.rows, args.dim))
e2 = rng.standard_normal((args.rows, args.dim))
true_w = rng.standard_normal(args.dim) / np.sqrt(args.dim)

def curve(alpha, beta, epochs):
    f = alpha * e1 + beta * e2
    y = f @ true_w + 0.1 * rng.standard_normal(args.rows)
    n = f.shape[0]
    w = np.zeros(args.dim)
    losses = []
    for _ in range(epochs):
        pred = f @ w
        losses.append(0.5 * np.mean((pred - y) ** 2))
        w -= args.lr * f.T @ (pred - y) / n
    return losses

start = time.perf_counter()
f = 0.5 * e1 + 0.5 * e2
y = f @ true_w + 0.1 * rng.standard_normal(args.rows)
setup = time.perf_counter() - start
n = f.shape[0]
w = np.zeros(args.dim)
start = time.perf_counter()
for _ in range(args.epochs):
    pred = f @ w
    w -= args.lr * f.T @ (pred - y) / n
per_epoch = (time.perf_counter() - start) / args.epochs
loss = 0.5 * np.mean((f @ w - y) ** 2)
out = {"numpy_version": np.__version__, "rows": args.rows, "dim": args.dim,
       "s_per_epoch": per_epoch, "setup_s": setup, "final_loss": float(loss)}
if args.reweights:
    times = []
    for k in range(args.reweights):
        start = time.perf_counter()
        curve(0.3 + 0.1 * k, 0.7 - 0.1 * k, args.curve_epochs)
        times.append(time.perf_counter() - start)
    out["ms_to_curve"] = 1000 * float(np.median(times))
print(json.dumps(out))
