// The live validation-metrics chart: points of the current run reach the curve and other runs' do not,
// a run's keys in order and its best epoch (MetricRun), the best-epoch marker following the monitored
// metric's running maximum and then the engine's best epoch, the test read-out (TestMetricsReadout),
// the metric chooser, the cold-start curve, ghosts, clear(), the empty-state hint,
// and the CSV, PNG and SVG exports.

#include "ui/MetricRun.h"
#include "ui/MetricsChartView.h"
#include "ui/TestMetricsReadout.h"
#include "tests/ui/ChartTestSupport.h"

#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLocale>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QChartView>
#include <QTest>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

using namespace fl;
using fl::test::keepSnapshot;
using fl::test::pixelsNear;

namespace {

const QStringList kFamilies{QStringLiteral("precision"), QStringLiteral("recall"), QStringLiteral("ndcg"),
                            QStringLiteral("hit"), QStringLiteral("map")};

// A plausible epoch of a ranking model: every family at K = 10 and 20, rising then flat, each family
// and K with its own values; cold adds the cold_ variants.
QMap<QString, double> epochValues(int epoch, double scale = 1.0, bool cold = false)
{
    QMap<QString, double> values;
    const double rise = 1.0 - std::exp(-epoch / 12.0);
    for (qsizetype f = 0; f < kFamilies.size(); ++f) {
        for (int k : {10, 20}) {
            const double v = scale * (0.05 + 0.02 * double(f) + 0.001 * k) * rise;
            values.insert(kFamilies[f] + QLatin1Char('@') + QString::number(k), v);
            if (cold)
                values.insert(QStringLiteral("cold_") + kFamilies[f] + QLatin1Char('@') + QString::number(k), 0.4 * v);
        }
    }
    return values;
}

QString fixed4(double v)
{
    return QLocale().toString(v, 'f', 4);
}

// With FUSIONLAB_METRICSCHART_PNG=/some/chart.png set, the snapshot is kept for a person to look at.
constexpr char kSnapshotVariable[] = "FUSIONLAB_METRICSCHART_PNG";

const QColor kMetricGreen(0, 158, 115);
const QColor kColdPurple(204, 121, 167);

QComboBox *comboNamed(const MetricsChartView &view, const QString &accessibleName)
{
    const QList<QComboBox *> boxes = view.findChildren<QComboBox *>();
    for (QComboBox *box : boxes) {
        if (box->accessibleName() == accessibleName)
            return box;
    }
    return nullptr;
}

} // namespace

class MetricsChartTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pointsOfTheCurrentRunReachTheCurve();
    void otherRunsAreIgnored();
    void bestMarkerFollowsTheMonitoredMaximum();
    void runKeepsItsKeysInOrderAndFindsTheBestEpoch();
    void finishShowsTheEngineBestEpochAndTestMetrics();
    void readoutIsATableWhereItFitsElseALine();
    void chooserSwitchesTheCurve();
    void coldCurveOnlyWithColdKeys();
    void previousRunsStayAsGhosts();
    void clearEmptiesEverything();
    void hintStandsInForAnEmptyChart();
    void hiddenPageDoesNotWidenTheView();
    void hoverTextNamesTheNearestEpoch();
    void longRunsAreDecimated();
    void exportCsvHasEveryKeyOfEveryRun();
    void exportPngAndSvgWriteValidFiles();
    void snapshotShowsCurvesMarkerAndReadout();
};

void MetricsChartTest::pointsOfTheCurrentRunReachTheCurve()
{
    MetricsChartView view;
    view.beginRun(1, QStringLiteral("hybrid"), QStringLiteral("ndcg@10"));
    QList<QPointF> expected;
    for (int e = 1; e <= 12; ++e) {
        const QMap<QString, double> values = epochValues(e);
        view.addMetrics(1, e, values);
        expected.append(QPointF(e, values.value(QStringLiteral("ndcg@10"))));
    }
    QCOMPARE(view.currentEpochCount(), 12);
    QCOMPARE(view.currentMetric(), QStringLiteral("ndcg@10"));
    QCOMPARE(view.currentPoints(), expected);

    // A non-finite value is kept for the export but not drawn.
    QMap<QString, double> broken = epochValues(13);
    broken.insert(QStringLiteral("ndcg@10"), std::numeric_limits<double>::quiet_NaN());
    view.addMetrics(1, 13, broken);
    QCOMPARE(view.currentEpochCount(), 13);
    QCOMPARE(view.currentPoints(), expected);
}

