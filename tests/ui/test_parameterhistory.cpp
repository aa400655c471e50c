// Undo and redo of parameter changes: configs come back exactly (as JSON), a new change after undo drops
// the redo branch, merge keys merge one gesture into one step (and a gesture that ends where it began
// leaves no step), setCurrent clears, the echo of a restored config makes no step, the actions' texts
// and shortcuts, and describeChange's wording.

#include "engine/training/RunRecord.h"
#include "ui/ParameterHistory.h"
#include "tests/ui/WorkbenchTestSupport.h"

#include <QAction>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

using namespace fl;

namespace {

// Two modalities, text (α) and image (β), both at the seed's 0.5, the seed's regression.
RunConfig baseConfig()
{
    RunConfig config = test::textImageConfig();
    config.training.learningRate = 0.01;
    return config;
}

RunConfig withAlpha(RunConfig config, double alpha)
{
    config.pipeline.modalities[0].weight = alpha;
    return config;
}

QByteArray json(const RunConfig &config)
{
    return QJsonDocument(runConfigToJson(config)).toJson(QJsonDocument::Compact);
}

} // namespace

class ParameterHistoryTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void undoRedoRestoreExactConfigs()
    {
        ParameterHistory history;
        QSignalSpy restored(&history, &ParameterHistory::configRestored);
        const RunConfig c0 = baseConfig();
        RunConfig c1 = withAlpha(c0, 1.2);
        RunConfig c2 = c1;
        c2.training.learningRate = 0.1;
        RunConfig c3 = c2;
        c3.pipeline.modalities[1].enabled = false;
        c3.pipeline.op = FusionOp::Concat;

        history.setCurrent(c0);
        QVERIFY(!history.canUndo());
        history.record(c1);
        history.record(c2);
        history.record(c3);
        QCOMPARE(history.count(), 3);
        QCOMPARE(restored.count(), 0);   // recording applies nothing: the window already has the config

        history.undo();
        QCOMPARE(restored.count(), 1);
        QCOMPARE(json(qvariant_cast<RunConfig>(restored.at(0).at(0))), json(c2));
        QCOMPARE(json(history.current()), json(c2));
        history.undo();
        QCOMPARE(json(qvariant_cast<RunConfig>(restored.at(1).at(0))), json(c1));
        QCOMPARE(history.current().pipeline.modalities[0].weight, 1.2);
        QCOMPARE(history.current().training.learningRate, 0.01);
        QVERIFY(history.canUndo());
        QVERIFY(history.canRedo());

        history.redo();
        QCOMPARE(json(qvariant_cast<RunConfig>(restored.at(2).at(0))), json(c2));
        history.redo();
        QCOMPARE(json(qvariant_cast<RunConfig>(restored.at(3).at(0))), json(c3));
        QVERIFY(!history.current().pipeline.modalities[1].enabled);
        QVERIFY(!history.canRedo());
        history.redo();   // nothing left: no signal
        QCOMPARE(restored.count(), 4);

        history.undo();
        history.undo();
        history.undo();
        QCOMPARE(json(history.current()), json(c0));
        QVERIFY(!history.canUndo());
        history.undo();
        QCOMPARE(restored.count(), 7);
    }

    void newChangeAfterUndoDropsRedo()
    {
        ParameterHistory history;
        const RunConfig c0 = baseConfig();
        history.setCurrent(c0);
        history.record(withAlpha(c0, 1.0));
        history.record(withAlpha(c0, 1.5));
        history.undo();
        QVERIFY(history.canRedo());
        RunConfig other = withAlpha(c0, 1.0);
        other.training.epochs = 50;
        history.record(other);
        QVERIFY(!history.canRedo());
        QCOMPARE(history.count(), 2);
        history.undo();
        QCOMPARE(json(history.current()), json(withAlpha(c0, 1.0)));
        history.undo();
        QCOMPARE(json(history.current()), json(c0));
    }

    void unchangedRecordIsNoStep()
    {
        ParameterHistory history;
        history.setCurrent(baseConfig());
        history.record(baseConfig());
        QCOMPARE(history.count(), 0);
        QVERIFY(!history.canUndo());
    }

    void mergeKeysMerge()
    {
        ParameterHistory history;
        const RunConfig c0 = baseConfig();
        history.setCurrent(c0);
        // One gesture: a spin box spun from 0.5 to 0.8 in three steps.
        history.record(withAlpha(c0, 0.6), {}, 1);
        history.record(withAlpha(c0, 0.7), {}, 1);
        history.record(withAlpha(c0, 0.8), {}, 1);
        QCOMPARE(history.count(), 1);
        QCOMPARE(history.undoText(), QStringLiteral("α (text) 0.5 → 0.8"));
        // Another key is another step.
        RunConfig lr = withAlpha(c0, 0.8);
        lr.training.learningRate = 0.05;
        history.record(lr, {}, 2);
        QCOMPARE(history.count(), 2);
        // No key never merges.
        RunConfig lr2 = lr;
        lr2.training.learningRate = 0.06;
        history.record(lr2);
        RunConfig lr3 = lr2;
        lr3.training.learningRate = 0.07;
        history.record(lr3);
        QCOMPARE(history.count(), 4);

        history.undo();
        history.undo();
        history.undo();
        QCOMPARE(json(history.current()), json(withAlpha(c0, 0.8)));
        history.undo();
        QCOMPARE(json(history.current()), json(c0));
    }

    void closedStepDoesNotMerge()
    {
        ParameterHistory history;
        const RunConfig c0 = baseConfig();
        history.setCurrent(c0);
        history.record(withAlpha(c0, 0.6), {}, 1);
        history.closeStep();
        history.record(withAlpha(c0, 0.7), {}, 1);
        QCOMPARE(history.count(), 2);
        // After an undo the step below is closed too: a new gesture does not fold into it.
        history.undo();
        history.record(withAlpha(c0, 0.9), {}, 1);
        QCOMPARE(history.count(), 2);
        history.undo();
        QCOMPARE(json(history.current()), json(withAlpha(c0, 0.6)));
    }

    void gestureBackToStartLeavesNoStep()
    {
        ParameterHistory history;
        const RunConfig c0 = baseConfig();
        history.setCurrent(c0);
        history.record(withAlpha(c0, 1.0));
        history.record(withAlpha(c0, 1.3), {}, 4);
        history.record(withAlpha(c0, 1.0), {}, 4);
        QCOMPARE(history.count(), 1);
        history.undo();
        QCOMPARE(json(history.current()), json(c0));
    }

    void setCurrentClears()
    {
        ParameterHistory history;
        const RunConfig c0 = baseConfig();
        history.setCurrent(c0);
        history.record(withAlpha(c0, 1.0));
        history.record(withAlpha(c0, 1.1));
        history.undo();
        QVERIFY(history.canUndo());
        QVERIFY(history.canRedo());
        RunConfig loaded = baseConfig();
        loaded.pipeline.modalities.pop_back();
        history.setCurrent(loaded);
        QVERIFY(!history.canUndo());
        QVERIFY(!history.canRedo());
        QCOMPARE(history.count(), 0);
        QCOMPARE(json(history.current()), json(loaded));
    }

    void echoOfRestoreMakesNoStep()
    {
        ParameterHistory history;
        const RunConfig c0 = baseConfig();
        history.setCurrent(c0);
        history.record(withAlpha(c0, 1.0));
        history.record(withAlpha(c0, 1.5));
        // The window applies the restored config and its panels report it back, during the signal.
        int echoes = 0;
        const QMetaObject::Connection echo = connect(&history, &ParameterHistory::configRestored, this,
                                                     [&](const RunConfig &config) {
                                                         ++echoes;
                                                         history.record(config, QStringLiteral("α change"));
                                                     });
        history.undo();
        QCOMPARE(echoes, 1);
        QCOMPARE(history.count(), 2);
        QVERIFY(history.canRedo());
        // The same echo arriving later (a queued connection) is no step either.
        history.record(withAlpha(c0, 1.0));
        QVERIFY(history.canRedo());
        QCOMPARE(history.count(), 2);
        disconnect(echo);

        // A panel that adjusts the restored config (clamping, rounding) makes that the current state,
        // without a step and without losing the redo branch.
        connect(&history, &ParameterHistory::configRestored, this,
                [&](const RunConfig &config) { history.record(withAlpha(config, 0.25)); });
        history.undo();
        QCOMPARE(history.count(), 2);
        QVERIFY(history.canRedo());
        QCOMPARE(json(history.current()), json(withAlpha(c0, 0.25)));
        // The next real change starts from the adjusted state.
        history.disconnect(this);
        history.record(withAlpha(c0, 0.75));
        history.undo();
        QCOMPARE(json(history.current()), json(withAlpha(c0, 0.25)));
    }

    void actionTextsAndShortcuts()
    {
        ParameterHistory history;
        QObject owner;
        QAction *undo = history.createUndoAction(&owner);
        QAction *redo = history.createRedoAction(&owner);
        QCOMPARE(undo->parent(), &owner);
        QVERIFY(undo->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Z)));
        QVERIFY(redo->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)));
        QCOMPARE(undo->text(), QStringLiteral("Undo"));
        QCOMPARE(redo->text(), QStringLiteral("Redo"));
        QVERIFY(!undo->isEnabled());
        QVERIFY(!redo->isEnabled());

        const RunConfig c0 = baseConfig();
        history.setCurrent(c0);
        history.record(withAlpha(c0, 1.2), QStringLiteral("α change"));
        QCOMPARE(undo->text(), QStringLiteral("Undo α change"));
        QVERIFY(undo->isEnabled());
        RunConfig lr = withAlpha(c0, 1.2);
        lr.training.learningRate = 0.1;
        history.record(lr);
        QCOMPARE(undo->text(), QStringLiteral("Undo η 0.01 → 0.1"));

        QSignalSpy restored(&history, &ParameterHistory::configRestored);
        undo->trigger();
        QCOMPARE(restored.count(), 1);
        QCOMPARE(undo->text(), QStringLiteral("Undo α change"));
        QCOMPARE(redo->text(), QStringLiteral("Redo η 0.01 → 0.1"));
        QVERIFY(redo->isEnabled());
        redo->trigger();
        QCOMPARE(json(history.current()), json(lr));
        QVERIFY(!redo->isEnabled());
        QCOMPARE(redo->text(), QStringLiteral("Redo"));

        history.setCurrent(c0);
        QCOMPARE(undo->text(), QStringLiteral("Undo"));
        QVERIFY(!undo->isEnabled());
    }

    // The window deletes the history before the actions it made (its child first). Deleting the history
    // clears its stack, which signals: no update may reach the half-destroyed history (the sanitizer
    // build's UBSan caught one), and the actions left behind are disabled and do nothing.
    void actionsOutliveTheirHistory()
    {
        QObject owner;
        auto *history = new ParameterHistory;
        QAction *undo = history->createUndoAction(&owner);
        QAction *redo = history->createRedoAction(&owner);
        const RunConfig c0 = baseConfig();
        history->setCurrent(c0);
        history->record(withAlpha(c0, 1.2), QStringLiteral("α change"));
        history->record(withAlpha(c0, 0.7), QStringLiteral("α change again"));
        history->undo();
        QVERIFY(undo->isEnabled());
        QVERIFY(redo->isEnabled());
        QCOMPARE(undo->text(), QStringLiteral("Undo α change"));

        QSignalSpy cleared(history->stack(), &QUndoStack::canUndoChanged);
        QSignalSpy destroyed(history, &QObject::destroyed);
        delete history;
        QCOMPARE(destroyed.count(), 1);
        QVERIFY(!cleared.isEmpty());                              // the stack did signal as it went
        QCOMPARE(undo->text(), QStringLiteral("Undo α change"));   // and no update ran on its way out
        QVERIFY(!undo->isEnabled());
        QVERIFY(!redo->isEnabled());
        undo->trigger();
        redo->trigger();

        // Actions deleted before their history are forgotten by it.
        ParameterHistory kept;
        {
            QObject shortLived;
            kept.createUndoAction(&shortLived);
        }
        kept.setCurrent(c0);
        kept.record(withAlpha(c0, 2.0));
        QVERIFY(kept.canUndo());
    }

    void describeChangeTexts()
    {
        const RunConfig c0 = baseConfig();
        QCOMPARE(describeChange(c0, c0), QString());
        QCOMPARE(describeChange(c0, withAlpha(c0, 1.2)), QStringLiteral("α (text) 0.5 → 1.2"));

        RunConfig imageOff = c0;
        imageOff.pipeline.modalities[1].enabled = false;
        // The image weight disappearing follows from the switch and is not named.
        QCOMPARE(describeChange(c0, imageOff), QStringLiteral("image off"));
        QCOMPARE(describeChange(imageOff, c0), QStringLiteral("image on"));

        RunConfig lr = c0;
        lr.training.learningRate = 0.1;
        QCOMPARE(describeChange(c0, lr), QStringLiteral("η 0.01 → 0.1"));

        RunConfig mf = c0;
        mf.model.kind = ModelKind::Mf;
        RunConfig hybrid = mf;
        hybrid.model.kind = ModelKind::Hybrid;
        QCOMPARE(describeChange(mf, hybrid), QStringLiteral("model mf → hybrid"));

        // Several at once, in the Runs table's column order; past three, a count.
        RunConfig many = withAlpha(c0, 1.0);
        many.pipeline.op = FusionOp::Concat;
        many.training.learningRate = 0.02;
        QCOMPARE(describeChange(c0, many), QStringLiteral("fusion sum → concat, α (text) 0.5 → 1, η 0.01 → 0.02"));
        many.training.epochs = 10;
        many.training.seed = 7;
        QCOMPARE(describeChange(c0, many),
                 QStringLiteral("fusion sum → concat, α (text) 0.5 → 1, η 0.01 → 0.02, +2 more"));
    }
};

QTEST_MAIN(ParameterHistoryTest)
#include "test_parameterhistory.moc"
