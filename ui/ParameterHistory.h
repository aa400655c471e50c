#pragma once

// Undo and redo of parameter changes (Ctrl+Z, Ctrl+Shift+Z) over a QUndoStack. The window records
// each committed change (a slider released, a value edited, a switch toggled) as one step; a run of
// commits with the same merge key (a spin box being spun, one drag gesture) merges into one step.
//
// The echo cannot create a step: undo() and redo() move current() to the restored config before
// configRestored is emitted, and record() of a config equal to current() (compared as
// runConfigToJson) does nothing. So a window that applies the restored config to its panels and lets
// them emit their usual configEdited → record() gets no new step and keeps its redo branch, whether
// the echo arrives during the signal or later through a queued connection. A config recorded during
// the signal that differs from the restored one (a panel normalising a value) becomes current()
// without a step, for the same reason.

#include "engine/training/RunTrainer.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QAction;
class QUndoStack;

namespace fl {

// What changed between two configs, for a user: "α (text) 0.5 → 1.2", "image off", "η 0.01 → 0.1",
// several joined by ", " (at most three, then "+N more"); empty when nothing did.
QString describeChange(const RunConfig &before, const RunConfig &after);

// Equal as far as a run is concerned: the same runConfigToJson.
bool sameRunConfig(const RunConfig &a, const RunConfig &b);

class ParameterHistory : public QObject
{
    Q_OBJECT

public:
    explicit ParameterHistory(QObject *parent = nullptr);
    ~ParameterHistory() override;

    // The state without making a step (a dataset loaded, a run's settings adopted): clears the history.
    void setCurrent(const RunConfig &config);
    const RunConfig &current() const { return m_current; }

    // A committed change from current() to after, as one step called text (empty: describeChange()).
    // Consecutive records with the same mergeKey ≥ 0 merge into one step; a merged step that ends
    // where it began disappears. Nothing happens when after equals current().
    void record(const RunConfig &after, const QString &text = {}, int mergeKey = -1);

    // "Undo α change" / "Redo α change" with the standard shortcuts (Ctrl+Z; Ctrl+Shift+Z and Ctrl+Y),
    // enabled while there is something to undo or redo.
    QAction *createUndoAction(QObject *parent);
    QAction *createRedoAction(QObject *parent);

    bool canUndo() const;
    bool canRedo() const;
    QString undoText() const;
    QString redoText() const;
    int count() const;

    void undo();
    void redo();
    // Ends the open step: the next record() makes a new step even with the same merge key (the end of
    // a gesture). undo() and redo() do this too.
    void closeStep();

    QUndoStack *stack() const { return m_stack; }

Q_SIGNALS:
    // The config to apply after undo() or redo(); current() already holds it.
    void configRestored(const fl::RunConfig &config);

private:
    class Change;

    void restore(const RunConfig &config);

    QUndoStack *m_stack = nullptr;
    QList<QPointer<QAction>> m_actions;   // made by create…Action(), owned by their parents
    RunConfig m_current;
    bool m_pushing = false;    // QUndoStack::push() calls redo() at once: the change is already applied
    bool m_restoring = false;  // inside configRestored
};

} // namespace fl