void MetricsChartTest::otherRunsAreIgnored()
{
    MetricsChartView view;
    QCOMPARE(view.currentRunId(), -1);
    view.addMetrics(0, 1, epochValues(1));   // no run begun yet
    QCOMPARE(view.currentEpochCount(), 0);

    view.beginRun(1, QStringLiteral("mf"));
    view.beginRun(2, QStringLiteral("hybrid"));
    QCOMPARE(view.currentRunId(), 2);
    view.addMetrics(1, 1, epochValues(1, 3.0));
    view.finishRun(1, 1, epochValues(1, 3.0));
    QCOMPARE(view.currentEpochCount(), 0);
    QVERIFY(view.currentPoints().isEmpty());
    QVERIFY(view.testText().isEmpty());

    view.addMetrics(2, 1, epochValues(1));
    view.addMetrics(2, 2, epochValues(2));
    view.addMetrics(1, 3, epochValues(3, 3.0));   // superseded
    view.addMetrics(2, 2, epochValues(2, 3.0));   // not after the last epoch
    QCOMPARE(view.currentEpochCount(), 2);
    const QList<QPointF> points = view.currentPoints();
    QCOMPARE(points.size(), 2);
    QCOMPARE(points[1], QPointF(2, epochValues(2).value(QStringLiteral("ndcg@10"))));

    view.beginRun(2, QStringLiteral("again"));   // the current run: nothing happens
    QCOMPARE(view.currentEpochCount(), 2);
    QCOMPARE(view.ghostCount(), 0);
}

void MetricsChartTest::bestMarkerFollowsTheMonitoredMaximum()
{
    // ndcg@10 peaks first at epoch 3 (0.12, equalled at epoch 5: the engine keeps the first);
    // recall@10 peaks at epoch 6.
    const double ndcg[] = {0.05, 0.09, 0.12, 0.11, 0.12, 0.10};
    const double recall[] = {0.02, 0.04, 0.05, 0.06, 0.07, 0.08};
    auto values = [&](int e) {
        return QMap<QString, double>{{QStringLiteral("ndcg@10"), ndcg[e - 1]}, {QStringLiteral("recall@10"), recall[e - 1]}};
    };

    MetricsChartView view;
    view.beginRun(1, QStringLiteral("mf"), QStringLiteral("ndcg@10"));
    QCOMPARE(view.bestEpoch(), 0);
    QVERIFY(view.bestText().isEmpty());
    view.addMetrics(1, 1, values(1));
    view.addMetrics(1, 2, values(2));
    QCOMPARE(view.bestEpoch(), 2);
    QCOMPARE(view.bestText(), QStringLiteral("best ndcg@10 = %1 at epoch 2").arg(fixed4(0.09)));
    for (int e = 3; e <= 6; ++e)
        view.addMetrics(1, e, values(e));
    QCOMPARE(view.bestEpoch(), 3);
    QCOMPARE(view.bestText(), QStringLiteral("best ndcg@10 = %1 at epoch 3").arg(fixed4(0.12)));

    // The marker belongs to the monitored metric whatever is drawn; the label adds the drawn one there.
    QVERIFY(view.setMetric(QStringLiteral("recall@10")));
    QCOMPARE(view.bestEpoch(), 3);
    QCOMPARE(view.bestText(), QStringLiteral("best ndcg@10 = %1 at epoch 3 (recall@10 there: %2)").arg(fixed4(0.12), fixed4(0.05)));

    // Another monitor: its own maximum.
    MetricsChartView other;
    other.beginRun(7, QStringLiteral("mf"), QStringLiteral("recall@10"));
    for (int e = 1; e <= 6; ++e)
        other.addMetrics(7, e, values(e));
    QCOMPARE(other.bestEpoch(), 6);
    QVERIFY(other.bestText().startsWith(QStringLiteral("best recall@10 = %1 at epoch 6").arg(fixed4(0.08))));

    // A monitor the epochs do not carry: the drawn metric's maximum.
    MetricsChartView fallback;
    fallback.beginRun(8, QStringLiteral("mf"), QStringLiteral("ndcg@50"));
    for (int e = 1; e <= 6; ++e)
        fallback.addMetrics(8, e, values(e));
    QCOMPARE(fallback.currentMetric(), QStringLiteral("ndcg@10"));
    QCOMPARE(fallback.bestEpoch(), 3);
}

