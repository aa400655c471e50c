#pragma once

// The Runs page of the workbench: every finished run in a sortable, filterable table (RunHistoryModel)
// with rename (F2), star (S), delete (Delete; starred runs only after a confirmation) and "Use these
// parameters", and under it the selected runs' curves overlaid (RunOverlayChart) with a smoothing
// slider. With nothing selected the chart shows the newest run; with no runs at all a sentence says
// where they come from.

#include "engine/training/RunRecord.h"

#include <QStringList>
#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QSlider;
class QStackedWidget;
class QTableView;

namespace fl {

class RunHistoryModel;
class RunOverlayChart;
class RunTableProxy;

class RunsPage : public QWidget
{
    Q_OBJECT

public:
    // Asked before starred runs are deleted, with their names; true deletes them.
    using ConfirmDelete = std::function<bool(const QStringList &starredNames)>;

    RunsPage(RunHistoryModel *model, QWidget *parent = nullptr);
    ~RunsPage() override;

    RunHistoryModel *model() const { return m_model; }
    RunOverlayChart *chart() const { return m_chart; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    QSlider *smoothingSlider() const { return m_smoothing; }

    // Selects these runs (those shown by the filter), the first one current, and scrolls to it.
    void selectRuns(const QStringList &ids);
    // The selected runs, in the table's order.
    QStringList selectedRunIds() const;
    // The run the actions work on: the current row, else the newest shown one; empty when none.
    QString currentRunId() const;
    // The runs the chart shows: the selected ones, or the newest one when none is selected.
    QStringList chartedRunIds() const;

    // Replaces the question asked before deleting starred runs (a QMessageBox); tests pass a function.
    void setConfirmDelete(ConfirmDelete confirm);
    // The EMA weight, 0 … 0.99.
    double smoothing() const;
    void setSmoothing(double weight);

    // The page's actions, also for a window menu.
    QAction *renameAction() const { return m_renameAction; }
    QAction *starAction() const { return m_starAction; }
    QAction *deleteAction() const { return m_deleteAction; }
    QAction *useParametersAction() const { return m_useAction; }

    // The selected runs (or the current one) deleted, starred ones only after confirmation. Returns
    // the ids deleted.
    QStringList deleteSelected();
    // Stars the selected runs, or unstars them when all of them are starred.
    void toggleStarSelected();
    // Opens the current run's name for editing.
    void renameCurrent();
    // Emits parametersRequested with the current run's parameters.
    void useCurrentParameters();

Q_SIGNALS:
    void parametersRequested(const fl::RunConfig &config);
    void selectionChanged(const QStringList &ids);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateChart();
    void scheduleChartUpdate();
    void updateActions();
    void updateEmptyState();
    void updateSmoothingLabel();
    void exportChart();
    QString newestShownId() const;

    RunHistoryModel *m_model;
    RunTableProxy *m_proxy = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLineEdit *m_filter = nullptr;
    QTableView *m_table = nullptr;
    RunOverlayChart *m_chart = nullptr;
    QSlider *m_smoothing = nullptr;
    QLabel *m_smoothingValue = nullptr;
    QLabel *m_countLabel = nullptr;
    QAction *m_renameAction = nullptr;
    QAction *m_starAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_useAction = nullptr;
    ConfirmDelete m_confirm;
    bool m_chartPending = false;
    bool m_columnsSized = false;
};

} // namespace fl
