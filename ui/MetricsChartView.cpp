// Why one file (about 700 lines):
// The metrics chart's own data path: a run's validation metrics arrive per epoch, each key's values become
// points, and the metric chosen by family and K is drawn with its cold-items twin, the best-epoch marker
// and the test read-out, all over one run's state. What it shares with the loss chart
// is RunChartView; its separable parts (MetricChooser, MetricRun, TestMetricsReadout) are files of their own.

#include "MetricsChartView.h"

#include "ChartAxes.h"
#include "ChartRuns.h"
#include "ChartScales.h"
#include "CurveDecimator.h"
#include "Fonts.h"
#include "LegendStrip.h"
#include "MetricChooser.h"
#include "MetricRun.h"
#include "RunValues.h"
#include "TestMetricsReadout.h"

#include "engine/core/CsvWriter.h"
#include "engine/models/ModelKind.h"

#include <QChart>
#include <QChartView>
#include <QFileDialog>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPen>
#include <QScatterSeries>
#include <QStackedWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace fl {

namespace {

// Okabe–Ito colours, distinct from the loss chart's blue and vermillion so the two charts side by side
// do not suggest the same quantity: bluish green for the metric, reddish purple (dashed) for its
// cold-start variant, near-black for the best-epoch marker.
const QColor kMetricColor(0, 158, 115);
const QColor kColdColor(204, 121, 167);
const QColor kBestColor(40, 40, 40);

QPen bestPen()
{
    QPen pen(withAlpha(kBestColor, 0.8), 2, Qt::SolidLine, Qt::FlatCap);
    pen.setDashPattern({4.0, 3.0});
    return pen;
}

// What one series of the chart shows: the displayed key's points of a run, decimated.
struct Curve
{
    QLineSeries *series = nullptr;
    CurveDecimator decimator;
    QList<QPointF> shown;   // points given to the series
    Extent shownExtent;
    bool stale = true;
};

// A run's metrics, and the curves of its series.
struct Run : MetricRun
{
    Curve main;   // the metric drawn
    Curve cold;   // its cold-start variant (the current run only)
};

} // namespace

// A QObject so that every connection made with it as context dies with it, before the chart does.
struct MetricsChartView::Private : QObject
{
    explicit Private(MetricsChartView *owner);

    QLineSeries *addSeries(const QPen &pen) { return q->addLineSeries(pen, yAxis); }
    void connectHover(QLineSeries *series, const Run *run);
    void rebuildSeries();
    void draw();   // RunChartView::updateChart
    void setYRange(const Extent &extent);
    void updateCurve(Curve &curve, const Run &run, const QString &curveKey, bool layoutChanged);
    void markAllStale();
    MetricBest bestOf(const Run &run) const { return run.best(key); }
    QString bestTextOf(const Run &run) const;
    static TestMetricsReadout::Results resultsOf(const Run &run);
    void updateLegendAndReadout();
    void updatePage();
    QString hint() const;
    const Run *keySource() const;
    QStringList availableKeys() const;
    // Offers the chooser the keys the runs have, and draws the key it picks, unless nothing changed.
    void refreshChooser();
    QString monitor() const { return runs.current() ? runs.current()->monitor : QString(); }
    void setKey(const QString &key);
    QString describe(const Run &run, int epoch) const;
    void showTooltip(const Run *run, const QPointF &point, bool state);
    void exportFromMenu(const QString &suffix);

    MetricsChartView *q;
    QStackedWidget *pages = nullptr;
    QLabel *hintLabel = nullptr;
    QWidget *content = nullptr;
    QSizePolicy hintPolicy;       // the pages' own policies, for when they are shown
    QSizePolicy contentPolicy;
    MetricChooser *chooser = nullptr;
    QWidget *figure = nullptr;     // what exports show: chart, legend, read-out
    TestMetricsReadout *readout = nullptr;
    QValueAxis *yAxis = nullptr;
    QLineSeries *bestLine = nullptr;
    QScatterSeries *bestDot = nullptr;

    ChartRuns<Run> runs;
    QString key;            // the metric drawn

    // The y axis the curves were last drawn on (the epoch axis and columns are RunChartView's).
    double yLow = 0;
    double yHigh = 1;
    int yDecimals = -1;
    int shownBestEpoch = 0;
    QString shownBestText;
};

