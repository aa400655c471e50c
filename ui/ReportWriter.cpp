// Why one file (about 1300 lines):
// One report in two forms. The HTML and the PDF are written from the same list of blocks (headings, tables,
// figures, captions), built once here; splitting the two renderers from the builder would put the block
// list's private layout rules in a header for two readers.

#include "ReportWriter.h"

#include "ChartExport.h"
#include "ChartScales.h"
#include "CurveDecimator.h"
#include "LegendStrip.h"

#include "engine/core/SaveFile.h"
#include "engine/fusion/Fusion.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QDir>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSvgRenderer>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextObjectInterface>
#include <QTextTable>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <map>

namespace fl {

namespace {

// The translation context of this file's messages; lupdate reads it from the macro.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(fl::ReportWriter)
};

QString writeError(const QString &path, const QString &reason)
{
    return QCoreApplication::translate("fl::ReportWriter", "Could not write %1: %2")
        .arg(QDir::toNativeSeparators(path), reason);
}

// Okabe–Ito, as in the live charts, with black last; yellow is left out (it vanishes on white paper).
const QColor kRunColors[] = {QColor(0, 114, 178), QColor(213, 94, 0),   QColor(0, 158, 115),
                             QColor(204, 121, 167), QColor(86, 180, 233), QColor(230, 159, 0),
                             QColor(0, 0, 0)};

QColor runColor(size_t index)
{
    return kRunColors[index % std::size(kRunColors)];
}

constexpr int kMaxTableColumns = 7;        // beyond the leading run columns; more go into further tables
const QSize kCurvesSize(760, 440);          // the loss chart, in SVG pixels
constexpr double kMaxFigurePageShare = 0.7; // a figure in the PDF is at most this share of a page high

// --- The report as blocks, rendered to HTML for the browser and to Qt rich text for the PDF --------

struct Table
{
    QStringList header;
    QList<QStringList> rows;
    QList<QColor> swatches;       // per row: a run's colour in front of the first cell; invalid: none
    QList<bool> numeric;          // per column: right-aligned
    bool keyValue = false;        // a fact sheet: (name, value) pairs side by side, names as row headings
};

struct Block
{
    enum class Kind { Title, Subtitle, Heading, Subheading, Paragraph, List, Table, Figure, Caption };

