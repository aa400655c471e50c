// Why one file (about 700 lines):
// The loss chart's own data path: a run's epochs arrive in batches, are sliced per event-loop pass,
// decimated into columns, clipped to the visible band, and drawn with the closed-form floor, the learning-
// rate markers and the divergence, all over one run's state. What it shares with the metrics chart is
// RunChartView; its separable parts (EpochMarkers, SlicedBatches, CurveClip) are files of their own.

#include "LossChartView.h"

#include "ChartAxes.h"
#include "ChartRuns.h"
#include "ChartScales.h"
#include "CurveClip.h"
#include "CurveDecimator.h"
#include "EpochMarkers.h"
#include "LegendStrip.h"
#include "RunValues.h"
#include "SlicedBatches.h"

#include <QAction>
#include <QChart>
#include <QChartView>
#include <QGraphicsScene>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QMenu>
#include <QPainter>
#include <QPen>
#include <QScatterSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

namespace fl {

namespace {

constexpr qsizetype kAppendSlice = 8192;  // epochs stored per pass of the event loop
constexpr double kLogFloor = 1e-12;       // QLogValueAxis hides a whole series holding a value ≤ 0

// Okabe–Ito colours: distinguishable with every common colour-vision deficiency. Vermillion rather
// than orange for validation because it keeps its contrast on a washed-out projector.
const QColor kTrainColor(0, 114, 178);
const QColor kValidationColor(213, 94, 0);

// In the palette's text colour: black on a light chart, white on a dark one.
QPen optimumPen(const QPalette &palette)
{
    QPen pen(withAlpha(chartText(palette), 0.85), 2.5 * chartPenScale(), Qt::SolidLine, Qt::FlatCap);
    pen.setDashPattern({1.0, 1.5});
    return pen;
}

// One loss curve: every finite point of it, and what the chart was last given.
struct Curve
{
    QList<QPointF> points;  // x = epoch, sorted
    CurveDecimator decimator;
    QLineSeries *series = nullptr;
    bool stale = true;      // the series needs new points
    int shown = 0;          // points given to the series
    Extent shownExtent;     // y range of those points
    QList<QPointF> decimated;  // what the series was given, before clipping to the band
    CurveBand band;         // the band of y the series' points were clipped to (linear axis)
};

struct Run
{
    int id = -1;
    QString label;
    QList<EpochRecord> records;
    Curve train;
    Curve validation;

    int lastEpoch() const { return records.isEmpty() ? 0 : records.back().epoch; }
};

constexpr int kMaxGhosts = ChartRuns<Run>::maxGhosts;

} // namespace

// A QObject so that every connection made with it as context dies with it, before the chart does.
struct LossChartView::Private : QObject
{
    explicit Private(LossChartView *owner);

    QAbstractAxis *yAxis() const { return logScale ? static_cast<QAbstractAxis *>(yLog) : yLinear; }
    QLineSeries *addSeries(const QPen &pen, const QString &name) { return q->addLineSeries(pen, yAxis(), name); }
    void createSeries();
    void assignSeries();
    void updateLegend();
    // Stores epochs [begin, end) of a batch in the current run.
    void appendNow(const QList<EpochRecord> &epochs, qsizetype begin, qsizetype end);
    void flushPending() { pending.takeAll(); }
    QPen validationPen(double alpha, double width) const;
    // Brings the series up to date (RunChartView::updateChart). Stale ghosts get their points one per
    // call unless `everything` (an export, a test reading what is shown), in which case all of them now.
    void draw(bool everything);
    void setYRange(const Extent &extent);
    // Hands the curve's decimated points to its series; a ghost (coarse) gets half the columns.
    void updateCurve(Curve &curve, bool layoutChanged, bool coarse = false);
    // Hands the series the curve's decimated points clipped to a band around the y axis' range.
    void replaceClipped(Curve &curve);
    void reclipCurves();
    static QString describe(const Run &run, int epoch);
    void showTooltip(const Run *run, const QPointF &point, bool state);
    // Colours from the widget's palette, fonts from its font, pens at chartPenScale(): after a
    // palette, font or presenter-mode change.
    void restyle();