MetricsChartView::Private::Private(MetricsChartView *owner)
    : q(owner)
{
    const QFont base = q->font();

    q->epochAxis()->setTickInterval(1);
    yAxis = new QValueAxis;
    setAxisTitle(yAxis, MetricsChartView::tr("validation metric"));
    yAxis->setTickType(QValueAxis::TicksDynamic);
    yAxis->setTickAnchor(0);
    yAxis->setLabelFormat(QStringLiteral("%.1f"));
    yAxis->setRange(yLow, yHigh);
    yAxis->setTickInterval(0.2);
    styleAxes({yAxis}, base);
    q->chart()->addAxis(yAxis, Qt::AlignLeft);

    pages = new QStackedWidget(q);
    hintLabel = new QLabel(pages);
    hintLabel->setAlignment(Qt::AlignCenter);
    hintLabel->setWordWrap(true);
    hintLabel->setFont(sizedFont(base, 14));
    hintLabel->setContentsMargins(24, 24, 24, 24);
    makeChartLabel(hintLabel, true);
    pages->addWidget(hintLabel);
    hintPolicy = hintLabel->sizePolicy();

    content = new QWidget(pages);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(0);

    chooser = new MetricChooser(content);

    figure = new QWidget(content);
    figure->setAutoFillBackground(true);
    figure->setBackgroundRole(QPalette::Base);   // white, or dark in a dark palette
    auto *figureLayout = new QVBoxLayout(figure);
    figureLayout->setContentsMargins(0, 0, 0, 0);
    figureLayout->setSpacing(0);
    q->addChartTo(figureLayout);
    QChartView *view = q->chartView();
    view->setAccessibleName(MetricsChartView::tr("Validation metrics"));
    readout = new TestMetricsReadout(figure);
    figureLayout->addWidget(readout);
    q->setFigure(figure);

    contentLayout->addWidget(chooser);
    contentLayout->addWidget(figure, 1);
    pages->addWidget(content);
    contentPolicy = content->sizePolicy();

    auto *layout = new QVBoxLayout(q);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(pages);

    connect(chooser, &MetricChooser::keyChosen, this, [this](const QString &chosen) { setKey(chosen); });

    connect(view, &QWidget::customContextMenuRequested, this, [this, view](const QPoint &pos) {
        QMenu menu(q);
        menu.addAction(MetricsChartView::tr("Export as &PNG…"), this, [this] { exportFromMenu(QStringLiteral("png")); });
        menu.addAction(MetricsChartView::tr("Export as &SVG…"), this, [this] { exportFromMenu(QStringLiteral("svg")); });
        menu.addAction(MetricsChartView::tr("Export as &CSV…"), this, [this] { exportFromMenu(QStringLiteral("csv")); });
        menu.exec(view->viewport()->mapToGlobal(pos));
    });

    // A new plot size changes the decimation columns and how many tick labels fit.
    connect(q->chart(), &QChart::plotAreaChanged, this, [this] { q->scheduleRedraw(); });

    rebuildSeries();
    updatePage();
}

void MetricsChartView::Private::connectHover(QLineSeries *series, const Run *run)
{
    connect(series, &QXYSeries::hovered, this,
            [this, run](const QPointF &point, bool state) { showTooltip(run, point, state); });
}

// Series are re-created whenever runs move (beginRun, clear): ghosts under the current run, oldest
// lowest, the marker on top.
void MetricsChartView::Private::rebuildSeries()
{
    QChart *chart = q->chart();
    chart->removeAllSeries();
    bestLine = nullptr;
    bestDot = nullptr;
    for (int i = runs.ghostCount() - 1; i >= 0; --i) {
        Run &ghost = *runs.ghost(i);
        const double alpha = ghostAlpha(i);
        ghost.main.series = addSeries(curvePen(withAlpha(kMetricColor, alpha), 2, false));
        ghost.main.series->setMarkerSize(6);
        ghost.cold.series = nullptr;   // ghosts show the chosen metric only
        connectHover(ghost.main.series, &ghost);
        ghost.main.stale = true;
    }
    if (Run *current = runs.current()) {
        current->cold.series = addSeries(curvePen(kColdColor, 3, true));
        current->cold.series->setMarkerSize(8);
        current->cold.series->setVisible(false);
        current->main.series = addSeries(curvePen(kMetricColor, 3, false));
        current->main.series->setMarkerSize(8);
        connectHover(current->main.series, current);
        connectHover(current->cold.series, current);
        current->main.stale = current->cold.stale = true;

        bestLine = addSeries(bestPen());
        bestLine->setVisible(false);
        bestDot = new QScatterSeries;
        bestDot->setMarkerShape(QScatterSeries::MarkerShapeCircle);
        bestDot->setMarkerSize(13);
        bestDot->setColor(kMetricColor);
        bestDot->setPen(QPen(kBestColor, 2));
        chart->addSeries(bestDot);
        bestDot->attachAxis(q->epochAxis());
        bestDot->attachAxis(yAxis);
        bestDot->setVisible(false);
    }
    shownBestEpoch = 0;
}

