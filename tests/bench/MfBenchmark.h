#pragma once

#include <QJsonObject>
#include <QString>

#include <vector>

// `fusionlab-bench mf`: epochs of plain matrix factorisation (squared loss, FactorModel::Collaborative)
// on synthetic data — `users` × `items`, `interactions` uniformly random pairs with ratings 1..5 — with
// mini-batch SGD and with Adam, against this machine's memcpy bandwidth.
//
// Reports s_per_epoch and interactions/s per optimizer, and the memory traffic an epoch implies: per
// interaction the packed training record (12 B) is read, and the user row [pᵤ | bᵤ] and the item row
// [qᵢ | bᵢ] ((k + 1) floats each) are read and written — with Adam so are both moment rows of each.
// implied_gb_per_s = that byte count × interactions/s; memcpy_gb_per_s counts the bytes read plus the
// bytes written by one thread copying a buffer far larger than the caches. Their ratio says how close
// an epoch runs to memory bandwidth; bytes_per_epoch is that byte count for one pass. (Rows are reached
// at random, so whole cache lines move: the real DRAM traffic is somewhat higher than the implied
// figure, which counts useful bytes only.) random_rows_gb_per_s, measured in the same run, is the floor
// for random rows on this machine: one loop reading a random user row and a random item row per
// interaction and writing the item row back, prefetched like the epoch; fraction_of_random_rows
// compares an epoch with it.
//
// example_sgd times per-example SGD (optimizer "sgd" with batch size 1: FactorModel's LIBMF-style
// blocked epoch, FactorSgd) once per entry of sgdThreads, at η 0.01 and λ 0.05: s_per_epoch (median),
// s_per_epoch_best, cpu_s_per_epoch (CPU time of all the process's threads, median; on a machine
// shared with other jobs it shows the cost without the waiting), ratings_per_s and setup_s (building
// the model, the grid included). miniBatches false skips the mini-batch runs ("runs" is then empty,
// random_rows_gb_per_s absent).
QJsonObject runMfBenchmark(int users, int items, long long interactions, int factors, int epochs = 3,
                           int batchSize = 1024, const std::vector<int> &sgdThreads = {1, 2}, bool miniBatches = true);

// Writes the benchmark's ratings as text, one "user item rating" line each (LIBMF's training format),
// so that LIBMF trains on exactly the same data: `mf-train -k 32 -t 5 -s 1 PATH`.
bool writeMfRatings(int users, int items, long long interactions, const QString &path);
