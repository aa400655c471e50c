#pragma once

// A lesson beside the chart: its title, numbered steps with a "Do it" button where the app can do the
// step itself, what to observe, and the lesson's own tool — a before/after comparison of one user's
// recommendations or a result table — whose runs train on a worker thread. Opening a lesson loads its
// dataset when another one is loaded and applies its preset through the ExperimentController (a preset
// whose η is a multiple of 2/λ_max gets that limit computed for the preset's problem first). Texts
// follow the UI language (lessonsInChinese()).

#include "Lessons.h"
#include "PipelineWorker.h"

#include "engine/training/RunRecord.h"

#include <QWidget>

#include <functional>
#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QMenu;
class QPushButton;
class QTableWidget;
class QVBoxLayout;

namespace fl {

class ExperimentController;

class LessonPanel : public QWidget
{
    Q_OBJECT

public:
    explicit LessonPanel(ExperimentController *controller, QWidget *parent = nullptr);
    ~LessonPanel() override;

    // Shows lesson `number` (1-based) and puts the window into its state; out of range does nothing.
    void openLesson(int number);
    int lessonNumber() const { return m_lesson ? m_lesson->number : 0; }
    const Lesson *lesson() const { return m_lesson; }
    // True once the preset is applied (presetApplied was emitted for the open lesson).
    bool isReady() const { return m_ready; }
    // The config the preset was applied as (modalities merged, η resolved).
    const RunConfig &presetConfig() const { return m_preset; }

    // What step `index` (0-based) does, as its button does it. Steps without an action do nothing.
    void runStep(int index);
    // Builds the lesson's table or comparison in the background (toolFinished follows).
    void runTool();
    bool isToolRunning() const { return m_worker.isRunning(); }
    // The runs the tool trained, in row order: the table's rows, or "before" and "after".
    const std::vector<RunRecord> &toolRecords() const { return m_toolRecords; }
    // The comparison's two lists (item indices, best first): before and after.
    const std::vector<int> &compareBefore() const { return m_before; }
    const std::vector<int> &compareAfter() const { return m_after; }

    QPushButton *stepButton(int index) const;   // null for a step without an action
    QPushButton *toolButton() const { return m_toolButton; }
    QPushButton *previousButton() const { return m_previous; }
    QPushButton *nextButton() const { return m_next; }
    QTableWidget *resultTable() const { return m_table; }
    QComboBox *userBox() const { return m_user; }
    QString statusText() const;
    // Lessons with show_limit: "η = …, 2/λ_max = …" of the current run; empty otherwise.
    QString limitText() const;

    // Help ▸ Lessons: one action per lesson, titled in the current language.
    QMenu *createMenu(QWidget *parent);

Q_SIGNALS:
    void lessonOpened(int number);      // title and steps shown; the preset follows
    void presetApplied(int number);     // the lesson's parameters are in the window
    void pageRequested(const QString &page);   // "training", "dataset", "recommendations"
    void logScaleRequested(bool on);
    void toolFinished();                // the table or comparison is complete, or failed (statusText says)

protected:
    void changeEvent(QEvent *event) override;

private:
    struct CompareResult;

    void buildLesson();
    void showTexts();   // every lesson text in the current language
    void continueOpening();
    void applyPreset();
    void finishPreset(quint64 generation, double maxStable);
    void applyChange(const LessonAction &action);
    // Computes 2/λ_max of config's problem on the worker, then calls done(maxStable) on this thread.
    void withMaxStable(const RunConfig &config, std::function<void(double)> done);
    void runTable();
    void runCompare();
    void showComparison(const CompareResult &result);
    void fitTable();
    void setStatus(const QString &text);
    void updateLimit();
    void setStepsEnabled(bool enabled);
    QString weightsLabel(const RunConfig &config) const;

    ExperimentController *m_controller;
    const Lesson *m_lesson = nullptr;
    bool m_opening = false;          // waiting for the lesson's dataset or its η
    bool m_ready = false;
    RunConfig m_preset;
    quint64 m_generation = 0;        // bumped when a lesson opens: late results of an old one are dropped

    PipelineWorker m_worker{this, 1};   // the tools' runs, and 2/λ_max beside them
    std::vector<RunRecord> m_toolRecords;
    std::vector<int> m_before;
    std::vector<int> m_after;

    QLabel *m_counter = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_limit = nullptr;
    double m_maxStable = 0;          // 2/λ_max of the current run, from the session
    QWidget *m_stepsBox = nullptr;
    QVBoxLayout *m_stepsLayout = nullptr;
    std::vector<QPushButton *> m_stepButtons;
    std::vector<QLabel *> m_stepTexts;
    QLabel *m_observeTitle = nullptr;
    QLabel *m_observe = nullptr;
    QWidget *m_toolBox = nullptr;
    QLabel *m_toolHint = nullptr;
    QComboBox *m_user = nullptr;
    QPushButton *m_toolButton = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_previous = nullptr;
    QPushButton *m_next = nullptr;
};

} // namespace fl
