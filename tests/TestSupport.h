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

// A 24-bit BMP (BITMAPINFOHEADER) of width × |height| pixels of one colour; a negative height is a
// top-down bitmap, stored first row first. With pixels = false only the 54 bytes of headers are
// written, stating the size: a few bytes can state an image of any size, as hostile files do.
inline QByteArray bmpFile(qint32 width, qint32 height, bool pixels = true, quint8 red = 0, quint8 green = 0,
                          quint8 blue = 0)
{
    const qint64 rowBytes = (3 * qint64(width) + 3) / 4 * 4;
    const qint64 rows = height < 0 ? -qint64(height) : qint64(height);
    const qint64 dataBytes = pixels ? rowBytes * rows : 0;
    QByteArray bmp(54 + dataBytes, '\0');
    auto put32 = [&bmp](int at, quint32 v) {
        for (int b = 0; b < 4; ++b)
            bmp[at + b] = char((v >> (8 * b)) & 0xff);
    };
    bmp[0] = 'B';
    bmp[1] = 'M';
    put32(2, quint32(bmp.size()));
    put32(10, 54);        // pixel data offset
    put32(14, 40);        // BITMAPINFOHEADER
    put32(18, quint32(width));
    put32(22, quint32(height));
    bmp[26] = 1;          // planes
    bmp[28] = 24;         // bits per pixel, stored blue, green, red
    for (qint64 row = 0; pixels && row < rows; ++row) {
        for (qint64 x = 0; x < width; ++x) {
            const qint64 at = 54 + row * rowBytes + 3 * x;
            bmp[at] = char(blue);
            bmp[at + 1] = char(green);
            bmp[at + 2] = char(red);
        }
    }
    return bmp;
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
