#pragma once

// The "Formulas" dock: the seed's equations with the live numbers of the current run — the fusion
// F = αE₁ + βE₂ with its weights, the model, the loss with N and its current value, the update rule
// with η, and the closed-form floor. Large type, for the back row of a classroom.

#include "engine/FusionPipeline.h"
#include "engine/TrainingSession.h"

#include <QWidget>

#include <vector>

class QLabel;
class QVBoxLayout;

namespace fl {

class FormulaPanel : public QWidget
{
    Q_OBJECT

public:
    explicit FormulaPanel(QWidget *parent = nullptr);

    void setConfig(const RunConfig &config);
    void setProblem(const ProblemInfo &info);
    void setEpoch(const EpochRecord &record);
    void clearRun();
    QString text() const;

private:
    void render();
    void showLines(const QStringList &lines);

    RunConfig m_config;
    std::optional<ProblemInfo> m_problem;
    std::optional<EpochRecord> m_epoch;
    // One label per line, so that a live number re-lays out its own short line and not the whole
    // panel (a single rich-text label cost up to 18 ms per update while training).
    std::vector<QLabel *> m_lines;
    QLabel *m_notes = nullptr;
    QVBoxLayout *m_layout = nullptr;
};

} // namespace fl
