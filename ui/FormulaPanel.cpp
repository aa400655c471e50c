#include "FormulaPanel.h"

#include "Language.h"

#include <QApplication>
#include <QEvent>
#include <QHash>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace fl {

namespace {

// A word-wrapped rich-text label that remembers its height for each width it was asked about. Qt asks
// every label of a layout for heightForWidth() on each layout pass, and a rich-text label answers by
// laying out its whole document again: with live numbers changing four times a second, that was most
// of the UI thread's text work while training.
class FormulaLine : public QLabel
{
public:
    explicit FormulaLine(QWidget *parent)
        : QLabel(parent)
    {
    }

    // Type `scale` times the panel's (FormulaPanel applies it again when its font changes).
    void setScale(double scale)
    {
        m_scale = scale;
        applyScale();
    }

    void setLine(const QString &text)
    {
        if (text == this->text())
            return;
        m_heights.clear();
        setText(text);
    }

    int heightForWidth(int width) const override
    {
        if (auto it = m_heights.constFind(width); it != m_heights.constEnd())
            return *it;
        if (m_heights.size() > 32)
            m_heights.clear();
        const int height = QLabel::heightForWidth(width);
        m_heights.insert(width, height);
        return height;
    }

protected:
    void changeEvent(QEvent *event) override
    {
        if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
            m_heights.clear();
        QLabel::changeEvent(event);
    }


private:
    void applyScale()
    {
        QFont font = parentWidget() ? parentWidget()->font() : QApplication::font(this);
        font.setPointSizeF(font.pointSizeF() * m_scale);
        setFont(font);
    }

    mutable QHash<int, int> m_heights;
    double m_scale = 1.0;
};

QString number(double v, int precision = 4)
{
    return QLocale().toString(v, 'g', precision);
}

} // namespace

FormulaPanel::FormulaPanel(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    m_layout = layout;
    m_notes = new FormulaLine(this);
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_notes);
    layout->addStretch(1);
    m_renderTimer = new QTimer(this);
    m_renderTimer->setObjectName(QStringLiteral("formulaRender"));
    m_renderTimer->setSingleShot(true);
    m_renderTimer->setInterval(settleMs);
    connect(m_renderTimer, &QTimer::timeout, this, &FormulaPanel::render);
    render();
}

void FormulaPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        // Presenter mode's larger type: the lines keep their 1.25 times the panel's.
        for (QLabel *label : m_lines)
            static_cast<FormulaLine *>(label)->setScale(1.25);
    } else if (event->type() == QEvent::LanguageChange) {
        // The lines are composed from several messages: compose them again. The engine's notes came
        // as texts; each is one message, or a modality's name before its embedder's description.
        if (const Language *language = Language::instance(); language && m_problem) {
            for (QString &note : m_problem->notes) {
                const QString whole = language->retranslated(note);
                const qsizetype colon = note.indexOf(QLatin1String(": "));
                note = whole != note || colon <= 0 ? whole : note.left(colon + 2) + language->retranslated(note.mid(colon + 2));
            }
        }
        render();
    }
}

void FormulaPanel::scheduleRender()
{
    m_renderTimer->start();
}

void FormulaPanel::setConfig(const RunConfig &config)
{
    if (m_hasConfig) {
        const auto &before = m_config.pipeline.modalities;
        const auto &after = config.pipeline.modalities;
        for (size_t k = 0; k < after.size() && k < before.size(); ++k) {
            if (before[k].name == after[k].name && (before[k].weight != after[k].weight || before[k].enabled != after[k].enabled))
                m_changed = QStringLiteral("weight:") + after[k].name;
        }
        if (config.training.learningRate != m_config.training.learningRate)
            m_changed = QStringLiteral("eta");
        else if (config.training.l2 != m_config.training.l2)
            m_changed = QStringLiteral("l2");
    }
    m_config = config;
    m_hasConfig = true;
    scheduleRender();
}

