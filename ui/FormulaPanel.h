#pragma once

// The "Formulas" dock: the seed's equations with the live numbers of the current run — the fusion
// F = αE₁ + βE₂ with its weights, the model, the loss with N and its current value, the update rule
// with η, and the closed-form floor. Large type, for the back row of a classroom.

#include "engine/FusionPipeline.h"
#include "engine/TrainingSession.h"

#include <QWidget>

class QLabel;

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

    RunConfig m_config;
    std::optional<ProblemInfo> m_problem;
    std::optional<EpochRecord> m_epoch;
    QLabel *m_label = nullptr;
    QLabel *m_notes = nullptr;
};

} // namespace fl
