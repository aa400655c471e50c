#pragma once

// Writing the charts' exports: PNG, SVG and CSV files. Each file is written whole or not at all
// (QSaveFile); on failure the functions return false and set *error (when given) to
// "Could not write PATH: reason".

#include "engine/core/CsvWriter.h"

#include <QByteArray>
#include <QSize>
#include <QString>

#include <functional>

class QPainter;
class QWidget;

namespace fl {

// Paints the chart onto painter, in logical pixels of the export size.
using ChartRenderer = std::function<void(QPainter *painter)>;

// A PNG of size × scale pixels on white, with device pixel ratio scale.
bool writeChartPng(const QString &path, QSize size, double scale, const ChartRenderer &render, QString *error);

// An SVG of size with its view box, title and resolution dpi (fonts in points keep their on-screen size).
bool writeChartSvg(const QString &path, QSize size, int dpi, const QString &title, const ChartRenderer &render,
                   QString *error);

// The same drawing as writeChartSvg's, as bytes (for a report); empty when the renderer cannot start.
QByteArray chartSvg(QSize size, int dpi, const QString &title, const ChartRenderer &render);

// bytes as the file's contents (a CSV table).
bool writeChartFile(const QString &path, const QByteArray &bytes, QString *error);

// A chart of size written as path's suffix says: .png (at scale), .svg (with title, at dpi) or .csv
// (csv()'s table); any other suffix is an error naming the file.
bool exportChart(const QString &path, QSize size, double scale, int dpi, const QString &title,
                 const ChartRenderer &render, const std::function<QByteArray()> &csv, QString *error);

// Asks for a PNG, SVG or CSV file name (defaultName first; the chosen filter's suffix added when the
// name has none), calls exportTo with it and shows its error in a message box titled caption.
void exportChartWithDialog(QWidget *parent, const QString &caption, const QString &defaultName,
                           const std::function<bool(const QString &path, QString *error)> &exportTo);

} // namespace fl
