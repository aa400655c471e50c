// Why one file (about 800 lines):
// One chart with two modes (losses, a metric), smoothing, a legend of what differs between runs, hover and
// export; its private Private keeps the series of every mode in step.

#include "RunOverlayChart.h"

#include "ChartAxes.h"
#include "ChartExport.h"
#include "ChartScales.h"
#include "CurveDecimator.h"
#include "Fonts.h"
#include "LegendStrip.h"
#include "RunHistoryModel.h"

#include "engine/core/Smoothing.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QCursor>
#include <QEvent>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QPainter>
#include <QPushButton>
#include <QSet>
#include <QStackedLayout>
#include <QTabBar>
#include <QTimer>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

namespace fl {

namespace {

constexpr double kLogFloor = 1e-12;  // QLogValueAxis hides a whole series holding a value ≤ 0
constexpr double kRawAlpha = 0.22;
constexpr double kExportScale = 2.0;
constexpr int kMaxLegendParameters = 4;

// Okabe–Ito without its yellow (too pale on white), then three of Paul Tol's muted colours: readable
// with the common colour-vision deficiencies and on a washed-out projector.
const QColor kPalette[] = {
    QColor(0, 114, 178),   QColor(213, 94, 0),   QColor(0, 158, 115),  QColor(204, 121, 167), QColor(230, 159, 0),
    QColor(86, 180, 233),  QColor(0, 0, 0),      QColor(136, 34, 85),  QColor(68, 170, 153),  QColor(153, 153, 51),
};
const QColor kKeyColor(90, 90, 90);  // the legend's "train / validation" samples

QColor runColor(size_t index)
{
    return kPalette[index % std::size(kPalette)];
}

// One run's curves, copied out of its record.
struct Run
{
    QString id;
    QString legend;
    QColor color;
    bool ranking = false;
    QString monitor;
    std::vector<double> epochs;                     // x of the loss curves
    std::vector<double> train;
    std::vector<double> validation;
    std::vector<double> metricEpochs;               // x of the metric curves
    QMap<QString, std::vector<double>> metrics;
};

// One drawn curve and the series it was given to.
struct Drawn
{
    size_t run = 0;
    RunOverlayChart::Curve curve = RunOverlayChart::Curve::Train;
    QLineSeries *main = nullptr;
    QLineSeries *raw = nullptr;
};

bool isSwitch(const ParameterColumn &column)
{
    return column.key.startsWith(QLatin1String("modality:"));
}

// "image off" for a modality switched on or off, "α (text) = 1.2" for everything else.
QString describeValue(const ParameterColumn &column, const QString &value)
{
    if (isSwitch(column))
        return column.title + QLatin1Char(' ') + value;
    return column.title + QStringLiteral(" = ") + value;
}

// Legend texts: the run's name, else what differs between the shown runs, else its label; runs that
// would read the same get their start time.
QStringList describeRuns(const std::vector<const RunRecord *> &records)
{
    const std::vector<ParameterColumn> columns = differingParameters(records);
    QStringList texts;
    for (size_t i = 0; i < records.size(); ++i) {
        const RunRecord &record = *records[i];
        if (!record.name.isEmpty()) {
            texts.append(record.name);
            continue;
        }
        // Switches ("image off") after values, as one says it: "α (text) = 1.2, image off".
        QStringList values, switches;
        for (const ParameterColumn &column : columns) {
            // A switched-off modality's weight is "—": "image off" says it already.
            if (i >= size_t(column.values.size()) || column.values[qsizetype(i)] == QStringLiteral("—"))
                continue;
            (isSwitch(column) ? switches : values).append(describeValue(column, column.values[qsizetype(i)]));
        }
        QStringList parts = values + switches;
        if (parts.size() > kMaxLegendParameters) {
            parts.resize(kMaxLegendParameters);
            parts.append(QStringLiteral("…"));
        }
        texts.append(parts.isEmpty() ? record.label() : parts.join(QStringLiteral(", ")));
    }
    const QStringList base = texts;
    for (qsizetype i = 0; i < texts.size(); ++i) {
        const QDateTime &started = records[size_t(i)]->started;
        if (base.count(base[i]) > 1 && started.isValid())
            texts[i] += QStringLiteral(" · ") + QLocale().toString(started.toLocalTime().time(), QLocale::LongFormat);
    }
    return texts;
}

QString numberField(double value)
{
    return QString::number(value, 'g', 17);
}

} // namespace

struct RunOverlayChart::Private : QObject
{
    explicit Private(RunOverlayChart *owner);

