#include "StepExplanation.h"

#include <QApplication>
#include <QEvent>
#include <QHash>
#include <QLabel>
#include <QLocale>

#include <cmath>
#include <optional>

namespace fl {

namespace {

QString number(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    return QLocale().toString(value, 'g', 4);
}

// A change below this share of the loss is rounding, not a step's effect: at the floor, gradient
// descent's updates are ~1e-16 and may "raise" the loss in its last digit.
constexpr double kRounding = 1e-12;

bool unchanged(const StepReport &r)
{
    return std::abs(r.lossAfter - r.lossBefore) <= kRounding * std::max(1.0, std::abs(r.lossBefore));
}

// Remembers the texts handed out lately and what they said (a report, or the prompt when none), and
// composes them again in a label that shows one when the language changes. An application-wide event
// filter, because the labels belong to the window.
class Retranslator : public QObject
{
public:
    static Retranslator *instance()
    {
        static Retranslator *one = nullptr;
        if (!one && qApp) {
            one = new Retranslator(qApp);
            qApp->installEventFilter(one);
        }
        return one;
    }

    QString remember(const QString &text, const std::optional<StepReport> &report)
    {
        if (!m_reports.contains(text)) {
            m_order.push_back(text);
            if (m_order.size() > kKept)
                m_reports.remove(m_order.takeFirst());
        }
        m_reports.insert(text, report);
        return text;
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::LanguageChange)
            return false;
        auto *label = qobject_cast<QLabel *>(watched);
        if (!label)
            return false;
        const auto it = m_reports.constFind(label->text());
        if (it != m_reports.constEnd()) {
            const std::optional<StepReport> report = *it;
            label->setText(report ? StepExplanation::describe(*report) : StepExplanation::prompt());
        }
        return false;
    }

private:
    explicit Retranslator(QObject *parent)
        : QObject(parent)
    {
    }

    static constexpr qsizetype kKept = 16;   // a few windows' last sentences
    QHash<QString, std::optional<StepReport>> m_reports;
    QStringList m_order;
};

QString remembered(const QString &text, const std::optional<StepReport> &report)
{
    Retranslator *retranslator = Retranslator::instance();
    return retranslator ? retranslator->remember(text, report) : text;
}

} // namespace

QString StepExplanation::prompt()
{
    return remembered(promptText(), std::nullopt);
}

QString StepExplanation::describe(const StepReport &report)
{
    return remembered(describeText(report), report);
}

QString StepExplanation::promptText()
{
    return tr("Press Step (→) to run one epoch and read here what it did; Step back (←) undoes it exactly.");
}

