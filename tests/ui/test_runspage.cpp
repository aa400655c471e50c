// The Runs page: its table model (columns are exactly the differing parameters and the summary values,
// text and numeric sorting, "—" for what cannot be computed), the page's filter, rename, star and delete,
// the overlay chart (series per run, legend naming what differs, smoothing against smoothDebiasedEma,
// decimation, metric mode) and its CSV export.
//
// With FL_RUNS_SNAPSHOT=/some/file.png the page is also drawn at 1024×700 with six runs of the demo
// trained by the real engine, for a person to look at.

#include "tests/ui/ChartTestSupport.h"
#include "tests/ui/WorkbenchTestSupport.h"
#include "tests/TestSupport.h"

#include "engine/core/Smoothing.h"
#include "engine/fusion/FusionPipeline.h"
#include "engine/training/RunDriver.h"
#include "ui/RunHistoryModel.h"
#include "ui/RunOverlayChart.h"
#include "ui/RunsPage.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSlider>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

using namespace fl;

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();
const QDateTime kStart(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);

double trainCurve(int e, double scale)
{
    return scale * (1.0 + 1.0 / e) + 0.08 * std::sin(1.3 * e);
}

RunConfig linearConfig(double alphaText, bool imageOn)
{
    RunConfig config = test::textImageConfig();
    config.pipeline.modalities[0].weight = alphaText;
    config.pipeline.modalities[1].enabled = imageOn;
    config.training.epochs = 40;
    return config;
}

RunRecord linearRecord(const QString &id, double alphaText, bool imageOn, int minutes, double valLoss, double scale)
{
    RunRecord r;
    r.id = id;
    r.dataset.name = QStringLiteral("demo");
    r.config = linearConfig(alphaText, imageOn);
    r.started = kStart.addSecs(60 * minutes);
    r.seconds = 3.2;
    r.status = QStringLiteral("completed");
    for (int e = 1; e <= 40; ++e)
        r.epochs.push_back(EpochRecord{e, trainCurve(e, scale), trainCurve(e, scale) + 0.2 + 0.05 * std::cos(e), 0.01});
    r.summary.epochs = 40;
    r.summary.trainLoss = r.epochs.back().trainLoss;
    r.summary.validationLoss = valLoss;
    r.summary.rmse = std::sqrt(valLoss);
    r.summary.mae = 0.7;
    r.summary.reason = QStringLiteral("completed");
    r.info.optimumTrainLoss = 0.75 * scale;
    r.info.optimumValidationLoss = 0.85 * scale;
    return r;
}

RunRecord rankingRecord(const QString &id, int minutes)
{
    RunRecord r;
    r.id = id;
    r.dataset.name = QStringLiteral("demo");
    r.config = linearConfig(0.5, true);
    r.config.model.kind = ModelKind::Mf;
    r.config.model.loss = LossKind::Bpr;
    r.started = kStart.addSecs(60 * minutes);
    r.seconds = 75;
    r.status = QStringLiteral("early stop");
    for (int e = 1; e <= 30; ++e) {
        r.epochs.push_back(EpochRecord{e, trainCurve(e, 0.5), kNaN, 0.01});
        r.metricEpochs.push_back(e);
        r.metricCurves[QStringLiteral("ndcg@10")].push_back(0.05 + 0.1 * (1 - std::exp(-e / 8.0)) + 0.01 * std::sin(2.1 * e));
        r.metricCurves[QStringLiteral("recall@10")].push_back(0.1 + 0.12 * (1 - std::exp(-e / 6.0)));
    }
    r.summary.epochs = 30;
    r.summary.trainLoss = r.epochs.back().trainLoss;
    r.summary.validationLoss = kNaN;
    r.summary.rmse = kNaN;
    r.summary.mae = kNaN;
    r.summary.metrics = {{QStringLiteral("ndcg@10"), 0.1412}, {QStringLiteral("recall@10"), 0.2203}};
    r.info.optimumTrainLoss = kNaN;
    r.info.optimumValidationLoss = kNaN;
    return r;
}