    QAbstractAxis *yAxis() const { return logScale ? static_cast<QAbstractAxis *>(yLog) : yLinear; }
    QLineSeries *addSeries(const QPen &pen);
    void rebuild();
    void fillMetricBox();
    QString effectiveMetric() const;
    // The x and y of a curve of a run; false when the run has no such curve.
    bool curveData(const Run &run, Curve curve, const std::vector<double> **x, const std::vector<double> **y) const;
    // The hover text of a curve near epoch x: "α (text) = 1.2\nepoch 57 · train loss 0.4312 (smoothed 0.4301)".
    QString describePoint(const Run &run, Curve curve, double x) const;
    void scheduleRedraw();
    void redraw();
    void flush() const;
    int measureColumns() const;
    void setYRange(const Extent &extent);
    void updateLegend();
    void updateHint();
    QSize prepareExport();
    void renderInto(QPainter *painter) const;

    RunOverlayChart *q;
    QTabBar *modeTabs = nullptr;
    QLabel *metricLabel = nullptr;
    QComboBox *metricBox = nullptr;
    QHBoxLayout *controls = nullptr;
    QCheckBox *logBox = nullptr;
    QPushButton *exportButton = nullptr;
    QStackedLayout *stack = nullptr;
    QWidget *figure = nullptr;
    QLabel *hint = nullptr;
    QChart *chart = nullptr;
    QChartView *view = nullptr;
    LegendStrip *legend = nullptr;
    QValueAxis *xAxis = nullptr;
    QValueAxis *yLinear = nullptr;
    QLogValueAxis *yLog = nullptr;
    QTimer redrawTimer;

    std::vector<RunRecord> records;  // the shown runs without their curves, for the legend
    std::vector<Run> runs;
    std::vector<Drawn> drawn;
    Mode mode = Mode::Loss;
    QString requestedMetric;
    double smoothing = 0;
    bool logScale = false;
    int columns = 0;
    bool dirty = true;
};

RunOverlayChart::Private::Private(RunOverlayChart *owner)
    : q(owner)
{
    const QFont base = q->font();

    auto *row = new QWidget(q);
    controls = new QHBoxLayout(row);
    controls->setContentsMargins(0, 0, 0, 0);
    modeTabs = new QTabBar(row);
    modeTabs->addTab(RunOverlayChart::tr("Loss"));
    modeTabs->addTab(RunOverlayChart::tr("Validation metric"));
    modeTabs->setDrawBase(false);
    modeTabs->setExpanding(false);
    modeTabs->setFocusPolicy(Qt::StrongFocus);
    modeTabs->setAccessibleName(RunOverlayChart::tr("Chart mode"));
    metricLabel = new QLabel(RunOverlayChart::tr("&Metric:"), row);
    metricBox = new QComboBox(row);
    metricBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    metricBox->setAccessibleName(RunOverlayChart::tr("Metric"));
    metricLabel->setBuddy(metricBox);
    logBox = new QCheckBox(RunOverlayChart::tr("&Log scale"), row);
    exportButton = new QPushButton(RunOverlayChart::tr("E&xport…"), row);
    exportButton->setToolTip(RunOverlayChart::tr("Save the chart as PNG or SVG, or its curves as CSV"));
    controls->addWidget(modeTabs);
    controls->addWidget(metricLabel);
    controls->addWidget(metricBox);
    controls->addStretch(1);
    controls->addWidget(logBox);
    controls->addWidget(exportButton);

    chart = newPlainChart();

    xAxis = newEpochAxis(RunOverlayChart::tr("epoch"));
    const LossAxes lossAxes = newLossAxes();
    yLinear = lossAxes.linear;
    yLog = lossAxes.log;
    styleAxes({xAxis, yLinear, yLog}, base);
    xAxis->setRange(1, 10);
    yLinear->setRange(0, 1);
    yLog->setRange(0.01, 1);
    yLog->setVisible(false);
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yLinear, Qt::AlignLeft);
    chart->addAxis(yLog, Qt::AlignLeft);