    LossChartView *q;
    QValueAxis *yLinear = nullptr;
    QLogValueAxis *yLog = nullptr;
    QLineSeries *optimumSeries = nullptr;
    // The current run's points while it is short (dottedPoints), so that one Step shows one point.
    QScatterSeries *trainDots = nullptr;
    QScatterSeries *validationDots = nullptr;
    // The curves' series, made once in drawing order (the oldest ghost lowest, then newer ghosts, the
    // current run, the optimum on top). Runs move between them as they age: adding and removing
    // series made Qt Charts rebuild its axes and every label several times per new run, the longest
    // pause of the window after an α change.
    struct Slot
    {
        QLineSeries *train = nullptr;
        QLineSeries *validation = nullptr;
    };
    std::array<Slot, kMaxGhosts> ghostSlots;   // [0] is the newest ghost's
    Slot currentSlot;
    QAction *logAction = nullptr;
    QAction *exportAction = nullptr;
    SlicedBatches<EpochRecord> pending;   // batches of the current run not stored yet
    bool live = false;            // a run is streaming: cheaper pens and no antialiasing
    int yDigits = 0;              // significant digits of the linear axis' labels; 0: not dynamic

    ChartRuns<Run> runs;
    std::optional<double> optimum;
    EpochMarkers markers;   // learning-rate changes of the current run
    bool logScale = false;

    // The y axis the curves were last drawn on (the epoch axis and columns are RunChartView's).
    bool drawnLog = false;
    double yLow = 0;
    double yHigh = 1;
};

LossChartView::Private::Private(LossChartView *owner)
    : q(owner)
    , pending(kAppendSlice, QStringLiteral("lossChartAppend"),
              [this](const QList<EpochRecord> &epochs, qsizetype begin, qsizetype end) { appendNow(epochs, begin, end); },
              [this] { q->scheduleRedraw(); })
    , markers(owner->chart(), [this](const QPen &pen) { return addSeries(pen, QString()); })
{
    QChart *chart = q->chart();
    chart->setTitle(QString());

    const LossAxes lossAxes = newLossAxes();
    yLinear = lossAxes.linear;
    yLog = lossAxes.log;
    styleAxes({yLinear, yLog}, q->font());
    setAxisTitle(yLinear, LossChartView::tr("loss"));
    setAxisTitle(yLog, LossChartView::tr("loss (log scale)"));
    yLinear->setRange(yLow, yHigh);
    yLog->setRange(0.01, 1);
    // Both y axes stay in the chart and the unused one is hidden: removing an axis leaves its items to
    // a deferred delete, and an export made before the event loop runs would draw both.
    yLog->setVisible(false);
    chart->addAxis(yLinear, Qt::AlignLeft);
    chart->addAxis(yLog, Qt::AlignLeft);

    createSeries();
    applyChartPalette(chart, q->palette());

    auto *layout = new QVBoxLayout(q);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    q->addChartTo(layout);
    QChartView *view = q->chartView();
    // Every series changes shape many times a second: a spatial index of the scene would be rebuilt
    // on each change and never pay for itself (Qt's advice for dynamic scenes).
    view->scene()->setItemIndexMethod(QGraphicsScene::NoIndex);
    view->setOptimizationFlags(QGraphicsView::DontSavePainterState);
    view->setAccessibleName(LossChartView::tr("Loss curves"));

    logAction = new QAction(LossChartView::tr("Logarithmic loss axis"), q);
    logAction->setCheckable(true);
    connect(logAction, &QAction::toggled, this, [this](bool on) { q->setLogScale(on); });
    exportAction = new QAction(LossChartView::tr("Export…"), q);
    connect(exportAction, &QAction::triggered, this, [this] { Q_EMIT q->exportRequested(); });
    connect(view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(q);
        menu.addAction(logAction);
        menu.addSeparator();
        menu.addAction(exportAction);
        menu.exec(q->chartView()->viewport()->mapToGlobal(pos));
    });