// The term the user changed last, on the palette's highlight colours (light, dark and presenter alike).
QString FormulaPanel::mark(const QString &term, const QString &html) const
{
    if (term.isEmpty() || term != m_changed)
        return html;
    return QStringLiteral("<span style=\"background-color:%1; color:%2\">&nbsp;%3&nbsp;</span>")
        .arg(palette().color(QPalette::Highlight).name(), palette().color(QPalette::HighlightedText).name(), html);
}

void FormulaPanel::setProblem(const ProblemInfo &info)
{
    m_problem = info;
    m_epoch.reset();
    scheduleRender();
}

void FormulaPanel::setEpoch(const EpochRecord &record)
{
    m_epoch = record;
    render();
}

void FormulaPanel::clearRun()
{
    m_problem.reset();
    m_epoch.reset();
    m_validation.reset();
    scheduleRender();
}

QString FormulaPanel::text() const
{
    if (m_renderTimer->isActive()) {
        m_renderTimer->stop();
        const_cast<FormulaPanel *>(this)->render();
    }
    QStringList lines;
    for (const QLabel *label : m_lines) {
        if (!label->isHidden())
            lines << label->text();
    }
    return lines.join(QStringLiteral("<br>"));
}

void FormulaPanel::showLines(const QStringList &lines)
{
    while (m_lines.size() < size_t(lines.size())) {
        auto *label = new FormulaLine(this);
        label->setTextFormat(Qt::RichText);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setScale(1.25);
        m_layout->insertWidget(int(m_lines.size()), label);
        m_lines.push_back(label);
    }
    for (size_t i = 0; i < m_lines.size(); ++i) {
        QLabel *label = m_lines[i];
        const bool shown = i < size_t(lines.size());
        if (shown)
            static_cast<FormulaLine *>(label)->setLine(lines[qsizetype(i)]);
        label->setVisible(shown);
    }
}

void FormulaPanel::setMetrics(int epoch, const QMap<QString, double> &values)
{
    const auto it = values.constFind(m_config.model.monitor);
    if (it == values.constEnd() || !std::isfinite(*it))
        return;
    Validation v = m_validation.value_or(Validation{});
    v.epoch = epoch;
    v.value = *it;
    if (v.bestEpoch == 0 || v.value > v.best) {
        v.best = v.value;
        v.bestEpoch = epoch;
    }
    m_validation = v;   // shown with the next setEpoch(), which the window calls four times a second
}