    figure = new QWidget(q);
    figure->setBackgroundRole(QPalette::Base);   // white, or dark in a dark palette
    figure->setAutoFillBackground(true);
    view = new QChartView(chart, figure);
    view->setRenderHint(QPainter::Antialiasing);
    view->setAccessibleName(RunOverlayChart::tr("Curves of the selected runs"));
    view->setMinimumSize(320, 180);
    legend = new LegendStrip(figure);
    auto *figureLayout = new QVBoxLayout(figure);
    figureLayout->setContentsMargins(0, 0, 0, 0);
    figureLayout->setSpacing(0);
    figureLayout->addWidget(view, 1);
    figureLayout->addWidget(legend);

    hint = new QLabel(q);
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    hint->setFont(sizedFont(base, 13));
    hint->setMargin(hint->fontMetrics().height());
    makeChartLabel(hint, true);

    auto *holder = new QWidget(q);
    stack = new QStackedLayout(holder);
    stack->addWidget(figure);
    stack->addWidget(hint);

    auto *layout = new QVBoxLayout(q);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(row);
    layout->addWidget(holder, 1);

    redrawTimer.setSingleShot(true);
    connect(&redrawTimer, &QTimer::timeout, this, [this] { redraw(); });
    connect(chart, &QChart::plotAreaChanged, this, [this](const QRectF &area) {
        if (std::max(1, int(area.width()) / 2) != columns && area.width() >= 32)
            scheduleRedraw();
    });
    connect(modeTabs, &QTabBar::currentChanged, this,
            [this](int index) { q->setMode(index == 1 ? Mode::Metric : Mode::Loss); });
    connect(metricBox, &QComboBox::activated, this,
            [this](int index) { q->setMetric(metricBox->itemData(index).toString()); });
    connect(logBox, &QCheckBox::toggled, this, [this](bool on) { q->setLogScale(on); });
    connect(exportButton, &QPushButton::clicked, q, &RunOverlayChart::exportRequested);

    metricLabel->setVisible(false);
    metricBox->setVisible(false);
    updateHint();
}

QLineSeries *RunOverlayChart::Private::addSeries(const QPen &pen)
{
    auto *series = new QLineSeries;
    series->setPen(pen);
    chart->addSeries(series);
    series->attachAxis(xAxis);
    series->attachAxis(yAxis());
    return series;
}

QString RunOverlayChart::Private::effectiveMetric() const
{
    const QStringList available = q->availableMetrics();
    if (available.isEmpty())
        return requestedMetric;
    if (available.contains(requestedMetric))
        return requestedMetric;
    for (const Run &run : runs) {
        if (run.ranking && available.contains(run.monitor))
            return run.monitor;
    }
    return available.front();
}

void RunOverlayChart::Private::fillMetricBox()
{
    const QStringList available = q->availableMetrics();
    const QString current = effectiveMetric();
    metricBox->clear();
    for (const QString &key : available)
        metricBox->addItem(RunHistoryModel::metricTitle(key), key);
    metricBox->setCurrentIndex(int(available.indexOf(current)));
    metricBox->setEnabled(!available.isEmpty());
}

bool RunOverlayChart::Private::curveData(const Run &run, Curve curve, const std::vector<double> **x,
                                         const std::vector<double> **y) const
{
    switch (curve) {
    case Curve::Train:
        *x = &run.epochs;
        *y = &run.train;
        return !run.epochs.empty();
    case Curve::Validation:
        *x = &run.epochs;
        *y = &run.validation;
        return !run.epochs.empty();
    case Curve::Metric: {
        auto it = run.metrics.constFind(effectiveMetric());
        if (!run.ranking || it == run.metrics.cend() || it->empty())
            return false;
        *x = &run.metricEpochs;
        *y = &*it;
        return true;
    }
    }
    return false;
}