    connect(chart, &QChart::plotAreaChanged, this, [this](const QRectF &area) {
        if (int(area.width()) != q->columns())
            q->scheduleRedraw();
        markers.placeLabels();
    });
}

void LossChartView::Private::createSeries()
{
    auto hover = [this](QLineSeries *series, int slot) {
        // slot: a ghost's index, or −1 for the current run.
        connect(series, &QXYSeries::hovered, this, [this, slot](const QPointF &point, bool state) {
            const Run *run = slot < 0 ? runs.current() : runs.ghost(slot);
            if (run)
                showTooltip(run, point, state);
        });
    };
    for (int i = kMaxGhosts - 1; i >= 0; --i) {
        Slot &slot = ghostSlots[size_t(i)];
        const double alpha = ghostAlpha(i);
        slot.validation = addSeries(validationPen(alpha, 2), QString());
        slot.train = addSeries(curvePen(withAlpha(kTrainColor, alpha), 2, false), QString());
        hover(slot.validation, i);
        hover(slot.train, i);
    }
    currentSlot.validation = addSeries(validationPen(1, 3), LossChartView::tr("validation loss"));
    currentSlot.train = addSeries(curvePen(kTrainColor, 3, false), LossChartView::tr("train loss"));
    hover(currentSlot.validation, -1);
    hover(currentSlot.train, -1);
    optimumSeries = addSeries(optimumPen(q->palette()), LossChartView::tr("closed-form optimum"));
    optimumSeries->setVisible(false);
    auto addDots = [this](const QColor &color) {
        auto *dots = new QScatterSeries;
        dots->setMarkerShape(QScatterSeries::MarkerShapeCircle);
        dots->setMarkerSize(9);
        dots->setColor(color);
        dots->setBorderColor(color);
        q->chart()->addSeries(dots);
        dots->attachAxis(q->epochAxis());
        dots->attachAxis(yAxis());
        return dots;
    };
    validationDots = addDots(kValidationColor);
    trainDots = addDots(kTrainColor);
}

// Gives each run the series of its place (current, newest ghost, …); a curve that changes series gets
// its points at the next redraw, and a place without a run is emptied.
void LossChartView::Private::assignSeries()
{
    auto bind = [](QLineSeries *series, Curve *curve) {
        if (!curve) {
            if (series->count() > 0)
                series->clear();
            return;
        }
        if (curve->series != series) {
            curve->series = series;
            curve->stale = true;
        }
    };
    for (int i = 0; i < kMaxGhosts; ++i) {
        Run *ghost = runs.ghost(i);
        bind(ghostSlots[size_t(i)].train, ghost ? &ghost->train : nullptr);
        bind(ghostSlots[size_t(i)].validation, ghost ? &ghost->validation : nullptr);
    }
    Run *current = runs.current();
    bind(currentSlot.train, current ? &current->train : nullptr);
    bind(currentSlot.validation, current ? &current->validation : nullptr);
    if (!current) {
        trainDots->clear();
        validationDots->clear();
    }
    optimumSeries->setVisible(current && optimum.has_value());
    updateLegend();
}

// Dashed when still; solid while a run streams, because stroking dashes along a min/max zigzag is the
// dearest part of a frame. The colours alone already tell the curves apart (Okabe–Ito).
QPen LossChartView::Private::validationPen(double alpha, double width) const
{
    return curvePen(withAlpha(kValidationColor, alpha), width, !live);
}

void LossChartView::Private::updateLegend()
{
    QList<LegendStrip::Entry> entries;
    if (runs.current()) {
        entries.append({curvePen(kTrainColor, 3, false), LossChartView::tr("train loss")});
        entries.append({validationPen(1, 3), LossChartView::tr("validation loss")});
    }
    if (optimumSeries && optimum)
        entries.append({optimumPen(q->palette()), LossChartView::tr("closed-form optimum")});
    if (runs.ghostCount() > 0)
        entries.append(q->ghostLegendEntry(kTrainColor, runs.ghostCount()));
    q->legend()->setEntries(entries);
}

