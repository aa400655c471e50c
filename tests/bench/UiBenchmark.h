#pragma once

#include <QJsonObject>

// `fusionlab-bench ui`: the real main window (offscreen) on the demo dataset, training at full speed.
// Measures how long the UI thread's event loop stalls and how soon a committed α change shows points.
QJsonObject runUiBenchmark(double seconds, int weightChanges);

// `fusionlab-bench screenshots DIR`: the README's screenshots, from the real window: mid-training
// with a ghost and an η marker, and the divergence message.
bool writeScreenshots(const QString &directory);