// New series for the runs and mode shown (raw ones first, so that they lie under the smoothed ones).
void RunOverlayChart::Private::rebuild()
{
    for (const Drawn &d : drawn) {
        for (QLineSeries *series : {d.main, d.raw}) {
            chart->removeSeries(series);   // gives the series back to us
            const std::unique_ptr<QLineSeries> owned(series);
        }
    }
    drawn.clear();
    for (size_t i = 0; i < runs.size(); ++i) {
        const Run &run = runs[i];
        const std::vector<double> *x = nullptr, *y = nullptr;
        const std::vector<Curve> curves = mode == Mode::Loss ? std::vector<Curve>{Curve::Validation, Curve::Train}
                                                             : std::vector<Curve>{Curve::Metric};
        for (Curve curve : curves) {
            if (curveData(run, curve, &x, &y))
                drawn.push_back(Drawn{i, curve, nullptr, nullptr});
        }
    }
    // The legend names what differs between the runs drawn in this mode (in metric mode only the
    // ranking runs draw), not between every run handed over.
    std::vector<size_t> drawnRuns;
    for (const Drawn &d : drawn) {
        if (drawnRuns.empty() || drawnRuns.back() != d.run)
            drawnRuns.push_back(d.run);
    }
    std::vector<const RunRecord *> drawnRecords;
    for (size_t i : drawnRuns)
        drawnRecords.push_back(&records[i]);
    const QStringList texts = describeRuns(drawnRecords);
    for (size_t k = 0; k < drawnRuns.size(); ++k)
        runs[drawnRuns[k]].legend = texts[qsizetype(k)];
    for (Drawn &d : drawn)
        d.raw = addSeries(curvePen(withAlpha(runs[d.run].color, kRawAlpha), 1.5, false));
    for (Drawn &d : drawn) {
        d.main = addSeries(curvePen(runs[d.run].color, 2.5, d.curve == Curve::Validation));
        connect(d.main, &QXYSeries::hovered, this, [this, run = d.run, curve = d.curve](const QPointF &point, bool state) {
            if (state && run < runs.size())
                QToolTip::showText(QCursor::pos(), describePoint(runs[run], curve, point.x()), view);
            else
                QToolTip::hideText();
        });
    }
    if (mode == Mode::Metric)
        setAxisTitle(yLinear, RunHistoryModel::metricTitle(effectiveMetric()));
    else
        setAxisTitle(yLinear, RunOverlayChart::tr("loss"));
    setAxisTitle(yLog, RunOverlayChart::tr("%1, log scale").arg(yLinear->titleText()));
    updateLegend();
    updateHint();
    scheduleRedraw();
}

void RunOverlayChart::Private::updateLegend()
{
    QList<LegendStrip::Entry> entries;
    QSet<size_t> shown;
    for (const Drawn &d : drawn)
        shown.insert(d.run);
    for (size_t i = 0; i < runs.size(); ++i) {
        if (shown.contains(i))
            entries.append({curvePen(runs[i].color, 3, false), runs[i].legend});
    }
    if (!drawn.empty()) {
        if (mode == Mode::Loss) {
            entries.append({curvePen(kKeyColor, 2.5, false), RunOverlayChart::tr("train loss")});
            entries.append({curvePen(kKeyColor, 2.5, true), RunOverlayChart::tr("validation loss")});
        }
        if (smoothing > 0)
            entries.append({curvePen(withAlpha(kKeyColor, kRawAlpha + 0.1), 1.5, false), RunOverlayChart::tr("unsmoothed")});
    }
    legend->setEntries(entries);
}

void RunOverlayChart::Private::updateHint()
{
    QString text;
    if (runs.empty())
        text = RunOverlayChart::tr("Select runs in the table to compare their curves.");
    else if (drawn.empty() && mode == Mode::Metric)
        text = RunOverlayChart::tr("None of the shown runs has validation metrics: only ranking models record them "
                                   "at every epoch. Select a ranking run, or show the loss.");
    else if (drawn.empty())
        text = RunOverlayChart::tr("The shown runs have no epochs to draw.");
    hint->setText(text);
    stack->setCurrentWidget(text.isEmpty() ? figure : static_cast<QWidget *>(hint));
}

QString RunOverlayChart::Private::describePoint(const Run &run, Curve curve, double x) const
{
    const std::vector<double> *xs = nullptr, *ys = nullptr;
    if (!curveData(run, curve, &xs, &ys) || xs->empty())
        return QString();
    auto it = std::lower_bound(xs->cbegin(), xs->cend(), x);
    if (it == xs->cend() || (it != xs->cbegin() && x - *(it - 1) < *it - x))
        it = it == xs->cbegin() ? it : it - 1;
    const size_t i = size_t(it - xs->cbegin());
    const QString what = curve == Curve::Train        ? RunOverlayChart::tr("train loss")
                         : curve == Curve::Validation ? RunOverlayChart::tr("validation loss")
                                                      : RunHistoryModel::metricTitle(effectiveMetric());
    QString text = RunOverlayChart::tr("epoch %1 · %2 %3")
                       .arg(QLocale().toString(qint64((*xs)[i])), what, RunHistoryModel::formatValue((*ys)[i]));
    if (smoothing > 0) {
        const std::vector<double> smoothed = smoothDebiasedEma(*ys, smoothing);
        text += QLatin1Char(' ') + RunOverlayChart::tr("(smoothed %1)").arg(RunHistoryModel::formatValue(smoothed[i]));
    }
    return run.legend + QLatin1Char('\n') + text;
}

