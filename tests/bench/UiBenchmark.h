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

// Which screenshots `fusionlab-bench screenshots` writes.
enum class ScreenshotSet
{
    All,        // every one below
    Workbench,  // the Runs, Landscape and Ablation pages
    Teaching,   // the teaching ones, at 1024 × 768 except window-zh.png
};

// `fusionlab-bench screenshots DIR`: the README's screenshots, from the real window at `size`, in
// English with settings of their own (a temporary folder, never the machine's): mid-training with a
// ghost and an η marker, the divergence message, the hybrid's ranking and recommendations, the
// workbench's Runs, Landscape and Ablation pages (window-runs.png …), and the teaching ones: the
// training window in Simplified Chinese (window-zh.png, at `size`), presenter mode
// (window-presenter.png), lesson 1 after a few epochs (window-lesson.png) and lesson 2 in Chinese after
// it diverged (window-lesson-zh.png), those three at 1024 × 768, a projector's size. `suffix` goes
// before ".png" in the workbench and teaching screenshots' names.
bool writeScreenshots(const QString &directory, QSize size = {1400, 860}, ScreenshotSet set = ScreenshotSet::All,
                      const QString &suffix = {});