void FormulaPanel::renderModel(QStringList &lines) const
{
    const ModelConfig &model = m_config.model;
    const QString k = QString::number(model.factors);
    const QString d = m_problem ? QString::number(m_problem->featureWidth) : QStringLiteral("d");
    const QString fi = tr("f<sub>i</sub> = row i of F ∈ ℝ<sup>%1</sup>").arg(d);
    bool factorModel = true;
    switch (model.kind) {
    case ModelKind::Linear:
    case ModelKind::LinearRanking:
        lines << (model.linearBiases
                      ? tr("<b>Model</b>: ŷ<sub>ui</sub> = b + b<sub>u</sub> + b<sub>i</sub> + wᵀf<sub>i</sub>, %1").arg(fi)
                      : tr("<b>Model</b>: ŷ<sub>ui</sub> = b + wᵀf<sub>i</sub>, %1 — the same list for every user").arg(fi));
        break;
    case ModelKind::Popularity:
        lines << tr("<b>Model</b>: score(u, i) = number of training interactions of item i");
        factorModel = false;
        break;
    case ModelKind::Random:
        lines << tr("<b>Model</b>: score(u, i) = hash(seed, u, i) ∈ [0, 1), a fixed random number: the chance baseline");
        factorModel = false;
        break;
    case ModelKind::Mlp: {
        const QString widths = model.mlp.hidden.empty() ? QStringLiteral("—") : hiddenWidthsText(model.mlp.hidden);
        lines << tr("<b>Model</b>: ŷ<sub>ui</sub> = b + b<sub>u</sub> + b<sub>i</sub> + (w + p<sub>u</sub>)ᵀh(f<sub>i</sub>), "
                    "h(f) = ReLU(W<sub>2</sub>·ReLU(W<sub>1</sub>f + c<sub>1</sub>) + c<sub>2</sub>), hidden layers %1, %2")
                     .arg(widths.toHtmlEscaped(), fi);
        break;
    }
    case ModelKind::Svr:
        lines << tr("<b>Model</b>: ŷ<sub>ui</sub> = b + b<sub>u</sub> + b<sub>i</sub> + (w + p<sub>u</sub>)ᵀf<sub>i</sub>, %1").arg(fi);
        break;
    case ModelKind::ItemKnn:
        lines << tr("<b>Model</b>: score(u, i) = Σ<sub>j ∈ history(u)</sub> r<sub>uj</sub> · cos(f<sub>i</sub>, f<sub>j</sub>) "
                    "over i's 50 nearest neighbours, %1").arg(fi);
        factorModel = false;
        break;
    case ModelKind::Mf:
        lines << tr("<b>Model</b>: ŷ<sub>ui</sub> = μ + b<sub>u</sub> + b<sub>i</sub> + p<sub>u</sub>ᵀq<sub>i</sub>, "
                    "p, q ∈ ℝ<sup>%1</sup>").arg(k);
        break;
    case ModelKind::Hybrid:
        lines << tr("<b>Model</b>: ŷ<sub>ui</sub> = μ + b<sub>u</sub> + b<sub>i</sub> + βᵀf<sub>i</sub> + "
                    "p<sub>u</sub>ᵀ(q<sub>i</sub> + W f<sub>i</sub>), p, q ∈ ℝ<sup>%1</sup>, %2").arg(k, fi);
        break;
    case ModelKind::Content:
        lines << tr("<b>Model</b>: ŷ<sub>ui</sub> = μ + b<sub>u</sub> + b<sub>i</sub> + βᵀf<sub>i</sub> + "
                    "p<sub>u</sub>ᵀW f<sub>i</sub>, p ∈ ℝ<sup>%1</sup>, %2").arg(k, fi);
        break;
    }
    if (factorModel) {
        const QString loss = m_epoch ? number(m_epoch->trainLoss) : QStringLiteral("…");
        if (model.kind == ModelKind::Svr)
        {
            lines << tr("<b>Loss</b>: L = 1/N Σ max(0, |ŷ<sub>ui</sub> − r<sub>ui</sub>| − ε) + λ/2‖w‖² = <b>%1</b>: "
                        "no cost inside the tube |ŷ − r| ≤ ε = %2").arg(loss, number(model.svr.epsilon));
            if (m_epoch && std::isfinite(m_epoch->insideTube))
                lines << tr("inside the tube: <b>%1%</b> of the training examples (they do not move w); the other %2% are "
                            "the support vectors")
                             .arg(QLocale().toString(100.0 * m_epoch->insideTube, 'f', 1),
                                  QLocale().toString(100.0 * (1.0 - m_epoch->insideTube), 'f', 1));
        }
        else if (model.loss == LossKind::Bpr)
            lines << tr("<b>Loss</b>: L = −1/N Σ ln σ(ŷ<sub>ui</sub> − ŷ<sub>uj</sub>) + λ/2‖Θ‖² = <b>%1</b>, "
                        "j an item u has not seen").arg(loss);
        else
            lines << tr("<b>Loss</b>: L = 1/N Σ ½(ŷ<sub>ui</sub> − r<sub>ui</sub>)² + λ/2‖Θ‖² = <b>%1</b>").arg(loss);
        const double eta = m_epoch ? m_epoch->learningRate : m_config.training.learningRate;
        QString rule;
        switch (m_config.training.optimizer) {
        case OptimizerKind::GradientDescent: rule = tr("Θ ← Θ − η∇L (all interactions)"); break;
        case OptimizerKind::MiniBatchSgd: rule = tr("Θ ← Θ − η∇L<sub>batch</sub>"); break;
        case OptimizerKind::Momentum: rule = tr("v ← 0.9v + ∇L<sub>batch</sub>, Θ ← Θ − ηv"); break;
        case OptimizerKind::Adam:
            rule = tr("Adam: Θ ← Θ − η · (m / (1 − β<sub>1</sub><sup>t</sup>)) / (√(v / (1 − β<sub>2</sub><sup>t</sup>)) + ε)");
            break;
        }
        lines << tr("<b>Update</b>: %1, &nbsp;%2, %3%4")
                     .arg(rule, mark(QStringLiteral("eta"), tr("η = <b>%1</b>").arg(number(eta, 3))),
                          mark(QStringLiteral("l2"), tr("λ = %1").arg(number(m_config.training.l2, 3))),
                          m_epoch ? tr(", epoch %1").arg(m_epoch->epoch) : QString());
    }
    if (m_validation) {
        lines << tr("<b>Validation</b> %1 = <b>%2</b> at epoch %3; best %4 at epoch %5")
                     .arg(model.monitor, number(m_validation->value, 3), QString::number(m_validation->epoch),
                          number(m_validation->best, 3), QString::number(m_validation->bestEpoch));
    } else {
        lines << tr("<b>Validation</b>: %1 on held-out interactions, every epoch").arg(model.monitor);
    }
}