void RunOverlayChart::Private::scheduleRedraw()
{
    dirty = true;
    if (!redrawTimer.isActive())
        redrawTimer.start(0);
}

void RunOverlayChart::Private::flush() const
{
    if (dirty)
        const_cast<Private *>(this)->redraw();
}

int RunOverlayChart::Private::measureColumns() const
{
    // One column per two pixels: with at most four points a column, two points per pixel.
    const int width = int(chart->plotArea().width()) / 2;
    return width >= 16 ? width : std::max(256, view->width() / 2);
}

void RunOverlayChart::Private::redraw()
{
    redrawTimer.stop();
    dirty = false;
    columns = measureColumns();

    double lastEpoch = 2;
    for (const Drawn &d : drawn) {
        const std::vector<double> *x = nullptr, *y = nullptr;
        if (curveData(runs[d.run], d.curve, &x, &y) && !x->empty())
            lastEpoch = std::max(lastEpoch, x->back());
    }
    setEpochAxisRange(xAxis, lastEpoch, 2.0 * columns);   // a column is two pixels

    Extent extent;
    auto toPoints = [&](const std::vector<double> &x, const std::vector<double> &y) {
        QList<QPointF> points;
        points.reserve(qsizetype(y.size()));
        for (size_t i = 0; i < y.size() && i < x.size(); ++i) {
            if (std::isfinite(y[i]))
                points.append(QPointF(x[i], y[i]));
        }
        QList<QPointF> decimated = decimateMinMax(points, 1.0, lastEpoch, columns);
        for (QPointF &p : decimated) {
            if (!logScale || p.y() > 0)
                extent.add(p.y());
            if (logScale)
                p.setY(std::max(p.y(), kLogFloor));
        }
        return decimated;
    };
    for (const Drawn &d : drawn) {
        const std::vector<double> *x = nullptr, *y = nullptr;
        curveData(runs[d.run], d.curve, &x, &y);
        if (smoothing > 0) {
            d.main->replace(toPoints(*x, smoothDebiasedEma(*y, smoothing)));
            d.raw->replace(toPoints(*x, *y));
            d.raw->setVisible(true);
        } else {
            d.main->replace(toPoints(*x, *y));
            d.raw->clear();
            d.raw->setVisible(false);
        }
    }
    setYRange(extent);
}

void RunOverlayChart::Private::setYRange(const Extent &extent)
{
    if (logScale) {
        setLogAxisRange(yLog, extent);
        return;
    }
    const LinearAxisRange range = linearAxisRange(extent, maxYLabels(chart, yLinear));
    if (range.step > 0) {
        yLinear->setLabelFormat(QStringLiteral("%.%1g").arg(range.digits));
        setAxisRange(yLinear, range.low, range.high, range.step);   // before the ticks turn dynamic
        yLinear->setTickType(QValueAxis::TicksDynamic);
        return;
    }
    setPlainAxisRange(yLinear, range.low, range.high);
}

QSize RunOverlayChart::Private::prepareExport()
{
    if (!q->isVisible()) {
        figure->resize(960, 600);
        figure->layout()->activate();
        chart->resize(view->size());
    }
    chart->layout()->activate();
    redraw();
    chart->layout()->activate();
    return figure->size();
}

void RunOverlayChart::Private::renderInto(QPainter *painter) const
{
    figure->render(painter, QPoint(), QRegion(), QWidget::DrawChildren);
}

RunOverlayChart::RunOverlayChart(QWidget *parent)
    : QWidget(parent)
    , m_d(std::make_unique<Private>(this))
{
}

RunOverlayChart::~RunOverlayChart() = default;

void RunOverlayChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        restyleChart(m_d->chart, font(), palette(), &m_penScale);
}

