// The base of the live run charts (ui/RunChartView, ui/ChartRuns.h), on a chart of its own: which runs
// a chart keeps (the current one and three ghosts, the most recent first, a run without records
// dropped, large runs freed off the UI thread), the epoch a hover names, redraws coalesced, the epoch
// axis and the decimation columns, the hover text of a ghost, the ghosts' legend entry, and the
// exports through the view's hooks.

#include "ui/ChartAxes.h"
#include "ui/ChartRuns.h"
#include "ui/CurveDecimator.h"
#include "ui/RunChartView.h"

#include <QChart>
#include <QChartView>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QValueAxis>
#include <QVBoxLayout>

#include <atomic>
#include <cmath>
#include <vector>

using namespace fl;

namespace {

struct TestRecord
{
    int epoch = 0;
};

// Counts the runs destroyed, and whether a large one was destroyed on the UI thread.
std::atomic<int> g_destroyed{0};
std::atomic<int> g_destroyedOffUiThread{0};

struct TestRun
{
    int id = -1;
    QString label;
    QList<TestRecord> records;

    ~TestRun()
    {
        ++g_destroyed;
        if (QThread::currentThread() != QCoreApplication::instance()->thread())
            ++g_destroyedOffUiThread;
    }
};

QList<TestRecord> epochs(int first, int last)
{
    QList<TestRecord> records;
    for (int e = first; e <= last; ++e)
        records.append(TestRecord{e});
    return records;
}

std::vector<int> idsOf(const std::vector<TestRun *> &runs)
{
    std::vector<int> ids;
    for (const TestRun *run : runs)
        ids.push_back(run->id);
    return ids;
}

// The smallest view on the base: counts what the base asks of it.
class TestChart : public RunChartView
{
public:
    explicit TestChart(QWidget *parent = nullptr)
        : RunChartView(QStringLiteral("testChartRedraw"), parent)
    {
        auto *layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        addChartTo(layout);
        m_yAxis = new QValueAxis;
        chart()->addAxis(m_yAxis, Qt::AlignLeft);
    }

    using RunChartView::chart;
    using RunChartView::chartView;
    using RunChartView::columns;
    using RunChartView::csvRunPrefix;
    using RunChartView::decimate;
    using RunChartView::epochAxis;
    using RunChartView::epochAxisEnd;
    using RunChartView::EpochLayout;
    using RunChartView::ghostAlpha;
    using RunChartView::ghostLegendEntry;
    using RunChartView::hoverText;
    using RunChartView::layOutEpochs;
    using RunChartView::redraw;
    using RunChartView::redrawIfPending;
    using RunChartView::redrawSoon;
    using RunChartView::scheduleRedraw;

    int updates = 0;
    bool lastEverything = false;
    int restyles = 0;
    QByteArray table;

protected:
    void updateChart(bool everything) override
    {
        ++updates;
        lastEverything = everything;
    }
    void restyle() override { ++restyles; }
    QString exportTitle() const override { return QStringLiteral("Test chart"); }
    QByteArray csvTable() const override { return table; }

private:
    QValueAxis *m_yAxis = nullptr;
};

} // namespace

class RunChartViewTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsThreeGhostsMostRecentFirst();
    void resultsOfOtherRunsFindNoRun();
    void lastEpochOfAnyRun();
    void largeRunsAreFreedOffTheUiThread();
    void hoverNamesTheNearestEpoch();
    void redrawsAreCoalesced();
    void readsRedrawWhatIsPending();
    void epochAxisAndColumns();
    void decimationKeepsEndsAndExtremes();
    void ghostsAreNamedAndFaded();
    void csvRowsStartWithTheRun();
    void exportCsvWritesTheTableWhole();
    void exportPngOfAHiddenChart();
    void exportSvgHasTheTitle();
    void paletteAndFontChangesRestyle();
};