    Kind kind = Kind::Paragraph;
    QString text;
    QStringList items;
    Table table;
    QByteArray svg;
    bool newPage = false;         // the PDF starts a page here
};

Block textBlock(Block::Kind kind, const QString &text, bool newPage = false)
{
    Block block;
    block.kind = kind;
    block.text = text;
    block.newPage = newPage;
    return block;
}

QString grouped(qint64 n)
{
    return QLocale().toString(n);
}

QString durationText(double seconds)
{
    if (!std::isfinite(seconds) || seconds <= 0)
        return QStringLiteral("—");
    if (seconds < 60)
        return QStringLiteral("%1 s").arg(seconds < 10 ? QString::number(seconds, 'f', 2) : QString::number(seconds, 'f', 1));
    const qint64 whole = qint64(std::llround(seconds));
    if (whole < 3600)
        return QStringLiteral("%1 min %2 s").arg(whole / 60).arg(whole % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1 h %2 min").arg(whole / 3600).arg((whole % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QString metricTitle(const QString &key)
{
    static const std::map<QString, const char *> titles{
        {QStringLiteral("train_loss"), QT_TRANSLATE_NOOP("fl::ReportWriter", "train loss")},
        {QStringLiteral("val_loss"), QT_TRANSLATE_NOOP("fl::ReportWriter", "validation loss")},
        {QStringLiteral("floor"), QT_TRANSLATE_NOOP("fl::ReportWriter", "train floor")},
        {QStringLiteral("val_floor"), QT_TRANSLATE_NOOP("fl::ReportWriter", "validation floor")},
        {QStringLiteral("rmse"), QT_TRANSLATE_NOOP("fl::ReportWriter", "RMSE")},
        {QStringLiteral("mae"), QT_TRANSLATE_NOOP("fl::ReportWriter", "MAE")},
    };
    const auto it = titles.find(key);
    return it == titles.end() ? key : Tr::tr(it->second);
}

int metricOrder(const QString &key)
{
    static const QStringList order{QStringLiteral("train_loss"), QStringLiteral("val_loss"), QStringLiteral("floor"),
                                   QStringLiteral("val_floor"), QStringLiteral("rmse"), QStringLiteral("mae")};
    const qsizetype i = order.indexOf(key);
    return i < 0 ? int(order.size()) : int(i);
}

QString runNumber(size_t index)
{
    return QString::number(index + 1);
}

// Adds the table with lead columns (the run's number and name) in front of every chunk of at most
// kMaxTableColumns further columns: a wide table becomes several narrow ones rather than a clipped one.
void addRunTables(std::vector<Block> &blocks, const QStringList &leadHeader, const QList<QStringList> &leadCells,
                  const QList<QColor> &swatches, const QStringList &header, const QList<QStringList> &cells,
                  const QList<bool> &numeric)
{
    const qsizetype columns = header.size();
    for (qsizetype start = 0; start < std::max<qsizetype>(columns, 1); start += kMaxTableColumns) {
        const qsizetype count = std::min<qsizetype>(kMaxTableColumns, columns - start);
        Block block;
        block.kind = Block::Kind::Table;
        block.table.header = leadHeader + header.mid(start, count);
        block.table.swatches = swatches;
        for (qsizetype c = 0; c < leadHeader.size(); ++c)
            block.table.numeric << false;
        block.table.numeric += numeric.mid(start, count);
        for (qsizetype r = 0; r < leadCells.size(); ++r)
            block.table.rows << leadCells[r] + cells[r].mid(start, count);
        blocks.push_back(std::move(block));
        if (columns == 0)
            break;
    }
}

// (name, value) rows as a fact sheet; more than kMaxFactRows of them in two pairs of columns, the
// first half down the left pair and the second half down the right one.
constexpr int kMaxFactRows = 8;

Block factTable(const QList<QStringList> &facts)
{
    Block block;
    block.kind = Block::Kind::Table;
    block.table.keyValue = true;
    if (facts.size() <= kMaxFactRows) {
        block.table.rows = facts;
        block.table.numeric = {false, false};
        return block;
    }
    const qsizetype half = (facts.size() + 1) / 2;
    for (qsizetype r = 0; r < half; ++r) {
        QStringList row = facts[r];
        row += r + half < facts.size() ? facts[r + half] : QStringList{QString(), QString()};
        block.table.rows << row;
    }
    block.table.numeric = {false, false, false, false};
    return block;
}

QStringList modalityNames(const ReportContent &content)
{
    QStringList names;
    for (const RunRecord &run : content.runs) {
        for (const ModalityConfig &m : run.config.pipeline.modalities) {
            if (content.dataset.modalityHashes.isEmpty() || content.dataset.modalityHashes.contains(m.name)) {
                if (!names.contains(m.name))
                    names << m.name;
            }
        }
    }
    for (auto it = content.dataset.modalityHashes.cbegin(); it != content.dataset.modalityHashes.cend(); ++it) {
        if (!names.contains(it.key()))
            names << it.key();
    }
    return names;
}

void addDataset(std::vector<Block> &blocks, const ReportContent &content)
{
    blocks.push_back(textBlock(Block::Kind::Heading, Tr::tr("Dataset")));
    const DatasetIdentity &d = content.dataset;
    QList<QStringList> rows;
    const auto add = [&rows](const QString &key, const QString &value) {
        if (!value.isEmpty())
            rows << QStringList{key, value};
    };
    add(Tr::tr("Name"), d.name);
    add(Tr::tr("Path"), d.path.isEmpty() ? QString() : QDir::toNativeSeparators(d.path));
    add(Tr::tr("Format"), d.format);
    if (d.users > 0 || d.items > 0 || d.interactions > 0) {
        add(Tr::tr("Users"), grouped(d.users));
        add(Tr::tr("Items"), grouped(d.items));
        add(Tr::tr("Interactions"), grouped(d.interactions));
    }
    add(Tr::tr("Modalities"), modalityNames(content).join(QStringLiteral(", ")));
    add(Tr::tr("Content hash"), d.hash);
    if (!rows.isEmpty())
        blocks.push_back(factTable(rows));
    if (!content.datasetFacts.isEmpty()) {
        Block list;
        list.kind = Block::Kind::List;
        list.items = content.datasetFacts;
        blocks.push_back(list);
    }
    if (rows.isEmpty() && content.datasetFacts.isEmpty())
        blocks.push_back(textBlock(Block::Kind::Paragraph, Tr::tr("No dataset was recorded with these runs.")));
}

void addRuns(std::vector<Block> &blocks, const ReportContent &content)
{
    blocks.push_back(textBlock(Block::Kind::Heading, Tr::tr("Runs")));
    const std::vector<RunRecord> &runs = content.runs;
    if (runs.empty()) {
        blocks.push_back(textBlock(Block::Kind::Paragraph, Tr::tr("No runs were selected.")));
        return;
    }
    // The overview names the runs; the tables after it refer to them by number and colour.
    const QStringList lead{QStringLiteral("#")};
    QList<QStringList> leadCells;
    QList<QStringList> namedCells;
    QList<QColor> swatches;
    for (size_t i = 0; i < runs.size(); ++i) {
        leadCells << QStringList{runNumber(i)};
        namedCells << QStringList{runNumber(i), runs[i].label()};
        swatches << runColor(i);
    }

    {
        QList<QStringList> cells;
        for (const RunRecord &run : runs) {
            const int epochs = run.summary.epochs > 0 ? run.summary.epochs : run.epochs.empty() ? 0 : run.epochs.back().epoch;
            QString status = run.status;
            if (!run.message.isEmpty())
                status += QStringLiteral(": ") + run.message;
            cells << QStringList{status, QString::number(epochs),
                                 run.started.isValid() ? run.started.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                                       : QStringLiteral("—"),
                                 durationText(run.seconds)};
        }
        addRunTables(blocks, lead + QStringList{Tr::tr("Run")}, namedCells, swatches,
                     {Tr::tr("Status"), Tr::tr("Epochs"), Tr::tr("Started"), Tr::tr("Training time")},
                     cells, {false, true, false, true});
    }

    std::vector<const RunRecord *> records;
    std::vector<QMap<QString, QString>> described;
    for (const RunRecord &run : runs) {
        records.push_back(&run);
        described.push_back(describeParameters(run));
    }
    const std::vector<ParameterColumn> differing = runs.size() > 1 ? differingParameters(records)
                                                                   : std::vector<ParameterColumn>{};
    QStringList commonKeys;
    for (auto it = described.front().cbegin(); it != described.front().cend(); ++it) {
        const bool shared = std::all_of(described.begin(), described.end(), [&](const QMap<QString, QString> &p) {
            return p.contains(it.key()) && p.value(it.key()) == it.value();
        });
        if (shared)
            commonKeys << it.key();
    }
    std::stable_sort(commonKeys.begin(), commonKeys.end(), [](const QString &a, const QString &b) {
        const int ra = parameterRank(a), rb = parameterRank(b);
        return ra != rb ? ra < rb : a < b;
    });

    blocks.push_back(textBlock(Block::Kind::Subheading, Tr::tr("Parameters")));
    if (!commonKeys.isEmpty()) {
        if (runs.size() > 1)
            blocks.push_back(textBlock(Block::Kind::Paragraph, Tr::tr("The same in every run:")));
        QList<QStringList> rows;
        for (const QString &key : commonKeys) {
            const QString value = described.front().value(key);
            if (!value.isEmpty())
                rows << QStringList{parameterTitle(key, runs.front().config), value};
        }
        blocks.push_back(factTable(rows));
    }
    if (!differing.empty()) {
        blocks.push_back(textBlock(Block::Kind::Paragraph, Tr::tr("Different between the runs:")));
        QStringList header;
        QList<bool> numeric;
        QList<QStringList> cells(qsizetype(runs.size()));
        for (const ParameterColumn &column : differing) {
            header << column.title;
            numeric << false;
            for (size_t i = 0; i < runs.size(); ++i)
                cells[qsizetype(i)] << column.values.value(qsizetype(i));
        }
        addRunTables(blocks, lead, leadCells, swatches, header, cells, numeric);
    }

    blocks.push_back(textBlock(Block::Kind::Subheading, Tr::tr("Results")));
    {
        std::vector<QMap<QString, double>> values;
        QStringList keys;
        for (const RunRecord &run : runs) {
            values.push_back(run.summaryValues());
            for (auto it = values.back().cbegin(); it != values.back().cend(); ++it) {
                if (!keys.contains(it.key()))
                    keys << it.key();
            }
        }
        // A column no run has a value for says nothing (RMSE of ranking models, floors without a closed form).
        keys.removeIf([&](const QString &key) {
            return std::none_of(values.begin(), values.end(), [&](const QMap<QString, double> &v) {
                return v.contains(key) && !std::isnan(v.value(key));
            });
        });
        std::stable_sort(keys.begin(), keys.end(), [](const QString &a, const QString &b) {
            const int ra = metricOrder(a), rb = metricOrder(b);
            return ra != rb ? ra < rb : a < b;
        });
        QStringList header;
        QList<bool> numeric;
        QList<QStringList> cells(qsizetype(runs.size()));
        for (const QString &key : keys) {
            header << metricTitle(key);
            numeric << true;
            for (size_t i = 0; i < runs.size(); ++i) {
                const double v = values[i].value(key, std::numeric_limits<double>::quiet_NaN());
                cells[qsizetype(i)] << formatReportValue(v);
            }
        }
        if (keys.isEmpty())
            blocks.push_back(textBlock(Block::Kind::Paragraph, Tr::tr("No run has results yet.")));
        else
            addRunTables(blocks, lead, leadCells, swatches, header, cells, numeric);
    }

    blocks.push_back(textBlock(Block::Kind::Subheading, Tr::tr("Loss curves")));
    const bool anyCurve = std::any_of(runs.begin(), runs.end(), [](const RunRecord &r) { return !r.epochs.empty(); });
    if (!anyCurve) {
        blocks.push_back(textBlock(Block::Kind::Paragraph, Tr::tr("No run has trained an epoch.")));
        return;
    }
    Block figure;
    figure.kind = Block::Kind::Figure;
    // Every legend row past the first two (about three runs a row) makes the chart taller, not the plot smaller.
    const int extraRows = std::max(0, (int(runs.size()) - 4 + 2) / 3);
    figure.svg = renderRunCurvesSvg(runs, kCurvesSize + QSize(0, 18 * extraRows));
    blocks.push_back(figure);
    blocks.push_back(textBlock(Block::Kind::Caption,
                               Tr::tr("Loss per epoch, one colour per run (numbered as in the tables): training loss "
                                  "solid, validation loss dashed.")));
}

QString signedValue(double value)
{
    const QString text = formatReportValue(value);
    return value > 0 && std::isfinite(value) ? QStringLiteral("+") + text : text;
}

void addAblation(std::vector<Block> &blocks, const Ablation &ablation, const QByteArray &svg)
{
    blocks.push_back(textBlock(Block::Kind::Heading, Tr::tr("Modality ablation"), true));
    blocks.push_back(textBlock(
        Block::Kind::Paragraph,
        Tr::tr("Each subset of the modalities trained with the same settings over several seeds; the metric is %1 "
           "(%2). Δ is the subset's mean minus the mean of all modalities together.")
            .arg(metricTitle(ablation.metric), ablation.higherIsBetter ? Tr::tr("higher is better") : Tr::tr("lower is better"))));
    const std::vector<AblationRow> rows = ablation.rows();
    if (rows.empty()) {
        blocks.push_back(textBlock(Block::Kind::Paragraph, Tr::tr("No ablation run has finished.")));
    } else {
        Block table;
        table.kind = Block::Kind::Table;
        table.table.header = QStringList{Tr::tr("Modalities"), Tr::tr("Mean"), Tr::tr("Min"), Tr::tr("Max"), Tr::tr("Δ to all"), Tr::tr("Runs")};
        table.table.numeric = {false, true, true, true, true, true};
        for (const AblationRow &row : rows) {
            const bool any = !row.values.empty();
            const double nan = std::numeric_limits<double>::quiet_NaN();
            table.table.rows << QStringList{row.subset.label,
                                            formatReportValue(any ? row.mean : nan),
                                            formatReportValue(any ? row.min : nan),
                                            formatReportValue(any ? row.max : nan),
                                            signedValue(row.deltaToAll),
                                            QString::number(row.values.size())};
        }
        blocks.push_back(std::move(table));
    }
    if (!svg.isEmpty()) {
        Block figure;
        figure.kind = Block::Kind::Figure;
        figure.svg = svg;
        blocks.push_back(figure);
    }
}

std::vector<Block> reportBlocks(const ReportContent &content, const QDateTime &created)
{
    std::vector<Block> blocks;
    blocks.push_back(textBlock(Block::Kind::Title, content.title.isEmpty() ? Tr::tr("FusionLab report") : content.title));
    blocks.push_back(textBlock(Block::Kind::Subtitle,
                               Tr::tr("%1 · FusionLab %2")
                                   .arg(QLocale().toString(created.toLocalTime().date(), QLocale::LongFormat)
                                            + QStringLiteral(", ")
                                            + created.toLocalTime().time().toString(QStringLiteral("HH:mm")),
                                        QStringLiteral(FUSIONLAB_VERSION))));
    addDataset(blocks, content);
    addRuns(blocks, content);
    if (!content.landscapeSvg.isEmpty()) {
        blocks.push_back(textBlock(Block::Kind::Heading, Tr::tr("α–β landscape"), true));
        Block figure;
        figure.kind = Block::Kind::Figure;
        figure.svg = content.landscapeSvg;
        blocks.push_back(figure);
        if (!content.landscapeCaption.isEmpty())
            blocks.push_back(textBlock(Block::Kind::Caption, content.landscapeCaption));
    }
    if (content.ablation)
        addAblation(blocks, *content.ablation, content.ablationSvg);
    return blocks;
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

// --- HTML for browsers -------------------------------------------------------------------------------

const char kCss[] = R"(
:root { color-scheme: light; }
body { font-family: "Noto Sans", "Segoe UI", "Helvetica Neue", Arial, "Noto Sans CJK SC", "PingFang SC",
       "Microsoft YaHei", sans-serif; font-size: 15px; line-height: 1.5; color: #1e1e1e; background: #fff;
       margin: 0; }
main { max-width: 880px; margin: 0 auto; padding: 32px 28px 48px; }
h1 { font-size: 28px; line-height: 1.25; margin: 0 0 4px; overflow-wrap: anywhere; }
.subtitle { color: #555; margin: 0 0 28px; }
h2 { font-size: 21px; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #0072b2; }
h3 { font-size: 17px; margin: 24px 0 8px; }
p, li { overflow-wrap: anywhere; }
.table-wrap { overflow-x: auto; margin: 8px 0 16px; }
table { border-collapse: collapse; font-size: 14px; }
th, td { border: 1px solid #c8c8c8; padding: 4px 10px; text-align: left; vertical-align: top;
         overflow-wrap: anywhere; }
thead th { background: #eef3f8; }
table.facts th { background: #f5f5f5; font-weight: 600; white-space: nowrap; }
table.facts td { min-width: 14em; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.hash { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 13px; word-break: break-all; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.4em; border-radius: 2px;
          vertical-align: -0.05em; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
figure { margin: 12px 0 20px; }
figure .chart { margin: 0 auto; }
figure svg { display: block; width: 100%; height: auto; }
figcaption { color: #444; font-size: 13.5px; margin-top: 6px; }
.missing { color: #8a2b00; }
@page { size: A4; margin: 16mm 16mm 18mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  .new-page { break-before: page; page-break-before: always; }
  figure, tr, .table-wrap { break-inside: avoid; page-break-inside: avoid; }
  .table-wrap { overflow: visible; }
}
)";

// An SVG document as an element inside HTML: no XML prolog, and its ids (clip paths, gradients)
// prefixed so that two charts on one page cannot refer to each other's.
QString inlineSvg(const QByteArray &svg, int figure)
{
    QString text = QString::fromUtf8(svg);
    static const QRegularExpression prolog(QStringLiteral("<\\?xml[^>]*\\?>|<!DOCTYPE[^>]*>"),
                                           QRegularExpression::CaseInsensitiveOption);
    text.remove(prolog);
    const QString prefix = QStringLiteral("fig%1-").arg(figure);
    text.replace(QStringLiteral("id=\""), QStringLiteral("id=\"") + prefix);
    text.replace(QStringLiteral("url(#"), QStringLiteral("url(#") + prefix);
    text.replace(QStringLiteral("href=\"#"), QStringLiteral("href=\"#") + prefix);
    // Qt names the font it drew with ("Sans Serif", "DejaVu Sans"); a browser without it would fall
    // back to its default, a serif: give it the generic family to fall back to.
    static const QRegularExpression family(QStringLiteral("font-family=\"([^\"]*)\""));
    QString out;
    qsizetype last = 0;
    for (auto it = family.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const QString value = match.captured(1);
        out += text.mid(last, match.capturedStart() - last);
        const bool generic = value.contains(QLatin1String("serif")) || value.contains(QLatin1String("monospace"));
        out += generic ? match.captured(0) : QStringLiteral("font-family=\"%1, sans-serif\"").arg(value);
        last = match.capturedEnd();
    }
    out += text.mid(last);
    return out.trimmed();
}

// The table's body rows, each cell escaped (the first with the row's swatch in `swatchFormat`, %1 the
// colour and %2 the cell) and written by cell(row, column, markup).
template<typename Cell>
QString tableRows(const Table &table, const QString &swatchFormat, Cell cell)
{
    QString html;
    for (qsizetype r = 0; r < table.rows.size(); ++r) {
        html += QStringLiteral("<tr>");
        const QStringList &row = table.rows[r];
        for (qsizetype c = 0; c < row.size(); ++c) {
            QString markup = escaped(row[c]);
            if (c == 0 && r < table.swatches.size() && table.swatches[r].isValid())
                markup = swatchFormat.arg(table.swatches[r].name(), markup);
            html += cell(row[c], c, markup);
        }
        html += QStringLiteral("</tr>\n");
    }
    return html;
}

QString htmlTable(const Table &table)
{
    QString html = table.keyValue ? QStringLiteral("<div class=\"table-wrap\"><table class=\"facts\">\n")
                                  : QStringLiteral("<div class=\"table-wrap\"><table>\n");
    if (!table.header.isEmpty()) {
        html += QStringLiteral("<thead><tr>");
        for (const QString &h : table.header)
            html += QStringLiteral("<th>%1</th>").arg(escaped(h));
        html += QStringLiteral("</tr></thead>\n");
    }
    html += QStringLiteral("<tbody>\n");
    html += tableRows(table, QStringLiteral("<span class=\"swatch\" style=\"background:%1\"></span>%2"),
                      [&table](const QString &text, qsizetype c, const QString &cell) {
                          if (table.keyValue && c % 2 == 0)
                              return QStringLiteral("<th scope=\"row\">%1</th>").arg(cell);
                          QStringList classes;
                          if (table.numeric.value(c))
                              classes << QStringLiteral("num");
                          if (text.size() == 64 && text.contains(QRegularExpression(QStringLiteral("^[0-9a-f]+$"))))
                              classes << QStringLiteral("hash");
                          return classes.isEmpty() ? QStringLiteral("<td>%1</td>").arg(cell)
                                                   : QStringLiteral("<td class=\"%1\">%2</td>").arg(classes.join(QLatin1Char(' ')), cell);
                      });
    html += QStringLiteral("</tbody></table></div>\n");
    return html;
}

QString htmlFigure(const QByteArray &svg, int figure)
{
    QSvgRenderer renderer(svg);
    if (!renderer.isValid())
        return QStringLiteral("<p class=\"missing\">%1</p>\n").arg(escaped(Tr::tr("(This figure could not be read.)")));
    const QSizeF box = renderer.viewBoxF().size();
    return QStringLiteral("<figure><div class=\"chart\" style=\"max-width:%1px\">%2</div>")
        .arg(qRound(box.width() > 0 ? box.width() : 760))
        .arg(inlineSvg(svg, figure));
}

} // namespace

QString formatReportValue(double value)
{
    if (std::isnan(value))
        return QStringLiteral("—");
    QString text;
    if (std::isinf(value)) {
        text = QStringLiteral("∞");
    } else if (value == 0) {
        return QStringLiteral("0");
    } else {
        // Rounded to four significant digits first, so that 9.99996 is "10.00", not "10.000".
        const double magnitude = QString::number(std::abs(value), 'g', 4).toDouble();
        if (magnitude >= 1e6 || magnitude < 1e-4)
            text = QString::number(magnitude, 'e', 3);
        else
            text = QString::number(magnitude, 'f', std::max(0, 3 - int(std::floor(std::log10(magnitude)))));
    }
    return value < 0 ? QStringLiteral("−") + text : text;
}

namespace {

// How the text blocks are written: in the HTML page with its style sheet's classes, in the PDF as Qt
// rich text with inline styles. In each pattern %1 takes newPage where a block starts a page (empty
// elsewhere) and %2 the escaped text; a list item's %1 its escaped text.
struct TextMarkup
{
    QString newPage;
    QString title, subtitle, heading, subheading, paragraph;
    QString listOpen, listItem, listClose;
};

const TextMarkup kPageMarkup{
    QStringLiteral(" class=\"new-page\""),
    QStringLiteral("<h1%1>%2</h1>\n"),
    QStringLiteral("<p class=\"subtitle\"%1>%2</p>\n"),
    QStringLiteral("<h2%1>%2</h2>\n"),
    QStringLiteral("<h3%1>%2</h3>\n"),
    QStringLiteral("<p%1>%2</p>\n"),
    QStringLiteral("<ul>\n"),
    QStringLiteral("<li>%1</li>\n"),
    QStringLiteral("</ul>\n"),
};

const TextMarkup kRichTextMarkup{
    QStringLiteral(" page-break-before: always;"),
    QStringLiteral("<h1 style=\"font-size: 20pt; margin-bottom: 2px;%1\">%2</h1>"),
    QStringLiteral("<p style=\"color: #555555; margin-bottom: 14px;%1\">%2</p>"),
    QStringLiteral("<h2 style=\"font-size: 14.5pt; color: #0b4f7c; margin-top: 16px; margin-bottom: 6px;%1\">%2</h2>"),
    QStringLiteral("<h3 style=\"font-size: 11.5pt; margin-top: 12px; margin-bottom: 4px;%1\">%2</h3>"),
    QStringLiteral("<p style=\"margin-bottom: 4px;%1\">%2</p>"),
    QStringLiteral("<ul style=\"margin-top: 4px;\">"),
    QStringLiteral("<li>%1</li>"),
    QStringLiteral("</ul>"),
};

// Appends a text block (title, subtitle, heading, subheading, paragraph or list) in the markup and
// returns true; the other kinds, which each writer renders its own way, append nothing (false).
bool appendTextBlock(QString &html, const Block &block, const TextMarkup &markup)
{
    const QString pageBreak = block.newPage ? markup.newPage : QString();
    const auto text = [&](const QString &pattern) { html += pattern.arg(pageBreak, escaped(block.text)); };
    switch (block.kind) {
    case Block::Kind::Title: text(markup.title); return true;
    case Block::Kind::Subtitle: text(markup.subtitle); return true;
    case Block::Kind::Heading: text(markup.heading); return true;
    case Block::Kind::Subheading: text(markup.subheading); return true;
    case Block::Kind::Paragraph: text(markup.paragraph); return true;
    case Block::Kind::List:
        html += markup.listOpen;
        for (const QString &item : block.items)
            html += markup.listItem.arg(escaped(item));
        html += markup.listClose;
        return true;
    case Block::Kind::Table:
    case Block::Kind::Figure:
    case Block::Kind::Caption:
        break;
    }
    return false;
}

} // namespace

QByteArray htmlReport(const ReportContent &content)
{
    const QDateTime created = content.created.isValid() ? content.created : QDateTime::currentDateTime();
    const std::vector<Block> blocks = reportBlocks(content, created);
    const QString title = blocks.front().text;
    QString html;
    html += QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\">\n<head>\n<meta charset=\"utf-8\">\n"
                           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                           "<meta name=\"generator\" content=\"FusionLab %2\">\n<title>%3</title>\n<style>%4</style>\n"
                           "</head>\n<body>\n<main>\n")
                .arg(QLocale().bcp47Name(), QStringLiteral(FUSIONLAB_VERSION), escaped(title), QString::fromUtf8(kCss));
    int figures = 0;
    bool inFigure = false;
    const auto closeFigure = [&] {
        if (inFigure)
            html += QStringLiteral("</figure>\n");
        inFigure = false;
    };
    for (const Block &block : blocks) {
        if (block.kind != Block::Kind::Caption)
            closeFigure();
        if (appendTextBlock(html, block, kPageMarkup))
            continue;
        switch (block.kind) {
        case Block::Kind::Table:
            html += htmlTable(block.table);
            break;
        case Block::Kind::Figure: {
            const QString figure = htmlFigure(block.svg, ++figures);
            html += figure;
            inFigure = figure.startsWith(QLatin1String("<figure>"));
            break;
        }
        case Block::Kind::Caption:
            if (inFigure)
                html += QStringLiteral("<figcaption>%1</figcaption>\n").arg(escaped(block.text));
            else
                html += QStringLiteral("<p>%1</p>\n").arg(escaped(block.text));
            closeFigure();
            break;
        default:   // the text blocks, written above
            break;
        }
    }
    closeFigure();
    html += QStringLiteral("</main>\n</body>\n</html>\n");
    return html.toUtf8();
}

namespace {

// --- The PDF --------------------------------------------------------------------------------------

constexpr int kSvgObjectType = QTextFormat::UserObject + 1;
constexpr int kSvgData = QTextFormat::UserProperty + 1;
constexpr int kKeepWithNext = QTextFormat::UserProperty + 2;

// Draws an SVG held in a character format as a vector figure: as wide as the text, at most
// kMaxFigurePageShare of a page high, in the SVG's own proportions.
class SvgObject : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    QSizeF intrinsicSize(QTextDocument *document, int, const QTextFormat &format) override
    {
        QSvgRenderer renderer(format.property(kSvgData).toByteArray());
        QSizeF box = renderer.viewBoxF().size();
        if (box.isEmpty())
            box = QSizeF(4, 3);
        const QSizeF page = document->pageSize();
        double width = page.width();
        double height = width * box.height() / box.width();
        const double maxHeight = kMaxFigurePageShare * page.height();
        if (height > maxHeight) {
            width *= maxHeight / height;
            height = maxHeight;
        }
        return {width, height};
    }

    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *, int, const QTextFormat &format) override
    {
        QSvgRenderer renderer(format.property(kSvgData).toByteArray());
        renderer.render(painter, rect);
    }
};

QString richTable(const Table &table)
{
    QString html = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" "
                                  "style=\"border-collapse: collapse; border-style: solid; border-color: #b4b4b4; "
                                  "font-size: 9pt; margin-bottom: 8px;\"%1>")
                       .arg(table.keyValue ? QString() : QStringLiteral(" width=\"100%\""));
    // No <thead>: Qt repeats header rows on every page the table touches, including one that only its
    // bottom border reaches, where the header then lands on the next page's first heading.
    if (!table.header.isEmpty()) {
        html += QStringLiteral("<tr>");
        for (qsizetype c = 0; c < table.header.size(); ++c)
            html += QStringLiteral("<th bgcolor=\"#eef3f8\" align=\"%1\">%2</th>")
                        .arg(table.numeric.value(c) ? QStringLiteral("right") : QStringLiteral("left"),
                             escaped(table.header[c]));
        html += QStringLiteral("</tr>");
    }
    html += tableRows(table, QStringLiteral("<span style=\"color:%1\">■</span>&nbsp;%2"),
                      [&table](const QString &text, qsizetype c, const QString &cell) {
                          if (table.keyValue && c % 2 == 0)
                              return QStringLiteral("<td bgcolor=\"#f5f5f5\"><b>%1</b></td>").arg(cell);
                          if (text.size() == 64 && !text.contains(QLatin1Char(' '))) {
                              // A content hash: two halves, so that it wraps in the middle rather than overflowing.
                              return QStringLiteral("<td><span style=\"font-family: monospace;\">%1<br>%2</span></td>")
                                  .arg(escaped(text.left(32)), escaped(text.mid(32)));
                          }
                          return QStringLiteral("<td align=\"%1\">%2</td>")
                              .arg(table.numeric.value(c) ? QStringLiteral("right") : QStringLiteral("left"), cell);
                      });
    html += QStringLiteral("</table>");
    return html;
}

QString figureMarker(int index)
{
    return QStringLiteral("@@FIGURE-%1@@").arg(index);
}

// The blocks as Qt rich text; figures are markers in paragraphs of their own, replaced by SvgObjects.
QString richText(const std::vector<Block> &blocks, std::vector<QByteArray> *figures)
{
    QString html = QStringLiteral("<html><body>");
    for (const Block &block : blocks) {
        if (appendTextBlock(html, block, kRichTextMarkup))
            continue;
        switch (block.kind) {
        case Block::Kind::Table:
            html += richTable(block.table);
            break;
        case Block::Kind::Figure:
            if (QSvgRenderer(block.svg).isValid()) {
                html += QStringLiteral("<p align=\"center\" style=\"margin-top: 6px;\">%1</p>")
                            .arg(figureMarker(int(figures->size())));
                figures->push_back(block.svg);
            } else {
                html += QStringLiteral("<p>%1</p>").arg(escaped(Tr::tr("(This figure could not be read.)")));
            }
            break;
        case Block::Kind::Caption:
            html += QStringLiteral("<p style=\"color: #444444; font-size: 9pt; margin-bottom: 8px;\">%1</p>")
                        .arg(escaped(block.text));
            break;
        default:   // the text blocks, written above
            break;
        }
    }
    html += QStringLiteral("</body></html>");
    return html;
}

int pageOf(const QTextDocument &document, const QTextBlock &block)
{
    const QRectF rect = document.documentLayout()->blockBoundingRect(block);
    double top = rect.top();
    if (QTextLayout *layout = block.layout(); layout && layout->lineCount() > 0)
        top += layout->lineAt(0).y();
    return int(std::floor((top + 0.5) / document.pageSize().height()));
}

// Qt's layout has no "keep with next": a heading (or a figure with its caption, or the sentence
// introducing a table) that ends a page while what it introduces starts the next one gets a page break
// in front of it instead. Returns whether it changed anything.
bool keepWithNext(QTextDocument &document)
{
    QTextBlock chainStart;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        if (!block.blockFormat().boolProperty(kKeepWithNext)) {
            chainStart = QTextBlock();
            continue;
        }
        if (!chainStart.isValid())
            chainStart = block;
        const QTextBlock next = block.next();
        if (!next.isValid() || pageOf(document, next) == pageOf(document, block))
            continue;
        // Only when the chain does not already start a page: otherwise it cannot fit on one anyway.
        const QTextBlock before = chainStart.previous();
        if (!before.isValid() || pageOf(document, before) == pageOf(document, chainStart)) {
            QTextCursor cursor(chainStart);
            QTextBlockFormat format = chainStart.blockFormat();
            format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
            cursor.setBlockFormat(format);
            return true;
        }
    }
    return false;
}

// A table that would fit on a page but is split over two starts on the next page instead (a row or
// two, or the header alone, at the foot of a page reads badly). slack: a bottom margin or border
// reaching over the page's end is no split.
bool keepTablesWhole(QTextDocument &document, double slack)
{
    const double pageHeight = document.pageSize().height();
    for (QTextFrame *frame : document.rootFrame()->childFrames()) {
        auto *table = qobject_cast<QTextTable *>(frame);
        if (!table)
            continue;
        const QRectF rect = document.documentLayout()->frameBoundingRect(table);
        const int first = int(std::floor((rect.top() + slack) / pageHeight));
        const int last = int(std::floor((rect.bottom() - slack) / pageHeight));
        if (first == last || rect.height() > 0.9 * pageHeight)
            continue;
        // The break goes in front of what is kept with the table (its heading, its sentence).
        QTextBlock start = table->firstCursorPosition().block().previous();
        if (!start.isValid() || !start.blockFormat().boolProperty(kKeepWithNext)) {
            QTextFrameFormat format = table->frameFormat();
            if (format.pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore)
                continue;
            format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
            table->setFrameFormat(format);
            return true;
        }
        while (start.previous().isValid() && start.previous().blockFormat().boolProperty(kKeepWithNext)
               && document.frameAt(start.previous().position()) == document.rootFrame())
            start = start.previous();
        QTextBlockFormat format = start.blockFormat();
        if (format.pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore)
            continue;
        format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
        QTextCursor(start).setBlockFormat(format);
        return true;
    }
    return false;
}

void paginate(QTextDocument &document, double slack)
{
    for (int pass = 0; pass < 200; ++pass) {
        if (!keepWithNext(document) && !keepTablesWhole(document, slack))
            return;
    }
}

} // namespace

Result<void> writePdfReport(const QString &path, const ReportContent &content)
{
    const QDateTime created = content.created.isValid() ? content.created : QDateTime::currentDateTime();
    const std::vector<Block> blocks = reportBlocks(content, created);
    const QString title = blocks.front().text;

    if (Result<void> ok = checkSaveTarget(path); !ok)
        return ok;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(writeError(path, file.errorString()));

    QPdfWriter writer(&file);
    writer.setResolution(300);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(18, 16, 18, 12),
                                     QPageLayout::Millimeter));
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("FusionLab %1").arg(QStringLiteral(FUSIONLAB_VERSION)));

    QFont font = QGuiApplication::font();
    font.setPointSizeF(10);
    const QFontMetricsF footerMetrics(font, &writer);
    const double footerHeight = 2.2 * footerMetrics.height();
    const QSizeF body(writer.width(), writer.height() - footerHeight);

    QTextDocument document;
    SvgObject svgObject;
    document.documentLayout()->setPaintDevice(&writer);
    document.documentLayout()->registerHandler(kSvgObjectType, &svgObject);
    document.setDefaultFont(font);
    document.setDocumentMargin(0);
    document.setPageSize(body);
    document.setDefaultStyleSheet(QStringLiteral("th { font-weight: bold; }"));
    std::vector<QByteArray> figures;
    document.setHtml(richText(blocks, &figures));

    for (size_t i = 0; i < figures.size(); ++i) {
        QTextCursor cursor = document.find(figureMarker(int(i)));
        if (cursor.isNull())
            continue;
        QTextCharFormat format;
        format.setObjectType(kSvgObjectType);
        format.setProperty(kSvgData, figures[i]);
        cursor.insertText(QString(QChar::ObjectReplacementCharacter), format);
    }
    // Headings stay with what follows them, figures with their captions, sentences with their tables.
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const bool inRoot = document.frameAt(block.position()) == document.rootFrame();
        const bool heading = block.blockFormat().headingLevel() > 0;
        const bool introducesTable = inRoot && block.next().isValid()
                                     && qobject_cast<QTextTable *>(document.frameAt(block.next().position()));
        const bool figure = block.text() == QString(QChar::ObjectReplacementCharacter)
                            && block.next().isValid() && !block.next().text().isEmpty()
                            && block.next().blockFormat().headingLevel() == 0
                            && block.next().text() != QString(QChar::ObjectReplacementCharacter)
                            && document.frameAt(block.next().position()) == document.rootFrame();
        if (heading || figure || introducesTable) {
            QTextCursor cursor(block);
            QTextBlockFormat format = block.blockFormat();
            format.setProperty(kKeepWithNext, true);
            cursor.setBlockFormat(format);
        }
    }
    paginate(document, 12.0 * writer.resolution() / 96.0);

    QPainter painter;
    if (!painter.begin(&writer)) {
        file.cancelWriting();
        return makeError(writeError(path, Tr::tr("the PDF writer could not start")));
    }
    const int pages = document.pageCount();
    QFont footerFont = font;
    footerFont.setPointSizeF(8.5);
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            writer.newPage();
        painter.save();
        painter.translate(0, -page * body.height());
        document.drawContents(&painter, QRectF(QPointF(0, page * body.height()), body));
        painter.restore();

        painter.save();
        painter.setFont(footerFont);
        painter.setPen(QPen(QColor(150, 150, 150), 0));
        const double lineY = writer.height() - footerHeight * 0.7;
        painter.drawLine(QPointF(0, lineY), QPointF(writer.width(), lineY));
        painter.setPen(QColor(90, 90, 90));
        const QRectF footer(0, lineY, writer.width(), writer.height() - lineY);
        const QString pageText = Tr::tr("Page %1 of %2").arg(page + 1).arg(pages);
        const double pageTextWidth = QFontMetricsF(footerFont, &writer).horizontalAdvance(pageText);
        const QString elidedTitle = QFontMetricsF(footerFont, &writer)
                                        .elidedText(title, Qt::ElideRight, writer.width() - pageTextWidth - footerHeight);
        painter.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter, elidedTitle);
        painter.drawText(footer, Qt::AlignRight | Qt::AlignVCenter, pageText);
        painter.restore();
    }
    if (!painter.end()) {
        file.cancelWriting();
        return makeError(writeError(path, Tr::tr("the PDF could not be finished")));
    }
    if (!file.commit())
        return makeError(writeError(path, file.errorString()));
    return {};
}

