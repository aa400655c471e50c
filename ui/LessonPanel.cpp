// Why one file (about 700 lines):
// A lesson's steps, its "Do it" actions and its two tools (a before/after comparison, a table of runs
// trained on a worker thread), which share the lesson being shown and its runs.

#include "LessonPanel.h"

#include "ExperimentController.h"
#include "Fonts.h"
#include "Language.h"

#include "engine/evaluation/RankingMetrics.h"
#include "engine/fusion/Fusion.h"
#include "engine/training/RunDriver.h"

#include <QComboBox>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QEvent>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>
#include <memory>


namespace fl {

namespace {

QString formatValue(const QString &key, double value)
{
    if (!std::isfinite(value))
        return QStringLiteral("—");
    const bool count = key == QLatin1String("train_rows") || key == QLatin1String("validation_rows")
        || key == QLatin1String("width");
    return count ? QLocale().toString(qlonglong(std::llround(value))) : QLocale().toString(value, 'f', 3);
}

// A text block for a projector: wraps, never elides, and can be selected to copy into notes.
QLabel *wrappedLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

struct LessonPanel::CompareResult
{
    std::vector<int> lists[2];
    std::vector<RunRecord> records;
    QString error;
};

LessonPanel::LessonPanel(ExperimentController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
{
    setFont(sizedFont(font(), 11));

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(8);
    m_counter = new QLabel(this);
    m_counter->setForegroundRole(QPalette::PlaceholderText);
    m_title = wrappedLabel(QString(), this);
    m_title->setFont(sizedFont(font(), 14, true));
    m_limit = wrappedLabel(QString(), this);
    m_limit->setFont(sizedFont(font(), 12, true));
    m_limit->hide();
    layout->addWidget(m_counter);
    layout->addWidget(m_title);
    layout->addWidget(m_limit);

    m_stepsBox = new QWidget(this);
    m_stepsLayout = new QVBoxLayout(m_stepsBox);
    m_stepsLayout->setContentsMargins(0, 0, 0, 0);
    m_stepsLayout->setSpacing(10);
    layout->addWidget(m_stepsBox);

    m_observeTitle = new QLabel(tr("What to observe"), this);
    m_observeTitle->setFont(sizedFont(font(), 11, true));
    m_observe = wrappedLabel(QString(), this);
    m_observe->setFrameShape(QFrame::StyledPanel);
    m_observe->setMargin(6);
    m_observe->setBackgroundRole(QPalette::AlternateBase);
    m_observe->setAutoFillBackground(true);
    layout->addWidget(m_observeTitle);
    layout->addWidget(m_observe);

    m_toolBox = new QWidget(this);
    auto *toolLayout = new QVBoxLayout(m_toolBox);
    toolLayout->setContentsMargins(0, 0, 0, 0);
    m_toolHint = wrappedLabel(QString(), m_toolBox);
    auto *toolRow = new QHBoxLayout;
    m_user = new QComboBox(m_toolBox);
    m_user->setToolTip(tr("The user whose recommendations are compared"));
    m_toolButton = new QPushButton(m_toolBox);
    toolRow->addWidget(m_user);
    toolRow->addWidget(m_toolButton);
    toolRow->addStretch(1);
    m_table = new QTableWidget(m_toolBox);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setWordWrap(true);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setMinimumWidth(120);   // the columns share what the dock has; cells wrap
    toolLayout->addWidget(m_toolHint);
    toolLayout->addLayout(toolRow);
    toolLayout->addWidget(m_table);
    layout->addWidget(m_toolBox);

    m_status = wrappedLabel(QString(), this);
    layout->addWidget(m_status);
    layout->addStretch(1);

    auto *navigation = new QHBoxLayout;
    m_previous = new QPushButton(tr("◀ Previous"), this);
    m_next = new QPushButton(tr("Next ▶"), this);
    m_previous->setToolTip(tr("The previous lesson"));
    m_next->setToolTip(tr("The next lesson"));
    navigation->addWidget(m_previous);
    navigation->addStretch(1);
    navigation->addWidget(m_next);
    layout->addLayout(navigation);

    connect(m_previous, &QPushButton::clicked, this, [this] { openLesson(lessonNumber() - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { openLesson(lessonNumber() + 1); });
    connect(m_toolButton, &QPushButton::clicked, this, &LessonPanel::runTool);

    connect(m_controller, &ExperimentController::datasetLoaded, this, [this] {
        // After the controller has finished its own reaction to the load (it starts a run).
        QTimer::singleShot(0, this, &LessonPanel::continueOpening);
    });
    const auto failed = [this](const QString &path, const QString &why) {
        if (m_opening && m_lesson && path == m_lesson->dataset) {
            m_opening = false;
            setStatus(tr("The lesson's dataset %1 could not be opened: %2").arg(path, why));
        }
    };
    connect(m_controller, &ExperimentController::datasetFailed, this, failed);
    connect(m_controller, &ExperimentController::datasetLoadCancelled, this,
            [failed](const QString &path) { failed(path, tr("loading was cancelled.")); });

    connect(m_controller->session(), &TrainingSession::runPrepared, this, [this](int runId, const ProblemInfo &info) {
        if (runId != m_controller->currentRunId())
            return;
        m_maxStable = info.maxStableLearningRate;
        updateLimit();
    });
    connect(m_controller, &ExperimentController::configChanged, this, &LessonPanel::updateLimit);
    connect(m_controller, &ExperimentController::runStarted, this, [this] {
        m_maxStable = 0;
        updateLimit();
    });

    buildLesson();
}

LessonPanel::~LessonPanel() = default;

QString LessonPanel::statusText() const
{
    return m_status->text();
}

QString LessonPanel::limitText() const
{
    return m_limit->isVisibleTo(this) ? m_limit->text() : QString();
}

void LessonPanel::updateLimit()
{
    const double eta = m_controller->config().training.learningRate;
    const bool show = m_lesson && m_lesson->showLimit && m_ready && m_maxStable > 0 && m_controller->config().model.isLinear();
    m_limit->setVisible(show);
    if (!show)
        return;
    const double ratio = eta / m_maxStable;
    const QLocale locale;
    m_limit->setText(tr("This run: η = %1, 2/λ_max = %2, so η = %3 × 2/λ_max: %4")
                         .arg(locale.toString(eta, 'g', 3), locale.toString(m_maxStable, 'g', 3), locale.toString(ratio, 'f', 2),
                              ratio < 1 ? tr("below the line, it converges.") : tr("above the line, it diverges.")));
}

QPushButton *LessonPanel::stepButton(int index) const
{
    return index >= 0 && index < int(m_stepButtons.size()) ? m_stepButtons[size_t(index)] : nullptr;
}

void LessonPanel::openLesson(int number)
{
    const std::vector<Lesson> &catalog = lessonCatalog();
    if (number < 1 || number > int(catalog.size()))
        return;
    m_worker.drop();
    ++m_generation;
    m_lesson = &catalog[size_t(number - 1)];
    m_ready = false;
    m_opening = true;
    m_toolRecords.clear();
    m_before.clear();
    m_after.clear();
    buildLesson();
    Q_EMIT lessonOpened(number);
    continueOpening();
}

void LessonPanel::buildLesson()
{
    while (QLayoutItem *taken = m_stepsLayout->takeAt(0)) {
        const std::unique_ptr<QLayoutItem> item(taken);
        const std::unique_ptr<QWidget> widget(item->widget());   // deleted before its layout item
    }
    m_stepButtons.clear();
    m_stepTexts.clear();
    const bool has = m_lesson != nullptr;
    m_limit->hide();
    m_observeTitle->setVisible(has);
    m_observe->setVisible(has);
    m_previous->setEnabled(has && m_lesson->number > 1);
    m_next->setEnabled(has ? m_lesson->number < lessonCount() : lessonCount() > 0);
    setStatus(QString());
    m_toolBox->setVisible(has && m_lesson->tool.kind != LessonTool::Kind::None);
    m_user->clear();
    m_table->clear();
    m_table->setRowCount(0);
    m_table->setColumnCount(0);
    m_table->hide();
    m_toolButton->setEnabled(false);
    if (has) {
        for (size_t i = 0; i < m_lesson->steps.size(); ++i) {
            auto *row = new QWidget(m_stepsBox);
            auto *grid = new QGridLayout(row);
            grid->setContentsMargins(0, 0, 0, 0);
            grid->setHorizontalSpacing(6);
            auto *number = new QLabel(QStringLiteral("%1.").arg(i + 1), row);
            number->setFont(sizedFont(font(), 11, true));
            grid->addWidget(number, 0, 0, Qt::AlignTop);
            QLabel *text = wrappedLabel(QString(), row);
            grid->addWidget(text, 0, 1);
            grid->setColumnStretch(1, 1);
            m_stepTexts.push_back(text);
            QPushButton *button = nullptr;
            if (m_lesson->steps[i].action) {
                button = new QPushButton(row);
                button->setEnabled(false);
                connect(button, &QPushButton::clicked, this, [this, i] { runStep(int(i)); });
                grid->addWidget(button, 1, 1, Qt::AlignLeft);
            }
            m_stepButtons.push_back(button);
            m_stepsLayout->addWidget(row);
        }
        m_user->setVisible(m_lesson->tool.kind == LessonTool::Kind::Compare);
    }
    showTexts();
}

void LessonPanel::showTexts()
{
    const bool has = m_lesson != nullptr;
    m_counter->setText(has ? tr("Lesson %1 of %2").arg(m_lesson->number).arg(lessonCount()) : QString());
    m_title->setText(has ? m_lesson->title.text() : tr("Choose a lesson in Help ▸ Lessons."));
    if (!has)
        return;
    for (size_t i = 0; i < m_lesson->steps.size() && i < m_stepTexts.size(); ++i) {
        m_stepTexts[i]->setText(m_lesson->steps[i].text.text());
        if (m_stepButtons[i])
            m_stepButtons[i]->setText(m_lesson->steps[i].button.text());
    }
    m_observe->setText(m_lesson->observe.text());
    const LessonTool &tool = m_lesson->tool;
    m_toolHint->setText(tool.hint.text());
    m_toolHint->setVisible(!tool.hint.text().isEmpty());
    m_toolButton->setText(tool.button.text());
    if (tool.kind == LessonTool::Kind::Table && m_table->rowCount() == int(tool.rows.size())) {
        QStringList headers{QString()};
        for (const LessonColumn &column : tool.columns)
            headers << column.title.text();
        m_table->setHorizontalHeaderLabels(headers);
        for (int r = 0; r < m_table->rowCount(); ++r)
            m_table->item(r, 0)->setText(tool.rows[size_t(r)].label.text());
        fitTable();
    } else if (tool.kind == LessonTool::Kind::Compare && m_toolRecords.size() == 2) {
        m_table->setHorizontalHeaderLabels({QStringLiteral("#"), tr("Before\n%1").arg(weightsLabel(m_toolRecords[0].config)),
                                            tr("After\n%1").arg(weightsLabel(m_toolRecords[1].config))});
        fitTable();
    }
}

void LessonPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        showTexts();
        updateLimit();
    }
}

QMenu *LessonPanel::createMenu(QWidget *parent)
{
    auto *menu = new QMenu(tr("&Lessons"), parent);
    for (const Lesson &lesson : lessonCatalog())
        menu->addAction(QString(), this, [this, n = lesson.number] { openLesson(n); });
    // Titled again when the language changes, and when shown (lessonsInChinese() may follow the locale).
    const auto title = [menu] {
        const QList<QAction *> actions = menu->actions();
        for (const Lesson &lesson : lessonCatalog()) {
            if (lesson.number <= actions.size())
                actions[lesson.number - 1]->setText(QStringLiteral("&%1  %2").arg(lesson.number).arg(lesson.title.text()));
        }
    };
    connect(menu, &QMenu::aboutToShow, menu, title);
    if (Language *language = Language::instance())
        connect(language, &Language::languageChanged, menu, title);
    title();
    return menu;
}

void LessonPanel::continueOpening()
{
    if (!m_opening || !m_lesson)
        return;
    if (m_controller->isLoading()) {
        setStatus(tr("Loading the lesson's data …"));
        return;
    }
    if (!m_controller->dataset() || m_controller->datasetPath() != m_lesson->dataset) {
        setStatus(tr("Loading the lesson's data …"));
        m_controller->openDataset(m_lesson->dataset);
        return;
    }
    applyPreset();
}

void LessonPanel::applyPreset()
{
    const quint64 generation = m_generation;
    if (m_lesson->learningRateTimesMaxStable) {
        setStatus(tr("Computing 2/λ_max for the lesson's η …"));
        withMaxStable(lessonPresetConfig(*m_lesson, m_controller->config()),
                      [this, generation](double maxStable) { finishPreset(generation, maxStable); });
    } else {
        finishPreset(generation, 0);
    }
}

void LessonPanel::finishPreset(quint64 generation, double maxStable)
{
    if (generation != m_generation || !m_lesson)
        return;
    m_opening = false;
    m_preset = lessonPresetConfig(*m_lesson, m_controller->config(), maxStable);
    // The lesson's first run waits for the class: "Press Train" is its first step.
    m_controller->pause();
    m_controller->applyConfig(m_preset, false);
    Q_EMIT logScaleRequested(m_lesson->logScale);
    Q_EMIT pageRequested(m_lesson->page);

    if (m_lesson->tool.kind == LessonTool::Kind::Compare) {
        const std::shared_ptr<const Dataset> dataset = m_controller->dataset();
        m_user->addItems(dataset->userIds);
        m_user->setCurrentIndex(std::max(0, int(dataset->userIds.indexOf(m_lesson->tool.user))));
    }
    m_toolButton->setEnabled(true);
    m_ready = true;
    setStepsEnabled(true);
    setStatus(QString());
    updateLimit();
    Q_EMIT presetApplied(m_lesson->number);
}

void LessonPanel::setStepsEnabled(bool enabled)
{
    for (QPushButton *button : m_stepButtons) {
        if (button)
            button->setEnabled(enabled);
    }
}

void LessonPanel::setStatus(const QString &text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void LessonPanel::withMaxStable(const RunConfig &config, std::function<void(double)> done)
{
    if (!m_controller->dataset())
        return;
    const quint64 generation = m_generation;
    m_worker.setDataset(m_controller->dataset());
    m_worker.run([config](FusionPipeline &pipeline) { return maxStableLearningRate(pipeline, config); },
                 [this, generation, done = std::move(done)](const Result<double> &result) {
                     if (generation != m_generation)
                         return;
                     if (!result.ok()) {
                         setStatus(result.error());
                         return;
                     }
                     done(result.value());
                 });
}

void LessonPanel::runStep(int index)
{
    if (!m_lesson || !m_ready || index < 0 || index >= int(m_lesson->steps.size()) || !m_lesson->steps[size_t(index)].action)
        return;
    const LessonAction action = *m_lesson->steps[size_t(index)].action;
    switch (action.kind) {
    case LessonAction::Kind::Config:
        applyChange(action);
        break;
    case LessonAction::Kind::Train:
        Q_EMIT pageRequested(QStringLiteral("training"));
        m_controller->train();
        break;
    case LessonAction::Kind::Step:
        Q_EMIT pageRequested(QStringLiteral("training"));
        m_controller->step();
        break;
    case LessonAction::Kind::Reset:
        m_controller->reset();
        break;
    case LessonAction::Kind::Page:
        Q_EMIT pageRequested(action.page);
        break;
    case LessonAction::Kind::LogScale:
        Q_EMIT logScaleRequested(action.logScale);
        break;
    case LessonAction::Kind::Tool:
        runTool();
        break;
    }
}

void LessonPanel::applyChange(const LessonAction &action)
{
    const auto apply = [this, action](double maxStable) {
        m_controller->applyConfig(applyLessonChange(m_controller->config(), action, maxStable), action.run);
        Q_EMIT pageRequested(QStringLiteral("training"));
    };
    if (action.learningRateTimesMaxStable) {
        // The limit of the problem as changed: other weights or policies move it.
        withMaxStable(applyLessonChange(m_controller->config(), action), apply);
    } else {
        apply(0);
    }
}

void LessonPanel::runTool()
{
    if (!m_lesson || !m_ready || !m_controller->dataset())
        return;
    if (m_lesson->tool.kind == LessonTool::Kind::Table)
        runTable();
    else if (m_lesson->tool.kind == LessonTool::Kind::Compare)
        runCompare();
}

void LessonPanel::runTable()
{
    m_worker.drop();
    const LessonTool &tool = m_lesson->tool;
    const std::vector<RunConfig> configs = lessonTableConfigs(*m_lesson, m_preset);
    m_toolRecords.assign(configs.size(), RunRecord{});

    m_table->clear();
    m_table->setColumnCount(int(tool.columns.size()) + 1);
    m_table->setRowCount(int(tool.rows.size()));
    QStringList headers{QString()};
    for (const LessonColumn &column : tool.columns)
        headers << column.title.text();
    m_table->setHorizontalHeaderLabels(headers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    for (int r = 0; r < int(tool.rows.size()); ++r) {
        auto *label = new QTableWidgetItem(tool.rows[size_t(r)].label.text());
        label->setFont(sizedFont(font(), 11, true));
        m_table->setItem(r, 0, label);
        for (int c = 0; c < int(tool.columns.size()); ++c) {
            auto *cell = new QTableWidgetItem(QStringLiteral("…"));
            cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(r, c + 1, cell);
        }
    }
    m_table->show();
    fitTable();
    setStatus(tr("Training %n run(s) in the background …", nullptr, int(configs.size())));
    m_toolButton->setEnabled(false);

    m_worker.setDataset(m_controller->dataset());
    m_worker.start(
        [this, configs, identity = m_controller->datasetIdentity()](FusionPipeline &pipeline, const PipelineWorker::Job &job) {
            RunCallbacks callbacks;
            callbacks.cancelled = [&job] { return job.cancelRequested(); };
            for (size_t i = 0; i < configs.size() && !job.cancelRequested(); ++i) {
                RunRecord record = runOnce(pipeline, configs[i], identity, callbacks);
                job.post([this, i, record = std::move(record)] {
                    m_toolRecords[i] = record;
                    const LessonTool &tool = m_lesson->tool;
                    for (int c = 0; c < int(tool.columns.size()); ++c) {
                        QTableWidgetItem *cell = m_table->item(int(i), c + 1);
                        const QString &key = tool.columns[size_t(c)].key;
                        cell->setText(formatValue(key, lessonValue(record, key)));
                        cell->setToolTip(record.message);
                    }
                    fitTable();
                });
            }
        },
        [this](bool) {
            m_toolButton->setEnabled(true);
            QStringList failed;
            for (const RunRecord &record : m_toolRecords) {
                if (record.status == QLatin1String("failed") || record.status == QLatin1String("diverged"))
                    failed << record.message;
            }
            setStatus(failed.isEmpty() ? tr("Done: every row is a run trained just now on this data.")
                                       : tr("Some runs failed: %1").arg(failed.join(QLatin1Char(' '))));
            Q_EMIT toolFinished();
        });
}

void LessonPanel::runCompare()
{
    m_worker.drop();
    const RunConfig before = m_preset;
    const RunConfig after = m_controller->config();
    if (before.model.isLinear()) {
        setStatus(tr("The comparison needs a recommendation model."));
        Q_EMIT toolFinished();
        return;
    }
    if (runConfigToJson(before) == runConfigToJson(after)) {
        setStatus(tr("The parameters are still the lesson's: change α or β first (step 2), then compare."));
        Q_EMIT toolFinished();
        return;
    }
    const std::shared_ptr<const Dataset> dataset = m_controller->dataset();
    const int user = int(dataset->userIds.indexOf(m_user->currentText()));
    if (user < 0)
        return;
    const int k = m_lesson->tool.k;
    m_toolRecords.clear();
    m_before.clear();
    m_after.clear();
    setStatus(tr("Training both settings in the background …"));
    m_toolButton->setEnabled(false);

    m_worker.setDataset(dataset);
    m_worker.start(
        CompareResult{},
        [before, after, user, k, identity = m_controller->datasetIdentity()](FusionPipeline &pipeline, const PipelineWorker::Job &job) {
            CompareResult result;
            RunCallbacks callbacks;
            callbacks.cancelled = [&job] { return job.cancelRequested(); };
            const Dataset &data = pipeline.dataset();
            for (int side = 0; side < 2 && !job.cancelRequested() && result.error.isEmpty(); ++side) {
                Result<std::unique_ptr<RunDriver>> driver = startRun(pipeline, side == 0 ? before : after, identity);
                if (!driver) {
                    result.error = driver.error();
                    break;
                }
                result.records.push_back(runToEnd(**driver, callbacks));
                const ModelSnapshot snapshot = (*driver)->trainer().snapshot();
                if (!snapshot) {
                    result.error = tr("This run has no ranking model to ask.");
                    break;
                }
                // What the user rated in training is known to the model: the lists show what it would suggest.
                std::vector<int> seen;
                for (int index : snapshot.split->train) {
                    if (data.interactionUser[size_t(index)] == user)
                        seen.push_back(data.interactionItem[size_t(index)]);
                }
                for (const ScoredItem &scored : topKScored(*snapshot.model, user, k, seen))
                    result.lists[side].push_back(scored.item);
            }
            return result;
        },
        [this](const CompareResult &result, bool) {
            m_toolButton->setEnabled(true);
            showComparison(result);
            Q_EMIT toolFinished();
        });
}

void LessonPanel::showComparison(const CompareResult &result)
{
    if (!result.error.isEmpty()) {
        setStatus(result.error);
        return;
    }
    if (result.records.size() != 2) {
        setStatus(tr("The comparison was cancelled."));
        return;
    }
    m_toolRecords = result.records;
    m_before = result.lists[0];
    m_after = result.lists[1];
    const std::shared_ptr<const Dataset> dataset = m_controller->dataset();
    const QSet<int> beforeSet(m_before.begin(), m_before.end());
    const QSet<int> afterSet(m_after.begin(), m_after.end());

    const int rows = int(std::max(m_before.size(), m_after.size()));
    m_table->clear();
    m_table->setColumnCount(3);
    m_table->setRowCount(rows);
    m_table->setHorizontalHeaderLabels({QStringLiteral("#"), tr("Before\n%1").arg(weightsLabel(result.records[0].config)),
                                        tr("After\n%1").arg(weightsLabel(result.records[1].config))});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    const auto cell = [&](const std::vector<int> &list, int row, const QSet<int> &other) {
        auto *item = new QTableWidgetItem;
        if (row < int(list.size())) {
            const int index = list[size_t(row)];
            item->setText(dataset->itemTitles.value(index));
            QStringList tip{dataset->itemIds.value(index)};
            if (index < dataset->itemCategories.size())
                tip << dataset->itemCategories.at(index);
            item->setToolTip(tip.join(QStringLiteral(" · ")));
            if (!other.contains(index))
                item->setFont(sizedFont(font(), 11, true));
        }
        return item;
    };
    for (int r = 0; r < rows; ++r) {
        m_table->setItem(r, 0, new QTableWidgetItem(QString::number(r + 1)));
        m_table->setItem(r, 1, cell(m_before, r, afterSet));
        m_table->setItem(r, 2, cell(m_after, r, beforeSet));
    }
    m_table->show();
    fitTable();
    int changed = 0;
    for (int item : m_after)
        changed += beforeSet.contains(item) ? 0 : 1;
    setStatus(tr("User %1: %2 of %3 items are new after the change (bold: in one list only).")
                  .arg(m_user->currentText()).arg(changed).arg(m_after.size()));
}

QString LessonPanel::weightsLabel(const RunConfig &config) const
{
    QStringList parts;
    for (size_t k = 0; k < config.pipeline.modalities.size(); ++k) {
        const ModalityConfig &m = config.pipeline.modalities[k];
        if (m.enabled)
            parts << QStringLiteral("%1 = %2").arg(fusionWeightSymbol(int(k)), QLocale().toString(m.weight, 'g', 3));
    }
    return parts.join(QStringLiteral(", "));
}

// The table shows all its rows without a scroll bar of its own: the dock scrolls as a whole.
void LessonPanel::fitTable()
{
    m_table->resizeRowsToContents();
    int height = m_table->horizontalHeader()->sizeHint().height() + 2 * m_table->frameWidth();
    for (int r = 0; r < m_table->rowCount(); ++r)
        height += m_table->rowHeight(r);
    m_table->setFixedHeight(height);
}

} // namespace fl
