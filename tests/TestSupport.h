#pragma once

// Small helpers the test suites share: writing fixture files, the built-in demo loaded once, and a
// load's error for failure messages.

#include "engine/core/Result.h"
#include "engine/data/Dataset.h"
#include "engine/data/ManifestLoader.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>

#include <map>
#include <memory>

// Training on ml-latest-small takes seconds in a Release build and more than ctest's five minutes under
// a sanitizer: the sanitizer builds (FUSIONLAB_SANITIZED, set by CMake) skip those slots, which the
// Release run of the same suites keeps.
#ifdef FUSIONLAB_SANITIZED
#define FUSIONLAB_SKIP_SLOW_UNDER_SANITIZER() \
    QSKIP("Training on real data takes minutes under a sanitizer; the Release run covers this slot.")
#else
#define FUSIONLAB_SKIP_SLOW_UNDER_SANITIZER() \
    do {                                    \
    } while (false)
#endif

namespace fl::test {

using Files = std::map<QString, QByteArray>;

inline bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    return file.write(data) == data.size();
}

// Writes each name → bytes into folder (created if needed).
inline bool writeFiles(const QString &folder, const Files &files)
{
    QDir().mkpath(folder);
    for (const auto &[name, data] : files) {
        if (!writeFile(folder + QLatin1Char('/') + name, data))
            return false;
    }
    return true;
}

inline QString errorOf(const Result<Dataset> &result)
{
    return result.ok() ? QStringLiteral("(loaded without error)") : result.error();
}

// "name count, " for each entry, in the map's order: the stress suites' tallies of what they did.
inline QString tally(const std::map<QString, int> &counts)
{
    QString text;
    for (const auto &[name, n] : counts)
        text += QStringLiteral("%1 %2, ").arg(name).arg(n);
    return text;
}

// The built-in demo dataset, loaded on first use; null if it failed.
inline std::shared_ptr<const Dataset> loadDemo()
{
    static std::shared_ptr<const Dataset> demo;
    if (!demo) {
        Result<Dataset> loaded = loadDataset(QStringLiteral("demo"));
        if (loaded.ok())
            demo = std::make_shared<const Dataset>(std::move(loaded).value());
    }
    return demo;
}

} // namespace fl::test
