#include "RunsPage.h"

#include "ChartAxes.h"
#include "RunHistoryModel.h"
#include "RunOverlayChart.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace fl {

// Sorting by the model's SortRole with "—" last both ways; filtering on every column's text.
class RunTableProxy : public QSortFilterProxyModel
{
public:
    explicit RunTableProxy(QObject *parent)
        : QSortFilterProxyModel(parent)
    {
        setSortRole(RunHistoryModel::SortRole);
        setFilterKeyColumn(-1);
        setFilterCaseSensitivity(Qt::CaseInsensitive);
        setSortCaseSensitivity(Qt::CaseInsensitive);
    }

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        return RunHistoryModel::lessThan(left.data(sortRole()), right.data(sortRole()), sortOrder());
    }
};

namespace {

constexpr int kSmoothingSteps = 100;  // the slider's 0 … 99 are weights 0 … 0.99
constexpr int kDefaultSmoothing = 60;

QToolButton *actionButton(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setFocusPolicy(Qt::TabFocus);
    return button;
}

} // namespace

RunsPage::RunsPage(RunHistoryModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    m_proxy = new RunTableProxy(this);
    m_proxy->setSourceModel(m_model);

    m_stack = new QStackedWidget(this);
    auto *empty = new QLabel(tr("No runs yet.\n\nEvery training run appears here as it finishes, with its parameters, "
                                "curves and results, so that you can compare runs, star the good ones and train "
                                "again with their parameters."),
                             m_stack);
    empty->setObjectName(QStringLiteral("runsEmptyState"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    empty->setMargin(24);
    QFont emptyFont = empty->font();
    emptyFont.setPointSizeF(std::max(emptyFont.pointSizeF() * 1.2, 12.0));
    empty->setFont(emptyFont);
    makeMutedLabel(empty);
    m_stack->addWidget(empty);

    auto *content = new QWidget(m_stack);
    m_stack->addWidget(content);

    m_renameAction = new QAction(tr("&Rename"), this);
    m_renameAction->setShortcut(QKeySequence(Qt::Key_F2));
    m_renameAction->setToolTip(tr("Rename the current run (F2)"));
    m_starAction = new QAction(tr("&Star"), this);
    m_starAction->setShortcut(QKeySequence(Qt::Key_S));
    m_starAction->setToolTip(tr("Star or unstar the selected runs (S); starred runs are asked about before deleting"));
    m_deleteAction = new QAction(tr("&Delete"), this);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setToolTip(tr("Delete the selected runs (Delete)"));
    m_useAction = new QAction(tr("&Use these parameters"), this);
    m_useAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_useAction->setToolTip(tr("Set the model, fusion and training controls to the current run's parameters (Ctrl+Enter)"));

    // The filter and the buttons.
    auto *top = new QWidget(content);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    auto *filterLabel = new QLabel(tr("&Filter:"), top);
    m_filter = new QLineEdit(top);
    m_filter->setPlaceholderText(tr("any text in any column, e.g. hybrid, diverged, image"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(180);
    m_filter->setAccessibleName(tr("Filter runs"));
    filterLabel->setBuddy(m_filter);
    m_countLabel = new QLabel(top);
    makeMutedLabel(m_countLabel);
    bar->addWidget(filterLabel);
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_countLabel);
    bar->addSpacing(12);
    for (QAction *action : {m_renameAction, m_starAction, m_deleteAction, m_useAction})
        bar->addWidget(actionButton(action, top));
    topLayout->addLayout(bar);

    m_table = new QTableView(top);
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RunHistoryModel::StartedColumn, Qt::DescendingOrder);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->setMinimumHeight(m_table->fontMetrics().height() * 7);
    m_table->setAccessibleName(tr("Runs"));
    for (QAction *action : {m_renameAction, m_starAction, m_deleteAction, m_useAction}) {
        // On the table only: in the filter or a name being edited, Delete and S are text.
        action->setShortcutContext(Qt::WidgetShortcut);
        m_table->addAction(action);
    }
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->installEventFilter(this);
    topLayout->addWidget(m_table, 1);

    m_chart = new RunOverlayChart(content);
    auto *smoothingBox = new QWidget(m_chart);
    auto *smoothingLayout = new QHBoxLayout(smoothingBox);
    smoothingLayout->setContentsMargins(0, 0, 8, 0);
    auto *smoothingLabel = new QLabel(tr("S&moothing:"), smoothingBox);
    m_smoothing = new QSlider(Qt::Horizontal, smoothingBox);
    m_smoothing->setRange(0, kSmoothingSteps - 1);
    m_smoothing->setSingleStep(1);
    m_smoothing->setPageStep(10);
    m_smoothing->setValue(kDefaultSmoothing);
    m_smoothing->setMinimumWidth(120);
    m_smoothing->setMaximumWidth(220);
    m_smoothing->setAccessibleName(tr("Smoothing"));
    m_smoothing->setToolTip(tr("Exponential moving average of the curves (debiased, as in TensorBoard); "
                               "the raw curves stay faint behind. 0 shows the raw curves only."));
    smoothingLabel->setBuddy(m_smoothing);
    m_smoothingValue = new QLabel(smoothingBox);
    m_smoothingValue->setMinimumWidth(m_smoothingValue->fontMetrics().horizontalAdvance(QStringLiteral("0.000")));
    smoothingLayout->addWidget(smoothingLabel);
    smoothingLayout->addWidget(m_smoothing);
    smoothingLayout->addWidget(m_smoothingValue);
    m_chart->addControl(smoothingBox);
    m_chart->setSmoothing(smoothing());
    updateSmoothingLabel();

    auto *splitter = new QSplitter(Qt::Vertical, content);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(top);
    splitter->addWidget(m_chart);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(6, 6, 6, 6);
    contentLayout->addWidget(splitter);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    setMinimumSize(560, 420);

    m_confirm = [this](const QStringList &names) {
        QMessageBox box(QMessageBox::Question, tr("Delete starred runs?"),
                        names.size() == 1 ? tr("The run “%1” is starred. Delete it anyway?").arg(names.front())
                                          : tr("%n starred run(s) are among those selected. Delete them anyway?", nullptr,
                                               int(names.size())),
                        QMessageBox::Yes | QMessageBox::Cancel, this);
        box.setDefaultButton(QMessageBox::Cancel);
        if (names.size() > 1)
            box.setDetailedText(names.join(QLatin1Char('\n')));
        return box.exec() == QMessageBox::Yes;
    };

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        updateActions();
        updateChart();
    });
    connect(m_renameAction, &QAction::triggered, this, &RunsPage::renameCurrent);
    connect(m_starAction, &QAction::triggered, this, &RunsPage::toggleStarSelected);
    connect(m_deleteAction, &QAction::triggered, this, [this] { deleteSelected(); });
    connect(m_useAction, &QAction::triggered, this, &RunsPage::useCurrentParameters);
    connect(m_smoothing, &QSlider::valueChanged, this, [this] {
        m_chart->setSmoothing(smoothing());
        updateSmoothingLabel();
    });
    connect(m_chart, &RunOverlayChart::exportRequested, this, &RunsPage::exportChart);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        updateChart();
        Q_EMIT selectionChanged(selectedRunIds());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] { updateActions(); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_columnsSized = false;
        updateEmptyState();
        scheduleChartUpdate();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        updateEmptyState();
        scheduleChartUpdate();
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        updateEmptyState();
        scheduleChartUpdate();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] { scheduleChartUpdate(); });

    updateEmptyState();
    updateActions();
    updateChart();
}

