"""Full-ranking evaluation of a factor model in NumPy, the reference `fusionlab-bench eval` compares against.

Reads user_factors.npy (users x f, float32), item_factors.npy (items x f, float32), train.npy and
test.npy (n x 2 int32: user, item) from --dir. For each batch of users: scores = U_b @ I.T, the user's
train items set to -inf, np.argpartition for the top K, those K ordered by score (ties: lower item index
first), then precision, recall, NDCG, hit rate and MAP at each K exactly as FusionLab defines them
(README, "Evaluating recommenders"), averaged over users with at least one test item that is not a
train item. Prints one JSON object.
"""
import argparse
import json
import pathlib
import time

import numpy as np

parser = argparse.ArgumentParser()
parser.add_argument("--dir", required=True)
parser.add_argument("--ks", default="10,20")
parser.add_argument("--batch", type=int, default=512, help="users scored at once")
args = parser.parse_args()

folder = pathlib.Path(args.dir)
user_factors = np.load(folder / "user_factors.npy")
item_factors = np.load(folder / "item_factors.npy")
train = np.load(folder / "train.npy").astype(np.int64)
test = np.load(folder / "test.npy").astype(np.int64)
ks = sorted({int(k) for k in args.ks.split(",")})
k_max = ks[-1]

start = time.perf_counter()
n_users, n_items = user_factors.shape[0], item_factors.shape[0]
train = train[np.argsort(train[:, 0], kind="stable")]
test = test[np.argsort(test[:, 0], kind="stable")]
discount = 1.0 / np.log2(np.arange(2, k_max + 2))
ideal = np.cumsum(discount)
sums = {f"{name}@{k}": 0.0 for k in ks for name in ("precision", "recall", "ndcg", "hit", "map")}
evaluated = 0
item_t = np.ascontiguousarray(item_factors.T)
for b0 in range(0, n_users, args.batch):
    b1 = min(n_users, b0 + args.batch)
    scores = user_factors[b0:b1] @ item_t                     # (b, items) float32
    t0, t1 = np.searchsorted(train[:, 0], [b0, b1])
    s0, s1 = np.searchsorted(test[:, 0], [b0, b1])
    rows, cols = train[t0:t1, 0] - b0, train[t0:t1, 1]
    scores[rows, cols] = -np.inf
    relevant = np.zeros(scores.shape, dtype=bool)
    relevant[test[s0:s1, 0] - b0, test[s0:s1, 1]] = True
    relevant[rows, cols] = False                              # a known item cannot be a hit
    n_relevant = relevant.sum(axis=1)
    keep = n_relevant > 0
    if not keep.any():
        continue
    scores, relevant, n_relevant = scores[keep], relevant[keep], n_relevant[keep]
    top = np.argpartition(scores, n_items - k_max, axis=1)[:, n_items - k_max:]   # the k_max largest, unordered
    top_scores = np.take_along_axis(scores, top, axis=1)
    order = np.lexsort((top, -top_scores), axis=1)            # by score, then item index
    top = np.take_along_axis(top, order, axis=1)
    hits = np.take_along_axis(relevant, top, axis=1).astype(np.float64)
    cumulative = np.cumsum(hits, axis=1)
    for k in ks:
        h = hits[:, :k]
        found = cumulative[:, k - 1]
        cut = np.minimum(n_relevant, k)
        sums[f"precision@{k}"] += float(np.sum(found / k))
        sums[f"recall@{k}"] += float(np.sum(found / n_relevant))
        sums[f"ndcg@{k}"] += float(np.sum((h @ discount[:k]) / ideal[cut - 1]))
        sums[f"hit@{k}"] += float(np.sum(found > 0))
        sums[f"map@{k}"] += float(np.sum((h * cumulative[:, :k] / np.arange(1, k + 1)).sum(axis=1) / cut))
    evaluated += int(keep.sum())
elapsed = time.perf_counter() - start

metrics = {key: value / max(evaluated, 1) for key, value in sums.items()}
print(json.dumps({"numpy_version": np.__version__, "users": n_users, "items": n_items,
                  "users_evaluated": evaluated, "s_total": elapsed, "metrics": metrics}))