void RunOverlayChart::setRuns(const std::vector<RunRecord> &runs)
{
    m_d->records.clear();
    m_d->runs.clear();
    for (size_t i = 0; i < runs.size(); ++i) {
        const RunRecord &record = runs[i];
        // The legend needs the parameters only; the curves are copied once, below.
        RunRecord parameters = record;
        parameters.epochs = {};
        parameters.metricEpochs = {};
        parameters.metricCurves.clear();
        m_d->records.push_back(std::move(parameters));
        Run run;
        run.id = record.id;
        run.color = runColor(i);
        run.ranking = record.isRanking();
        run.monitor = record.config.model.monitor;
        run.epochs.reserve(record.epochs.size());
        run.train.reserve(record.epochs.size());
        run.validation.reserve(record.epochs.size());
        for (const EpochRecord &epoch : record.epochs) {
            run.epochs.push_back(epoch.epoch);
            run.train.push_back(epoch.trainLoss);
            run.validation.push_back(epoch.validationLoss);
        }
        run.metricEpochs.assign(record.metricEpochs.cbegin(), record.metricEpochs.cend());
        run.metrics = record.metricCurves;
        m_d->runs.push_back(std::move(run));
    }
    m_d->fillMetricBox();
    m_d->rebuild();
}

QStringList RunOverlayChart::runIds() const
{
    QStringList ids;
    for (const Run &run : m_d->runs)
        ids.append(run.id);
    return ids;
}

void RunOverlayChart::setMode(Mode mode)
{
    if (mode == m_d->mode)
        return;
    m_d->mode = mode;
    {
        const QSignalBlocker blocker(m_d->modeTabs);
        m_d->modeTabs->setCurrentIndex(mode == Mode::Metric ? 1 : 0);
    }
    m_d->metricLabel->setVisible(mode == Mode::Metric);
    m_d->metricBox->setVisible(mode == Mode::Metric);
    m_d->rebuild();
    Q_EMIT modeChanged(mode);
}

RunOverlayChart::Mode RunOverlayChart::mode() const
{
    return m_d->mode;
}

void RunOverlayChart::setMetric(const QString &key)
{
    if (key == m_d->requestedMetric)
        return;
    const QString before = m_d->effectiveMetric();
    m_d->requestedMetric = key;
    m_d->fillMetricBox();
    if (m_d->effectiveMetric() != before && m_d->mode == Mode::Metric)
        m_d->rebuild();
}

QString RunOverlayChart::metric() const
{
    return m_d->effectiveMetric();
}

QStringList RunOverlayChart::availableMetrics() const
{
    QStringList keys;
    for (const Run &run : m_d->runs) {
        if (!run.ranking)
            continue;
        for (auto it = run.metrics.cbegin(); it != run.metrics.cend(); ++it) {
            if (!it->empty())
                keys.append(it.key());
        }
    }
    return RunHistoryModel::orderedMetricKeys(keys);
}

void RunOverlayChart::setSmoothing(double weight)
{
    weight = std::isfinite(weight) ? std::clamp(weight, 0.0, 0.999) : 0.0;
    if (weight == m_d->smoothing)
        return;
    const bool legendChanges = (weight > 0) != (m_d->smoothing > 0);
    m_d->smoothing = weight;
    if (legendChanges)
        m_d->updateLegend();
    m_d->scheduleRedraw();
}

double RunOverlayChart::smoothing() const
{
    return m_d->smoothing;
}

void RunOverlayChart::setLogScale(bool on)
{
    if (on == m_d->logScale)
        return;
    // The log axis must never see a value ≤ 0: the series are emptied before the axes swap and
    // refilled (clamped) after.
    for (const Drawn &d : m_d->drawn) {
        d.main->clear();
        d.raw->clear();
    }
    QAbstractAxis *previous = m_d->yAxis();
    m_d->logScale = on;
    for (QAbstractSeries *series : m_d->chart->series()) {
        series->detachAxis(previous);
        series->attachAxis(m_d->yAxis());
    }
    previous->setVisible(false);
    m_d->yAxis()->setVisible(true);
    {
        const QSignalBlocker blocker(m_d->logBox);
        m_d->logBox->setChecked(on);
    }
    m_d->redraw();
}

bool RunOverlayChart::logScale() const
{
    return m_d->logScale;
}

void RunOverlayChart::addControl(QWidget *widget)
{
    // After the stretch (and earlier controls), before the log-scale box and the export button.
    m_d->controls->insertWidget(m_d->controls->indexOf(m_d->logBox), widget);
}