void MetricsChartTest::runKeepsItsKeysInOrderAndFindsTheBestEpoch()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    MetricRun run;
    QVERIFY(run.add(1, {{QStringLiteral("recall@20"), 0.2}, {QStringLiteral("cold_ndcg@10"), 0.01},
                        {QStringLiteral("ndcg@10"), 0.10}, {QStringLiteral("ndcg@5"), 0.08}}));
    QCOMPARE(run.keys(), QStringList({QStringLiteral("ndcg@5"), QStringLiteral("ndcg@10"), QStringLiteral("recall@20"),
                                      QStringLiteral("cold_ndcg@10")}));
    QVERIFY(!run.add(2, {{QStringLiteral("ndcg@10"), 0.12}, {QStringLiteral("recall@20"), nan}}));   // no new key
    QVERIFY(run.add(3, {{QStringLiteral("ndcg@10"), 0.12}, {QStringLiteral("map@10"), 0.3}}));
    QCOMPARE(run.keys(), QStringList({QStringLiteral("ndcg@5"), QStringLiteral("ndcg@10"), QStringLiteral("recall@20"),
                                      QStringLiteral("map@10"), QStringLiteral("cold_ndcg@10")}));
    QCOMPARE(run.lastEpoch(), 3);
    // The NaN stays in its record and is no point.
    QCOMPARE(*run.pointsOf(QStringLiteral("recall@20")), QList<QPointF>{QPointF(1, 0.2)});
    QVERIFY(std::isnan(run.recordAt(2)->values.value(QStringLiteral("recall@20"))));
    QVERIFY(!run.recordAt(4));
    QVERIFY(!run.pointsOf(QStringLiteral("hit@10")));

    // ndcg@10 is 0.10, 0.12, 0.12: the first epoch of the highest value.
    run.monitor = QStringLiteral("ndcg@10");
    MetricBest best = run.best(QStringLiteral("recall@20"));
    QCOMPARE(best.epoch, 2);
    QCOMPARE(best.key, QStringLiteral("ndcg@10"));
    QCOMPARE(best.value, 0.12);
    // A monitor the records lack: the drawn metric's best.
    run.monitor = QStringLiteral("ndcg@50");
    best = run.best(QStringLiteral("recall@20"));
    QCOMPARE(best.key, QStringLiteral("recall@20"));
    QCOMPARE(best.epoch, 1);
    QCOMPARE(best.value, 0.2);
    run.monitor.clear();
    QCOMPARE(run.best(QString()).epoch, 0);

    // Finished: the engine's epoch; without one, the running maximum still.
    run.monitor = QStringLiteral("ndcg@10");
    run.finished = true;
    run.engineBest = 3;
    run.test = {{QStringLiteral("ndcg@10"), 0.11}};
    best = run.best(QString());
    QCOMPARE(best.epoch, 3);
    QCOMPARE(best.value, 0.12);
    run.engineBest = 0;
    QCOMPARE(run.best(QString()).epoch, 2);
    // Going on after the finish: the test metrics are forgotten.
    run.engineBest = 3;
    QVERIFY(!run.add(4, {{QStringLiteral("ndcg@10"), 0.2}}));
    QVERIFY(!run.finished);
    QCOMPARE(run.engineBest, 0);
    QVERIFY(run.test.isEmpty());
    QCOMPARE(run.best(QString()).epoch, 4);
}

void MetricsChartTest::finishShowsTheEngineBestEpochAndTestMetrics()
{
    MetricsChartView view;
    view.beginRun(3, QStringLiteral("hybrid"), QStringLiteral("ndcg@10"));
    for (int e = 1; e <= 8; ++e)
        view.addMetrics(3, e, epochValues(e));
    QCOMPARE(view.bestEpoch(), 8);   // rising throughout
    QVERIFY(view.testText().isEmpty());

    QMap<QString, double> test;
    test.insert(QStringLiteral("ndcg@10"), 0.112);
    test.insert(QStringLiteral("recall@10"), 0.081);
    test.insert(QStringLiteral("hit@10"), 0.3);
    test.insert(QStringLiteral("ndcg@20"), 0.13);
    test.insert(QStringLiteral("recall@20"), 0.12);
    test.insert(QStringLiteral("cold_ndcg@10"), 0.04);
    test.insert(QStringLiteral("cold_ndcg@20"), 0.05);
    RunSummary summary;
    summary.bestEpoch = 5;
    summary.metrics = test;
    view.showRunSummary(2, summary);   // another run's summary
    QVERIFY(view.testText().isEmpty());
    view.showRunSummary(3, summary);

    QCOMPARE(view.bestEpoch(), 5);
    QCOMPARE(view.bestText(), QStringLiteral("best ndcg@10 = %1 at epoch 5").arg(fixed4(epochValues(5).value(QStringLiteral("ndcg@10")))));
    QCOMPARE(view.testText(), QStringLiteral("Test at epoch 5: ndcg@10 %1 · recall@10 %2 · hit@10 %3\nCold-start items: ndcg@10 %4")
                                  .arg(fixed4(0.112), fixed4(0.081), fixed4(0.3), fixed4(0.04)));
    // The read-out follows the drawn metric's K.
    QVERIFY(view.setMetric(QStringLiteral("recall@20")));
    QCOMPARE(view.testText(), QStringLiteral("Test at epoch 5: ndcg@20 %1 · recall@20 %2\nCold-start items: ndcg@20 %3")
                                  .arg(fixed4(0.13), fixed4(0.12), fixed4(0.05)));

    // A finished run resumed is live again: the read-out goes, the marker follows the maximum.
    view.addMetrics(3, 9, epochValues(9));
    QVERIFY(view.testText().isEmpty());
    QCOMPARE(view.bestEpoch(), 9);

    // No best epoch from the engine (a model without epochs): the final parameters were tested.
    view.finishRun(3, 0, test);
    QCOMPARE(view.bestEpoch(), 9);
    QVERIFY(view.testText().startsWith(QStringLiteral("Test with the final parameters: ndcg@20 ")));
}