void LossChartView::Private::restyle()
{
    const QPalette palette = q->palette();
    styleAxes({q->epochAxis(), yLinear, yLog}, q->font(), palette);
    applyChartPalette(q->chart(), palette);
    for (int i = 0; i < kMaxGhosts; ++i) {
        ghostSlots[size_t(i)].validation->setPen(validationPen(ghostAlpha(i), 2));
        ghostSlots[size_t(i)].train->setPen(curvePen(withAlpha(kTrainColor, ghostAlpha(i)), 2, false));
    }
    currentSlot.validation->setPen(validationPen(1, 3));
    currentSlot.train->setPen(curvePen(kTrainColor, 3, false));
    optimumSeries->setPen(optimumPen(palette));
    markers.restyle(q->font(), palette);
    updateLegend();
    q->legend()->update();
    q->scheduleRedraw();
}

void LossChartView::Private::setYRange(const Extent &extent)
{
    if (logScale) {
        const AxisRange decades = setLogAxisRange(yLog, extent);
        yDigits = 0;              // the linear axis is set afresh when it comes back
        yLow = decades.low;
        yHigh = decades.high;
        return;
    }

    const LinearAxisRange range = linearAxisRange(extent, maxYLabels(q->chart(), yLinear));
    if (range.step > 0) {
        // A falling loss re-labels the axis a few times rather than on every frame.
        if (yLinear->tickType() == QValueAxis::TicksDynamic && axisRangeStillFits(yLow, yHigh, range.low, range.high)
            && range.digits <= yDigits)
            return;
        if (range.digits != yDigits) {
            yLinear->setLabelFormat(QStringLiteral("%.%1g").arg(range.digits));
            yDigits = range.digits;
        }
        yLow = range.low;
        yHigh = range.high;
        // Range and interval first, dynamic ticks after: the interval kept from before a plain range
        // (1e300 wide, say) would otherwise be laid out over it.
        setAxisRange(yLinear, range.low, range.high, range.step);
        if (yLinear->tickType() != QValueAxis::TicksDynamic)
            yLinear->setTickType(QValueAxis::TicksDynamic);
        return;
    }
    // Losses near the limits of double: plain ticks, no rounding.
    yDigits = 0;
    yLow = range.low;
    yHigh = range.high;
    setPlainAxisRange(yLinear, range.low, range.high);
}

void LossChartView::Private::updateCurve(Curve &curve, bool layoutChanged, bool coarse)
{
    if (!curve.series || (!curve.stale && !layoutChanged))
        return;
    const QList<QPointF> &decimated = q->decimate(curve.decimator, curve.points, coarse);
    curve.shownExtent = Extent();
    if (logScale) {
        // A loss ≤ 0 is drawn at ε, below the axis range, which follows the positive values only:
        // on a log axis a zero loss heads off the bottom rather than squeezing every decade above it.
        QList<QPointF> clamped = decimated;
        for (QPointF &p : clamped) {
            if (p.y() > 0)
                curve.shownExtent.add(p.y());
            p.setY(std::max(p.y(), kLogFloor));
        }
        curve.series->replace(clamped);
    } else {
        for (const QPointF &p : decimated)
            curve.shownExtent.add(p.y());
        curve.decimated = decimated;
        replaceClipped(curve);
    }
    // Dots of their own series: a line series' markers are cut off at the end of its line.
    if (const Run *current = runs.current(); current && (&curve == &current->train || &curve == &current->validation)) {
        QScatterSeries *dots = &curve == &current->train ? trainDots : validationDots;
        if (decimated.size() <= dottedPoints)
            dots->replace(curve.series->points());
        else if (dots->count() > 0)
            dots->clear();
    }
    curve.shown = int(decimated.size());
    curve.stale = false;
}

void LossChartView::Private::replaceClipped(Curve &curve)
{
    curve.series->replace(curve.band.clip(curve.decimated, yLow, yHigh));
}