// The range metricAxisRange() gives, kept while it still fits (axisRangeStillFits), so that a curve
// creeping upwards re-labels the axis a few times, not on every epoch.
void MetricsChartView::Private::setYRange(const Extent &extent)
{
    const MetricAxisRange range = metricAxisRange(extent, maxYLabels(q->chart(), yAxis));
    if (!(range.step > 0))
        return;
    if (axisRangeStillFits(yLow, yHigh, range.low, range.high) && yDecimals >= 0)
        return;
    if (range.decimals != yDecimals) {
        yAxis->setLabelFormat(QStringLiteral("%.%1f").arg(range.decimals));
        yDecimals = range.decimals;
    }
    yLow = range.low;
    yHigh = range.high;
    // A hair higher: the top tick (0.12 = 6 × 0.02 in floating point) must not fall outside and lose
    // its label.
    setAxisRange(yAxis, range.low, range.high + 1e-6 * range.step, range.step);
}

void MetricsChartView::Private::updateCurve(Curve &curve, const Run &run, const QString &curveKey, bool layoutChanged)
{
    if (!curve.series || (!curve.stale && !layoutChanged))
        return;
    const QList<QPointF> *points = curveKey.isEmpty() ? nullptr : run.pointsOf(curveKey);
    if (points && !points->isEmpty()) {
        curve.shown = q->decimate(curve.decimator, *points);
    } else {
        curve.decimator.reset();
        curve.shown.clear();
    }
    curve.shownExtent = Extent();
    for (const QPointF &p : std::as_const(curve.shown))
        curve.shownExtent.add(p.y());
    // One replace() per redraw: QXYSeries::append re-lays the whole curve for every point.
    curve.series->replace(curve.shown);
    curve.series->setPointsVisible(!curve.shown.isEmpty() && curve.shown.size() <= dottedPoints);
    if (curve.series->pointsVisible()) {
        // Points inherit the curve's (possibly faded) colour.
        curve.series->setColor(curve.series->pen().color());
    }
    curve.stale = false;
}

void MetricsChartView::Private::markAllStale()
{
    for (const auto &ghost : runs.ghosts()) {
        ghost->main.stale = true;
        ghost->main.decimator.reset();
    }
    if (Run *current = runs.current()) {
        current->main.stale = current->cold.stale = true;
        current->main.decimator.reset();
        current->cold.decimator.reset();
    }
    q->scheduleRedraw();
}

void MetricsChartView::Private::draw()
{
    Run *current = runs.current();
    const MetricBest best = current ? bestOf(*current) : MetricBest();
    const EpochLayout layout = q->layOutEpochs(std::max(runs.lastEpoch(), best.epoch));
    const bool layoutChanged = layout.columnsChanged || layout.endChanged;

    Extent extent;
    for (const auto &ghost : runs.ghosts()) {
        updateCurve(ghost->main, *ghost, key, layoutChanged);
        extent.add(ghost->main.shownExtent);
    }
    if (current) {
        updateCurve(current->main, *current, key, layoutChanged);
        updateCurve(current->cold, *current, key.isEmpty() ? QString() : coldMetricName(key), layoutChanged);
        if (current->cold.series)
            current->cold.series->setVisible(!current->cold.shown.isEmpty());
        extent.add(current->main.shownExtent);
        extent.add(current->cold.shownExtent);
    }
    setYRange(extent);

    if (bestLine && bestDot) {
        bestLine->setVisible(best.epoch > 0);
        if (best.epoch > 0)
            bestLine->replace({QPointF(best.epoch, yLow), QPointF(best.epoch, yHigh)});
        // The dot sits on the drawn curve at the best epoch.
        double dotValue = std::numeric_limits<double>::quiet_NaN();
        if (best.epoch > 0 && current) {
            if (const MetricRecord *record = current->recordAt(best.epoch))
                dotValue = record->values.value(key, dotValue);
        }
        bestDot->setVisible(std::isfinite(dotValue));
        if (std::isfinite(dotValue))
            bestDot->replace({QPointF(best.epoch, dotValue)});
    }
    shownBestEpoch = best.epoch;
    updateLegendAndReadout();
}

