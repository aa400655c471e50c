#include "ChartExport.h"

#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QRect>
#include <QSaveFile>
#include <QSvgGenerator>

namespace fl {

namespace {

QString writeError(const QString &path, const QString &reason)
{
    return QCoreApplication::translate("fl::ChartExport", "Could not write %1: %2")
        .arg(QDir::toNativeSeparators(path), reason);
}

bool fail(QString *error, const QString &path, const QString &reason)
{
    if (error)
        *error = writeError(path, reason);
    return false;
}

} // namespace

bool writeChartPng(const QString &path, QSize size, double scale, const ChartRenderer &render, QString *error)
{
    QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        render(&painter);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(error, path, file.errorString());
    QImageWriter writer(&file, "png");
    if (!writer.write(image))
        return fail(error, path, writer.errorString());
    if (!file.commit())
        return fail(error, path, file.errorString());
    return true;
}

bool writeChartSvg(const QString &path, QSize size, int dpi, const QString &title, const ChartRenderer &render,
                   QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(error, path, file.errorString());
    QSvgGenerator generator;
    generator.setOutputDevice(&file);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setResolution(dpi);
    generator.setTitle(title);
    QPainter painter;
    if (!painter.begin(&generator))
        return fail(error, path, QCoreApplication::translate("fl::ChartExport", "the SVG renderer could not start"));
    render(&painter);
    painter.end();
    if (!file.commit())
        return fail(error, path, file.errorString());
    return true;
}

bool writeChartFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return fail(error, path, file.errorString());
    return true;
}

QByteArray csvField(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n') || bytes.contains('\r')) {
        bytes.replace("\"", "\"\"");
        bytes = '"' + bytes + '"';
    }
    return bytes;
}

} // namespace fl