void MetricsChartTest::readoutIsATableWhereItFitsElseALine()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    const TestMetricsReadout::Results results{
        {{QStringLiteral("ndcg@10"), 0.112}, {QStringLiteral("recall@10"), 0.081}, {QStringLiteral("cold_ndcg@10"), 0.04},
         {QStringLiteral("ndcg@20"), 0.13}},
        5, QStringLiteral("mf")};
    QCOMPARE(TestMetricsReadout::textOf(results, QStringLiteral("ndcg@10")),
             QStringLiteral("Test at epoch 5: ndcg@10 0.1120 · recall@10 0.0810\nCold-start items: ndcg@10 0.0400"));
    QCOMPARE(TestMetricsReadout::textOf(results, QStringLiteral("ndcg@20")), QStringLiteral("Test at epoch 5: ndcg@20 0.1300"));
    QCOMPARE(TestMetricsReadout::textOf({{{QStringLiteral("hit@50"), 0.5}}, 0, QString()}, QStringLiteral("ndcg@10")),
             QStringLiteral("Test with the final parameters: hit@50 0.5000"));   // no test at K = 10: its smallest K
    QVERIFY(TestMetricsReadout::textOf({}, QStringLiteral("ndcg@10")).isEmpty());

    QWidget figure;
    auto *layout = new QVBoxLayout(&figure);
    auto *readout = new TestMetricsReadout(&figure);
    layout->addWidget(readout);
    figure.resize(700, 200);
    figure.show();
    QVERIFY(QTest::qWaitForWindowExposed(&figure));
    QVERIFY(!readout->isVisible());
    readout->setResults(results, QStringLiteral("ndcg@10"), QString());
    QVERIFY(readout->isVisible());
    QCOMPARE(readout->textFormat(), Qt::RichText);   // wide: the table
    QVERIFY(readout->text().startsWith(QStringLiteral("<table")));
    QCOMPARE(readout->toolTip(), QStringLiteral("Test metrics of run mf:\nndcg@10: 0.1120\nndcg@20: 0.1300\n"
                                                "recall@10: 0.0810\ncold ndcg@10: 0.0400"));
    figure.resize(180, 200);   // narrow: the drawn metric's line
    QTRY_COMPARE(readout->textFormat(), Qt::PlainText);
    QCOMPARE(readout->text(), QStringLiteral("Test at epoch 5: ndcg@10 0.1120 · cold 0.0400"));

    // Without results, the note; without a note, nothing.
    readout->setResults({}, QStringLiteral("ndcg@10"), QStringLiteral("Waiting…"));
    QCOMPARE(readout->text(), QStringLiteral("Waiting…"));
    QVERIFY(readout->toolTip().isEmpty());
    readout->setResults({}, QStringLiteral("ndcg@10"), QString());
    QVERIFY(!readout->isVisible());
    QLocale::setDefault(QLocale::system());
}