QString MetricsChartView::Private::bestTextOf(const Run &run) const
{
    const MetricBest best = bestOf(run);
    if (best.epoch <= 0)
        return QString();
    if (!std::isfinite(best.value))
        return MetricsChartView::tr("best validation epoch %1").arg(QLocale().toString(best.epoch));
    QString text = MetricsChartView::tr("best %1 = %2 at epoch %3")
                       .arg(metricKeyTitle(best.key), formatMetricValue(best.value), QLocale().toString(best.epoch));
    if (best.key != key && !key.isEmpty()) {
        if (const MetricRecord *record = run.recordAt(best.epoch); record && record->values.contains(key)) {
            text = MetricsChartView::tr("%1 (%2 there: %3)")
                       .arg(text, metricKeyTitle(key), formatMetricValue(record->values.value(key)));
        }
    }
    return text;
}

TestMetricsReadout::Results MetricsChartView::Private::resultsOf(const Run &run)
{
    if (!run.finished)
        return {};
    return {run.test, run.engineBest, run.label.isEmpty() ? QString::number(run.id) : run.label};
}

void MetricsChartView::Private::updateLegendAndReadout()
{
    const Run *current = runs.current();
    QList<LegendStrip::Entry> entries;
    if (current && current->main.series && !current->main.shown.isEmpty())
        entries.append({curvePen(kMetricColor, 3, false), MetricsChartView::tr("validation %1").arg(metricKeyTitle(key))});
    if (current && current->cold.series && !current->cold.shown.isEmpty())
        entries.append({curvePen(kColdColor, 3, true), MetricsChartView::tr("validation %1").arg(metricKeyTitle(coldMetricName(key)))});
    const auto &ghosts = runs.ghosts();
    if (std::any_of(ghosts.cbegin(), ghosts.cend(), [](const auto &g) { return !g->main.shown.isEmpty(); }))
        entries.append(q->ghostLegendEntry(kMetricColor, runs.ghostCount()));
    shownBestText = current ? bestTextOf(*current) : QString();
    if (!shownBestText.isEmpty())
        entries.append({bestPen(), shownBestText});
    q->legend()->setEntries(entries);

    const bool waiting = current && current->records.isEmpty() && !current->monitor.isEmpty();
    readout->setResults(current ? resultsOf(*current) : TestMetricsReadout::Results(), key,
                        waiting ? MetricsChartView::tr("Waiting for the first validation epoch of this run…") : QString());
}

QString MetricsChartView::Private::hint() const
{
    const Run *current = runs.current();
    if (current && !current->records.isEmpty())
        return QString();
    if (!current || current->monitor.isEmpty()) {
        return MetricsChartView::tr("Ranking metrics appear here when a recommendation model trains (%1).\n"
                                    "The linear seed regression has none: its loss curve tells its story.")
            .arg(recommenderKindNames().join(QStringLiteral(", ")));
    }
    if (runs.ghostCount() == 0)
        return MetricsChartView::tr("Validation metrics appear here after the first epoch.");
    return QString();
}

void MetricsChartView::Private::updatePage()
{
    const QString text = hint();
    if (hintLabel->text() != text)
        hintLabel->setText(text);
    QWidget *shown = text.isEmpty() ? content : static_cast<QWidget *>(hintLabel);
    // A QStackedWidget is as wide as its widest page; the hidden page must not squeeze the docks
    // beside the chart (the chooser's combo boxes ask for ~400 px).
    const QSizePolicy hidden(QSizePolicy::Ignored, QSizePolicy::Ignored);
    hintLabel->setSizePolicy(shown == hintLabel ? hintPolicy : hidden);
    content->setSizePolicy(shown == content ? contentPolicy : hidden);
    pages->setCurrentWidget(shown);
}

// The run whose keys the chooser offers: the current one once it has metrics, else the latest ghost.
const Run *MetricsChartView::Private::keySource() const
{
    if (const Run *current = runs.current(); current && !current->keys().isEmpty())
        return current;
    for (const auto &ghost : runs.ghosts()) {
        if (!ghost->keys().isEmpty())
            return ghost.get();
    }
    return nullptr;
}

QStringList MetricsChartView::Private::availableKeys() const
{
    const Run *run = keySource();
    return run ? run->keys() : QStringList();
}