void RunChartViewTest::keepsThreeGhostsMostRecentFirst()
{
    ChartRuns<TestRun> runs;
    QCOMPARE(runs.currentId(), -1);
    QCOMPARE(runs.ghostCount(), 0);
    for (int id = 1; id <= 5; ++id) {
        TestRun *run = runs.begin(id, QStringLiteral("run %1").arg(id));
        QVERIFY(run);
        QCOMPARE(run->id, id);
        QCOMPARE(run->label, QStringLiteral("run %1").arg(id));
        run->records = epochs(1, 10 * id);
        QCOMPARE(runs.ghostCount(), std::min(id - 1, 3));
    }
    // Runs 1 and 2 went; 4 is the most recent ghost.
    QCOMPARE(runs.currentId(), 5);
    QCOMPARE(runs.ghost(0)->id, 4);
    QCOMPARE(runs.ghost(1)->id, 3);
    QCOMPARE(runs.ghost(2)->id, 2);
    QVERIFY(!runs.ghost(3));
    QVERIFY(!runs.ghost(-1));
    QCOMPARE(idsOf(runs.oldestFirst()), (std::vector<int>{2, 3, 4, 5}));

    // Beginning the current run again changes nothing.
    QVERIFY(!runs.begin(5, QStringLiteral("again")));
    QCOMPARE(runs.current()->label, QStringLiteral("run 5"));
    QCOMPARE(runs.current()->records.size(), 50);

    // A run without records is dropped, not kept as a ghost.
    QVERIFY(runs.begin(6, QString()));
    QCOMPARE(idsOf(runs.oldestFirst()), (std::vector<int>{3, 4, 5, 6}));
    QVERIFY(runs.begin(7, QString()));
    QCOMPARE(idsOf(runs.oldestFirst()), (std::vector<int>{3, 4, 5, 7}));

    runs.clear();
    QCOMPARE(runs.currentId(), -1);
    QCOMPARE(runs.ghostCount(), 0);
    QVERIFY(runs.oldestFirst().empty());
}

void RunChartViewTest::resultsOfOtherRunsFindNoRun()
{
    ChartRuns<TestRun> runs;
    QVERIFY(!runs.currentIf(-1));
    QVERIFY(!runs.currentIf(0));
    runs.begin(3, QString());
    runs.current()->records = epochs(1, 2);
    runs.begin(4, QString());
    QVERIFY(!runs.currentIf(3));   // now a ghost
    QCOMPARE(runs.currentIf(4), runs.current());
}

void RunChartViewTest::lastEpochOfAnyRun()
{
    ChartRuns<TestRun> runs;
    QCOMPARE(runs.lastEpoch(), 0);
    runs.begin(1, QString());
    runs.current()->records = epochs(1, 70);
    runs.begin(2, QString());
    runs.current()->records = epochs(1, 25);
    QCOMPARE(runs.lastEpoch(), 70);   // a ghost's
    runs.current()->records.append(TestRecord{90});
    QCOMPARE(runs.lastEpoch(), 90);   // the current run's
    runs.begin(3, QString());         // no records yet
    QCOMPARE(runs.lastEpoch(), 90);
}

void RunChartViewTest::largeRunsAreFreedOffTheUiThread()
{
    g_destroyed = 0;
    g_destroyedOffUiThread = 0;
    {
        ChartRuns<TestRun> runs;
        runs.begin(1, QString());
        runs.current()->records = epochs(1, int(ChartRuns<TestRun>::freeElsewhereFrom));   // 65,536 epochs
        for (int id = 2; id <= 4; ++id) {
            runs.begin(id, QString());
            runs.current()->records = epochs(1, 3);
        }
        QCOMPARE(g_destroyed.load(), 0);
        runs.begin(5, QString());   // run 1, the fourth ghost, goes: on a pool thread
        QThreadPool::globalInstance()->waitForDone();
        QCOMPARE(g_destroyed.load(), 1);
        QCOMPARE(g_destroyedOffUiThread.load(), 1);
        runs.begin(6, QString());   // run 5 had no records: freed here
        QCOMPARE(g_destroyed.load(), 2);
        QCOMPARE(g_destroyedOffUiThread.load(), 1);
        runs.clear();               // three small ghosts and the current run, here
        QCOMPARE(g_destroyed.load(), 6);
    }
    QCOMPARE(g_destroyedOffUiThread.load(), 1);
}

void RunChartViewTest::hoverNamesTheNearestEpoch()
{
    const QList<TestRecord> records{TestRecord{10}, TestRecord{20}, TestRecord{40}};
    QVERIFY(!nearestRecord(QList<TestRecord>(), 5));
    const std::vector<std::pair<int, int>> cases{
        {-5, 10}, {10, 10}, {14, 10}, {15, 20},   // 15 is as near to 10 as to 20: the later
        {16, 20}, {29, 20}, {30, 40}, {31, 40}, {1000, 40}};
    for (const auto &[epoch, nearest] : cases) {
        const TestRecord *record = nearestRecord(records, epoch);
        QVERIFY(record);
        QCOMPARE(record->epoch, nearest);
    }
}

void RunChartViewTest::redrawsAreCoalesced()
{
    TestChart chart;
    for (int i = 0; i < 5; ++i)
        chart.scheduleRedraw();
    QCOMPARE(chart.updates, 0);   // never inside the caller
    QTRY_COMPARE(chart.updates, 1);
    QVERIFY(!chart.lastEverything);
    QTest::qWait(100);
    QCOMPARE(chart.updates, 1);   // one redraw for the five requests

    chart.redrawSoon();
    QCOMPARE(chart.updates, 1);
    QTRY_COMPARE(chart.updates, 2);
}