void MetricsChartTest::chooserSwitchesTheCurve()
{
    MetricsChartView view;
    QSignalSpy changed(&view, &MetricsChartView::metricChanged);
    view.beginRun(1, QStringLiteral("hybrid"), QStringLiteral("ndcg@10"));
    for (int e = 1; e <= 6; ++e)
        view.addMetrics(1, e, epochValues(e));
    QCOMPARE(view.currentMetric(), QStringLiteral("ndcg@10"));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(view.availableMetrics(),
             QStringList({QStringLiteral("ndcg@10"), QStringLiteral("ndcg@20"), QStringLiteral("recall@10"),
                          QStringLiteral("recall@20"), QStringLiteral("precision@10"), QStringLiteral("precision@20"),
                          QStringLiteral("hit@10"), QStringLiteral("hit@20"), QStringLiteral("map@10"),
                          QStringLiteral("map@20")}));

    auto expectedPoints = [](const QString &key, int epochs) {
        QList<QPointF> points;
        for (int e = 1; e <= epochs; ++e)
            points.append(QPointF(e, epochValues(e).value(key)));
        return points;
    };

    QVERIFY(!view.setMetric(QStringLiteral("ndcg@50")));
    QCOMPARE(view.currentMetric(), QStringLiteral("ndcg@10"));
    QVERIFY(view.setMetric(QStringLiteral("map@20")));
    QCOMPARE(view.currentMetric(), QStringLiteral("map@20"));
    QCOMPARE(view.currentPoints(), expectedPoints(QStringLiteral("map@20"), 6));
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.back().front().toString(), QStringLiteral("map@20"));

    // The combo boxes: families in display order with readable names, the K of the chosen family.
    QComboBox *family = comboNamed(view, QStringLiteral("Metric"));
    QComboBox *cutoff = comboNamed(view, QStringLiteral("Cut-off K"));
    QVERIFY(family && cutoff);
    QCOMPARE(family->count(), 5);
    QCOMPARE(family->itemText(0), QStringLiteral("NDCG"));
    QCOMPARE(family->itemText(3), QStringLiteral("Hit rate"));
    QCOMPARE(family->currentText(), QStringLiteral("MAP"));
    QCOMPARE(cutoff->currentText(), QStringLiteral("20"));
    // Picking a family by keyboard keeps K.
    family->setFocus();
    QTest::keyClick(family, Qt::Key_Up);
    QCOMPARE(family->currentText(), QStringLiteral("Hit rate"));
    QCOMPARE(view.currentMetric(), QStringLiteral("hit@20"));
    QCOMPARE(view.currentPoints(), expectedPoints(QStringLiteral("hit@20"), 6));
    QTest::keyClick(cutoff, Qt::Key_Up);
    QCOMPARE(view.currentMetric(), QStringLiteral("hit@10"));
    QCOMPARE(view.currentPoints(), expectedPoints(QStringLiteral("hit@10"), 6));

    // The choice stays for the next run; a run without it falls back to its family.
    view.beginRun(2, QStringLiteral("mf"), QStringLiteral("ndcg@10"));
    for (int e = 1; e <= 4; ++e)
        view.addMetrics(2, e, epochValues(e, 2.0));
    QCOMPARE(view.currentMetric(), QStringLiteral("hit@10"));
    QList<QPointF> scaled;
    for (int e = 1; e <= 4; ++e)
        scaled.append(QPointF(e, epochValues(e, 2.0).value(QStringLiteral("hit@10"))));
    QCOMPARE(view.currentPoints(), scaled);
    QCOMPARE(view.ghostPoints(0), expectedPoints(QStringLiteral("hit@10"), 6));

    view.beginRun(3, QStringLiteral("mf"), QStringLiteral("ndcg@20"));
    view.addMetrics(3, 1, {{QStringLiteral("hit@20"), 0.5}, {QStringLiteral("ndcg@20"), 0.2}});
    QCOMPARE(view.currentMetric(), QStringLiteral("hit@20"));
    QCOMPARE(view.currentPoints(), QList<QPointF>{QPointF(1, 0.5)});
}

void MetricsChartTest::coldCurveOnlyWithColdKeys()
{
    MetricsChartView view;
    view.beginRun(1, QStringLiteral("hybrid"));
    for (int e = 1; e <= 5; ++e)
        view.addMetrics(1, e, epochValues(e));
    QVERIFY(!view.coldCurveVisible());
    QVERIFY(view.coldPoints().isEmpty());
    QVERIFY(!view.describeEpoch(3).contains(QStringLiteral("cold")));

    view.beginRun(2, QStringLiteral("hybrid, cold items"));
    QList<QPointF> expected;
    for (int e = 1; e <= 5; ++e) {
        view.addMetrics(2, e, epochValues(e, 1.0, true));
        expected.append(QPointF(e, epochValues(e, 1.0, true).value(QStringLiteral("cold_ndcg@10"))));
    }
    QVERIFY(view.coldCurveVisible());
    QCOMPARE(view.coldPoints(), expected);
    QVERIFY(!view.availableMetrics().isEmpty());
    QVERIFY(!view.setMetric(QStringLiteral("cold_ndcg@10")));   // the cold curve comes with its metric
    QVERIFY(view.setMetric(QStringLiteral("recall@20")));
    QCOMPARE(view.coldPoints().back(), QPointF(5, epochValues(5, 1.0, true).value(QStringLiteral("cold_recall@20"))));
}