void MetricsChartView::Private::refreshChooser()
{
    const QStringList keys = availableKeys();
    if (keys == chooser->keys() && (key.isEmpty() || keys.contains(key)))
        return;
    setKey(chooser->offer(keys, monitor()));
}

void MetricsChartView::Private::setKey(const QString &next)
{
    if (next == key)
        return;
    key = next;
    // The axis says the metric, the legend that it is measured on the validation part: "validation
    // ndcg@10" alone was elided to "validation nd…" on a chart stacked under the loss.
    setAxisTitle(yAxis, key.isEmpty() ? MetricsChartView::tr("validation metric") : metricKeyTitle(key));
    markAllStale();
    Q_EMIT q->metricChanged(key);
}

QString MetricsChartView::Private::describe(const Run &run, int epoch) const
{
    const MetricRecord *it = nearestRecord(run.records, epoch);
    if (!it)
        return QString();
    QString text = MetricsChartView::tr("epoch %1").arg(QLocale().toString(it->epoch));
    for (const QString &shownKey : {key, coldMetricName(key)}) {
        if (!key.isEmpty() && it->values.contains(shownKey))
            text += MetricsChartView::tr(" · %1 %2").arg(metricKeyTitle(shownKey), formatMetricValue(it->values.value(shownKey)));
    }
    return text;
}

void MetricsChartView::Private::showTooltip(const Run *run, const QPointF &point, bool state)
{
    q->showHoverText(state, state ? describe(*run, int(std::lround(point.x()))) : QString(), run != runs.current(),
                     run->label);
}

void MetricsChartView::Private::exportFromMenu(const QString &suffix)
{
    QString filter;
    if (suffix == QLatin1String("png"))
        filter = MetricsChartView::tr("PNG image (*.png)");
    else if (suffix == QLatin1String("svg"))
        filter = MetricsChartView::tr("SVG drawing (*.svg)");
    else
        filter = MetricsChartView::tr("Metrics as CSV (*.csv)");
    const QString name = key.isEmpty() ? QStringLiteral("metrics") : QStringLiteral("metrics-") + QString(key).replace(QLatin1Char('@'), QLatin1Char('-'));
    const QString path = QFileDialog::getSaveFileName(q, MetricsChartView::tr("Export Metrics Chart"),
                                                      name + QLatin1Char('.') + suffix, filter);
    if (path.isEmpty())
        return;
    QString error;
    const bool ok = suffix == QLatin1String("png") ? q->exportPng(path, &error)
        : suffix == QLatin1String("svg")           ? q->exportSvg(path, &error)
                                                   : q->exportCsv(path, &error);
    if (!ok)
        QMessageBox::warning(q, MetricsChartView::tr("Export failed"), error);
}

MetricsChartView::MetricsChartView(QWidget *parent)
    : RunChartView(QStringLiteral("metricsChartRedraw"), parent)
    , m_d(std::make_unique<Private>(this))
{
}

MetricsChartView::~MetricsChartView() = default;

void MetricsChartView::updateChart(bool)
{
    m_d->draw();
}

void MetricsChartView::restyle()
{
    restyleChart(chart(), font(), palette(), &m_penScale);
}

void MetricsChartView::beginRun(int runId, const QString &label, const QString &monitor)
{
    Run *run = m_d->runs.begin(runId, label);
    if (!run)
        return;
    run->monitor = monitor;
    m_d->rebuildSeries();
    m_d->refreshChooser();
    m_d->markAllStale();
    m_d->updatePage();
}

void MetricsChartView::addMetrics(int runId, int epoch, const QMap<QString, double> &values)
{
    Run *run = m_d->runs.currentIf(runId);
    if (!run || values.isEmpty() || epoch <= run->lastEpoch())
        return;
    const bool first = run->records.isEmpty();
    const bool newKey = run->add(epoch, values);
    run->main.stale = run->cold.stale = true;
    if (newKey || first)
        m_d->refreshChooser();
    if (first) {
        m_d->updatePage();
        // A run's first point skips the rate limit; it still comes on the next pass of the event loop.
        redrawSoon();
        return;
    }
    scheduleRedraw();
}

void MetricsChartView::finishRun(int runId, int bestEpoch, const QMap<QString, double> &testMetrics)
{
    Run *run = m_d->runs.currentIf(runId);
    if (!run)
        return;
    run->finished = true;
    run->engineBest = std::max(bestEpoch, 0);
    run->test = testMetrics;
    scheduleRedraw();
}

void MetricsChartView::showRunSummary(int runId, const RunSummary &summary)
{
    finishRun(runId, summary.bestEpoch, summary.metrics);
}

