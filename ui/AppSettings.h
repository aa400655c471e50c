#pragma once

// The one typed settings module: every value FusionLab remembers between sessions goes through here
// (QSettings stays out of the panels). Tests call QStandardPaths::setTestModeEnabled(true) first, so
// they never touch the user's settings.

#include "engine/TrainingSession.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace fl {

class AppSettings
{
public:
    static constexpr int maxRecentDatasets = 8;

    static void clear();

    static QByteArray windowGeometry();
    static void setWindowGeometry(const QByteArray &geometry);
    static QByteArray windowState();
    static void setWindowState(const QByteArray &state);

    static QStringList recentDatasets();
    static void addRecentDataset(const QString &path);
    static QString lastDataset();   // "demo" when none was opened yet

    static QStringList recentExperiments();
    static void addRecentExperiment(const QString &path);

    static bool logScale();
    static void setLogScale(bool on);

    // Parameters are stored per modality name, so they come back when a dataset with the same
    // modality names is opened again; modalities not seen before keep their defaults.
    static void saveRunConfig(const RunConfig &config);
    static RunConfig restoreRunConfig(const Dataset &dataset);
};

} // namespace fl