void MetricsChartTest::previousRunsStayAsGhosts()
{
    MetricsChartView view;
    view.beginRun(1, QStringLiteral("run 1"));
    QList<QPointF> first;
    for (int e = 1; e <= 7; ++e) {
        view.addMetrics(1, e, epochValues(e));
        first.append(QPointF(e, epochValues(e).value(QStringLiteral("ndcg@10"))));
    }
    QCOMPARE(view.ghostCount(), 0);
    view.beginRun(2, QStringLiteral("run 2"));
    QCOMPARE(view.ghostCount(), 1);
    QCOMPARE(view.ghostPoints(0), first);
    QVERIFY(view.currentPoints().isEmpty());
    QVERIFY(view.hintText().isEmpty());   // the ghost is shown while run 2 prepares

    // A run without metrics is dropped rather than kept as a ghost.
    view.beginRun(3, QStringLiteral("run 3"));
    QCOMPARE(view.ghostCount(), 1);

    // Three ghosts at most, the most recent first.
    for (int run = 3; run <= 6; ++run) {
        if (run > 3)
            view.beginRun(run, QStringLiteral("run %1").arg(run));
        view.addMetrics(run, 1, epochValues(1, double(run)));
    }
    QCOMPARE(view.ghostCount(), 3);
    QCOMPARE(view.ghostPoints(0), QList<QPointF>{QPointF(1, epochValues(1, 5.0).value(QStringLiteral("ndcg@10")))});
    QCOMPARE(view.ghostPoints(2), QList<QPointF>{QPointF(1, epochValues(1, 3.0).value(QStringLiteral("ndcg@10")))});
    QVERIFY(view.ghostPoints(3).isEmpty());
}

void MetricsChartTest::clearEmptiesEverything()
{
    MetricsChartView view;
    view.beginRun(1, QStringLiteral("a"));
    view.addMetrics(1, 1, epochValues(1, 1.0, true));
    view.beginRun(2, QStringLiteral("b"));
    view.addMetrics(2, 1, epochValues(1, 1.0, true));
    view.finishRun(2, 1, epochValues(1));
    QVERIFY(!view.testText().isEmpty());
    view.clear();
    QCOMPARE(view.currentRunId(), -1);
    QCOMPARE(view.ghostCount(), 0);
    QCOMPARE(view.currentEpochCount(), 0);
    QVERIFY(view.currentPoints().isEmpty());
    QVERIFY(view.coldPoints().isEmpty());
    QVERIFY(!view.coldCurveVisible());
    QCOMPARE(view.bestEpoch(), 0);
    QVERIFY(view.bestText().isEmpty());
    QVERIFY(view.testText().isEmpty());
    QVERIFY(view.availableMetrics().isEmpty());
    QVERIFY(view.currentMetric().isEmpty());
    QVERIFY(!view.hintText().isEmpty());
    view.addMetrics(2, 2, epochValues(2));   // the run is forgotten
    QCOMPARE(view.currentEpochCount(), 0);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("empty.csv"));
    QString error;
    QVERIFY2(view.exportCsv(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("run,label,part,epoch\n"));
}

void MetricsChartTest::hintStandsInForAnEmptyChart()
{
    MetricsChartView view;
    const QString rankingHint = view.hintText();
    QVERIFY(rankingHint.contains(QStringLiteral("Ranking metrics appear here")));
    QVERIFY(rankingHint.contains(QStringLiteral("hybrid")));

    view.beginRun(1, QStringLiteral("linear"), QString());   // the seed regression: no ranking metrics
    QCOMPARE(view.hintText(), rankingHint);
    view.beginRun(2, QStringLiteral("mf"), QStringLiteral("ndcg@10"));
    QCOMPARE(view.hintText(), QStringLiteral("Validation metrics appear here after the first epoch."));
    view.addMetrics(2, 1, epochValues(1));
    QVERIFY(view.hintText().isEmpty());

    // Back to the linear model: the hint again, though a ranking run is kept as a ghost …
    view.beginRun(3, QStringLiteral("linear"), QString());
    QCOMPARE(view.ghostCount(), 1);
    QCOMPARE(view.hintText(), rankingHint);
    // … which shows again beside the next ranking run.
    view.beginRun(4, QStringLiteral("mf"), QStringLiteral("ndcg@10"));
    QCOMPARE(view.ghostCount(), 1);
    QVERIFY(view.hintText().isEmpty());
}