// After the y axis changed: a curve clipped to a band that no longer holds the axis' range with room to
// spare, or is too tall for it (far-off points again), or a curve not clipped that now reaches far
// beyond the axis, is clipped again (from its decimated points: no new decimation).
void LossChartView::Private::reclipCurves()
{
    if (logScale)
        return;
    auto check = [this](Curve &curve) {
        if (curve.series && !curve.stale && !curve.decimated.isEmpty() && curve.band.needsClipping(curve.shownExtent, yLow, yHigh))
            replaceClipped(curve);
    };
    for (Run *run : runs.oldestFirst()) {
        check(run->train);
        check(run->validation);
    }
}

void LossChartView::Private::draw(bool everything)
{
    const EpochLayout layout = q->layOutEpochs(std::max(runs.lastEpoch(), markers.lastEpoch()));
    const bool layoutChanged = layout.columnsChanged || layout.endChanged || logScale != drawnLog;
    // A ghost no longer grows, and the axis end is never below its last epoch: a longer x axis leaves
    // its decimation as fine as it needs to be. Only a new width or y scale redoes it.
    if (layout.columnsChanged || logScale != drawnLog) {
        for (const auto &ghost : runs.ghosts())
            ghost->train.stale = ghost->validation.stale = true;
    }
    drawnLog = logScale;

    // The y range follows the current run (and the optimum); ghosts may extend it downwards only, so
    // a diverged earlier run cannot flatten the run being watched. With no current points yet, it
    // follows the ghosts.
    //
    // Handing a series its points makes Qt Charts rebuild that series' path and shape, a few
    // milliseconds for a long curve: after a new run (every series is new) or a resize, the ghosts get
    // theirs one per pass of the event loop, after the current run's, so that no single pass does all.
    Extent currentExtent;
    Extent ghostExtent;
    bool ghostDone = false;
    bool ghostsWaiting = false;
    for (const auto &ghost : runs.ghosts()) {
        if (ghost->train.stale || ghost->validation.stale) {
            if (ghostDone && !everything) {
                ghostsWaiting = true;
            } else {
                // Faded and under the current run, a ghost is drawn from half as many points:
                // stroking the curves is most of a frame, and the ghosts are most of the curves.
                updateCurve(ghost->train, false, true);
                updateCurve(ghost->validation, false, true);
                ghostDone = true;
            }
        }
        ghostExtent.add(ghost->train.shownExtent);
        ghostExtent.add(ghost->validation.shownExtent);
    }
    if (Run *current = runs.current()) {
        updateCurve(current->train, layoutChanged);
        updateCurve(current->validation, layoutChanged);
        currentExtent.add(current->train.shownExtent);
        currentExtent.add(current->validation.shownExtent);
    }
    Extent extent;
    if (currentExtent.valid()) {
        extent = currentExtent;
        extent.low = std::min(extent.low, ghostExtent.low);
    } else {
        extent = ghostExtent;
    }
    std::optional<double> shownOptimum;
    if (optimum) {
        shownOptimum = logScale ? std::max(*optimum, kLogFloor) : *optimum;
        if (!logScale || *optimum > 0)
            extent.add(*optimum);
    }
    setYRange(extent);
    reclipCurves();

    if (optimumSeries && shownOptimum)
        optimumSeries->replace({QPointF(1, *shownOptimum), QPointF(q->epochAxisEnd(), *shownOptimum)});
    markers.setSpan(yLow, yHigh);
    if (ghostsWaiting)
        q->redrawSoon();
}

QString LossChartView::Private::describe(const Run &run, int epoch)
{
    const EpochRecord *record = nearestRecord(run.records, epoch);
    if (!record)
        return QString();
    return LossChartView::tr("epoch %1 · train %2 · validation %3")
        .arg(QLocale().toString(record->epoch), formatRunValue(record->trainLoss), formatRunValue(record->validationLoss));
}

void LossChartView::Private::showTooltip(const Run *run, const QPointF &point, bool state)
{
    q->showHoverText(state, state ? describe(*run, int(std::lround(point.x()))) : QString(), run != runs.current(),
                     run->label);
}

