#include "ChartExport.h"

#include "engine/core/SaveFile.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QMessageBox>
#include <QPainter>
#include <QRect>
#include <QSvgGenerator>

namespace fl {

namespace {

QString writeError(const QString &path, const QString &reason)
{
    return QCoreApplication::translate("fl::ChartExport", "Could not write %1: %2")
        .arg(QDir::toNativeSeparators(path), reason);
}

// The translation context of this file's messages; lupdate reads it from the macro.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(fl::ChartExport)
};

bool fail(QString *error, const QString &path, const QString &reason)
{
    if (error)
        *error = writeError(path, reason);
    return false;
}

// Paints the chart as SVG into device; false when the SVG renderer could not start.
bool renderSvg(QIODevice *device, QSize size, int dpi, const QString &title, const ChartRenderer &render)
{
    QSvgGenerator generator;
    generator.setOutputDevice(device);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setResolution(dpi);
    generator.setTitle(title);
    QPainter painter;
    if (!painter.begin(&generator))
        return false;
    render(&painter);
    painter.end();
    return true;
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
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    if (!writer.write(image))
        return fail(error, path, writer.errorString());
    return writeChartFile(path, bytes, error);
}

bool writeChartSvg(const QString &path, QSize size, int dpi, const QString &title, const ChartRenderer &render,
                   QString *error)
{
    const QByteArray bytes = chartSvg(size, dpi, title, render);
    if (bytes.isEmpty())
        return fail(error, path, Tr::tr("the SVG renderer could not start"));
    return writeChartFile(path, bytes, error);
}

QByteArray chartSvg(QSize size, int dpi, const QString &title, const ChartRenderer &render)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!renderSvg(&buffer, size, dpi, title, render))
        return {};
    return bytes;
}

bool writeChartFile(const QString &path, const QByteArray &bytes, QString *error)
{
    if (Result<void> ok = saveBytes(path, bytes); !ok) {
        if (error)
            *error = ok.error();
        return false;
    }
    return true;
}

bool exportChart(const QString &path, QSize size, double scale, int dpi, const QString &title,
                 const ChartRenderer &render, const std::function<QByteArray()> &csv, QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("csv"))
        return writeChartFile(path, csv(), error);
    if (suffix == QLatin1String("svg"))
        return writeChartSvg(path, size, dpi, title, render, error);
    if (suffix == QLatin1String("png"))
        return writeChartPng(path, size, scale, render, error);
    if (error)
        *error = Tr::tr("Cannot export to %1: use a .png, .svg or .csv file name.").arg(QFileInfo(path).fileName());
    return false;
}

void exportChartWithDialog(QWidget *parent, const QString &caption, const QString &defaultName,
                           const std::function<bool(const QString &path, QString *error)> &exportTo)
{
    const QString png = Tr::tr("PNG image (*.png)");
    const QString svg = Tr::tr("SVG drawing (*.svg)");
    const QString csv = Tr::tr("CSV table (*.csv)");
    QString filter = png;
    QString path = QFileDialog::getSaveFileName(parent, caption, defaultName,
                                                QStringList{png, svg, csv}.join(QStringLiteral(";;")), &filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += filter == svg ? QStringLiteral(".svg") : filter == csv ? QStringLiteral(".csv") : QStringLiteral(".png");
    QString error;
    if (!exportTo(path, &error))
        QMessageBox::warning(parent, caption, error);
}

} // namespace fl
