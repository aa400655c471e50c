#pragma once

#include <QJsonObject>

// `fusionlab-bench eval`: full-ranking evaluation (fl::evaluateRanking) of a random factor model with
// `users` × `factors` and `items` × `factors` float matrices and, per user, 20 train and 5 test items
// drawn at random (seed 42). Times the evaluation at K = 10 and `k` on `threads` threads (0 = every
// core), then, unless numpy is false, runs eval_numpy.py on the same data (.npy files in a temporary
// folder) and reports both timings, the speed-up and whether recall@10 and ndcg@10 agree.
QJsonObject runEvalBenchmark(int users, int items, int k, int factors = 64, bool numpy = true, int threads = 0);