void RunChartViewTest::readsRedrawWhatIsPending()
{
    TestChart chart;
    chart.redrawIfPending();           // a new chart has never drawn
    QCOMPARE(chart.updates, 1);
    chart.redrawIfPending();           // nothing asked for since
    QCOMPARE(chart.updates, 1);
    chart.scheduleRedraw();
    chart.redrawIfPending();
    QCOMPARE(chart.updates, 2);
    QTest::qWait(100);
    QCOMPARE(chart.updates, 2);        // the scheduled redraw was that one
    chart.redraw(true);
    QCOMPARE(chart.updates, 3);
    QVERIFY(chart.lastEverything);
}

void RunChartViewTest::epochAxisAndColumns()
{
    TestChart chart;   // never shown: no plot area, so columns for the whole view, at least 256
    QCOMPARE(chart.columns(), 0);
    QCOMPARE(chart.epochAxisEnd(), 10.0);
    TestChart::EpochLayout changed = chart.layOutEpochs(123);
    QVERIFY(changed.columnsChanged);
    QVERIFY(changed.endChanged);
    QCOMPARE(chart.columns(), 256);
    QCOMPARE(chart.epochAxisEnd(), 150.0);   // 1, 1.5, 2, 3, 5, 7 × 10ᵏ
    QCOMPARE(chart.epochAxis()->min(), 1.0);
    QCOMPARE(chart.epochAxis()->max(), 150.0);

    changed = chart.layOutEpochs(150);
    QVERIFY(!changed.columnsChanged);
    QVERIFY(!changed.endChanged);
    changed = chart.layOutEpochs(151);
    QVERIFY(!changed.columnsChanged);
    QVERIFY(changed.endChanged);
    QCOMPARE(chart.epochAxis()->max(), 200.0);
    chart.layOutEpochs(0);
    QCOMPARE(chart.epochAxisEnd(), 10.0);

    // Shown, a column is two pixels of the plot area.
    TestChart shown;
    shown.resize(700, 400);
    shown.show();
    QVERIFY(QTest::qWaitForWindowExposed(&shown));
    QTRY_VERIFY(shown.chart()->plotArea().width() > 100);
    shown.layOutEpochs(40);
    QCOMPARE(shown.columns(), int(shown.chart()->plotArea().width()) / 2);
}

void RunChartViewTest::decimationKeepsEndsAndExtremes()
{
    TestChart chart;
    chart.layOutEpochs(10000);
    QCOMPARE(chart.columns(), 256);
    QCOMPARE(chart.epochAxisEnd(), 10000.0);

    QList<QPointF> points;
    for (int e = 1; e <= 10000; ++e)
        points.append(QPointF(e, std::exp(-e / 3000.0)));
    points[4999].setY(100.0);    // a one-epoch spike at epoch 5000
    points[7001].setY(-100.0);   // and a dip at 7002
    for (const bool coarse : {false, true}) {
        CurveDecimator decimator;
        const QList<QPointF> shown = chart.decimate(decimator, points, coarse);
        const int columns = coarse ? 128 : 256;
        QVERIFY2(shown.size() <= 4 * columns, qPrintable(QString::number(shown.size())));
        QVERIFY(shown.size() >= 2 * columns);
        QCOMPARE(shown.front(), QPointF(1, std::exp(-1 / 3000.0)));
        QCOMPARE(shown.back(), QPointF(10000, std::exp(-10000 / 3000.0)));
        QVERIFY(shown.contains(QPointF(5000, 100.0)));
        QVERIFY(shown.contains(QPointF(7002, -100.0)));
    }

    // At most two points a column on average: drawn as they are, unless coarse.
    const QList<QPointF> short512 = points.mid(0, 512);
    CurveDecimator fine;
    QCOMPARE(chart.decimate(fine, short512), short512);
    CurveDecimator coarse;
    QVERIFY(chart.decimate(coarse, short512, true).size() < 512);
}

void RunChartViewTest::ghostsAreNamedAndFaded()
{
    QCOMPARE(TestChart::ghostAlpha(0), 0.35);
    QCOMPARE(TestChart::ghostAlpha(1), 0.25);
    QCOMPARE(TestChart::ghostAlpha(2), 0.18);
    QCOMPARE(TestChart::ghostAlpha(3), 0.18);

    QCOMPARE(TestChart::hoverText(QStringLiteral("epoch 3 · train 0.5000"), false, QStringLiteral("α = 1")),
             QStringLiteral("epoch 3 · train 0.5000"));
    QCOMPARE(TestChart::hoverText(QStringLiteral("epoch 3 · train 0.5000"), true, QStringLiteral("α = 1")),
             QStringLiteral("previous run: α = 1\nepoch 3 · train 0.5000"));
    QCOMPARE(TestChart::hoverText(QStringLiteral("epoch 3"), true, QString()), QStringLiteral("previous run\nepoch 3"));

    TestChart chart;
    const QColor blue(0, 114, 178);
    const LegendStrip::Entry one = chart.ghostLegendEntry(blue, 1);
    QCOMPARE(one.text, QStringLiteral("previous run"));
    QCOMPARE(one.pen.color().rgb(), blue.rgb());
    QVERIFY(std::abs(one.pen.color().alphaF() - 0.35) < 0.01);
    QCOMPARE(one.pen.widthF(), 2 * chartPenScale());
    QCOMPARE(one.pen.style(), Qt::SolidLine);
    QCOMPARE(chart.ghostLegendEntry(blue, 3).text, QStringLiteral("previous runs"));
}

