#pragma once

// File ▸ Export Report: the selected runs as a lab-notebook page, in two forms with the same content —
// one self-contained HTML file (UTF-8, CSS and every chart inline as SVG, no external references,
// prints on A4) and an A4 PDF (text through QTextDocument, charts drawn as vectors with QSvgRenderer).
// Sections: title and date; the dataset (name, path, size, modalities, content hash); the runs (an
// overview, the parameters common to all of them once, one column per parameter that differs, the
// summary metrics with "—" where a value does not exist, the loss curves of all runs in one chart);
// then, when given, the α–β landscape and the modality ablation, each on a page of its own in the PDF.
// Files are written whole or not at all (QSaveFile): a failed write names the path and the reason and
// leaves a previous file as it was. Fonts and text layout need the QGuiApplication: call these on the
// GUI thread (a report of a few dozen runs takes well under a second).

#include "engine/core/Result.h"
#include "engine/training/Ablation.h"
#include "engine/training/RunRecord.h"

#include <QByteArray>
#include <QDateTime>
#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace fl {

struct ReportContent
{
    QString title;                   // empty: "FusionLab report"
    QDateTime created;               // shown under the title; invalid: now
    DatasetIdentity dataset;
    QStringList datasetFacts;        // further lines about the data ("Rating scale 1–5" …), one item each
    std::vector<RunRecord> runs;     // the selected runs, in the order to show them
    QByteArray landscapeSvg;         // empty: no landscape section
    QString landscapeCaption;
    std::optional<Ablation> ablation;
    QByteArray ablationSvg;          // the ablation chart; optional even with an ablation
};

// The whole report as an HTML document (what writeHtmlReport writes).
QByteArray htmlReport(const ReportContent &content);

Result<void> writeHtmlReport(const QString &path, const ReportContent &content);
Result<void> writePdfReport(const QString &path, const ReportContent &content);

// The runs' loss curves in one line chart as an SVG document of size (in its own pixels): one colour
// per run, training loss solid, validation loss dashed, epoch axis, a loss axis (logarithmic when the
// losses span two decades or more), ticks with labels and a legend above the plot that wraps.
QByteArray renderRunCurvesSvg(const std::vector<RunRecord> &runs, QSize size);

// A value as the report's tables show it: four significant digits ("0.8123", "12.35", "12346"),
// scientific beyond that range ("1.235e+06", "4.000e-05"), "−" for negatives, "∞" and "—" for NaN.
QString formatReportValue(double value);

} // namespace fl