void FormulaPanel::render()
{
    m_renderTimer->stop();
    QStringList lines;
    const auto &modalities = m_config.pipeline.modalities;
    // E = W·Vᵀ for each text modality, with the loaded data's shapes once a problem is prepared, and
    // the shapes of the other embeddings on the line under it.
    if (m_problem) {
        QStringList others;
        QStringList explanations;
        const QString shape = QStringLiteral("%1×%2");
        for (const FusedSource &source : m_problem->sources) {
            const QString e = QStringLiteral("E<sub>%1</sub>").arg(source.index + 1);
            if (source.terms > 0) {
                lines << tr("<b>Text</b>: %1 = W·V<sup>T</sup> &nbsp;(%2) = (%3)·(%4)")
                             .arg(e, shape.arg(QLocale().toString(source.items)).arg(source.width),
                                  shape.arg(QLocale().toString(source.documents), QLocale().toString(source.terms)),
                                  shape.arg(QLocale().toString(source.terms)).arg(source.width));
                explanations << tr("W: TF-IDF of the %1 items with %2 over %3 terms; V: the %4 leading term "
                                   "directions of W (LSA), so %5 = U<sub>k</sub>Σ<sub>k</sub>%6")
                                    .arg(QLocale().toString(source.documents), source.name.toHtmlEscaped(),
                                         QLocale().toString(source.terms), QString::number(source.width), e,
                                         source.documents < source.items ? tr("; items without text get the mean row")
                                                                         : QString());
            } else {
                others << QStringLiteral("%1 %2 (%3)")
                              .arg(e, source.name.toHtmlEscaped(), shape.arg(QLocale().toString(source.items)).arg(source.width));
            }
        }
        if (!others.isEmpty())
            explanations << others.join(QStringLiteral(", "));
        if (!explanations.isEmpty())
            lines << QStringLiteral("<small>%1</small>").arg(explanations.join(QStringLiteral("; ")));
    }
    // F = αE₁ + βE₂ as the article writes it, then with the live weights; each letter and Eₖ belong to
    // the modality's index in the dataset, so switching one off does not rename the others.
    QStringList symbolic;
    QStringList terms;
    QStringList legend;
    for (size_t k = 0; k < modalities.size(); ++k) {
        const ModalityConfig &m = modalities[k];
        const QString e = QStringLiteral("E<sub>%1</sub>").arg(k + 1);
        const QString symbol = fusionWeightSymbol(int(k));
        legend << QStringLiteral("%1 = %2 (%3)").arg(e, m.name.toHtmlEscaped(), symbol)
                      + (m.enabled ? QString() : tr(" off"));
        if (!m.enabled)
            continue;
        symbolic << symbol + e;
        terms << mark(QStringLiteral("weight:") + m.name, QStringLiteral("<b>%1</b>·%2").arg(number(m.weight, 3), e));
    }
    const FusionOp op = m_config.pipeline.op;
    const QString joiner = op == FusionOp::Product ? QStringLiteral(" ⊙ ") : op == FusionOp::Concat ? QStringLiteral(", ") : QStringLiteral(" + ");
    QString formula = symbolic.join(joiner);
    QString fused = terms.join(joiner);
    if (op == FusionOp::Concat) {
        formula = QStringLiteral("[") + formula + QStringLiteral("]");
        fused = QStringLiteral("[") + fused + QStringLiteral("]");
    }
    lines << (terms.isEmpty() ? tr("<b>Fusion</b>: no modality is switched on")
                              : tr("<b>Fusion</b>: F = %1 = %2").arg(formula, fused));
    lines << QStringLiteral("<small>%1</small>").arg(legend.join(QStringLiteral(", ")));
    if (m_config.pipeline.learnWeights && learnsFusionWeights(m_config.model) && op != FusionOp::Product) {
        // Learned weights come in the enabled modalities' order.
        QStringList learned;
        size_t next = 0;
        for (size_t k = 0; k < modalities.size(); ++k) {
            if (modalities[k].enabled && m_epoch && next < m_epoch->fusionWeights.size())
                learned << QStringLiteral("%1 = <b>%2</b>").arg(fusionWeightSymbol(int(k)), number(m_epoch->fusionWeights[next++], 3));
        }
        lines << (learned.isEmpty()
                      ? tr("<b>Learned weights</b>: α<sub>k</sub> = s·softmax(θ)<sub>k</sub>, trained with the model from "
                           "the values above, their sum s kept")
                      : tr("<b>Learned weights</b>: %1 &nbsp;(α<sub>k</sub> = s·softmax(θ)<sub>k</sub>, sum kept)")
                            .arg(learned.join(QStringLiteral(", "))));
    }
    if (!m_config.model.isLinear()) {
        renderModel(lines);
        showLines(lines);
        static_cast<FormulaLine *>(m_notes)->setLine(m_problem ? m_problem->notes.join(QStringLiteral("\n")) : QString());
        return;
    }
    const QString width = m_problem ? QString::number(m_problem->featureWidth) : QStringLiteral("d");
    lines << tr("<b>Model</b>: f(x<sub>i</sub>; W) = W<sup>T</sup>x<sub>i</sub> + b, x<sub>i</sub> = row i of F ∈ ℝ<sup>%1</sup>").arg(width);
    const QString n = m_problem ? QLocale().toString(m_problem->trainRows) : QStringLiteral("N");
    const QString loss = m_epoch ? number(m_epoch->trainLoss) : QStringLiteral("…");
    lines << tr("<b>Loss</b>: L = 1/(2N) Σ<sub>i=1…N</sub> (y<sub>i</sub> − f(x<sub>i</sub>; W))² = <b>%1</b> &nbsp;(N = %2)").arg(loss, n);
    if (m_epoch)
        lines << tr("validation loss %1 on %2 held-out ratings").arg(number(m_epoch->validationLoss), QLocale().toString(m_problem ? m_problem->validationRows : 0));
    const double eta = m_epoch ? m_epoch->learningRate : m_config.training.learningRate;
    lines << tr("<b>Update</b>: W ← W − η∇<sub>W</sub>L, &nbsp;%1%2")
                 .arg(mark(QStringLiteral("eta"), tr("η = <b>%1</b>").arg(number(eta, 3))),
                      m_epoch ? tr(", epoch %1").arg(m_epoch->epoch) : QString());
    if (m_config.training.l2 > 0 || m_changed == QLatin1String("l2"))
        lines << tr("with L2: + λ/2·‖W‖², %1").arg(mark(QStringLiteral("l2"), tr("λ = %1").arg(number(m_config.training.l2, 3))));
    if (m_problem) {
        lines << tr("<b>Closed form</b>: (XᵀX/N + λI) W* = Xᵀy/N gives L* = <b>%1</b>").arg(number(m_problem->optimumTrainLoss));
        lines << tr("Gradient descent converges for η &lt; 2/λ<sub>max</sub> = %1").arg(number(m_problem->maxStableLearningRate, 3));
    }
    showLines(lines);
    const QString notes = m_problem ? m_problem->notes.join(QStringLiteral("\n")) : QString();
    static_cast<FormulaLine *>(m_notes)->setLine(notes);
}

} // namespace fl