void MetricsChartTest::hiddenPageDoesNotWidenTheView()
{
    // The chart's page (metric chooser, chart, read-out) and the hint's page are stacked: the hidden
    // one must not set the view's minimum width, or the docks beside it are squeezed (a lesson's
    // ranking run before its first epoch).
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *view = new MetricsChartView(&window);
    layout->addWidget(view);
    window.show();
    auto *pages = view->findChild<QStackedWidget *>();
    QVERIFY(pages);
    QCOMPARE(pages->count(), 2);
    QWidget *hint = pages->widget(0);
    QWidget *chart = pages->widget(1);
    view->beginRun(1, QStringLiteral("mf"), QStringLiteral("ndcg@10"));
    QCOMPARE(pages->currentWidget(), hint);
    // A chart page wider than the hint's (its chooser wraps to two rows now, so it is not by itself).
    QChartView *plot = chart->findChild<QChartView *>();
    QVERIFY(plot);
    const int chartWidth = hint->minimumSizeHint().width() + 300;
    plot->setMinimumWidth(chartWidth);
    QTest::qWait(20);
    QVERIFY2(view->minimumSizeHint().width() < chartWidth, qPrintable(QString::number(view->minimumSizeHint().width())));
    QCOMPARE(pages->minimumSizeHint().width(), hint->minimumSizeHint().width());

    // Shown, the chart's page asks for its width again.
    view->addMetrics(1, 1, epochValues(1));
    QCOMPARE(pages->currentWidget(), chart);
    QVERIFY(pages->minimumSizeHint().width() >= chartWidth);
}

void MetricsChartTest::hoverTextNamesTheNearestEpoch()
{
    MetricsChartView view;
    QVERIFY(view.describeEpoch(3).isEmpty());
    view.beginRun(1, QStringLiteral("hybrid"));
    view.addMetrics(1, 2, epochValues(2, 1.0, true));
    view.addMetrics(1, 6, epochValues(6, 1.0, true));
    const QMap<QString, double> six = epochValues(6, 1.0, true);
    QCOMPARE(view.describeEpoch(5), QStringLiteral("epoch 6 · ndcg@10 %1 · cold ndcg@10 %2")
                                        .arg(fixed4(six.value(QStringLiteral("ndcg@10"))),
                                             fixed4(six.value(QStringLiteral("cold_ndcg@10")))));
    QVERIFY(view.describeEpoch(3).startsWith(QStringLiteral("epoch 2 · ")));
    QVERIFY(view.describeEpoch(100).startsWith(QStringLiteral("epoch 6 · ")));
}

void MetricsChartTest::longRunsAreDecimated()
{
    MetricsChartView view;
    view.resize(700, 450);
    view.beginRun(1, QStringLiteral("fast"));
    double highest = 0;
    int highestEpoch = 0;
    for (int e = 1; e <= 20000; ++e) {
        const double v = 0.1 + 0.05 * std::sin(e * 0.37) + (e == 12345 ? 0.3 : 0.0);
        if (v > highest) {
            highest = v;
            highestEpoch = e;
        }
        view.addMetrics(1, e, {{QStringLiteral("ndcg@10"), v}});
    }
    const QList<QPointF> points = view.currentPoints();
    QVERIFY2(points.size() < 4000, qPrintable(QString::number(points.size())));
    QVERIFY(points.contains(QPointF(highestEpoch, highest)));   // the spike survives decimation
    QCOMPARE(points.front().x(), 1.0);
    QCOMPARE(points.back().x(), 20000.0);
    QCOMPARE(view.bestEpoch(), highestEpoch);
}

void MetricsChartTest::exportCsvHasEveryKeyOfEveryRun()
{
    MetricsChartView view;
    const QString ghostLabel = QStringLiteral("mf, \"k\" = 10, 20");   // needs quoting
    view.beginRun(4, ghostLabel);
    view.addMetrics(4, 1, {{QStringLiteral("ndcg@10"), 0.125}, {QStringLiteral("recall@10"), 0.25}});
    view.addMetrics(4, 2, {{QStringLiteral("ndcg@10"), 1.0 / 3.0}, {QStringLiteral("recall@10"), std::nan("")}});
    view.finishRun(4, 2, {{QStringLiteral("ndcg@10"), 0.3}, {QStringLiteral("cold_ndcg@10"), 0.1}});
    view.beginRun(5, QStringLiteral("融合"));
    view.addMetrics(5, 1, {{QStringLiteral("ndcg@10"), 0.5}, {QStringLiteral("map@20"), 0.0625}});
    view.addMetrics(5, 3, {{QStringLiteral("ndcg@10"), 0.75}});

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("metrics.csv"));
    QString error;
    QVERIFY2(view.exportCsv(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.back(), QByteArray());
    lines.removeLast();
    const QList<QByteArray> expected{
        "run,label,part,epoch,ndcg@10,recall@10,map@20,cold_ndcg@10",
        "4,\"mf, \"\"k\"\" = 10, 20\",validation,1,0.125,0.25,,",
        "4,\"mf, \"\"k\"\" = 10, 20\",validation,2," + QByteArray::number(1.0 / 3.0, 'g', 17) + ",nan,,",
        "4,\"mf, \"\"k\"\" = 10, 20\",test,2,0.29999999999999999,,,0.10000000000000001",
        "5,融合,validation,1,0.5,,0.0625,",
        "5,融合,validation,3,0.75,,,",
    };
    QCOMPARE(lines.size(), expected.size());
    for (qsizetype i = 0; i < lines.size(); ++i)
        QCOMPARE(lines[i], expected[i]);

    error.clear();
    QVERIFY(!view.exportCsv(dir.filePath(QStringLiteral("missing/metrics.csv")), &error));
    QVERIFY(error.contains(QStringLiteral("metrics.csv")));
}