RunsPage::~RunsPage() = default;

bool RunsPage::eventFilter(QObject *watched, QEvent *event)
{
    // The window's one-key shortcuts (Space trains, → steps) must not take the table's navigation
    // keys: claimed here, they reach the table as key presses, as typing reaches a line edit.
    if (watched == m_table && event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        const Qt::KeyboardModifiers modifiers = key->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier);
        switch (key->key()) {
        case Qt::Key_Left: case Qt::Key_Right: case Qt::Key_Up: case Qt::Key_Down:
        case Qt::Key_Home: case Qt::Key_End: case Qt::Key_PageUp: case Qt::Key_PageDown: case Qt::Key_Space:
            if (modifiers == Qt::NoModifier) {
                event->accept();
                return true;
            }
            break;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

double RunsPage::smoothing() const
{
    return m_smoothing->value() / double(kSmoothingSteps);
}

void RunsPage::setSmoothing(double weight)
{
    m_smoothing->setValue(std::clamp(int(std::lround(weight * kSmoothingSteps)), 0, kSmoothingSteps - 1));
}

void RunsPage::updateSmoothingLabel()
{
    m_smoothingValue->setText(QLocale().toString(smoothing(), 'f', 2));
}

void RunsPage::setConfirmDelete(ConfirmDelete confirm)
{
    m_confirm = std::move(confirm);
}

QStringList RunsPage::selectedRunIds() const
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList ids;
    for (const QModelIndex &index : rows)
        ids.append(index.data(RunHistoryModel::IdRole).toString());
    return ids;
}

void RunsPage::selectRuns(const QStringList &ids)
{
    QItemSelection selection;
    QModelIndex first;
    for (const QString &id : ids) {
        const int row = m_model->rowOf(id);
        if (row < 0)
            continue;
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, RunHistoryModel::NameColumn));
        if (!index.isValid())
            continue;
        selection.select(index, index);
        if (!first.isValid())
            first = index;
    }
    QItemSelectionModel *model = m_table->selectionModel();
    if (first.isValid())
        model->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
    model->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (first.isValid())
        m_table->scrollTo(first);
}

