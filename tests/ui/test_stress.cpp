// The window under fire: 10,000 seeded random user events while it trains — the α, β and η sliders
// and spin boxes, the optimizer, speed, fusion, missing-value, model, loss and split choices, the
// modality and learned-weight check boxes, Train/Pause, Step, Step back and Reset, page switches,
// dataset switches and closing the window to open a new one — typed and clicked through QTest as a
// user would, with the event loop turning in between. Nothing may crash or hang, and when the events
// stop the window, its controller and the engine must agree: the controls show the configuration the
// engine runs, the chart holds exactly the epochs the engine reported for the current run, and the
// Train button says what the session is doing. (The engine's half, TrainingSession under 10,000
// commands, is test_sessionstress, which CI also runs under ThreadSanitizer.)
// FUSIONLAB_STRESS_TRACE=1 prints every hundredth event's number to stderr, to find where a hang began.

#include "engine/core/Random.h"
#include "tests/TestSupport.h"
#include "ui/AppSettings.h"
#include "ui/ExperimentController.h"
#include "ui/LossChartView.h"
#include "ui/MainWindow.h"
#include "ui/ModalitiesPanel.h"
#include "ui/ModelPanel.h"
#include "ui/TrainingPanel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

#include <map>

using namespace fl;

namespace {

// Counts, from the session's own signals, the epochs each run has after its steps back: what the
// chart must show for the current run when everything has settled.
class EpochLedger : public QObject
{
public:
    explicit EpochLedger(TrainingSession *session)
    {
        connect(session, &TrainingSession::runPrepared, this, [this](int runId, const ProblemInfo &) { epochs[runId] = 0; });
        connect(session, &TrainingSession::progress, this, [this](int runId, const QList<EpochRecord> &records) {
            if (!records.isEmpty())
                epochs[runId] = records.back().epoch;
        });
        connect(session, &TrainingSession::steppedBack, this,
                [this](int runId, const EpochRecord &restored) { epochs[runId] = restored.epoch; });
    }
    std::map<int, int> epochs;
};

const Qt::Key sliderKeys[] = {Qt::Key_Left, Qt::Key_Right, Qt::Key_PageUp, Qt::Key_PageDown, Qt::Key_Home, Qt::Key_End};

} // namespace

class StressTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<EpochLedger> m_ledger;
    std::map<QString, int> m_events;

    bool open(const QString &dataset)
    {
        m_ledger.reset();
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1024, 768);
        m_window->show();
        m_ledger = std::make_unique<EpochLedger>(m_window->controller()->session());
        QSignalSpy loaded(m_window->controller(), &ExperimentController::datasetLoaded);
        m_window->openDataset(dataset);
        return loaded.wait(30000) || loaded.count() > 0;
    }

    // A key on a widget that a user could reach: visible and enabled, else nothing happens.
    void key(QWidget *w, Qt::Key k, const char *what)
    {
        if (!w || !w->isVisible() || !w->isEnabled())
            return;
        QTest::keyClick(w, k);
        ++m_events[QLatin1String(what)];
    }
    void trigger(QAction *a, const char *what)
    {
        if (a->isEnabled()) {
            a->trigger();
            ++m_events[QLatin1String(what)];
        }
    }
    void click(QCheckBox *box, const char *what)
    {
        if (box && box->isVisible() && box->isEnabled()) {
            QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(6, box->height() / 2));
            ++m_events[QLatin1String(what)];
        }
    }

    void randomEvent(Random &random, const QString &demo, const QString &shop, QString &current)
    {
        ModalitiesPanel *modalities = m_window->modalitiesPanel();
        TrainingPanel *training = m_window->trainingPanel();
        ModelPanel *model = m_window->modelPanel();
        const int modalityCount = int(m_window->controller()->config().pipeline.modalities.size());
        const std::uint64_t pick = random.below(1000);
        const Qt::Key upDown = random.below(2) ? Qt::Key_Up : Qt::Key_Down;
        if (pick < 150) {
            key(modalityCount ? modalities->weightSlider(int(random.below(std::uint64_t(modalityCount)))) : nullptr,
                sliderKeys[random.below(6)], "weight slider");
        } else if (pick < 200) {
            key(modalityCount ? modalities->weightSpinBox(int(random.below(std::uint64_t(modalityCount)))) : nullptr, upDown,
                "weight spin box");
        } else if (pick < 300) {
            key(training->learningRateSlider(), sliderKeys[random.below(6)], "η slider");
        } else if (pick < 330) {
            key(training->learningRateSpinBox(), upDown, "η spin box");
        } else if (pick < 360) {
            key(training->optimizerBox(), upDown, "optimizer");
        } else if (pick < 380) {
            key(training->speedBox(), upDown, "speed");
        } else if (pick < 400) {
            key(modalities->operatorBox(), upDown, "fusion operator");
        } else if (pick < 410) {
            key(modalities->missingBox(), upDown, "missing values");
        } else if (pick < 420) {
            click(modalities->learnBox(), "learned weights");
        } else if (pick < 440) {
            click(modalityCount ? modalities->enabledBox(int(random.below(std::uint64_t(modalityCount)))) : nullptr, "modality on/off");
        } else if (pick < 490) {
            key(model->modelBox(), upDown, "model");
        } else if (pick < 500) {
            key(model->lossBox(), upDown, "loss");
        } else if (pick < 515) {
            key(model->splitBox(), upDown, "split");
        } else if (pick < 600) {
            trigger(m_window->trainAction(), "train/pause");
        } else if (pick < 690) {
            trigger(m_window->stepAction(), "step");
        } else if (pick < 740) {
            trigger(m_window->stepBackAction(), "step back");
        } else if (pick < 760) {
            trigger(m_window->resetAction(), "reset");
        } else if (pick < 780) {
            m_window->pages()->setCurrentIndex(int(random.below(std::uint64_t(m_window->pages()->count()))));
            ++m_events[QStringLiteral("page")];
        } else if (pick < 784) {
            current = current == demo ? shop : demo;
            m_window->openDataset(current);
            ++m_events[QStringLiteral("dataset switch")];
        } else if (pick < 785) {
            // Closing in the middle of it all, then opening again as a user would the next day.
            m_window->close();
            m_ledger.reset();
            m_window.reset();
            current = random.below(2) ? demo : shop;
            QVERIFY(open(current));
            ++m_events[QStringLiteral("close and reopen")];
        } else {
            if (random.below(5) == 0)
                QTest::qWait(1 + int(random.below(8)));
            else
                QCoreApplication::processEvents();
            ++m_events[QStringLiteral("events")];
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        AppSettings::clear();
    }
    void cleanupTestCase() { AppSettings::clear(); }

    void tenThousandRandomEvents()
    {
        const QString demo = QStringLiteral("demo");
        const QString shop = QStringLiteral(FUSIONLAB_FIXTURES_DIR "/manifest/shop");
        QString current = demo;
        QVERIFY(open(current));
        Random random(1024768);
        constexpr int eventCount = 10000;
        for (int i = 0; i < eventCount; ++i) {
            if (qEnvironmentVariableIsSet("FUSIONLAB_STRESS_TRACE") && i % 100 == 0)
                fprintf(stderr, "event %d\n", i);
            randomEvent(random, demo, shop, current);
            if (QTest::currentTestFailed())
                return;
        }

        // Settle: let the last load and preparation finish, then pause whatever runs.
        ExperimentController *controller = m_window->controller();
        TrainingSession *session = controller->session();
        QTRY_VERIFY_WITH_TIMEOUT(!controller->isLoading(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(session->state() != TrainingSession::State::Preparing, 60000);
        if (session->state() == TrainingSession::State::Running)
            controller->pause();
        QTRY_VERIFY_WITH_TIMEOUT(session->state() != TrainingSession::State::Running
                                     && session->state() != TrainingSession::State::Preparing, 60000);
        QTest::qWait(300);   // the last signals arrive and the chart redraws

        qInfo("%s", qPrintable(QStringLiteral("events: %1final state %2, run %3, %4 epochs")
                                   .arg(test::tally(m_events)).arg(int(session->state())).arg(session->currentRunId())
                                   .arg(m_window->chart()->currentEpochCount())));

        // The controls show what the engine is configured to run.
        const RunConfig &config = controller->config();
        for (int m = 0; m < int(config.pipeline.modalities.size()); ++m) {
            QCOMPARE(m_window->modalitiesPanel()->weightSpinBox(m)->value(), config.pipeline.modalities[size_t(m)].weight);
            QCOMPARE(m_window->modalitiesPanel()->weightSlider(m)->value(), qRound(config.pipeline.modalities[size_t(m)].weight * 100));
        }
        QCOMPARE(m_window->trainingPanel()->learningRateSpinBox()->value(), config.training.learningRate);
        QVERIFY(m_window->modelPanel()->modelBox()->currentData().isValid());   // int(ModelKind)

        // The engine runs the controller's current run, and the chart holds its epochs exactly.
        QCOMPARE(controller->currentRunId(), session->currentRunId());
        QVERIFY(m_ledger->epochs.contains(controller->currentRunId()));
        QCOMPARE(m_window->chart()->currentEpochCount(), m_ledger->epochs[controller->currentRunId()]);

        // The Train button says what pressing it will do.
        const QString train = m_window->trainAction()->text();
        QVERIFY2(train == QLatin1String("Train") || train == QLatin1String("Resume"), qPrintable(train));

        // And the window still trains: one Step adds exactly one epoch.
        const int before = m_window->chart()->currentEpochCount();
        if (m_window->stepAction()->isEnabled()) {
            m_window->stepAction()->trigger();
            QTRY_COMPARE_WITH_TIMEOUT(m_window->chart()->currentEpochCount(), before + 1, 30000);
        }

        m_window->close();
        m_ledger.reset();
        m_window.reset();   // joins the engine thread
    }
};

QTEST_MAIN(StressTest)
#include "test_stress.moc"