void MetricsChartTest::exportPngAndSvgWriteValidFiles()
{
    QTemporaryDir dir;
    MetricsChartView view;
    view.resize(700, 450);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.beginRun(1, QStringLiteral("hybrid"));
    for (int e = 1; e <= 60; ++e)
        view.addMetrics(1, e, epochValues(e, 1.0, true));
    QString error;
    const QString png = dir.filePath(QStringLiteral("metrics.png"));
    QVERIFY2(view.exportPng(png, &error), qPrintable(error));   // no wait: the export redraws first
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= view.width());
    QVERIFY(pixelsNear(image, kMetricGreen) > 400);
    QVERIFY(pixelsNear(image, kColdPurple) > 200);

    const QString svgPath = dir.filePath(QStringLiteral("metrics.svg"));
    QVERIFY2(view.exportSvg(svgPath, &error), qPrintable(error));
    QFile svgFile(svgPath);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    const QByteArray svg = svgFile.readAll();
    QVERIFY(svg.startsWith("<?xml"));
    QVERIFY(svg.contains("<svg"));
    QVERIFY(svg.contains("<path") || svg.contains("<polyline"));

    // Never shown: still a full-size picture.
    MetricsChartView hidden;
    hidden.beginRun(1, QStringLiteral("hybrid"));
    for (int e = 1; e <= 60; ++e)
        hidden.addMetrics(1, e, epochValues(e));
    const QString hiddenPng = dir.filePath(QStringLiteral("hidden.png"));
    QVERIFY2(hidden.exportPng(hiddenPng, &error), qPrintable(error));
    const QImage hiddenImage(hiddenPng);
    QVERIFY(hiddenImage.width() >= 800);
    QVERIFY(pixelsNear(hiddenImage, kMetricGreen) > 400);

    error.clear();
    QVERIFY(!view.exportPng(dir.filePath(QStringLiteral("missing/metrics.png")), &error));
    QVERIFY(error.contains(QStringLiteral("metrics.png")));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("missing/metrics.png"))));
    error.clear();
    QVERIFY(!view.exportSvg(dir.filePath(QStringLiteral("missing/metrics.svg")), &error));
    QVERIFY(error.contains(QStringLiteral("metrics.svg")));
}

void MetricsChartTest::snapshotShowsCurvesMarkerAndReadout()
{
    MetricsChartView view;
    view.resize(700, 450);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.beginRun(1, QStringLiteral("mf"));
    for (int e = 1; e <= 45; ++e)
        view.addMetrics(1, e, epochValues(e, 0.8, true));
    view.finishRun(1, 40, epochValues(40, 0.8, true));
    view.beginRun(2, QStringLiteral("hybrid"));
    // Rising, then flat with a little noise below the peak at epoch 41.
    const double peak = epochValues(41).value(QStringLiteral("ndcg@10")) + 0.003;
    for (int e = 1; e <= 60; ++e) {
        QMap<QString, double> values = epochValues(e, 1.0, true);
        if (e == 41)
            values[QStringLiteral("ndcg@10")] = peak;
        else if (e > 41)
            values[QStringLiteral("ndcg@10")] = peak - 0.003 + 0.002 * std::sin(e * 1.7);
        view.addMetrics(2, e, values);
    }
    QCOMPARE(view.bestEpoch(), 41);
    QMap<QString, double> test = epochValues(41, 0.93, true);
    view.finishRun(2, 41, test);
    QVERIFY(view.testText().startsWith(QStringLiteral("Test at epoch 41: ndcg@10 ")));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("snapshot.png"));
    QString error;
    QVERIFY2(view.exportPng(path, &error), qPrintable(error));
    const QImage image(path);
    QVERIFY(pixelsNear(image, kMetricGreen) > 600);
    QVERIFY(pixelsNear(image, kColdPurple) > 300);
    keepSnapshot(kSnapshotVariable, view.grab().toImage());
}

QTEST_MAIN(MetricsChartTest)
#include "test_metricschart.moc"