QString StepExplanation::describeText(const StepReport &r)
{
    if (r.kind == StepReport::Kind::Back) {
        const QString where = r.epoch == 0 ? tr("to the start (W = 0)") : tr("to epoch %1").arg(r.epoch);
        QString text = tr("Stepped back from epoch %1 %2: W, b and the optimizer's state are exactly as they were then; "
                          "training loss %3 → %4.")
                           .arg(r.fromEpoch).arg(where, number(r.lossBefore), number(r.lossAfter));
        text += QLatin1Char(' ');
        if (r.historyDepth > 0)
            text += tr("Steps left to undo: %1.").arg(QLocale().toString(r.historyDepth));
        else if (r.epoch == 0)
            text += tr("This is where the run began.");
        else
            text += tr("Nothing older is kept: Step back stops here.");
        return text;
    }

    const QString epoch = tr("Epoch %1:").arg(r.epoch);
    QString change;
    if (!std::isfinite(r.lossAfter)) {
        change = tr("the training loss went from %1 to %2.").arg(number(r.lossBefore), number(r.lossAfter));
    } else if (!std::isfinite(r.lossBefore)) {
        change = tr("the training loss is %1.").arg(number(r.lossAfter));
    } else if (unchanged(r)) {
        change = tr("the training loss stayed at %1 (any change is below rounding: it is at its floor).").arg(number(r.lossAfter));
    } else if (r.rose()) {
        change = tr("the training loss rose from %1 to %2 (+%3).")
                     .arg(number(r.lossBefore), number(r.lossAfter), number(r.lossAfter - r.lossBefore));
    } else {
        change = tr("the training loss fell from %1 to %2 (−%3).")
                     .arg(number(r.lossBefore), number(r.lossAfter), number(r.lossBefore - r.lossAfter));
    }

    if (r.ranking) {
        QString text = epoch + QLatin1Char(' ') + change + QLatin1Char(' ')
            + tr("A ranking model's loss is the mean over its mini-batches (η = %1); its gradient is not tracked per epoch.")
                  .arg(number(r.learningRate));
        if (r.rose() && !unchanged(r))
            text += QLatin1Char(' ') + tr("One epoch up is not divergence: sampled mini-batches are noisy. Watch the trend and the validation metric.");
        return text;
    }

    // η·λ_max: gradient descent on a quadratic contracts the error along the Hessian's steepest
    // direction by |1 − ηλ_max| per step; above 2 that factor exceeds 1 and the step overshoots.
    const double curvature = std::isfinite(r.maxStableLearningRate) && r.maxStableLearningRate > 0
        ? 2.0 * r.learningRate / r.maxStableLearningRate
        : std::numeric_limits<double>::quiet_NaN();
    const bool overshoots = curvature > 2.0;
    const bool fullBatch = r.optimizer == OptimizerKind::GradientDescent;

    QString step;
    if (fullBatch) {
        step = tr("‖∇L‖ = %1, so the step W ← W − η∇L was η‖∇L‖ = %2 × %1 = %3 long.")
                   .arg(number(r.gradientNorm), number(r.learningRate), number(r.stepLength));
    } else {
        QString optimizer;
        switch (r.optimizer) {
        case OptimizerKind::Momentum: optimizer = tr("SGD with momentum"); break;
        case OptimizerKind::Adam: optimizer = tr("Adam"); break;
        default: optimizer = tr("mini-batch SGD"); break;
        }
        step = tr("%1 stepped once per mini-batch of %2 ratings, %3 times (η = %4); ")
                   .arg(optimizer, QLocale().toString(r.batchSize), QLocale().toString(r.updates), number(r.learningRate))
            + tr("the full-batch ‖∇L‖ was %1 where the epoch began, and W moved ‖ΔW‖ = %2 in all.")
                  .arg(number(r.gradientNorm), number(r.stepLength));
    }

    QString why;
    const bool rose = (r.rose() && !unchanged(r)) || !std::isfinite(r.lossAfter);
    if (rose) {
        if (overshoots && r.optimizer != OptimizerKind::Adam) {
            why = tr("It rose because η·λ_max = %1 > 2: the step overshoots the minimum along the steepest direction, "
                     "further each time. Gradient descent converges for η < 2/λ_max = %2.")
                      .arg(number(curvature), number(r.maxStableLearningRate));
        } else if (fullBatch && r.l2 > 0 && r.objectiveAfter < r.objectiveBefore) {
            why = tr("It rose because the L2 penalty pulls W towards 0: the objective L + λ/2·‖W‖² that gradient "
                     "descent minimises fell, from %1 to %2.")
                      .arg(number(r.objectiveBefore), number(r.objectiveAfter));
        } else if (!fullBatch) {
            why = r.optimizer == OptimizerKind::MiniBatchSgd
                ? tr("It rose because each update follows the gradient of one mini-batch only, a noisy estimate: "
                     "single epochs may go up while the trend goes down.")
                : tr("It rose because each update follows a noisy mini-batch gradient and carries earlier steps "
                     "on (momentum, Adam's moments): single epochs may go up while the trend goes down.");
        }
    } else if (overshoots && fullBatch && std::isfinite(r.lossAfter)) {
        why = tr("Careful: η·λ_max = %1 > 2, so along the steepest direction every step overshoots further; "
                 "once that direction dominates, the loss will rise. Converging needs η < 2/λ_max = %2.")
                  .arg(number(curvature), number(r.maxStableLearningRate));
    }
    QString text = epoch + QLatin1Char(' ') + change + QLatin1Char(' ') + step;
    if (!why.isEmpty())
        text += QLatin1Char(' ') + why;
    return text;
}

} // namespace fl
