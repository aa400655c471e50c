#pragma once

// The base of the live run charts, LossChartView and MetricsChartView: a chart with its epoch axis,
// the view it is shown in and a legend strip; redraws coalesced to at most ~30 a second; the pixel
// columns curves are min–max decimated for and the epoch axis they are laid out on; the hover read-out
// of a run's curve; and the PNG, SVG and CSV exports. A view keeps its runs in a ChartRuns of its own
// Run type, creates its own series and y axis, and implements the hooks:
//   updateChart(everything)  brings its series up to date (called by redraw(), never directly);
//   restyle()                follows a palette or font change;
//   exportTitle()            the SVG's title, csvTable() the CSV's contents.
// The PNG and SVG show the view itself, or the figure set with setFigure() (the chart, its legend, and
// what goes with them).
//
// Qt Charts types are only declared here; the views include them in their .cpp files, so that the
// charts can move to Qt Graphs without touching their users.

#include "LegendStrip.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QPointF>
#include <QSize>
#include <QString>
#include <QTimer>
#include <QWidget>

class QAbstractAxis;
class QBoxLayout;
class QChart;
class QChartView;
class QLineSeries;
class QPainter;
class QValueAxis;

namespace fl {

class CurveDecimator;

class RunChartView : public QWidget
{
    Q_OBJECT

public:
    ~RunChartView() override;

    // Exports bring the chart up to date first and show the figure as on screen (a figure not
    // shown, or too small to read, is drawn at 960×600). On failure they return false, leave no
    // partial file (QSaveFile), and set *error (if given) to a message naming the file.
    bool exportPng(const QString &path, QString *error) const;  // at twice the on-screen resolution
    bool exportSvg(const QString &path, QString *error) const;
    bool exportCsv(const QString &path, QString *error) const;  // csvTable()

protected:
    // redrawTimerName names the redraw timer (event profiles list timers by name).
    RunChartView(const QString &redrawTimerName, QWidget *parent);
    // Makes the chart's view (antialiased, with a custom context menu) and the legend strip under it,
    // children of layout's widget, and adds them to layout, the view stretching. A view calls it once,
    // in its constructor, where they belong in its widgets (and so in their tab order).
    void addChartTo(QBoxLayout *layout);

    // A current run this short also shows its points: a line needs two, and a first Step draws one.
    static constexpr int dottedPoints = 30;
    // The faded alpha of ghost i (0 = the most recent of three).
    static double ghostAlpha(int ghost);

    // The widget the PNG and SVG exports show: this view unless set (with the chart view inside).
    void setFigure(QWidget *figure) { m_figure = figure; }

    QChart *chart() const { return m_chart; }
    QChartView *chartView() const { return m_view; }
    QValueAxis *epochAxis() const { return m_xAxis; }
    LegendStrip *legend() const { return m_legend; }

    // A line series in pen, named name, on the epoch axis and yAxis.
    QLineSeries *addLineSeries(const QPen &pen, QAbstractAxis *yAxis, const QString &name = QString());
    // The legend's entry for the ghosts, in color faded as the most recent ghost's: "previous run", or
    // "previous runs" for more than one.
    LegendStrip::Entry ghostLegendEntry(const QColor &color, int ghosts) const;

    // Redraws on the leading edge of the rate limit: a chart idle for a whole interval redraws on the
    // next pass of the event loop (so the first points of a new run appear at once, in their own pass,
    // not inside the handler that delivered them), a busy one at most once per interval.
    void scheduleRedraw();
    // Redraws on the next pass of the event loop, skipping the rate limit (a run's first points).
    void redrawSoon();
    // Redraws now: updateChart(everything).
    void redraw(bool everything = false);
    // Redraws now if a redraw was asked for and has not happened (before reading what is shown).
    void redrawIfPending();

    // Lays the epoch axis out from 1 to a nice end at or after lastEpoch (niceAxisEnd), and measures
    // the decimation columns (one per two pixels of the plot area, or of the view before the first
    // layout). Says what changed since the last call.
    struct EpochLayout
    {
        bool columnsChanged = false;
        bool endChanged = false;
    };
    EpochLayout layOutEpochs(int lastEpoch);
    int columns() const { return m_columns; }   // 0 before the first layOutEpochs()
    double epochAxisEnd() const { return m_xEnd; }
    // points (sorted by epoch, finite) decimated by decimator for the current layout; a coarse curve
    // (a faded ghost under the current run) gets half the columns.
    const QList<QPointF> &decimate(CurveDecimator &decimator, const QList<QPointF> &points, bool coarse = false) const;

    // The hover read-out of a run's curve at the cursor: text, under "previous run: LABEL" for a ghost;
    // hidden when !state or text is empty.
    void showHoverText(bool state, const QString &text, bool ghost, const QString &label) const;
    static QString hoverText(const QString &text, bool ghost, const QString &label);

    // "ID,LABEL," with the label quoted as CSV needs: the start of a run's rows in csvTable().
    static QByteArray csvRunPrefix(int id, const QString &label);

    // Brings the chart up to date and lays it out now, so that an export made right after new data
    // (before the event loop has run) shows it. Returns the size to export at. A view that holds data
    // back stores it first, then calls this.
    virtual QSize prepareExport();

    virtual void updateChart(bool everything) = 0;
    virtual void restyle() = 0;
    virtual QString exportTitle() const = 0;
    virtual QByteArray csvTable() const = 0;

    // Palette and font changes (a dark system palette, presenter mode) restyle the chart.
    void changeEvent(QEvent *event) override;

private:
    void renderFigure(QPainter *painter) const;

    QChart *m_chart = nullptr;
    QChartView *m_view = nullptr;
    QValueAxis *m_xAxis = nullptr;
    LegendStrip *m_legend = nullptr;
    QWidget *m_figure = this;
    QTimer m_redrawTimer;
    QElapsedTimer m_sinceRedraw;   // since the last redraw (invalid before the first)
    bool m_dirty = true;           // a redraw was asked for and has not happened
    int m_columns = 0;
    double m_xEnd = 10;
};

} // namespace fl