// A: α(text) 0.5, image on; B: α 1.2; C: image off, diverged; D: a ranking model (no floor, no val loss).
std::vector<RunRecord> handMade()
{
    RunRecord c = linearRecord(QStringLiteral("C"), 0.5, false, 2, 0.5, 0.8);
    c.status = QStringLiteral("diverged");
    c.message = QStringLiteral("The loss became infinite at epoch 12.");
    return {linearRecord(QStringLiteral("A"), 0.5, true, 0, 9.0, 1.0), linearRecord(QStringLiteral("B"), 1.2, true, 1, 10.5, 1.3),
            c, rankingRecord(QStringLiteral("D"), 3)};
}

std::vector<double> trainLosses(const RunRecord &r)
{
    std::vector<double> out;
    for (const EpochRecord &e : r.epochs)
        out.push_back(e.trainLoss);
    return out;
}

std::vector<double> validationLosses(const RunRecord &r)
{
    std::vector<double> out;
    for (const EpochRecord &e : r.epochs)
        out.push_back(e.validationLoss);
    return out;
}

QStringList columnOrder(const QAbstractItemModel *model, int column)
{
    QStringList ids;
    for (int row = 0; row < model->rowCount(); ++row)
        ids << model->index(row, column).data(RunHistoryModel::IdRole).toString();
    return ids;
}

// Each point's y against the values at its epoch (x = epoch, 1-based).
bool pointsMatch(const QList<QPointF> &points, const std::vector<double> &values, QString *why)
{
    for (const QPointF &p : points) {
        const int e = int(p.x());
        if (e < 1 || size_t(e) > values.size() || double(e) != p.x()) {
            *why = QStringLiteral("x %1 is not an epoch").arg(p.x());
            return false;
        }
        const double want = values[size_t(e - 1)];
        if (std::abs(p.y() - want) > 1e-12 * std::max(1.0, std::abs(want))) {
            *why = QStringLiteral("epoch %1: %2, expected %3").arg(e).arg(p.y(), 0, 'g', 17).arg(want, 0, 'g', 17);
            return false;
        }
    }
    return true;
}

QString cell(const RunHistoryModel &model, const QString &id, int column, int role = Qt::DisplayRole)
{
    return model.index(model.rowOf(id), column).data(role).toString();
}

} // namespace

class TestRunsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale::c());
    }

    void columnsAreTheDifferingParametersAndTheMetrics()
    {
        RunHistoryModel model;
        model.setRecords(handMade());
        std::vector<const RunRecord *> pointers;
        for (const RunRecord &r : model.records())
            pointers.push_back(&r);
        const std::vector<ParameterColumn> expected = differingParameters(pointers);
        QCOMPARE(model.parameterColumns().size(), expected.size());
        QStringList keys;
        for (size_t i = 0; i < expected.size(); ++i) {
            keys << expected[i].key;
            QCOMPARE(model.parameterColumns()[i].key, expected[i].key);
            QCOMPARE(model.headerData(RunHistoryModel::FixedColumnCount + int(i), Qt::Horizontal).toString(), expected[i].title);
        }
        QVERIFY(keys.contains("weight:text"));
        QVERIFY(keys.contains("modality:image"));
        QVERIFY(keys.contains("model"));
        QVERIFY(!keys.contains("dataset"));   // the same for every run
        QVERIFY(!keys.contains("epochs"));

        const QStringList metrics{"train_loss", "val_loss", "floor", "val_floor", "rmse", "mae", "ndcg@10", "recall@10"};
        QCOMPARE(model.metricKeys(), metrics);
        QCOMPARE(model.columnCount(), RunHistoryModel::FixedColumnCount + int(expected.size()) + int(metrics.size()));
        QCOMPARE(model.headerData(model.metricColumn("val_loss"), Qt::Horizontal).toString(), QString("validation loss"));
        QCOMPARE(model.headerData(model.metricColumn("ndcg@10"), Qt::Horizontal).toString(), QString("NDCG@10"));
        QCOMPARE(model.headerData(model.metricColumn("rmse"), Qt::Horizontal, RunHistoryModel::KeyRole).toString(),
                 QString("metric:rmse"));

        // Two linear runs differing only in α: one parameter column, no ranking columns.
        RunHistoryModel pair;
        pair.setRecords({handMade()[0], handMade()[1]});
        QCOMPARE(int(pair.parameterColumns().size()), 1);
        QCOMPARE(pair.parameterColumns()[0].key, QString("weight:text"));
        QCOMPARE(pair.headerData(RunHistoryModel::FixedColumnCount, Qt::Horizontal).toString(), QString("α (text)"));
        QCOMPARE(pair.metricKeys(), (QStringList{"train_loss", "val_loss", "floor", "val_floor", "rmse", "mae"}));
    }

    void valuesAndMissingValues()
    {
        RunHistoryModel model;
        model.setRecords(handMade());
        QCOMPARE(cell(model, "A", model.metricColumn("val_loss")), QString("9.000"));
        QCOMPARE(cell(model, "B", model.metricColumn("val_loss")), QString("10.50"));
        QCOMPARE(cell(model, "A", model.metricColumn("rmse")), QString("3.000"));
        QCOMPARE(cell(model, "B", model.metricColumn("rmse")), QString("3.240"));   // √10.5 = 3.2404
        QCOMPARE(cell(model, "D", model.metricColumn("ndcg@10")), QString("0.1412"));
        QCOMPARE(cell(model, "A", model.parameterColumn("weight:text")), QString("0.5"));
        QCOMPARE(cell(model, "B", model.parameterColumn("weight:text")), QString("1.2"));
        QCOMPARE(cell(model, "C", model.parameterColumn("modality:image")), QString("off"));
        QCOMPARE(cell(model, "A", RunHistoryModel::NameColumn), model.record("A")->label());
        QCOMPARE(cell(model, "A", RunHistoryModel::StatusColumn), QString("completed"));
        QCOMPARE(cell(model, "C", RunHistoryModel::StatusColumn), QString("diverged"));
        QCOMPARE(cell(model, "C", RunHistoryModel::StatusColumn, Qt::ToolTipRole), QString("The loss became infinite at epoch 12."));
        QCOMPARE(cell(model, "A", RunHistoryModel::DurationColumn), QString("3.20 s"));
        QCOMPARE(cell(model, "D", RunHistoryModel::DurationColumn), QString("1 min 15 s"));

        // NaN (the ranking run's floor) and a value the run does not have (the regression's NDCG):
        // "—" with a tooltip, never 0.
        for (const auto &[id, key] : {std::pair{QString("D"), QString("floor")}, std::pair{QString("D"), QString("rmse")},
                                      std::pair{QString("A"), QString("ndcg@10")}}) {
            QCOMPARE(cell(model, id, model.metricColumn(key)), QString("—"));
            QVERIFY(cell(model, id, model.metricColumn(key), Qt::ToolTipRole).contains("cannot be computed"));
            QVERIFY(std::isnan(model.index(model.rowOf(id), model.metricColumn(key)).data(RunHistoryModel::SortRole).toDouble()));
        }
        QCOMPARE(model.index(model.rowOf("A"), RunHistoryModel::StarColumn).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    }

    void numericSortWithMissingLast()
    {
        RunHistoryModel model;
        model.setRecords(handMade());
        RunsPage page(&model);
        QAbstractItemModel *proxy = page.table()->model();
        const int column = model.metricColumn("val_loss");
        // As text "10.50" < "9.000"; as numbers 0.5 < 9 < 10.5, and D's NaN last both ways.
        page.table()->sortByColumn(column, Qt::AscendingOrder);
        QCOMPARE(columnOrder(proxy, column), (QStringList{"C", "A", "B", "D"}));
        page.table()->sortByColumn(column, Qt::DescendingOrder);
        QCOMPARE(columnOrder(proxy, column), (QStringList{"B", "A", "C", "D"}));
        const int alpha = model.parameterColumn("weight:text");
        page.table()->sortByColumn(alpha, Qt::DescendingOrder);
        QCOMPARE(columnOrder(proxy, alpha).front(), QString("B"));
        // A parameter that does not apply ("—", the regression's loss kind) goes last both ways too.
        const int loss = model.parameterColumn("loss");
        QVERIFY(loss > 0);
        QCOMPARE(cell(model, "A", loss), QString("—"));
        page.table()->sortByColumn(loss, Qt::AscendingOrder);
        QCOMPARE(columnOrder(proxy, loss).front(), QString("D"));
        page.table()->sortByColumn(loss, Qt::DescendingOrder);
        QCOMPARE(columnOrder(proxy, loss).front(), QString("D"));
        // Default: newest first.
        page.table()->sortByColumn(RunHistoryModel::StartedColumn, Qt::DescendingOrder);
        QCOMPARE(columnOrder(proxy, 0), (QStringList{"D", "C", "B", "A"}));
    }

    void filterOnEveryColumn()
    {
        RunHistoryModel model;
        model.setRecords(handMade());
        RunsPage page(&model);
        QAbstractItemModel *proxy = page.table()->model();
        page.filterEdit()->setText("DIVERGED");
        QCOMPARE(columnOrder(proxy, 0), QStringList{"C"});
        page.filterEdit()->setText("1.2");   // B's α
        QCOMPARE(columnOrder(proxy, 0), QStringList{"B"});
        page.filterEdit()->setText("0.1412");   // D's NDCG
        QCOMPARE(columnOrder(proxy, 0), QStringList{"D"});
        model.rename("A", "Baseline run");
        page.filterEdit()->setText("baseline");
        QCOMPARE(columnOrder(proxy, 0), QStringList{"A"});
        // With nothing selected the chart shows the newest run the filter lets through.
        QCOMPARE(page.chart()->runIds(), QStringList{"A"});
        page.filterEdit()->clear();
        QCOMPARE(proxy->rowCount(), 4);
        QCOMPARE(page.chart()->runIds(), QStringList{"D"});
    }

    void renameStarDeleteEmitEdits()
    {
        RunHistoryModel model;
        model.setRecords(handMade());
        RunsPage page(&model);
        QSignalSpy edited(&model, &RunHistoryModel::recordsEdited);
        QAbstractItemModel *proxy = page.table()->model();
        auto proxyIndex = [&](const QString &id, int column) {
            for (int row = 0; row < proxy->rowCount(); ++row) {
                if (proxy->index(row, 0).data(RunHistoryModel::IdRole).toString() == id)
                    return proxy->index(row, column);
            }
            return QModelIndex();
        };

        // Rename as the editor does it, through the proxy.
        QVERIFY(proxy->setData(proxyIndex("B", RunHistoryModel::NameColumn), "  high α  "));
        QCOMPARE(model.record("B")->name, QString("high α"));
        QCOMPARE(cell(model, "B", RunHistoryModel::NameColumn), QString("high α"));
        QCOMPARE(edited.count(), 1);
        // An empty name shows the label again.
        QVERIFY(model.rename("B", QString()));
        QCOMPARE(cell(model, "B", RunHistoryModel::NameColumn), model.record("B")->label());
        QCOMPARE(edited.count(), 2);
        QVERIFY(model.rename("B", QString()));   // no change, no signal
        QCOMPARE(edited.count(), 2);

        // Star by the check box, and by the page's action on the selection.
        QVERIFY(proxy->setData(proxyIndex("B", RunHistoryModel::StarColumn), Qt::Checked, Qt::CheckStateRole));
        QVERIFY(model.record("B")->starred);
        QCOMPARE(edited.count(), 3);
        page.selectRuns({"A", "C"});
        QCOMPARE(page.selectedRunIds().size(), 2);
        page.toggleStarSelected();
        QVERIFY(model.record("A")->starred && model.record("C")->starred);
        page.toggleStarSelected();   // all starred: unstar them
        QVERIFY(!model.record("A")->starred && !model.record("C")->starred);
        QCOMPARE(edited.count(), 7);

        // Delete: unstarred runs without a question, starred ones only when confirmed.
        QStringList asked;
        bool answer = false;
        page.setConfirmDelete([&](const QStringList &names) {
            asked = names;
            return answer;
        });
        page.selectRuns({"A"});
        QCOMPARE(page.deleteSelected(), QStringList{"A"});
        QVERIFY(asked.isEmpty());
        QVERIFY(!model.record("A"));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(edited.count(), 8);

        page.selectRuns({"B", "C"});
        QVERIFY(page.deleteSelected().isEmpty());   // B is starred and the answer is no
        QCOMPARE(asked, QStringList{model.record("B")->label()});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(edited.count(), 8);
        answer = true;
        asked.clear();
        page.selectRuns({"B", "C"});
        QCOMPARE(page.deleteSelected().size(), 2);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(edited.count(), 9);
        // One run left: nothing differs any more.
        QVERIFY(model.parameterColumns().empty());
    }

    void keyboard()
    {
        RunHistoryModel model;
        model.setRecords(handMade());
        RunsPage page(&model);
        int asked = 0;
        page.setConfirmDelete([&](const QStringList &) {
            ++asked;
            return true;
        });
        page.resize(1024, 700);
        page.show();
        QApplication::setActiveWindow(&page);
        QVERIFY(QTest::qWaitForWindowActive(&page));
        page.table()->setFocus();
        page.selectRuns({"C"});
        QTest::keyClick(page.table(), Qt::Key_S);
        QVERIFY(model.record("C")->starred);
        QTest::keyClick(page.table(), Qt::Key_Delete);
        QCOMPARE(asked, 1);
        QVERIFY(!model.record("C"));
        // Typed into the filter, S and Delete are text.
        page.filterEdit()->setFocus();
        QTest::keyClicks(page.filterEdit(), "s");
        QTest::keyClick(page.filterEdit(), Qt::Key_Home);
        QTest::keyClick(page.filterEdit(), Qt::Key_Delete);
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(page.filterEdit()->text().isEmpty());
        // The window's one-key shortcuts (→ steps training) do not take the table's arrow keys.
        QAction step;
        step.setShortcut(Qt::Key_Right);
        step.setShortcutContext(Qt::WindowShortcut);
        page.addAction(&step);
        QSignalSpy stepped(&step, &QAction::triggered);
        page.table()->setFocus();
        page.selectRuns({"A"});
        QCOMPARE(page.table()->currentIndex().column(), int(RunHistoryModel::NameColumn));
        QTest::keyClick(page.table(), Qt::Key_Right);
        QCOMPARE(stepped.count(), 0);
        QCOMPARE(page.table()->currentIndex().column(), int(RunHistoryModel::StatusColumn));
        page.filterEdit()->setFocus();
        QTest::keyClick(page.filterEdit(), Qt::Key_Right);   // elsewhere the window's shortcut works
        page.setFocus();
        QTest::keyClick(&page, Qt::Key_Right);
        QCOMPARE(stepped.count(), 1);
        // F2 opens the current run's name.
        page.table()->setFocus();
        page.selectRuns({"B"});
        QTest::keyClick(page.table(), Qt::Key_F2);
        QCOMPARE(page.table()->currentIndex().column(), int(RunHistoryModel::NameColumn));
        auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        QVERIFY(editor && editor != page.filterEdit());
        QCOMPARE(editor->text(), model.record("B")->label());
        editor->setText("edited by keyboard");
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(model.record("B")->name, QString("edited by keyboard"));   // the delegate commits queued
    }

    void useTheseParameters()
    {
        RunHistoryModel model;
        model.setRecords(handMade());
        RunsPage page(&model);
        QSignalSpy requested(&page, &RunsPage::parametersRequested);
        page.selectRuns({"B"});
        page.useCurrentParameters();
        QCOMPARE(requested.count(), 1);
        const RunConfig config = requested.front().front().value<RunConfig>();
        QCOMPARE(config.pipeline.modalities[0].weight, 1.2);
        QCOMPARE(config.model.kind, ModelKind::Linear);
    }

    void newRunsAndUpdates()
    {
        RunHistoryModel model;
        const std::vector<RunRecord> runs = handMade();
        model.addOrUpdate(runs[0]);
        QVERIFY(model.parameterColumns().empty());
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.addOrUpdate(runs[1]);   // α now differs: new columns
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.parameterColumn("weight:text"), int(RunHistoryModel::FixedColumnCount));
        RunRecord again = runs[1];
        again.id = "B2";
        model.addOrUpdate(again);     // same columns: a plain insertion
        QCOMPARE(reset.count(), 1);
        QCOMPARE(inserted.count(), 1);
        // A running run that ends is updated in place.
        RunRecord running = runs[0];
        running.id = "R";
        running.status = "running";
        model.addOrUpdate(running);
        QCOMPARE(cell(model, "R", RunHistoryModel::StatusColumn), QString("running"));
        const int rows = model.rowCount();
        running.status = "completed";
        model.addOrUpdate(running);
        QCOMPARE(model.rowCount(), rows);
        QCOMPARE(cell(model, "R", RunHistoryModel::StatusColumn), QString("completed"));
    }

    void chartOverlaysSelectedRuns()
    {
        RunHistoryModel model;
        const std::vector<RunRecord> runs = handMade();
        model.setRecords(runs);
        RunsPage page(&model);
        QSignalSpy selection(&page, &RunsPage::selectionChanged);
        RunOverlayChart *chart = page.chart();
        QCOMPARE(page.smoothing(), 0.6);
        QCOMPARE(chart->smoothing(), 0.6);

        page.selectRuns({"A", "B"});
        QVERIFY(selection.count() >= 1);
        QCOMPARE(selection.back().front().toStringList().size(), 2);
        QCOMPARE(chart->runIds().size(), 2);
        // 2 runs × (train, validation), each smoothed with its raw curve faint behind.
        QCOMPARE(chart->visibleSeriesCount(), 8);
        const QStringList legend = chart->legendTexts();
        QVERIFY2(legend.contains("α (text) = 0.5") && legend.contains("α (text) = 1.2"), qPrintable(legend.join(" | ")));
        QVERIFY(legend.contains("train loss") && legend.contains("validation loss") && legend.contains("unsmoothed"));

        QString why;
        const RunRecord &a = runs[0];
        const std::vector<double> smoothed = smoothDebiasedEma(trainLosses(a), 0.6);
        QCOMPARE(chart->shownPoints("A", RunOverlayChart::Curve::Train).size(), qsizetype(40));
        QVERIFY2(pointsMatch(chart->shownPoints("A", RunOverlayChart::Curve::Train), smoothed, &why), qPrintable(why));
        QVERIFY2(pointsMatch(chart->shownPoints("A", RunOverlayChart::Curve::Train, true), trainLosses(a), &why), qPrintable(why));
        QVERIFY2(pointsMatch(chart->shownPoints("A", RunOverlayChart::Curve::Validation), smoothDebiasedEma(validationLosses(a), 0.6), &why),
                 qPrintable(why));
        // The smoothing really changed what is drawn.
        QVERIFY(std::abs(chart->shownPoints("A", RunOverlayChart::Curve::Train)[5].y() - trainLosses(a)[5]) > 1e-3);

        // Hover text: the run, the epoch, raw and smoothed value (epoch 6 is index 5).
        QCOMPARE(chart->describeEpoch("A", RunOverlayChart::Curve::Train, 6),
                 QString("α (text) = 0.5\nepoch 6 · train loss %1 (smoothed %2)")
                     .arg(RunHistoryModel::formatValue(trainLosses(a)[5]), RunHistoryModel::formatValue(smoothed[5])));

        page.setSmoothing(0.3);
        QCOMPARE(chart->smoothing(), 0.3);
        QVERIFY2(pointsMatch(chart->shownPoints("B", RunOverlayChart::Curve::Train), smoothDebiasedEma(trainLosses(runs[1]), 0.3), &why),
                 qPrintable(why));
        page.smoothingSlider()->setValue(0);
        QCOMPARE(chart->visibleSeriesCount(), 4);
        QVERIFY(chart->shownPoints("A", RunOverlayChart::Curve::Train, true).isEmpty());
        QVERIFY2(pointsMatch(chart->shownPoints("A", RunOverlayChart::Curve::Train), trainLosses(a), &why), qPrintable(why));
        QVERIFY(!chart->legendTexts().contains("unsmoothed"));

        // A and C differ in the image modality.
        page.selectRuns({"A", "C"});
        QVERIFY2(chart->legendTexts().contains("image off"), qPrintable(chart->legendTexts().join(" | ")));
        QVERIFY(chart->legendTexts().contains("β (image) = 0.5, image on"));
        // A named run is called by its name.
        model.rename("C", "no pictures");
        QTRY_VERIFY(chart->legendTexts().contains("no pictures"));

        // Nothing selected: the newest run (D).
        page.table()->clearSelection();
        QCOMPARE(chart->runIds(), QStringList{"D"});
        QCOMPARE(page.chartedRunIds(), QStringList{"D"});
    }

    void longCurvesAreDecimatedAfterSmoothing()
    {
        RunRecord r = linearRecord("L", 0.5, true, 0, 1, 1);
        r.epochs.clear();
        for (int e = 1; e <= 20000; ++e)
            r.epochs.push_back(EpochRecord{e, 1 + 0.5 * std::sin(0.37 * e) + 1.0 / e, 2 + 0.3 * std::cos(0.11 * e), 0.01});
        RunOverlayChart chart;
        chart.setSmoothing(0.9);
        chart.setRuns({r});
        const QList<QPointF> shown = chart.shownPoints("L", RunOverlayChart::Curve::Train);
        const int columns = chart.plotColumns();
        QVERIFY(columns >= 16);
        QVERIFY2(shown.size() <= 4 * columns && shown.size() > columns, qPrintable(QString::number(shown.size())));
        // Every drawn point is a point of the smoothed curve (smoothing came first), none of the raw one.
        QString why;
        QVERIFY2(pointsMatch(shown, smoothDebiasedEma(trainLosses(r), 0.9), &why), qPrintable(why));
        QVERIFY(!pointsMatch(shown, trainLosses(r), &why));
        const QList<QPointF> raw = chart.shownPoints("L", RunOverlayChart::Curve::Train, true);
        QVERIFY(raw.size() <= 4 * columns);
        QVERIFY2(pointsMatch(raw, trainLosses(r), &why), qPrintable(why));
    }

    void metricMode()
    {
        const std::vector<RunRecord> runs = handMade();
        RunOverlayChart chart;
        chart.setSmoothing(0.5);
        chart.setRuns({runs[0], runs[3]});
        chart.setMode(RunOverlayChart::Mode::Metric);
        QCOMPARE(chart.availableMetrics(), (QStringList{"ndcg@10", "recall@10"}));
        QCOMPARE(chart.metric(), QString("ndcg@10"));   // the run's monitored metric
        QString why;
        const std::vector<double> ndcg = runs[3].metricCurves.value("ndcg@10");
        QVERIFY2(pointsMatch(chart.shownPoints("D", RunOverlayChart::Curve::Metric), smoothDebiasedEma(ndcg, 0.5), &why), qPrintable(why));
        QCOMPARE(chart.visibleSeriesCount(), 2);   // the regression has no metric curve
        chart.setMetric("recall@10");
        QVERIFY2(pointsMatch(chart.shownPoints("D", RunOverlayChart::Curve::Metric),
                             smoothDebiasedEma(runs[3].metricCurves.value("recall@10"), 0.5), &why),
                 qPrintable(why));
        chart.setRuns({runs[0]});
        QVERIFY(chart.hintText().contains("ranking"));
        chart.setMode(RunOverlayChart::Mode::Loss);
        QVERIFY(chart.hintText().isEmpty());
        chart.setRuns({});
        QVERIFY(!chart.hintText().isEmpty());
    }

    void logScaleKeepsPoints()
    {
        const std::vector<RunRecord> runs = handMade();
        RunOverlayChart chart;
        chart.setSmoothing(0);
        chart.setRuns({runs[0]});
        chart.setLogScale(true);
        QString why;
        QVERIFY2(pointsMatch(chart.shownPoints("A", RunOverlayChart::Curve::Train), trainLosses(runs[0]), &why), qPrintable(why));
        chart.setLogScale(false);
        QCOMPARE(chart.shownPoints("A", RunOverlayChart::Curve::Train).size(), qsizetype(40));
    }

    void csvExport()
    {
        const std::vector<RunRecord> runs = handMade();
        RunOverlayChart chart;
        chart.setSmoothing(0.6);
        chart.setRuns({runs[0], runs[1]});
        QTemporaryDir dir;
        const QString path = dir.filePath("runs.csv");
        QString error;
        QVERIFY2(chart.exportCsv(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 41);
        const QStringList header = lines[0].split(',');
        QCOMPARE(header, (QStringList{"epoch", "α (text) = 0.5 · train_loss", "α (text) = 0.5 · train_loss (smoothed 0.6)",
                                      "α (text) = 0.5 · val_loss", "α (text) = 0.5 · val_loss (smoothed 0.6)",
                                      "α (text) = 1.2 · train_loss", "α (text) = 1.2 · train_loss (smoothed 0.6)",
                                      "α (text) = 1.2 · val_loss", "α (text) = 1.2 · val_loss (smoothed 0.6)"}));
        const QStringList row7 = lines[7].split(',');
        QCOMPARE(row7[0], QString("7"));
        QCOMPARE(row7[1].toDouble(), runs[0].epochs[6].trainLoss);   // 17 digits: exact
        QCOMPARE(row7[2].toDouble(), smoothDebiasedEma(trainLosses(runs[0]), 0.6)[6]);
        QCOMPARE(row7[7].toDouble(), runs[1].epochs[6].validationLoss);

        QVERIFY2(chart.exportPng(dir.filePath("runs.png"), &error), qPrintable(error));
        QVERIFY(QImage(dir.filePath("runs.png")).width() >= 960);
        QVERIFY2(chart.exportSvg(dir.filePath("runs.svg"), &error), qPrintable(error));
        QVERIFY(!chart.exportCsv(dir.filePath("missing/runs.csv"), &error));
        QVERIFY(error.contains("runs.csv"));
    }

    void emptyState()
    {
        RunHistoryModel model;
        RunsPage page(&model);
        auto *stack = page.findChild<QStackedWidget *>();
        QVERIFY(stack);
        QCOMPARE(stack->currentWidget()->objectName(), QString("runsEmptyState"));
        QVERIFY(qobject_cast<QLabel *>(stack->currentWidget())->text().contains("as it finishes"));
        QVERIFY(!page.deleteAction()->isEnabled());
        model.addOrUpdate(handMade()[0]);
        QVERIFY(stack->currentWidget()->objectName() != QString("runsEmptyState"));
        QTRY_COMPARE(page.chart()->runIds(), QStringList{"A"});
        QVERIFY(page.deleteAction()->isEnabled());
    }

    // A look at the page with six real runs of the demo, when FL_RUNS_SNAPSHOT names a file.
    void snapshot()
    {
        if (qEnvironmentVariableIsEmpty("FL_RUNS_SNAPSHOT"))
            QSKIP("set FL_RUNS_SNAPSHOT=/some/file.png to draw the page");
        const auto demo = test::loadDemo();
        QVERIFY(demo);
        FusionPipeline pipeline(demo);
        const DatasetIdentity identity = identifyDataset(*demo, QStringLiteral("demo"));
        RunConfig base;
        base.pipeline = defaultPipelineConfig(*demo);
        base.training.epochs = 150;
        base.training.optimizer = OptimizerKind::MiniBatchSgd;
        base.training.batchSize = 64;
        base.training.learningRate = 0.02;
        std::vector<RunConfig> configs;
        for (double alpha : {0.5, 1.2, 2.0}) {
            RunConfig c = base;
            c.pipeline.modalities[0].weight = alpha;
            configs.push_back(c);
        }
        RunConfig noImage = base;
        noImage.pipeline.modalities.back().enabled = false;
        configs.push_back(noImage);
        RunConfig fast = base;
        fast.training.learningRate = 0.08;
        configs.push_back(fast);
        RunConfig ranking = base;
        ranking.model.kind = ModelKind::Hybrid;
        ranking.model.loss = LossKind::Bpr;
        ranking.model.factors = 8;
        ranking.training.epochs = 30;
        ranking.training.optimizer = OptimizerKind::Adam;
        ranking.training.learningRate = 0.01;
        configs.push_back(ranking);
        RunHistoryModel model;
        for (const RunConfig &c : configs) {
            const RunRecord record = runOnce(pipeline, c, identity);
            QVERIFY2(record.status != QLatin1String("failed"), qPrintable(record.message));
            model.addOrUpdate(record);
        }
        model.rename(model.records()[1].id, QStringLiteral("strong text"));
        model.setStarred(model.records()[0].id, true);
        RunsPage page(&model);
        page.resize(1024, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.selectRuns({model.records()[0].id, model.records()[2].id, model.records()[3].id});
        QTest::qWait(100);
        test::keepSnapshot("FL_RUNS_SNAPSHOT", page.grab().toImage());
        page.selectRuns({model.records()[5].id, model.records()[0].id});
        page.chart()->setMode(RunOverlayChart::Mode::Metric);
        QTest::qWait(100);
        test::keepSnapshot("FL_RUNS_SNAPSHOT", page.grab().toImage(), QStringLiteral("metric"));
        page.resize(800, 520);
        QTest::qWait(100);
        test::keepSnapshot("FL_RUNS_SNAPSHOT", page.grab().toImage(), QStringLiteral("small"));
    }
};

QTEST_MAIN(TestRunsPage)
#include "test_runspage.moc"