QString RunsPage::newestShownId() const
{
    QString id;
    QDateTime newest;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex source = m_proxy->mapToSource(m_proxy->index(row, 0));
        const RunRecord &record = m_model->records()[size_t(source.row())];
        // Later in the model wins a tie: it was added later.
        if (id.isEmpty() || record.started > newest
            || (record.started == newest && source.row() > m_model->rowOf(id))) {
            id = record.id;
            newest = record.started;
        }
    }
    return id;
}

QString RunsPage::currentRunId() const
{
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid() && m_table->selectionModel()->isRowSelected(current.row(), {}))
        return current.data(RunHistoryModel::IdRole).toString();
    const QStringList selected = selectedRunIds();
    if (!selected.isEmpty())
        return selected.front();
    return newestShownId();
}

QStringList RunsPage::chartedRunIds() const
{
    const QStringList selected = selectedRunIds();
    if (!selected.isEmpty())
        return selected;
    const QString newest = newestShownId();
    return newest.isEmpty() ? QStringList() : QStringList{newest};
}

void RunsPage::scheduleChartUpdate()
{
    if (m_chartPending)
        return;
    m_chartPending = true;
    QTimer::singleShot(0, this, [this] {
        if (m_chartPending)
            updateChart();
    });
}

void RunsPage::updateChart()
{
    m_chartPending = false;
    std::vector<RunRecord> runs;
    const QStringList ids = chartedRunIds();
    for (const QString &id : ids) {
        if (const RunRecord *record = m_model->record(id))
            runs.push_back(*record);
    }
    m_chart->setRuns(runs);
    updateActions();
}

