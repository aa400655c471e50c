#include "ParameterHistory.h"

#include "engine/training/RunRecord.h"

#include <QAction>
#include <QCoreApplication>
#include <QKeySequence>
#include <QPointer>
#include <QScopedValueRollback>
#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>

namespace fl {

namespace {

constexpr int kMaxDescribedChanges = 3;

// The translation context of this file's messages; lupdate reads it from the macro.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(fl::ParameterHistory)
};

} // namespace

bool sameRunConfig(const RunConfig &a, const RunConfig &b)
{
    return runConfigToJson(a) == runConfigToJson(b);
}

QString describeChange(const RunConfig &before, const RunConfig &after)
{
    RunRecord from;
    from.config = before;
    RunRecord to;
    to.config = after;
    std::vector<ParameterColumn> columns = differingParameters({&from, &to});
    // A value that appears or disappears ("—": a weight of a modality switched off, the options of a
    // model switched to) follows from another change; it is named only when nothing else changed.
    const auto consequence = [](const ParameterColumn &c) { return c.values.contains(QStringLiteral("—")); };
    if (!std::all_of(columns.begin(), columns.end(), consequence))
        columns.erase(std::remove_if(columns.begin(), columns.end(), consequence), columns.end());
    QStringList parts;
    for (size_t i = 0; i < columns.size() && i < size_t(kMaxDescribedChanges); ++i) {
        const ParameterColumn &column = columns[i];
        const QString oldValue = column.values.value(0);
        const QString newValue = column.values.value(1);
        if (column.key.startsWith(QLatin1String("modality:")))
            parts << QStringLiteral("%1 %2").arg(column.title, newValue);
        else
            parts << QStringLiteral("%1 %2 → %3").arg(column.title, oldValue, newValue);
    }
    if (columns.size() > size_t(kMaxDescribedChanges)) {
        const int more = int(columns.size()) - kMaxDescribedChanges;
        parts << Tr::tr("+%n more", nullptr, more);
    }
    return parts.join(QStringLiteral(", "));
}

// One step: the config before and after. Pushing it applies nothing (the window has applied it
// already); undo and redo hand the config to restore to the history.
class ParameterHistory::Change : public QUndoCommand
{
public:
    Change(ParameterHistory *history, const RunConfig &before, const RunConfig &after, const QString &text,
           int mergeKey)
        : m_history(history), m_before(before), m_after(after), m_fixedText(text), m_mergeKey(mergeKey)
    {
        updateText();
    }

    void undo() override { m_history->restore(m_before); }
    void redo() override
    {
        if (!m_history->m_pushing)
            m_history->restore(m_after);
    }
    int id() const override { return m_sealed ? -1 : m_mergeKey; }
    bool mergeWith(const QUndoCommand *command) override
    {
        const auto *other = dynamic_cast<const Change *>(command);
        if (!other || other->m_mergeKey != m_mergeKey)
            return false;
        m_after = other->m_after;
        if (!other->m_fixedText.isEmpty())
            m_fixedText = other->m_fixedText;
        updateText();
        setObsolete(sameRunConfig(m_before, m_after));
        return true;
    }
    void seal() { m_sealed = true; }

private:
    void updateText()
    {
        QString text = m_fixedText.isEmpty() ? describeChange(m_before, m_after) : m_fixedText;
        setText(text.isEmpty() ? Tr::tr("parameter change") : text);
    }

    ParameterHistory *m_history;
    RunConfig m_before;
    RunConfig m_after;
    QString m_fixedText;
    int m_mergeKey;
    bool m_sealed = false;
};

ParameterHistory::ParameterHistory(QObject *parent) : QObject(parent), m_stack(new QUndoStack(this)) {}

ParameterHistory::~ParameterHistory()
{
    // The actions' updates are connected with this object as their context, so QObject's destructor
    // cuts them before it deletes the stack (whose clear() then signals). An action that outlives the
    // history has nothing left to undo.
    for (const QPointer<QAction> &action : std::as_const(m_actions)) {
        if (action)
            action->setEnabled(false);
    }
}

void ParameterHistory::setCurrent(const RunConfig &config)
{
    m_stack->clear();
    m_current = config;
}

void ParameterHistory::record(const RunConfig &after, const QString &text, int mergeKey)
{
    if (sameRunConfig(after, m_current))
        return;
    if (m_restoring) {
        // The window applying a restored config adjusted it: that is the state now, not a step.
        m_current = after;
        return;
    }
    auto *change = new Change(this, m_current, after, text, mergeKey < 0 ? -1 : mergeKey);
    m_current = after;
    QScopedValueRollback pushing(m_pushing, true);
    m_stack->push(change);
}

QAction *ParameterHistory::createUndoAction(QObject *parent)
{
    auto *action = new QAction(parent);
    action->setShortcuts(QKeySequence::Undo);
    const auto update = [this, action = QPointer<QAction>(action)] {
        if (!action)
            return;
        action->setEnabled(canUndo());
        action->setText(canUndo() ? tr("Undo %1").arg(undoText()) : tr("Undo"));
    };
    update();
    connect(m_stack, &QUndoStack::canUndoChanged, this, update);
    connect(m_stack, &QUndoStack::undoTextChanged, this, update);
    connect(action, &QAction::triggered, this, &ParameterHistory::undo);
    m_actions.append(action);
    return action;
}

QAction *ParameterHistory::createRedoAction(QObject *parent)
{
    auto *action = new QAction(parent);
    QList<QKeySequence> shortcuts = QKeySequence::keyBindings(QKeySequence::Redo);
    const QKeySequence shiftZ(Qt::CTRL | Qt::SHIFT | Qt::Key_Z);
    if (!shortcuts.contains(shiftZ))
        shortcuts.prepend(shiftZ);
    action->setShortcuts(shortcuts);
    const auto update = [this, action = QPointer<QAction>(action)] {
        if (!action)
            return;
        action->setEnabled(canRedo());
        action->setText(canRedo() ? tr("Redo %1").arg(redoText()) : tr("Redo"));
    };
    update();
    connect(m_stack, &QUndoStack::canRedoChanged, this, update);
    connect(m_stack, &QUndoStack::redoTextChanged, this, update);
    connect(action, &QAction::triggered, this, &ParameterHistory::redo);
    m_actions.append(action);
    return action;
}

bool ParameterHistory::canUndo() const
{
    return m_stack->canUndo();
}

bool ParameterHistory::canRedo() const
{
    return m_stack->canRedo();
}

QString ParameterHistory::undoText() const
{
    return m_stack->undoText();
}

QString ParameterHistory::redoText() const
{
    return m_stack->redoText();
}

int ParameterHistory::count() const
{
    return m_stack->count();
}

void ParameterHistory::undo()
{
    if (m_restoring || !canUndo())
        return;
    m_stack->undo();
    closeStep();
}

void ParameterHistory::redo()
{
    if (m_restoring || !canRedo())
        return;
    m_stack->redo();
    closeStep();
}

void ParameterHistory::closeStep()
{
    const int top = m_stack->index() - 1;
    if (top < 0)
        return;
    // The stack hands out its commands const; every command on it is a Change made here.
    if (auto *change = dynamic_cast<const Change *>(m_stack->command(top)))
        const_cast<Change *>(change)->seal();
}

void ParameterHistory::restore(const RunConfig &config)
{
    m_current = config;
    QScopedValueRollback restoring(m_restoring, true);
    const RunConfig applied = config;
    Q_EMIT configRestored(applied);
}

} // namespace fl