void RunChartViewTest::csvRowsStartWithTheRun()
{
    QCOMPARE(TestChart::csvRunPrefix(4, QStringLiteral("mf")), QByteArray("4,mf,"));
    QCOMPARE(TestChart::csvRunPrefix(12, QStringLiteral("α = 0.5, β = \"0.5\"")),
             QByteArray("12,\"α = 0.5, β = \"\"0.5\"\"\","));
    QCOMPARE(TestChart::csvRunPrefix(-1, QString()), QByteArray("-1,,"));
}

// The exports go through QSaveFile (engine/SaveFile): a file is replaced whole, and a failed export
// names the file and leaves nothing behind.
void RunChartViewTest::exportCsvWritesTheTableWhole()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TestChart chart;
    chart.table = "run,label,epoch\n1,a,1\n";
    const QString path = dir.filePath(QStringLiteral("runs.csv"));
    QString error;
    QVERIFY2(chart.exportCsv(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), chart.table);
    file.close();

    // A longer file there before is replaced, not overwritten in part.
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(1000, 'x'));
    file.close();
    chart.table = "run,label,epoch\n";
    QVERIFY2(chart.exportCsv(path, &error), qPrintable(error));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("run,label,epoch\n"));
    file.close();
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("runs.csv")});   // no temporary left

    const QString missing = dir.filePath(QStringLiteral("missing/runs.csv"));
    error.clear();
    QVERIFY(!chart.exportCsv(missing, &error));
    QVERIFY2(error.contains(QStringLiteral("runs.csv")), qPrintable(error));
    QVERIFY(!QFileInfo::exists(missing));

    const QString folder = dir.filePath(QStringLiteral("folder.csv"));
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("folder.csv")));
    error.clear();
    QVERIFY(!chart.exportCsv(folder, &error));
    QVERIFY2(error.contains(QStringLiteral("folder.csv")), qPrintable(error));
    QVERIFY(QFileInfo(folder).isDir());
}

void RunChartViewTest::exportPngOfAHiddenChart()
{
    QTemporaryDir dir;
    TestChart chart;   // never shown: 960×600, at twice the resolution
    chart.chartView()->setRenderHint(QPainter::Antialiasing, false);   // as while a run streams
    const QString path = dir.filePath(QStringLiteral("chart.png"));
    QString error;
    QVERIFY2(chart.exportPng(path, &error), qPrintable(error));
    QCOMPARE(chart.updates, 1);   // brought up to date first, every curve at once
    QVERIFY(chart.lastEverything);
    const QImage image(path);
    QCOMPARE(image.size(), QSize(1920, 1200));
    QCOMPARE(chart.size(), QSize(960, 600));
    // Drawn smoothly, and back to the streaming look afterwards.
    QVERIFY(!chart.chartView()->renderHints().testFlag(QPainter::Antialiasing));

    error.clear();
    QVERIFY(!chart.exportPng(dir.filePath(QStringLiteral("missing/chart.png")), &error));
    QVERIFY(error.contains(QStringLiteral("chart.png")));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("missing/chart.png"))));
}

void RunChartViewTest::exportSvgHasTheTitle()
{
    QTemporaryDir dir;
    TestChart chart;
    chart.resize(640, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const QString path = dir.filePath(QStringLiteral("chart.svg"));
    QString error;
    QVERIFY2(chart.exportSvg(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray svg = file.readAll();
    QVERIFY(svg.startsWith("<?xml"));
    QVERIFY(svg.contains("<title>Test chart</title>"));
    QVERIFY(svg.contains("viewBox=\"0 0 640 400\""));   // a shown chart at its own size
    QVERIFY(chart.lastEverything);
}

void RunChartViewTest::paletteAndFontChangesRestyle()
{
    TestChart chart;
    QCOMPARE(chart.restyles, 0);
    QPalette dark = chart.palette();
    dark.setColor(QPalette::Base, QColor(30, 30, 30));
    chart.setPalette(dark);
    QCOMPARE(chart.restyles, 1);
    QFont large = chart.font();
    large.setPointSizeF(large.pointSizeF() * 2);
    chart.setFont(large);
    QCOMPARE(chart.restyles, 2);
}

QTEST_MAIN(RunChartViewTest)
#include "test_runchartview.moc"
