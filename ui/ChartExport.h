#pragma once

// Writing the loss and metrics charts' exports: PNG, SVG and CSV files. Each file is written whole or
// not at all (QSaveFile); on failure the functions return false and set *error (when given) to
// "Could not write PATH: reason".

#include <QByteArray>
#include <QSize>
#include <QString>

#include <functional>

class QPainter;

namespace fl {

// Paints the chart onto painter, in logical pixels of the export size.
using ChartRenderer = std::function<void(QPainter *painter)>;

// A PNG of size × scale pixels on white, with device pixel ratio scale.
bool writeChartPng(const QString &path, QSize size, double scale, const ChartRenderer &render, QString *error);

// An SVG of size with its view box, title and resolution dpi (fonts in points keep their on-screen size).
bool writeChartSvg(const QString &path, QSize size, int dpi, const QString &title, const ChartRenderer &render,
                   QString *error);

// bytes as the file's contents (a CSV table).
bool writeChartFile(const QString &path, const QByteArray &bytes, QString *error);

// text as a CSV field: quoted, with quotes doubled, when it holds a comma, quote or line break.
QByteArray csvField(const QString &text);

} // namespace fl
