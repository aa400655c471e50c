#pragma once

// The "Formulas" dock: the seed's equations with the live numbers of the current run — the fusion
// F = αE₁ + βE₂ with its weights, the model, the loss with N and its current value, the update rule
// with η, and the closed-form floor. For a recommendation model: its scoring formula, its loss (squared
// or BPR), the optimizer's update, and the live validation metric with the best epoch so far. Large
// type, for the back row of a classroom.
//
// Written as the seed article writes them (E = W·Vᵀ for text with the loaded data's shapes,
// F = αE₁ + βE₂, L, W ← W − η∇L), each letter staying with its modality's dataset index, and the term
// the user changed last (a weight, η, λ) highlighted. Hats are precomposed (ŷ) or written out (Adam's
// bias-corrected moments), never combining characters, which Qt's rich text draws on the wrong glyph.

#include "engine/fusion/FusionPipeline.h"
#include "engine/training/TrainingSession.h"

#include <QWidget>

#include <vector>

class QLabel;
class QTimer;
class QVBoxLayout;

namespace fl {

class FormulaPanel : public QWidget
{
    Q_OBJECT

public:
    explicit FormulaPanel(QWidget *parent = nullptr);

    // A new configuration, problem or run re-lays out most lines, which costs tens of milliseconds of
    // rich-text layout: it happens settleMs after the last of them, out of the way of the chart's first
    // points after an edit. A new epoch's numbers show at once; text() brings everything up to date.
    static constexpr int settleMs = 80;

    void setConfig(const RunConfig &config);
    void setProblem(const ProblemInfo &info);
    void setEpoch(const EpochRecord &record);
    // Validation metrics of a ranking model's epoch ("ndcg@10" …); the monitored one and the best so
    // far are shown with the next setEpoch() (metrics may arrive hundreds of times a second).
    void setMetrics(int epoch, const QMap<QString, double> &values);
    void clearRun();
    QString text() const;
    // The term highlighted as just changed: "weight:NAME", "eta", "l2" or empty.
    QString changedTerm() const { return m_changed; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();
    void scheduleRender();
    void renderModel(QStringList &lines) const;
    QString mark(const QString &term, const QString &html) const;
    void showLines(const QStringList &lines);

    RunConfig m_config;
    bool m_hasConfig = false;
    QString m_changed;
    std::optional<ProblemInfo> m_problem;
    std::optional<EpochRecord> m_epoch;
    struct Validation
    {
        int epoch = 0;
        double value = 0;
        int bestEpoch = 0;
        double best = 0;
    };
    std::optional<Validation> m_validation;   // the monitored metric of a ranking model
    // One label per line, so that a live number re-lays out its own short line and not the whole
    // panel (a single rich-text label cost up to 18 ms per update while training).
    std::vector<QLabel *> m_lines;
    QLabel *m_notes = nullptr;
    QVBoxLayout *m_layout = nullptr;
    QTimer *m_renderTimer = nullptr;
};

} // namespace fl