QList<QPointF> RunOverlayChart::shownPoints(const QString &runId, Curve curve, bool raw) const
{
    m_d->flush();
    for (const Drawn &d : m_d->drawn) {
        if (d.curve == curve && m_d->runs[d.run].id == runId) {
            const QLineSeries *series = raw ? d.raw : d.main;
            return series->isVisible() ? series->points() : QList<QPointF>();
        }
    }
    return {};
}

QString RunOverlayChart::describeEpoch(const QString &runId, Curve curve, int epoch) const
{
    for (const Drawn &d : m_d->drawn) {
        if (d.curve == curve && m_d->runs[d.run].id == runId)
            return m_d->describePoint(m_d->runs[d.run], curve, epoch);
    }
    return QString();
}

int RunOverlayChart::visibleSeriesCount() const
{
    m_d->flush();
    int count = 0;
    for (const Drawn &d : m_d->drawn) {
        for (const QLineSeries *series : {d.main, d.raw}) {
            if (series->isVisible() && series->count() > 0)
                ++count;
        }
    }
    return count;
}

QStringList RunOverlayChart::legendTexts() const
{
    QStringList texts;
    for (const LegendStrip::Entry &entry : m_d->legend->entries())
        texts.append(entry.text);
    return texts;
}

QString RunOverlayChart::hintText() const
{
    return m_d->stack->currentWidget() == m_d->hint ? m_d->hint->text() : QString();
}

int RunOverlayChart::plotColumns() const
{
    m_d->flush();
    return m_d->columns;
}

bool RunOverlayChart::exportPng(const QString &path, QString *error) const
{
    return writeChartPng(path, m_d->prepareExport(), kExportScale, [this](QPainter *painter) { m_d->renderInto(painter); },
                         error);
}

bool RunOverlayChart::exportSvg(const QString &path, QString *error) const
{
    return writeChartSvg(path, m_d->prepareExport(), logicalDpiX(), tr("Run comparison"),
                         [this](QPainter *painter) { m_d->renderInto(painter); }, error);
}

bool RunOverlayChart::exportCsv(const QString &path, QString *error) const
{
    struct Column
    {
        QString header;
        std::map<int, double> values;  // epoch → value
    };
    std::vector<Column> columns;
    std::map<int, bool> epochs;
    const double w = m_d->smoothing;
    const QString smoothedSuffix = QStringLiteral(" (smoothed %1)").arg(QString::number(w, 'g', 3));
    for (const Run &run : m_d->runs) {
        const std::vector<Curve> curves = m_d->mode == Mode::Loss ? std::vector<Curve>{Curve::Train, Curve::Validation}
                                                                  : std::vector<Curve>{Curve::Metric};
        for (Curve curve : curves) {
            const std::vector<double> *x = nullptr, *y = nullptr;
            if (!m_d->curveData(run, curve, &x, &y))
                continue;
            const QString name = curve == Curve::Train        ? QStringLiteral("train_loss")
                                 : curve == Curve::Validation ? QStringLiteral("val_loss")
                                                              : m_d->effectiveMetric();
            Column rawColumn{run.legend + QStringLiteral(" · ") + name, {}};
            for (size_t i = 0; i < x->size() && i < y->size(); ++i) {
                rawColumn.values[int((*x)[i])] = (*y)[i];
                epochs[int((*x)[i])] = true;
            }
            columns.push_back(std::move(rawColumn));
            if (w > 0) {
                const std::vector<double> smoothed = smoothDebiasedEma(*y, w);
                Column smoothColumn{run.legend + QStringLiteral(" · ") + name + smoothedSuffix, {}};
                for (size_t i = 0; i < x->size() && i < smoothed.size(); ++i)
                    smoothColumn.values[int((*x)[i])] = smoothed[i];
                columns.push_back(std::move(smoothColumn));
            }
        }
    }
    QByteArray out("epoch");
    for (const Column &column : columns)
        out += ',' + csvField(column.header);
    out += '\n';
    for (const auto &[epoch, unused] : epochs) {
        Q_UNUSED(unused)
        out += QByteArray::number(epoch);
        for (const Column &column : columns) {
            out += ',';
            auto it = column.values.find(epoch);
            if (it != column.values.end())
                out += numberField(it->second).toUtf8();
        }
        out += '\n';
    }
    return writeChartFile(path, out, error);
}

} // namespace fl
