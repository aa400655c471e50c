#pragma once

// The one typed settings module: every value FusionLab remembers between sessions goes through here
// (QSettings stays out of the panels). Tests call QStandardPaths::setTestModeEnabled(true) first, so
// they never touch the user's settings.

#include "engine/training/TrainingSession.h"

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

    // The start page (the lessons) is shown on the first launch only.
    static bool startPageShown();
    static void setStartPageShown(bool shown);

    static bool logScale();
    static void setLogScale(bool on);

    // Epochs a second while training; 0 (the default) for full speed.
    static double playbackSpeed();
    static void setPlaybackSpeed(double epochsPerSecond);

    // The window's language code (View ▸ Language); empty: follow the system locale.
    static QString language();
    static void setLanguage(const QString &code);

    // Presenter mode (View ▸ Presenter Mode, F11) and the dock layout kept for it, apart from the
    // normal one.
    static bool presenterMode();
    static void setPresenterMode(bool on);
    static QByteArray presenterWindowState();
    static void setPresenterWindowState(const QByteArray &state);

    // Parameters are stored per modality name, so they come back when a dataset with the same
    // modality names is opened again; modalities not seen before keep their defaults.
    static void saveRunConfig(const RunConfig &config);
    static RunConfig restoreRunConfig(const Dataset &dataset);
};

} // namespace fl