Result<void> writeHtmlReport(const QString &path, const ReportContent &content)
{
    return saveBytes(path, htmlReport(content));
}

// --- The loss chart ---------------------------------------------------------------------------------

namespace {

struct Axis
{
    double low = 0;
    double high = 1;
    bool log = false;
    std::vector<double> ticks;

    double fraction(double v) const
    {
        return log ? (std::log10(v) - std::log10(low)) / (std::log10(high) - std::log10(low))
                   : (v - low) / (high - low);
    }
};

// 10ᵏ with k in superscript digits.
QString powerOfTen(int exponent)
{
    static const QString digits = QStringLiteral("⁰¹²³⁴⁵⁶⁷⁸⁹");
    QString text;
    for (const QChar c : QString::number(std::abs(exponent)))
        text += digits[c.digitValue()];
    return QStringLiteral("10") + (exponent < 0 ? QStringLiteral("⁻") : QString()) + text;
}

QString tickText(double v, bool log)
{
    if (v == 0)
        return QStringLiteral("0");
    if (log && (v < 1e-3 || v >= 1e5)) {
        const int exponent = int(std::floor(std::log10(v) + 1e-9));
        const double mantissa = std::round(v / std::pow(10.0, exponent));
        return mantissa == 1 ? powerOfTen(exponent) : QStringLiteral("%1·%2").arg(mantissa).arg(powerOfTen(exponent));
    }
    if (log)
        return QString::number(v, 'g', 6);
    const double magnitude = std::abs(v);
    if (magnitude >= 1e5 || magnitude < 1e-3)
        return QString::number(v, 'g', 3);
    return QString::number(v, 'g', 6);
}

Axis linearAxis(double low, double high, int targetTicks, bool fromZero)
{
    Axis axis;
    if (fromZero && low > 0)
        low = 0;
    if (high <= low)
        high = low + (low == 0 ? 1 : std::abs(low) * 0.1);
    const double step = niceStep((high - low) / targetTicks);
    axis.low = std::floor(low / step + 1e-9) * step;
    axis.high = std::ceil(high / step - 1e-9) * step;
    for (double t = axis.low; t <= axis.high + step * 1e-6; t += step)
        axis.ticks.push_back(std::abs(t) < step * 1e-9 ? 0 : t);
    return axis;
}

Axis logAxis(double low, double high)
{
    Axis axis;
    axis.log = true;
    const int first = int(std::floor(std::log10(low) + 1e-9));
    const int last = int(std::ceil(std::log10(high) - 1e-9));
    axis.low = std::pow(10.0, first);
    axis.high = std::pow(10.0, std::max(last, first + 1));
    const int decades = std::max(last, first + 1) - first;
    for (int e = first; e <= first + decades; ++e) {
        const double power = std::pow(10.0, e);
        axis.ticks.push_back(power);
        if (decades <= 3 && e < first + decades) {
            axis.ticks.push_back(2 * power);
            axis.ticks.push_back(5 * power);
        }
    }
    std::sort(axis.ticks.begin(), axis.ticks.end());
    return axis;
}

struct LegendItem
{
    QString text;
    QColor color;
    bool key = false;   // the line-style key (solid training, dashed validation), not a run
};

void paintRunCurves(QPainter &painter, const std::vector<RunRecord> &runs, const QRectF &area)
{
    painter.fillRect(area, Qt::white);
    painter.setRenderHint(QPainter::Antialiasing);
    QFont font = QGuiApplication::font();
    font.setPixelSize(13);
    painter.setFont(font);
    const QFontMetricsF metrics(font);
    const double em = metrics.height();
    const QColor ink(40, 40, 40);

    // The legend above the plot: the line-style key first, then one entry per run, wrapped into rows.
    const double sample = 2.6 * em;
    const double gap = 0.4 * em;
    const double spacing = 1.3 * em;
    std::vector<LegendItem> items;
    items.push_back({Tr::tr("training"), QColor(90, 90, 90), true});
    items.push_back({Tr::tr("validation"), QColor(90, 90, 90), true});
    for (size_t i = 0; i < runs.size(); ++i)
        items.push_back({QStringLiteral("%1 · %2").arg(runNumber(i), runs[i].label()), runColor(i), false});
    const double legendWidth = area.width() - em;
    std::vector<std::vector<std::pair<const LegendItem *, double>>> rows(1);
    double rowWidth = 0;
    for (const LegendItem &item : items) {
        const double textWidth = std::min(metrics.horizontalAdvance(item.text), legendWidth - sample - gap);
        const double width = sample + gap + textWidth;
        if (!rows.back().empty() && rowWidth + spacing + width > legendWidth) {
            rows.emplace_back();
            rowWidth = 0;
        }
        rowWidth += (rows.back().empty() ? 0 : spacing) + width;
        rows.back().emplace_back(&item, textWidth);
    }
    const double rowHeight = 1.35 * em;
    double y = area.top() + 0.5 * em;
    for (const auto &row : rows) {
        double width = 0;
        for (const auto &[item, textWidth] : row)
            width += (width > 0 ? spacing : 0) + sample + gap + textWidth;
        double x = area.left() + (area.width() - width) / 2;
        for (const auto &[item, textWidth] : row) {
            const double mid = y + rowHeight / 2;
            const bool dashed = item->key && item == &items[1];
            painter.setPen(curvePen(item->color, 2.0, dashed));
            if (item->key) {
                painter.drawLine(QPointF(x, mid), QPointF(x + sample, mid));
            } else {
                painter.drawLine(QPointF(x, mid), QPointF(x + sample * 0.45, mid));
                painter.setPen(curvePen(item->color, 2.0, true));
                painter.drawLine(QPointF(x + sample * 0.55, mid), QPointF(x + sample, mid));
            }
            painter.setPen(ink);
            const QRectF textRect(x + sample + gap, y, textWidth + 1, rowHeight);
            painter.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                             metrics.elidedText(item->text, Qt::ElideMiddle, textWidth + 1));
            x += sample + gap + textWidth + spacing;
        }
        y += rowHeight;
    }
    const double plotTop = y + 0.8 * em;

