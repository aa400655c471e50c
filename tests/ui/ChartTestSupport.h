#pragma once

// Helpers the chart suites (loss, metrics) share: counting a curve's pixels in a picture, and keeping
// pictures for a person to look at.

#include <QColor>
#include <QImage>
#include <QString>
#include <QTest>

#include <cstdlib>

namespace fl::test {

// Pixels within a small distance of an exact colour: the middle of a ≥ 2 px curve has it exactly.
inline int pixelsNear(const QImage &image, const QColor &color)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    int count = 0;
    for (int y = 0; y < rgb.height(); ++y) {
        const QRgb *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) {
            if (std::abs(qRed(line[x]) - color.red()) <= 12 && std::abs(qGreen(line[x]) - color.green()) <= 12
                && std::abs(qBlue(line[x]) - color.blue()) <= 12)
                ++count;
        }
    }
    return count;
}

// With the environment variable set to /some/chart.png, pictures are kept for a person to look at:
// /some/chart.png without a name, /some/chart-NAME.png with one.
inline void keepSnapshot(const char *variable, const QImage &image, const QString &name = QString())
{
    QString path = qEnvironmentVariable(variable);
    if (path.isEmpty())
        return;
    if (!name.isEmpty())
        path.insert(path.lastIndexOf(QLatin1Char('.')), QLatin1Char('-') + name);
    QVERIFY(image.save(path));
}

} // namespace fl::test
