#include "RunChartView.h"

#include "ChartAxes.h"
#include "ChartExport.h"
#include "ChartScales.h"
#include "CurveDecimator.h"

#include "engine/core/CsvWriter.h"

#include <QBoxLayout>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QEvent>
#include <QGraphicsLayout>
#include <QLineSeries>
#include <QPainter>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>

namespace fl {

namespace {

constexpr int kRedrawIntervalMs = 33;    // at most ~30 redraws a second
constexpr double kGhostAlpha[] = {0.35, 0.25, 0.18};   // most recent ghost first
constexpr double kExportScale = 2.0;     // PNG export resolution relative to the screen

} // namespace

RunChartView::RunChartView(const QString &redrawTimerName, QWidget *parent)
    : QWidget(parent)
{
    m_chart = newPlainChart();
    m_xAxis = newEpochAxis(tr("epoch"));
    styleAxes({m_xAxis}, font());
    m_xAxis->setRange(1, m_xEnd);
    m_chart->addAxis(m_xAxis, Qt::AlignBottom);

    m_redrawTimer.setSingleShot(true);
    m_redrawTimer.setObjectName(redrawTimerName);
    connect(&m_redrawTimer, &QTimer::timeout, this, [this] { redraw(); });
}

RunChartView::~RunChartView() = default;

void RunChartView::addChartTo(QBoxLayout *layout)
{
    m_view = new QChartView(m_chart, layout->parentWidget());
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_legend = new LegendStrip(layout->parentWidget());
    layout->addWidget(m_view, 1);
    layout->addWidget(m_legend);
}

double RunChartView::ghostAlpha(int ghost)
{
    return kGhostAlpha[std::clamp(ghost, 0, int(std::size(kGhostAlpha)) - 1)];
}

QLineSeries *RunChartView::addLineSeries(const QPen &pen, QAbstractAxis *yAxis, const QString &name)
{
    auto *series = new QLineSeries;
    series->setPen(pen);
    if (!name.isEmpty())
        series->setName(name);
    m_chart->addSeries(series);
    series->attachAxis(m_xAxis);
    series->attachAxis(yAxis);
    return series;
}

LegendStrip::Entry RunChartView::ghostLegendEntry(const QColor &color, int ghosts) const
{
    return {curvePen(withAlpha(color, ghostAlpha(0)), 2, false), ghosts == 1 ? tr("previous run") : tr("previous runs")};
}

void RunChartView::scheduleRedraw()
{
    m_dirty = true;
    if (m_redrawTimer.isActive())
        return;
    const qint64 since = m_sinceRedraw.isValid() ? m_sinceRedraw.elapsed() : kRedrawIntervalMs;
    m_redrawTimer.start(int(std::clamp<qint64>(kRedrawIntervalMs - since, 0, kRedrawIntervalMs)));
}

void RunChartView::redrawSoon()
{
    m_dirty = true;
    m_redrawTimer.start(0);
}

void RunChartView::redraw(bool everything)
{
    m_redrawTimer.stop();
    m_sinceRedraw.start();
    m_dirty = false;
    updateChart(everything);
}

void RunChartView::redrawIfPending()
{
    if (m_dirty || m_redrawTimer.isActive())
        redraw();
}

RunChartView::EpochLayout RunChartView::layOutEpochs(int lastEpoch)
{
    // One column per two pixels: still a min and a max every other pixel, and half the points for Qt
    // Charts to lay out on every frame, which is what a redraw mostly costs. Before the first layout
    // the plot area is empty: decimate for the whole view instead.
    const int plotColumns = int(m_chart->plotArea().width()) / 2;
    const int columns = plotColumns >= 16 ? plotColumns : std::max(256, m_view->width() / 2);
    const double end = niceAxisEnd(lastEpoch);
    const EpochLayout changed{columns != m_columns, end != m_xEnd};
    m_columns = columns;
    m_xEnd = end;
    setEpochAxisRange(m_xAxis, m_xEnd, 2.0 * m_columns);   // a column is two pixels
    return changed;
}

const QList<QPointF> &RunChartView::decimate(CurveDecimator &decimator, const QList<QPointF> &points, bool coarse) const
{
    return decimator.update(points, 1.0, m_xEnd, coarse ? std::max(1, m_columns / 2) : m_columns);
}

QString RunChartView::hoverText(const QString &text, bool ghost, const QString &label)
{
    if (!ghost)
        return text;
    const QString title = label.isEmpty() ? tr("previous run") : tr("previous run: %1").arg(label);
    return title + QLatin1Char('\n') + text;
}

void RunChartView::showHoverText(bool state, const QString &text, bool ghost, const QString &label) const
{
    if (!state || text.isEmpty()) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(QCursor::pos(), hoverText(text, ghost, label), m_view);
}

QByteArray RunChartView::csvRunPrefix(int id, const QString &label)
{
    return QByteArray::number(id) + ',' + csvField(label) + ',';
}

QSize RunChartView::prepareExport()
{
    QWidget *figure = m_figure;
    if (!figure->isVisible()) {
        // Never shown, or behind another page: export at a slide-friendly size.
        if (!isVisible() || figure->width() < 200 || figure->height() < 150)
            figure->resize(960, 600);
        figure->layout()->activate();
        m_chart->resize(m_view->size());
    }
    m_chart->layout()->activate();
    redraw(true);
    m_chart->layout()->activate();
    return figure->size();
}

// The figure as on screen, antialiased also while a run streams.
void RunChartView::renderFigure(QPainter *painter) const
{
    const bool smooth = m_view->renderHints().testFlag(QPainter::Antialiasing);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_figure->render(painter, QPoint(), QRegion(), QWidget::DrawChildren);
    m_view->setRenderHint(QPainter::Antialiasing, smooth);
}

// An export is logically const: it draws what the chart holds, only sooner.
bool RunChartView::exportPng(const QString &path, QString *error) const
{
    const QSize size = const_cast<RunChartView *>(this)->prepareExport();
    return writeChartPng(path, size, kExportScale, [this](QPainter *painter) { renderFigure(painter); }, error);
}

bool RunChartView::exportSvg(const QString &path, QString *error) const
{
    const QSize size = const_cast<RunChartView *>(this)->prepareExport();
    return writeChartSvg(path, size, logicalDpiX(), exportTitle(), [this](QPainter *painter) { renderFigure(painter); },
                         error);
}

bool RunChartView::exportCsv(const QString &path, QString *error) const
{
    return writeChartFile(path, csvTable(), error);
}

void RunChartView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        restyle();
}

} // namespace fl