    // The data's extent.
    Extent xs;
    Extent ys;
    for (const RunRecord &run : runs) {
        for (const EpochRecord &e : run.epochs) {
            xs.add(e.epoch);
            for (double v : {e.trainLoss, e.validationLoss}) {
                if (std::isfinite(v))
                    ys.add(v);
            }
        }
    }
    if (!ys.valid()) {
        painter.setPen(ink);
        painter.drawText(QRectF(area.left(), plotTop, area.width(), area.bottom() - plotTop), Qt::AlignCenter,
                         Tr::tr("No finite loss to draw."));
        return;
    }
    const bool useLog = ys.low > 0 && ys.high / ys.low >= 100;
    Axis yAxis = useLog ? logAxis(ys.low, ys.high) : linearAxis(ys.low, ys.high, 5, ys.low >= 0 && ys.low < 0.5 * ys.high);
    const Axis xAxis = linearAxis(0, std::max(xs.high, 1.0), 6, true);

    // The plot's rectangle: room for the tick labels and the axis titles.
    double labelWidth = 0;
    for (double t : yAxis.ticks)
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(tickText(t, yAxis.log)));
    const QRectF plot(QPointF(area.left() + em * 1.6 + labelWidth + 0.5 * em, plotTop),
                      QPointF(area.right() - 1.2 * em, area.bottom() - 2.9 * em));
    const auto mapX = [&](double v) { return plot.left() + xAxis.fraction(v) * plot.width(); };
    const auto mapY = [&](double v) { return plot.bottom() - yAxis.fraction(v) * plot.height(); };

    // Grid, ticks and labels.
    painter.setPen(QPen(QColor(225, 225, 225), 1));
    for (double t : yAxis.ticks)
        painter.drawLine(QPointF(plot.left(), mapY(t)), QPointF(plot.right(), mapY(t)));
    for (double t : xAxis.ticks)
        painter.drawLine(QPointF(mapX(t), plot.top()), QPointF(mapX(t), plot.bottom()));
    painter.setPen(QPen(ink, 1));
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    painter.drawLine(plot.bottomLeft(), plot.topLeft());
    const bool powersOnly = yAxis.log && yAxis.ticks.size() > 12;
    for (double t : yAxis.ticks) {
        const double ty = mapY(t);
        painter.drawLine(QPointF(plot.left() - 4, ty), QPointF(plot.left(), ty));
        const bool power = std::abs(std::log10(t) - std::round(std::log10(t))) < 1e-9;
        if (powersOnly && !power)
            continue;
        painter.drawText(QRectF(plot.left() - 6 - labelWidth - em, ty - em, labelWidth + em, 2 * em),
                         Qt::AlignRight | Qt::AlignVCenter, tickText(t, yAxis.log));
    }
    for (double t : xAxis.ticks) {
        const double tx = mapX(t);
        painter.drawLine(QPointF(tx, plot.bottom()), QPointF(tx, plot.bottom() + 4));
        painter.drawText(QRectF(tx - 3 * em, plot.bottom() + 5, 6 * em, em), Qt::AlignHCenter | Qt::AlignTop,
                         tickText(t, false));
    }
    painter.drawText(QRectF(plot.left(), area.bottom() - 1.5 * em, plot.width(), 1.4 * em), Qt::AlignCenter,
                     Tr::tr("epoch"));
    painter.save();
    painter.translate(area.left() + 0.2 * em, plot.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-plot.height() / 2, 0, plot.height(), 1.3 * em), Qt::AlignCenter,
                     yAxis.log ? Tr::tr("loss (log scale)") : Tr::tr("loss"));
    painter.restore();

    // The curves, broken where a loss is not finite, at most four points per pixel column.
    const int columns = std::max(1, int(plot.width()));
    for (size_t i = 0; i < runs.size(); ++i) {
        for (const bool validation : {false, true}) {
            QPainterPath path;
            QList<QPointF> segment;
            const auto flush = [&] {
                const QList<QPointF> points = decimateMinMax(segment, xAxis.low, xAxis.high, columns);
                for (qsizetype p = 0; p < points.size(); ++p) {
                    const QPointF mapped(mapX(points[p].x()), mapY(points[p].y()));
                    if (p == 0)
                        path.moveTo(mapped);
                    else
                        path.lineTo(mapped);
                }
                if (points.size() == 1)
                    path.lineTo(path.currentPosition() + QPointF(0.01, 0));
                segment.clear();
            };
            for (const EpochRecord &e : runs[i].epochs) {
                const double v = validation ? e.validationLoss : e.trainLoss;
                if (std::isfinite(v) && (!yAxis.log || v > 0))
                    segment << QPointF(e.epoch, v);
                else if (!segment.isEmpty())
                    flush();
            }
            if (!segment.isEmpty())
                flush();
            painter.setPen(curvePen(runColor(i), 2.0, validation));
            painter.setBrush(Qt::NoBrush);
            painter.drawPath(path);
        }
    }
}

