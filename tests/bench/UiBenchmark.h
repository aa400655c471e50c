#pragma once

#include <QJsonObject>

// `fusionlab-bench ui`: the real main window (offscreen) on the demo dataset, training at full speed.
// Measures how long the UI thread's event loop stalls and how soon a committed α change shows points.
QJsonObject runUiBenchmark(double seconds, int weightChanges);