void MetricsChartView::clear()
{
    m_d->runs.clear();
    m_d->rebuildSeries();
    m_d->refreshChooser();
    m_d->markAllStale();
    m_d->updatePage();
}

bool MetricsChartView::setMetric(const QString &key)
{
    if (!m_d->chooser->choose(key))
        return false;
    m_d->setKey(m_d->chooser->offer(m_d->chooser->keys(), m_d->monitor()));
    return true;
}

int MetricsChartView::currentRunId() const
{
    return m_d->runs.currentId();
}

int MetricsChartView::currentEpochCount() const
{
    return m_d->runs.current() ? int(m_d->runs.current()->records.size()) : 0;
}

int MetricsChartView::ghostCount() const
{
    return m_d->runs.ghostCount();
}

QString MetricsChartView::currentMetric() const
{
    return m_d->key;
}

QStringList MetricsChartView::availableMetrics() const
{
    return m_d->availableKeys();
}

// What is shown is brought up to date first: a read is logically const.
QList<QPointF> MetricsChartView::currentPoints() const
{
    const_cast<MetricsChartView *>(this)->redrawIfPending();
    return m_d->runs.current() ? m_d->runs.current()->main.shown : QList<QPointF>();
}

QList<QPointF> MetricsChartView::coldPoints() const
{
    const_cast<MetricsChartView *>(this)->redrawIfPending();
    return m_d->runs.current() ? m_d->runs.current()->cold.shown : QList<QPointF>();
}

bool MetricsChartView::coldCurveVisible() const
{
    const_cast<MetricsChartView *>(this)->redrawIfPending();
    const Run *current = m_d->runs.current();
    return current && current->cold.series && current->cold.series->isVisible();
}

QList<QPointF> MetricsChartView::ghostPoints(int ghost) const
{
    const_cast<MetricsChartView *>(this)->redrawIfPending();
    const Run *run = m_d->runs.ghost(ghost);
    return run ? run->main.shown : QList<QPointF>();
}

int MetricsChartView::bestEpoch() const
{
    const_cast<MetricsChartView *>(this)->redrawIfPending();
    return m_d->shownBestEpoch;
}

QString MetricsChartView::bestText() const
{
    const_cast<MetricsChartView *>(this)->redrawIfPending();
    return m_d->shownBestText;
}

QString MetricsChartView::testText() const
{
    const Run *current = m_d->runs.current();
    return current ? TestMetricsReadout::textOf(Private::resultsOf(*current), m_d->key) : QString();
}

QString MetricsChartView::hintText() const
{
    return m_d->pages->currentWidget() == m_d->hintLabel ? m_d->hintLabel->text() : QString();
}

QString MetricsChartView::describeEpoch(int epoch) const
{
    return m_d->runs.current() ? m_d->describe(*m_d->runs.current(), epoch) : QString();
}

QString MetricsChartView::exportTitle() const
{
    return tr("Validation metrics");
}

QByteArray MetricsChartView::csvTable() const
{
    const std::vector<Run *> runs = m_d->runs.oldestFirst();
    QStringList keys;
    for (const Run *run : runs) {
        for (const QString &k : run->keys()) {
            if (!keys.contains(k))
                keys.append(k);
        }
        if (run->finished) {
            for (auto it = run->test.cbegin(); it != run->test.cend(); ++it) {
                if (!keys.contains(it.key()))
                    keys.append(it.key());
            }
        }
    }
    std::sort(keys.begin(), keys.end(), chartKeyLess);

    QByteArray out("run,label,part,epoch");
    for (const QString &k : std::as_const(keys))
        out += ',' + csvField(k);
    out += '\n';
    auto appendValues = [&](const QMap<QString, double> &values) {
        for (const QString &k : std::as_const(keys)) {
            out += ',';
            if (const auto it = values.constFind(k); it != values.cend())
                out += QByteArray::number(it.value(), 'g', 17);
        }
        out += '\n';
    };
    for (const Run *run : runs) {
        const QByteArray prefix = csvRunPrefix(run->id, run->label);
        for (const MetricRecord &record : run->records) {
            out += prefix + "validation," + QByteArray::number(record.epoch);
            appendValues(record.values);
        }
        if (run->finished && !run->test.isEmpty()) {
            out += prefix + "test," + (run->engineBest > 0 ? QByteArray::number(run->engineBest) : QByteArray());
            appendValues(run->test);
        }
    }
    return out;
}

} // namespace fl
