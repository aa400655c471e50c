#pragma once

#include <QJsonObject>

// `fusionlab-bench sweep`: the seed regression's α–β landscape through fl::closedFormLandscape on a
// synthetic dataset of `rows` items, each rated once, with two `dim`-wide vector modalities and ratings
// from a known linear model on 0.5·E₁ + 0.5·E₂ plus noise (the shape of `fusionlab-bench train`).
// A grid × grid landscape over α, β ∈ [0, 1] is computed twice: at the closed-form optimum and after
// `epochs` epochs of full-batch gradient descent at η = lr.
//
// Reports s_embed (the modalities standardised and planned), s_statistics (the one pass over the
// rows), s_setup (both), s_closed_form and s_gd (the grids), s_total (all of it), cells, and
// gd_max_rel_diff: the largest relative difference, over a few cells, between a cell and a real
// LinearRegressionTrainer run of the same epochs.
QJsonObject runSweepBenchmark(int rows, int dim, int grid, int epochs = 200, double lr = 0.1);
