#pragma once

#include <QJsonObject>
#include <QSize>

// What runs beside the session's training during `fusionlab-bench ui`: nothing, a trained 5 × 5
// landscape of the hybrid (--sweep), an ablation of the hybrid over 3 seeds (--ablation), both with
// the session training the hybrid too (50 epochs a run, no early stopping), or the
// regression's closed-form 101 × 101 landscape on its page, again after each η change (--landscape).
enum class UiLoad { None, Sweep, Ablation, Landscape };

// `fusionlab-bench ui`: the real main window (offscreen) on the demo dataset, training at full speed.
// Measures how long the UI thread's event loop stalls and how soon a committed α change shows points.
QJsonObject runUiBenchmark(double seconds, int weightChanges, UiLoad load = UiLoad::None);

// `fusionlab-bench screenshots DIR`: the README's screenshots, from the real window at `size`:
// mid-training with a ghost and an η marker, the divergence message, the hybrid's ranking and
// recommendations, and the workbench's Runs, Landscape and Ablation pages (window-runs.png …). With
// workbenchOnly just the last three; `suffix` goes before ".png" in their names.
bool writeScreenshots(const QString &directory, QSize size = {1400, 860}, bool workbenchOnly = false,
                      const QString &suffix = {});
