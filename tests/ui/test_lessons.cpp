// The five lessons, offscreen: the catalogue is complete in both languages, each lesson opens in its
// state (its dataset, the preset's parameters in the window, its page, nothing running), lesson 2's η
// lies above 2/λ_max of its own problem and the run diverges (and converges below the line), lesson 3
// compares one user's lists trained at two weightings, lesson 4's table equals runOnce of the same
// three configs, lesson 5 runs on demo-missing and its policies give different floors, `--lesson N`
// is parsed, and every lesson is one click from the start page and three from the menu bar.

#include "engine/data/DatasetImport.h"
#include "engine/evaluation/RankingMetrics.h"
#include "engine/fusion/FusionPipeline.h"
#include "engine/training/PrepareRun.h"
#include "engine/training/RunDriver.h"
#include "ui/AppSettings.h"
#include "ui/ExperimentController.h"
#include "ui/LessonPanel.h"
#include "ui/LossChartView.h"
#include "ui/Lessons.h"
#include "ui/MainWindow.h"
#include "ui/ModalitiesPanel.h"
#include "ui/StartPage.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryFile>
#include <QTest>

#include <cmath>

using namespace fl;

namespace {

std::shared_ptr<const Dataset> loadShared(const QString &path)
{
    Result<Dataset> loaded = importDataset(path);
    return loaded ? std::make_shared<const Dataset>(std::move(loaded).value()) : nullptr;
}

const ModalityConfig *modality(const RunConfig &config, const QString &name)
{
    for (const ModalityConfig &m : config.pipeline.modalities) {
        if (m.name == name)
            return &m;
    }
    return nullptr;
}

bool close(double a, double b, double relative = 1e-9)
{
    return std::abs(a - b) <= relative * std::max({1.0, std::abs(a), std::abs(b)});
}

} // namespace

class LessonsTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> m_window;

    LessonPanel *panel() { return m_window->lessonPanel(); }
    ExperimentController *controller() { return m_window->controller(); }

    // Opens lesson n in the window and waits until its preset is in place and its run is prepared.
    void openLesson(int n)
    {
        QSignalSpy applied(panel(), &LessonPanel::presetApplied);
        m_window->openLesson(n);
        QTRY_VERIFY_WITH_TIMEOUT(!applied.isEmpty(), 60000);
        QCOMPARE(applied.back().at(0).toInt(), n);
        QTRY_COMPARE_WITH_TIMEOUT(controller()->session()->state(), TrainingSession::State::Paused, 60000);
    }

    // The ProblemInfo of the window's current run, from the session's runPrepared.
    void preparedInfo(const std::function<void()> &action, ProblemInfo *result)
    {
        std::map<int, ProblemInfo> infos;
        QObject receiver;
        connect(controller()->session(), &TrainingSession::runPrepared, &receiver,
                [&infos](int runId, const ProblemInfo &info) { infos[runId] = info; }, Qt::QueuedConnection);
        action();
        QTRY_VERIFY_WITH_TIMEOUT(infos.count(controller()->currentRunId()) == 1, 60000);
        *result = infos[controller()->currentRunId()];
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init()
    {
        AppSettings::clear();
        m_window = std::make_unique<MainWindow>();
        m_window->show();
    }
    void cleanup() { m_window.reset(); }

    void catalogueIsComplete()
    {
        const std::vector<Lesson> &lessons = lessonCatalog();
        QCOMPARE(int(lessons.size()), 5);
        QCOMPARE(lessonCount(), 5);
        const QStringList ids{"floor", "divergence", "weights", "cold", "missing"};
        for (const Lesson &lesson : lessons) {
            QCOMPARE(lesson.id, ids.at(lesson.number - 1));
            for (const LessonText *text : {&lesson.title, &lesson.summary, &lesson.observe}) {
                QVERIFY(!text->en.isEmpty() && !text->zh.isEmpty());
                QVERIFY(text->zh != text->en);
            }
            QVERIFY(!lesson.steps.empty());
            for (const LessonStep &step : lesson.steps)
                QVERIFY(!step.action || (!step.button.en.isEmpty() && !step.button.zh.isEmpty()));
        }
        QCOMPARE(lessons[4].dataset, QStringLiteral("demo-missing"));
        QVERIFY(lessons[1].learningRateTimesMaxStable && *lessons[1].learningRateTimesMaxStable > 1.0);
        QCOMPARE(lessons[3].tool.kind, LessonTool::Kind::Table);
        QCOMPARE(int(lessons[3].tool.rows.size()), 3);
        QCOMPARE(lessons[2].tool.kind, LessonTool::Kind::Compare);
    }

    void badCataloguesAreRejected()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write(R"({"lessons": [{"id": "x", "title": {"en": "T"}, "summary": {"en": "s", "zh_CN": "s"},
                      "observe": {"en": "o", "zh_CN": "o"}, "preset": {"dataset": "demo"}, "steps": [{"text": {"en": "a", "zh_CN": "b"}}]}]})");
        file.close();
        const Result<std::vector<Lesson>> loaded = loadLessons(file.fileName());
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error().contains(QStringLiteral("\"title\"")) && loaded.error().contains(QStringLiteral("zh_CN")),
                 qPrintable(loaded.error()));
    }

    void lessonArgument()
    {
        QCOMPARE(*parseLessonArgument(QStringLiteral("1")), 1);
        QCOMPARE(*parseLessonArgument(QStringLiteral(" 5 ")), 5);
        for (const QString &bad : {QStringLiteral("0"), QStringLiteral("6"), QStringLiteral("two"), QString()}) {
            const Result<int> parsed = parseLessonArgument(bad);
            QVERIFY(!parsed.ok());
            QVERIFY(parsed.error().contains(QStringLiteral("1 to 5")));
        }
    }

    void eachLessonOpensInItsState_data()
    {
        QTest::addColumn<int>("number");
        for (int n = 1; n <= 5; ++n)
            QTest::addRow("lesson %d", n) << n;
    }

    void eachLessonOpensInItsState()
    {
        QFETCH(int, number);
        const Lesson &lesson = lessonCatalog()[size_t(number - 1)];
        openLesson(number);
        QCOMPARE(panel()->lessonNumber(), number);
        QCOMPARE(controller()->datasetPath(), lesson.dataset);
        QVERIFY(controller()->dataset());

        // The window's config is the preset, parameter for parameter.
        const RunConfig &config = controller()->config();
        QCOMPARE(runConfigToJson(config), runConfigToJson(panel()->presetConfig()));
        QCOMPARE(config.model.kind, lesson.config.model.kind);
        QCOMPARE(config.model.loss, lesson.config.model.loss);
        QCOMPARE(config.model.split.kind, lesson.config.model.split.kind);
        QCOMPARE(config.pipeline.op, lesson.config.pipeline.op);
        QCOMPARE(config.pipeline.missing, lesson.config.pipeline.missing);
        QCOMPARE(config.training.optimizer, lesson.config.training.optimizer);
        QCOMPARE(config.training.epochs, lesson.config.training.epochs);
        QCOMPARE(config.training.l2, lesson.config.training.l2);
        if (!lesson.learningRateTimesMaxStable)
            QCOMPARE(config.training.learningRate, lesson.config.training.learningRate);
        QCOMPARE(config.pipeline.modalities.size(), size_t(3));
        for (const ModalityConfig &given : lesson.config.pipeline.modalities) {
            const ModalityConfig *m = modality(config, given.name);
            QVERIFY(m);
            QCOMPARE(m->enabled, given.enabled);
            QCOMPARE(m->weight, given.weight);
        }
        // … and the controls show it.
        QCOMPARE(m_window->modalitiesPanel()->weightSpinBox(1)->value(), modality(lesson.config, QStringLiteral("image"))->weight);

        QCOMPARE(m_window->pages()->currentIndex(), int(MainWindow::TrainingPage));
        QCOMPARE(m_window->chart()->logScale(), lesson.logScale);
        auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("lessonDock"));
        QVERIFY(dock && dock->isVisible());
        QCOMPARE(controller()->session()->state(), TrainingSession::State::Paused);   // waits for "Train"
        for (size_t i = 0; i < lesson.steps.size(); ++i)
            QCOMPARE(panel()->stepButton(int(i)) != nullptr, lesson.steps[i].action.has_value());
        for (size_t i = 0; i < lesson.steps.size(); ++i) {
            if (QPushButton *button = panel()->stepButton(int(i)))
                QVERIFY(button->isEnabled());
        }
    }

    void lessonsSwitchTheirData()
    {
        openLesson(1);
        QCOMPARE(controller()->dataset()->modality(QStringLiteral("image"))->missingCount(), 0);
        openLesson(5);
        QCOMPARE(controller()->datasetPath(), QStringLiteral("demo-missing"));
        QCOMPARE(controller()->dataset()->modality(QStringLiteral("image"))->missingCount(), 150);
        QCOMPARE(controller()->dataset()->modality(QStringLiteral("text"))->missingCount(), 150);
        // Previous lesson: back on the demo, with lesson 4's preset.
        QSignalSpy applied(panel(), &LessonPanel::presetApplied);
        QTest::mouseClick(panel()->previousButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!applied.isEmpty(), 60000);
        QCOMPARE(panel()->lessonNumber(), 4);
        QCOMPARE(controller()->datasetPath(), QStringLiteral("demo"));
        QCOMPARE(controller()->config().model.kind, ModelKind::Hybrid);
    }

    void lessonTwoDivergesAboveTheLine()
    {
        // 2/λ_max of the lesson's problem, computed here on a pipeline of our own.
        FusionPipeline pipeline(loadShared(QStringLiteral("demo")));
        const Lesson &lesson = lessonCatalog()[1];
        RunConfig expected = lesson.config;
        expected.pipeline.split.seed = expected.training.seed;
        const Result<PreparedRun> prepared = prepareRun(pipeline, expected);
        QVERIFY(prepared.ok());
        const double limit = prepared->info.maxStableLearningRate;
        QVERIFY(limit > 0);

        ProblemInfo info;
        preparedInfo([this] { openLesson(2); }, &info);
        QVERIFY(panel()->isReady());
        const double eta = controller()->config().training.learningRate;
        QVERIFY(close(info.maxStableLearningRate, limit, 1e-9));
        QVERIFY2(eta > info.maxStableLearningRate, qPrintable(QStringLiteral("η %1, 2/λ_max %2").arg(eta).arg(info.maxStableLearningRate)));
        QVERIFY(close(eta, 1.2 * limit, 1e-9));
        // The panel says where η stands against the line, for this run.
        QTRY_VERIFY(panel()->limitText().contains(QStringLiteral("1.20 × 2/λ_max")));
        QVERIFY(panel()->limitText().contains(QStringLiteral("above the line")));

        // Step 2 (Train): the run diverges.
        QList<int> diverged;
        QList<int> finished;
        QObject receiver;
        connect(controller()->session(), &TrainingSession::diverged, &receiver, [&diverged](int runId, const QString &) { diverged << runId; },
                Qt::QueuedConnection);
        connect(controller()->session(), &TrainingSession::finished, &receiver, [&finished](int runId, const RunSummary &) { finished << runId; },
                Qt::QueuedConnection);
        const int divergingRun = controller()->currentRunId();
        QTest::mouseClick(panel()->stepButton(1), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(diverged.contains(divergingRun), 60000);

        // Step 3: 0.9 × 2/λ_max of the same problem, a new run that converges.
        QTest::mouseClick(panel()->stepButton(2), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(controller()->currentRunId() != divergingRun, 60000);
        QVERIFY(close(controller()->config().training.learningRate, 0.9 * limit, 1e-9));
        QTRY_VERIFY(panel()->limitText().contains(QStringLiteral("0.90 × 2/λ_max")));
        QVERIFY(panel()->limitText().contains(QStringLiteral("below the line")));
        const int convergingRun = controller()->currentRunId();
        QTRY_VERIFY_WITH_TIMEOUT(finished.contains(convergingRun), 60000);
        QVERIFY(!diverged.contains(convergingRun));
    }

    void lessonThreeComparesOneUser()
    {
        openLesson(3);
        // Before any change there is nothing to compare.
        QSignalSpy done(panel(), &LessonPanel::toolFinished);
        QTest::mouseClick(panel()->toolButton(), Qt::LeftButton);
        QTRY_COMPARE(done.count(), 1);
        QVERIFY(panel()->statusText().contains(QStringLiteral("change α or β")));
        QVERIFY(panel()->compareBefore().empty());

        QTest::mouseClick(panel()->stepButton(1), Qt::LeftButton);   // β = 0, train
        QTRY_COMPARE(modality(controller()->config(), QStringLiteral("image"))->weight, 0.0);
        QCOMPARE(m_window->modalitiesPanel()->weightSpinBox(1)->value(), 0.0);
        QTest::mouseClick(panel()->stepButton(2), Qt::LeftButton);   // Compare
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 2, 120000);
        QCOMPARE(int(panel()->compareBefore().size()), 10);
        QCOMPARE(int(panel()->compareAfter().size()), 10);
        QVERIFY(panel()->compareBefore() != panel()->compareAfter());
        QCOMPARE(panel()->resultTable()->rowCount(), 10);

        // The "before" list is the top 10 of the preset's model for that user, computed here again.
        const std::shared_ptr<const Dataset> data = loadShared(QStringLiteral("demo"));
        FusionPipeline pipeline(data);
        Result<std::unique_ptr<RunDriver>> driver = startRun(pipeline, panel()->presetConfig(), controller()->datasetIdentity());
        QVERIFY(driver.ok());
        runToEnd(**driver);
        const ModelSnapshot snapshot = (*driver)->trainer().snapshot();
        QVERIFY(snapshot);
        const int user = int(data->userIds.indexOf(panel()->userBox()->currentText()));
        QCOMPARE(panel()->userBox()->currentText(), lessonCatalog()[2].tool.user);
        std::vector<int> seen;
        for (int index : snapshot.split->train) {
            if (data->interactionUser[size_t(index)] == user)
                seen.push_back(data->interactionItem[size_t(index)]);
        }
        QVERIFY(!seen.empty());
        std::vector<int> expected;
        for (const ScoredItem &scored : topKScored(*snapshot.model, user, 10, seen))
            expected.push_back(scored.item);
        QCOMPARE(panel()->compareBefore(), expected);
        for (int item : panel()->compareAfter())
            QVERIFY(std::find(seen.begin(), seen.end(), item) == seen.end());
        QCOMPARE(panel()->resultTable()->item(0, 1)->text(), data->itemTitles.at(expected.front()));
    }

    void lessonFourTableEqualsRunOnce()
    {
        openLesson(4);
        QSignalSpy done(panel(), &LessonPanel::toolFinished);
        QTest::mouseClick(panel()->stepButton(1), Qt::LeftButton);   // Build table
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 180000);
        QTableWidget *table = panel()->resultTable();
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(int(panel()->toolRecords().size()), 3);

        // The same three runs, configured here by hand from the preset and trained through runOnce.
        FusionPipeline pipeline(loadShared(QStringLiteral("demo")));
        const std::vector<std::pair<bool, bool>> inputs{{true, false}, {false, true}, {true, true}};
        std::vector<double> ndcg;
        for (int row = 0; row < 3; ++row) {
            RunConfig config = panel()->presetConfig();
            for (ModalityConfig &m : config.pipeline.modalities) {
                if (m.name == QLatin1String("text"))
                    m.enabled = inputs[size_t(row)].first;
                else if (m.name == QLatin1String("image"))
                    m.enabled = inputs[size_t(row)].second;
                else
                    QVERIFY(!m.enabled);
            }
            const RunRecord record = runOnce(pipeline, config, controller()->datasetIdentity());
            QVERIFY2(record.status == QLatin1String("completed") || record.status == QLatin1String("early stop"), qPrintable(record.status));
            const RunRecord &shown = panel()->toolRecords()[size_t(row)];
            QCOMPARE(shown.status, record.status);
            QCOMPARE(shown.summary.bestEpoch, record.summary.bestEpoch);
            for (const QString &key : {QStringLiteral("cold_ndcg@10"), QStringLiteral("cold_recall@10")}) {
                const double value = record.summaryValues().value(key);
                QVERIFY(std::isfinite(value) && value > 0);
                QVERIFY2(close(lessonValue(shown, key), value, 1e-12),
                         qPrintable(QStringLiteral("%1 row %2: %3 vs %4").arg(key).arg(row).arg(lessonValue(shown, key)).arg(value)));
                const int column = key == QLatin1String("cold_ndcg@10") ? 1 : 2;
                QCOMPARE(table->item(row, column)->text(), QLocale().toString(value, 'f', 3));
            }
            ndcg.push_back(record.summaryValues().value(QStringLiteral("cold_ndcg@10")));
        }
        qInfo("cold ndcg@10: text %.3f, image %.3f, fused %.3f", ndcg[0], ndcg[1], ndcg[2]);
        // The lesson's point (README "Does fusion pay off?"): fused beats each modality alone.
        QVERIFY(ndcg[2] > ndcg[0] && ndcg[2] > ndcg[1]);
    }

    void lessonFivePoliciesGiveDifferentFloors()
    {
        openLesson(5);
        QTest::mouseClick(panel()->stepButton(2), Qt::LeftButton);   // Indicator, train
        QTRY_COMPARE(controller()->config().pipeline.missing, MissingPolicy::ZeroWithIndicator);

        QSignalSpy done(panel(), &LessonPanel::toolFinished);
        QTest::mouseClick(panel()->toolButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 120000);
        QCOMPARE(panel()->resultTable()->rowCount(), 3);

        // Each policy's closed-form validation floor, prepared here on the variant.
        FusionPipeline pipeline(loadShared(QStringLiteral("demo-missing")));
        const MissingPolicy policies[] = {MissingPolicy::MeanImpute, MissingPolicy::ZeroWithIndicator, MissingPolicy::LeaveOut};
        std::vector<ProblemInfo> infos;
        for (int row = 0; row < 3; ++row) {
            RunConfig config = panel()->presetConfig();
            config.pipeline.missing = policies[row];
            const Result<PreparedRun> prepared = prepareRun(pipeline, config);
            QVERIFY(prepared.ok());
            infos.push_back(prepared->info);
            const RunRecord &shown = panel()->toolRecords()[size_t(row)];
            QCOMPARE(shown.config.pipeline.missing, policies[row]);
            QVERIFY(close(lessonValue(shown, QStringLiteral("val_floor")), prepared->info.optimumValidationLoss, 1e-9));
            QCOMPARE(lessonValue(shown, QStringLiteral("validation_rows")), double(prepared->info.validationRows));
            QCOMPARE(panel()->resultTable()->item(row, 1)->text(), QLocale().toString(prepared->info.optimumValidationLoss, 'f', 3));
        }
        for (int a = 0; a < 3; ++a) {
            for (int b = a + 1; b < 3; ++b)
                QVERIFY(std::abs(infos[size_t(a)].optimumValidationLoss - infos[size_t(b)].optimumValidationLoss) > 1e-3);
        }
        QVERIFY(infos[1].featureWidth > infos[0].featureWidth);       // the indicator column
        QVERIFY(infos[2].validationRows < infos[0].validationRows);   // leave-out drops ratings
        QCOMPARE(infos[1].validationRows, infos[0].validationRows);
    }

    void startPageReachesEachLessonInOneClick()
    {
        for (int n = 1; n <= 5; ++n) {
            StartPage page;
            page.show();
            QSignalSpy chosen(&page, &StartPage::lessonChosen);
            QVERIFY(page.lessonButton(n));
            QVERIFY(page.lessonButton(n)->text().contains(lessonCatalog()[size_t(n - 1)].title.en));
            QTest::mouseClick(page.lessonButton(n), Qt::LeftButton);
            QCOMPARE(chosen.count(), 1);
            QCOMPARE(chosen.front().at(0).toInt(), n);
            QVERIFY(!page.isVisible());
        }
        // In the window: the start page, one click, the lesson with its preset.
        m_window->showStartPage();
        StartPage *page = nullptr;
        QTRY_VERIFY((page = m_window->findChild<StartPage *>()) != nullptr);
        QSignalSpy applied(panel(), &LessonPanel::presetApplied);
        QTest::mouseClick(page->lessonButton(3), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!applied.isEmpty(), 60000);
        QCOMPARE(panel()->lessonNumber(), 3);
        QCOMPARE(controller()->config().model.kind, ModelKind::Hybrid);

        // "Just explore" closes it and opens nothing.
        m_window->showStartPage();
        QTRY_VERIFY((page = m_window->findChild<StartPage *>()) != nullptr && page->isVisible());
        QTest::mouseClick(page->exploreButton(), Qt::LeftButton);
        QVERIFY(!page->isVisible());
        QCOMPARE(panel()->lessonNumber(), 3);
    }

    void helpMenuReachesEachLessonInThreeClicks()
    {
        // Help (1) ▸ Lessons (2) ▸ the lesson (3).
        QMenu *help = nullptr;
        for (QAction *action : m_window->menuBar()->actions()) {
            if (action->text() == QStringLiteral("&Help"))
                help = action->menu();
        }
        QVERIFY(help);
        QMenu *lessons = nullptr;
        for (QAction *action : help->actions()) {
            if (action->menu() && action->text() == QStringLiteral("&Lessons"))
                lessons = action->menu();
        }
        QVERIFY(lessons);
        QCOMPARE(lessons->actions().size(), 5);
        for (int n = 1; n <= 5; ++n)
            QVERIFY(lessons->actions()[n - 1]->text().contains(lessonCatalog()[size_t(n - 1)].title.en));
        QSignalSpy applied(panel(), &LessonPanel::presetApplied);
        lessons->actions()[4]->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!applied.isEmpty(), 60000);
        QCOMPARE(panel()->lessonNumber(), 5);
    }

    void chineseLocaleShowsChineseTexts()
    {
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        QVERIFY(lessonsInChinese());
        openLesson(1);
        const Lesson &lesson = lessonCatalog()[0];
        QStringList texts;
        for (QLabel *label : panel()->findChildren<QLabel *>())
            texts << label->text();
        QVERIFY(texts.contains(lesson.title.zh));
        QVERIFY(texts.contains(lesson.steps[0].text.zh));
        QVERIFY(texts.contains(lesson.observe.zh));
        QCOMPARE(panel()->stepButton(0)->text(), lesson.steps[0].button.zh);
        StartPage page;
        QVERIFY(page.lessonButton(2)->text().contains(lessonCatalog()[1].title.zh));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(!lessonsInChinese());
    }

    void firstLaunchFlag()
    {
        QVERIFY(!AppSettings::startPageShown());
        AppSettings::setStartPageShown(true);
        QVERIFY(AppSettings::startPageShown());
        AppSettings::clear();
        QVERIFY(!AppSettings::startPageShown());
    }
};

QTEST_MAIN(LessonsTest)
#include "test_lessons.moc"