LossChartView::LossChartView(QWidget *parent)
    : RunChartView(QStringLiteral("lossChartRedraw"), parent)
    , m_d(std::make_unique<Private>(this))
{
}

LossChartView::~LossChartView() = default;

void LossChartView::updateChart(bool everything)
{
    m_d->draw(everything);
}

void LossChartView::restyle()
{
    m_d->restyle();
}

void LossChartView::reserveEpochs(int epochs)
{
    Run *run = m_d->runs.current();
    if (!run)
        return;
    const qsizetype room = std::min<qsizetype>(std::max(epochs, 0), qsizetype(1) << 24);
    if (room <= run->records.capacity())
        return;
    run->records.reserve(room);
    run->train.points.reserve(room);
    run->validation.points.reserve(room);
}

void LossChartView::setLive(bool live)
{
    if (m_d->live == live)
        return;
    m_d->live = live;
    chartView()->setRenderHint(QPainter::Antialiasing, !live);
    for (int i = 0; i < m_d->runs.ghostCount(); ++i) {
        if (QLineSeries *series = m_d->runs.ghost(i)->validation.series)
            series->setPen(m_d->validationPen(ghostAlpha(i), 2));
    }
    if (const Run *current = m_d->runs.current(); current && current->validation.series)
        current->validation.series->setPen(m_d->validationPen(1, 3));
    m_d->updateLegend();
    chartView()->viewport()->update();
}

void LossChartView::beginRun(int runId, const QString &label)
{
    m_d->flushPending();
    if (!m_d->runs.begin(runId, label))
        return;
    m_d->optimum.reset();
    m_d->markers.clear();
    m_d->assignSeries();
    scheduleRedraw();
}

void LossChartView::appendEpochs(int runId, const QList<EpochRecord> &epochs)
{
    Run *run = m_d->runs.currentIf(runId);
    if (!run || epochs.isEmpty())
        return;
    if (run->records.isEmpty() && m_d->pending.isEmpty()) {
        // A new run's first points skip the rate limit: the user just moved a slider and waits for
        // them. They still come on the next pass of the event loop, not inside this handler.
        m_d->appendNow(epochs, 0, epochs.size());
        redrawSoon();
        return;
    }
    // At a million epochs a second a batch holds tens of thousands of epochs, and storing them touches
    // megabytes of fresh memory: they go in by slices, one per pass of the event loop, so no single
    // pass holds the window up.
    m_d->pending.append(epochs);
}

void LossChartView::Private::appendNow(const QList<EpochRecord> &epochs, qsizetype begin, qsizetype end)
{
    Run *run = runs.current();
    if (!run)
        return;
    for (qsizetype i = begin; i < end; ++i) {
        const EpochRecord &record = epochs[i];
        if (run->lastEpoch() > 0 && record.epoch <= run->lastEpoch())
            continue;
        run->records.append(record);
        if (std::isfinite(record.trainLoss))
            run->train.points.append(QPointF(record.epoch, record.trainLoss));
        if (std::isfinite(record.validationLoss))
            run->validation.points.append(QPointF(record.epoch, record.validationLoss));
    }
    run->train.stale = run->validation.stale = true;
}

void LossChartView::setOptimum(int runId, double optimumTrainLoss)
{
    if (!m_d->runs.currentIf(runId) || !std::isfinite(optimumTrainLoss))
        return;
    const bool created = !m_d->optimum;
    m_d->optimum = optimumTrainLoss;
    if (created && m_d->optimumSeries) {
        m_d->optimumSeries->setVisible(true);
        m_d->updateLegend();
    }
    scheduleRedraw();
}

void LossChartView::markLearningRateChange(int runId, int epoch, double learningRate)
{
    if (!m_d->runs.currentIf(runId))
        return;
    m_d->markers.set(epoch, tr("η = %1").arg(QLocale().toString(learningRate, 'g', 4)), font(), palette());
    scheduleRedraw();
}