void RunsPage::updateActions()
{
    const bool anySelected = m_table->selectionModel()->hasSelection();
    const bool anyRun = !currentRunId().isEmpty();
    m_renameAction->setEnabled(anyRun);
    m_starAction->setEnabled(anySelected || anyRun);
    m_deleteAction->setEnabled(anySelected || anyRun);
    m_useAction->setEnabled(anyRun);
    const int shown = m_proxy->rowCount();
    const int total = m_model->rowCount();
    m_countLabel->setText(shown == total ? tr("%n run(s)", nullptr, total)
                                         : tr("%1 of %n run(s)", nullptr, total).arg(shown));
}

void RunsPage::updateEmptyState()
{
    const bool empty = m_model->rowCount() == 0;
    m_stack->setCurrentIndex(empty ? 0 : 1);
    if (!empty && !m_columnsSized) {
        m_columnsSized = true;
        m_table->resizeColumnsToContents();
        const int limit = m_table->fontMetrics().averageCharWidth() * 36;
        if (m_table->columnWidth(RunHistoryModel::NameColumn) > limit)
            m_table->setColumnWidth(RunHistoryModel::NameColumn, limit);
    }
    updateActions();
}

QStringList RunsPage::deleteSelected()
{
    QStringList ids = selectedRunIds();
    if (ids.isEmpty()) {
        const QString current = currentRunId();
        if (current.isEmpty())
            return {};
        ids.append(current);
    }
    QStringList starred;
    for (const QString &id : ids) {
        const RunRecord *record = m_model->record(id);
        if (record && record->starred)
            starred.append(record->label());
    }
    if (!starred.isEmpty() && m_confirm && !m_confirm(starred))
        return {};
    // The row after the deleted ones becomes current, so that Delete can be pressed again.
    const QModelIndex current = m_table->currentIndex();
    m_model->removeRecords(ids);
    if (m_proxy->rowCount() > 0 && current.isValid()) {
        const int row = std::min(current.row(), m_proxy->rowCount() - 1);
        m_table->selectionModel()->setCurrentIndex(m_proxy->index(row, RunHistoryModel::NameColumn),
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    updateChart();
    return ids;
}

void RunsPage::toggleStarSelected()
{
    QStringList ids = selectedRunIds();
    if (ids.isEmpty()) {
        const QString current = currentRunId();
        if (current.isEmpty())
            return;
        ids.append(current);
    }
    bool allStarred = true;
    for (const QString &id : ids) {
        const RunRecord *record = m_model->record(id);
        allStarred = allStarred && record && record->starred;
    }
    for (const QString &id : ids)
        m_model->setStarred(id, !allStarred);
}

void RunsPage::renameCurrent()
{
    const QString id = currentRunId();
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, RunHistoryModel::NameColumn));
    if (!index.isValid())
        return;
    m_table->setFocus();
    m_table->setCurrentIndex(index);
    m_table->edit(index);
}

void RunsPage::useCurrentParameters()
{
    if (const RunRecord *record = m_model->record(currentRunId()))
        Q_EMIT parametersRequested(record->config);
}

void RunsPage::exportChart()
{
    QString filter;
    const QString png = tr("PNG image (*.png)");
    const QString svg = tr("SVG image (*.svg)");
    const QString csv = tr("CSV table of the curves (*.csv)");
    QString path = QFileDialog::getSaveFileName(this, tr("Export run comparison"), QStringLiteral("runs.png"),
                                                QStringList{png, svg, csv}.join(QStringLiteral(";;")), &filter);
    if (path.isEmpty())
        return;
    QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg") && suffix != QLatin1String("csv")) {
        suffix = filter == svg ? QStringLiteral("svg") : filter == csv ? QStringLiteral("csv") : QStringLiteral("png");
        path += QLatin1Char('.') + suffix;
    }
    QString error;
    const bool ok = suffix == QLatin1String("svg")   ? m_chart->exportSvg(path, &error)
                    : suffix == QLatin1String("csv") ? m_chart->exportCsv(path, &error)
                                                     : m_chart->exportPng(path, &error);
    if (!ok)
        QMessageBox::warning(this, tr("Export failed"), error);
}

} // namespace fl