// QSvgGenerator writes one <text> per run of one script ("1 · linear · ", "α = 0.5", "基线"), each at the
// x where Qt's font put it; a browser with other fonts then draws the runs apart or overlapping. Runs of
// one drawText() call (consecutive <text> elements with the same attributes on the same baseline; the
// chart never draws two texts in a row on one baseline otherwise) become one element again.
QByteArray mergeTextRuns(const QByteArray &svg)
{
    static const QRegularExpression textRe(
        QStringLiteral("<text ([^>]*?) x=\"([^\"]*)\" y=\"([^\"]*)\"([^>]*)>([^<]*)</text>"));
    const QString in = QString::fromUtf8(svg);
    QString out;
    qsizetype last = 0;
    QRegularExpressionMatch open;   // the element being extended
    QString content;
    const auto flush = [&] {
        if (!open.hasMatch())
            return;
        out += QStringLiteral("<text %1 x=\"%2\" y=\"%3\"%4>%5</text>")
                   .arg(open.captured(1), open.captured(2), open.captured(3), open.captured(4), content);
        open = QRegularExpressionMatch();
    };
    for (auto it = textRe.globalMatch(in); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const QString between = in.mid(last, match.capturedStart() - last);
        const bool continues = open.hasMatch() && between.trimmed().isEmpty() && match.captured(1) == open.captured(1)
                               && match.captured(3) == open.captured(3) && match.captured(4) == open.captured(4)
                               && match.captured(2).toDouble() > open.captured(2).toDouble();
        if (continues) {
            content += match.captured(5);
        } else {
            flush();
            out += between;
            open = match;
            content = match.captured(5);
        }
        last = match.capturedEnd();
    }
    flush();
    out += in.mid(last);
    return out.toUtf8();
}

} // namespace

QByteArray renderRunCurvesSvg(const std::vector<RunRecord> &runs, QSize size)
{
    const QRectF frame(QPointF(0, 0), QSizeF(size));
    return mergeTextRuns(chartSvg(size, 96, Tr::tr("Loss curves"), [&](QPainter *p) { paintRunCurves(*p, runs, frame); }));
}

} // namespace fl

#include "ReportWriter.moc"