void LossChartView::truncateRun(int runId, int epochs)
{
    m_d->flushPending();
    Run *run = m_d->runs.currentIf(runId);
    if (!run)
        return;
    while (!run->records.isEmpty() && run->records.back().epoch > epochs)
        run->records.removeLast();
    for (Curve *curve : {&run->train, &run->validation}) {
        while (!curve->points.isEmpty() && curve->points.back().x() > epochs)
            curve->points.removeLast();
        curve->decimator.reset();   // it extends a curve that only grew
        curve->stale = true;
    }
    scheduleRedraw();
}

void LossChartView::clear()
{
    m_d->pending.clear();
    m_d->runs.clear();
    m_d->optimum.reset();
    m_d->markers.clear();
    m_d->assignSeries();
    scheduleRedraw();
}

void LossChartView::setLogScale(bool on)
{
    if (on == m_d->logScale)
        return;
    m_d->logScale = on;
    // The log axis must never see a value ≤ 0: into log mode, the clamped points and the new range go
    // in before the axis swap; out of it, after.
    if (on)
        redraw(true);
    QAbstractAxis *previous = on ? static_cast<QAbstractAxis *>(m_d->yLinear) : m_d->yLog;
    const QList<QAbstractSeries *> series = chart()->series();
    for (QAbstractSeries *s : series) {
        s->detachAxis(previous);
        s->attachAxis(m_d->yAxis());
    }
    previous->setVisible(false);
    m_d->yAxis()->setVisible(true);
    if (!on)
        redraw(true);
    m_d->logAction->setChecked(on);
    Q_EMIT logScaleChanged(on);
}

bool LossChartView::logScale() const
{
    return m_d->logScale;
}

QAction *LossChartView::logScaleAction() const
{
    return m_d->logAction;
}

int LossChartView::currentRunId() const
{
    return m_d->runs.currentId();
}

int LossChartView::currentEpochCount() const
{
    m_d->flushPending();
    return m_d->runs.current() ? int(m_d->runs.current()->records.size()) : 0;
}

int LossChartView::ghostCount() const
{
    return m_d->runs.ghostCount();
}

int LossChartView::markerCount() const
{
    return m_d->markers.count();
}

int LossChartView::displayedPointCount() const
{
    int count = 0;
    for (const Run *run : m_d->runs.oldestFirst())
        count += run->train.shown + run->validation.shown;
    return count;
}

int LossChartView::currentDisplayedPointCount() const
{
    const Run *current = m_d->runs.current();
    return current ? current->train.shown + current->validation.shown : 0;
}

QWidget *LossChartView::plotWidget() const
{
    return chartView()->viewport();
}

int LossChartView::plotColumns() const
{
    return columns();
}

QString LossChartView::describeEpoch(int epoch) const
{
    m_d->flushPending();
    return m_d->runs.current() ? Private::describe(*m_d->runs.current(), epoch) : QString();
}

QList<EpochRecord> LossChartView::currentEpochs() const
{
    m_d->flushPending();
    return m_d->runs.current() ? m_d->runs.current()->records : QList<EpochRecord>();
}

QSize LossChartView::prepareExport()
{
    m_d->flushPending();
    return RunChartView::prepareExport();
}

QString LossChartView::exportTitle() const
{
    return tr("Loss curves");
}

QByteArray LossChartView::csvTable() const
{
    QByteArray out("run,label,epoch,train_loss,val_loss,learning_rate\n");
    for (const Run *run : m_d->runs.oldestFirst()) {
        const QByteArray prefix = csvRunPrefix(run->id, run->label);
        for (const EpochRecord &r : run->records) {
            out += prefix;
            out += QByteArray::number(r.epoch) + ',';
            out += QByteArray::number(r.trainLoss, 'g', 17) + ',';
            out += QByteArray::number(r.validationLoss, 'g', 17) + ',';
            out += QByteArray::number(r.learningRate, 'g', 17) + '\n';
        }
    }
    return out;
}

} // namespace fl
