#include "ModalitiesPanel.h"

#include "WeightSlider.h"

#include "engine/models/FusionWeights.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace fl {

ModalitiesPanel::ModalitiesPanel(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_operator = new QComboBox(this);
    m_operator->addItem(tr("Weighted sum"), int(FusionOp::Sum));
    m_operator->addItem(tr("Elementwise product"), int(FusionOp::Product));
    m_operator->addItem(tr("Weighted concatenation"), int(FusionOp::Concat));
    m_operator->setToolTip(tr("How the modality matrices are combined into the item features F.\n"
                              "Sum and product need one width: wider modalities are reduced by PCA, narrower ones padded."));
    form->addRow(tr("Operator:"), m_operator);
    m_missing = new QComboBox(this);
    m_missing->addItem(tr("Mean imputation"), int(MissingPolicy::MeanImpute));
    m_missing->addItem(tr("Zeros + missing flag"), int(MissingPolicy::ZeroWithIndicator));
    m_missing->addItem(tr("Leave items out"), int(MissingPolicy::LeaveOut));
    m_missing->setToolTip(tr("What an item gets when it has no text, image or value for a fused modality:\n"
                             "the modality's mean vector; zeros plus a column that says \"missing\", so the model\n"
                             "can learn what absence means; or its ratings left out of training and validation."));
    form->addRow(tr("Missing data:"), m_missing);
    m_learn = new QCheckBox(tr("learned with the model"), this);
    form->addRow(tr("Weights:"), m_learn);
    // Narrow docks (a projector, presenter mode's type) elide the longest choices instead of asking
    // for a horizontal scroll bar.
    for (QComboBox *box : {m_operator, m_missing}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(10);
    }
    layout->addLayout(form);
    m_formula = new QLabel(this);
    m_formula->setWordWrap(true);
    m_formula->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_formula);
    m_rows = new QGridLayout;
    // Tight rows, so that a projector's dock shows α and β without scrolling.
    m_rows->setVerticalSpacing(2);
    m_rows->setColumnStretch(2, 1);
    layout->addLayout(m_rows);
    layout->addStretch(1);

    connect(m_operator, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updating)
            return;
        m_config.op = FusionOp(m_operator->currentData().toInt());
        commit();
    });
    connect(m_learn, &QCheckBox::toggled, this, [this](bool on) {
        if (m_updating)
            return;
        m_config.learnWeights = on;
        commit();
    });
    connect(m_missing, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updating)
            return;
        m_config.missing = MissingPolicy(m_missing->currentData().toInt());
        commit();
    });
}

void ModalitiesPanel::setLearningAvailable(bool available, const QString &why)
{
    m_learningAvailable = available;
    m_learningWhy = why;
    syncWidgets();
}

void ModalitiesPanel::setLearnedWeights(const std::vector<double> &weights)
{
    if (weights == m_learned)
        return;
    m_learned = weights;
    syncWidgets();
}

QSlider *ModalitiesPanel::weightSlider(int modality) const { return m_widgets.at(size_t(modality)).slider; }
QDoubleSpinBox *ModalitiesPanel::weightSpinBox(int modality) const { return m_widgets.at(size_t(modality)).spin; }
QCheckBox *ModalitiesPanel::enabledBox(int modality) const { return m_widgets.at(size_t(modality)).enabled; }

void ModalitiesPanel::setDataset(const Dataset &dataset, const PipelineConfig &config)
{
    for (Row &row : m_widgets) {
        qDeleteAll(std::initializer_list<QWidget *>{row.enabled, row.symbol, row.slider, row.spin, row.textWidth, row.imageKind});
    }
    m_widgets.clear();
    m_config = config;

    for (size_t k = 0; k < config.modalities.size(); ++k) {
        const ModalityConfig &m = config.modalities[k];
        const ModalitySource *source = dataset.modality(m.name);
        Row row;
        row.enabled = new QCheckBox(m.name, this);
        row.enabled->setToolTip(tr("Include the %1 modality (%2, from %3) in the fusion.")
                                    .arg(m.name, source ? modalityKindName(source->kind) : QString(), source ? source->origin : QString()));
        row.symbol = new QLabel(this);
        row.slider = new WeightSlider(this);
        row.slider->setRange(0, sliderSteps);
        row.slider->setMinimumWidth(90);
        row.slider->setToolTip(tr("Weight of %1 in the fusion. Releasing the slider starts a new run; the previous curve stays as a ghost.").arg(m.name));
        row.spin = new QDoubleSpinBox(this);
        row.spin->setRange(0.0, maxWeight);
        row.spin->setDecimals(2);
        row.spin->setSingleStep(0.05);
        row.spin->setToolTip(tr("Exact weight of %1.").arg(m.name));
        const int r = int(k) * 2;
        m_rows->addWidget(row.enabled, r, 0, 1, 4);
        m_rows->addWidget(row.symbol, r + 1, 1);
        m_rows->addWidget(row.slider, r + 1, 2);
        m_rows->addWidget(row.spin, r + 1, 3);
        if (source && source->kind == ModalityKind::Text) {
            row.textWidth = new QSpinBox(this);
            row.textWidth->setRange(2, 512);
            row.textWidth->setPrefix(tr("LSA "));
            row.textWidth->setToolTip(tr("Width of the text embedding: the number of LSA components kept from the TF-IDF matrix."));
            m_rows->addWidget(row.textWidth, r, 3);
            connect(row.textWidth, &QSpinBox::editingFinished, this, [this, k] {
                if (m_updating || m_config.modalities[k].text.width == m_widgets[k].textWidth->value())
                    return;
                m_config.modalities[k].text.width = m_widgets[k].textWidth->value();
                commit();
            });
        } else if (source && source->kind == ModalityKind::Image) {
            row.imageKind = new QComboBox(this);
            row.imageKind->addItem(tr("grid mean"), imageFeatureKindName(ImageFeatureKind::GridMean));
            row.imageKind->addItem(tr("histogram"), imageFeatureKindName(ImageFeatureKind::ColorHistogram));
            row.imageKind->addItem(tr("both"), imageFeatureKindName(ImageFeatureKind::Both));
            row.imageKind->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
            row.imageKind->setMinimumContentsLength(8);
            row.imageKind->setToolTip(tr("Image features: mean colour per cell of a 4×4 grid, a colour histogram, or both."));
            m_rows->addWidget(row.imageKind, r, 3);
            connect(row.imageKind, &QComboBox::currentIndexChanged, this, [this, k] {
                if (m_updating)
                    return;
                m_config.modalities[k].image.kind = *imageFeatureKindFromName(m_widgets[k].imageKind->currentData().toString());
                commit();
            });
        }
        connect(row.enabled, &QCheckBox::toggled, this, [this, k](bool on) {
            if (m_updating)
                return;
            m_config.modalities[k].enabled = on;
            commit();
        });
        connect(row.slider, &QSlider::valueChanged, this, [this, k](int value) {
            if (m_updating)
                return;
            m_config.modalities[k].weight = maxWeight * value / sliderSteps;
            {
                const QSignalBlocker block(m_widgets[k].spin);
                m_widgets[k].spin->setValue(m_config.modalities[k].weight);
            }
            if (m_widgets[k].slider->isSliderDown()) {
                syncWidgets();
                Q_EMIT configPreviewed(m_config);
            } else {
                commit();
            }
        });
        connect(row.slider, &QSlider::sliderReleased, this, [this] { commit(); });
        connect(row.spin, &QDoubleSpinBox::valueChanged, this, [this, k](double value) {
            if (m_updating || std::abs(value - m_config.modalities[k].weight) < 1e-12)
                return;
            m_config.modalities[k].weight = value;
            commit();
        });
        m_widgets.push_back(row);
    }
    syncWidgets();
}

void ModalitiesPanel::setConfig(const PipelineConfig &config)
{
    if (config.modalities.size() != m_widgets.size())
        return;
    m_config = config;
    syncWidgets();
}

void ModalitiesPanel::commit()
{
    syncWidgets();
    Q_EMIT configEdited(m_config);
}

void ModalitiesPanel::syncWidgets()
{
    m_updating = true;
    m_operator->setCurrentIndex(m_operator->findData(int(m_config.op)));
    m_missing->setCurrentIndex(m_missing->findData(int(m_config.missing)));
    std::vector<int> enabledIndices;
    for (size_t k = 0; k < m_widgets.size(); ++k) {
        const ModalityConfig &m = m_config.modalities[k];
        Row &row = m_widgets[k];
        row.enabled->setChecked(m.enabled);
        row.slider->setValue(int(std::lround(m.weight / maxWeight * sliderSteps)));
        row.spin->setValue(m.weight);
        row.slider->setEnabled(m.enabled);
        row.spin->setEnabled(m.enabled);
        if (row.textWidth) {
            row.textWidth->setValue(m.text.width);
            row.textWidth->setEnabled(m.enabled);
        }
        if (row.imageKind) {
            row.imageKind->setCurrentIndex(row.imageKind->findData(imageFeatureKindName(m.image.kind)));
            row.imageKind->setEnabled(m.enabled);
        }
        // The letter belongs to the modality, whether the others are on or not.
        const QString symbol = fusionWeightSymbol(int(k));
        row.symbol->setText(symbol + QStringLiteral(" ="));
        row.symbol->setEnabled(m.enabled);
        if (m.enabled)
            enabledIndices.push_back(int(k));
    }
    // Learned weights come in the enabled modalities' order.
    QStringList learned;
    size_t next = 0;
    for (size_t k = 0; k < m_widgets.size(); ++k) {
        const bool shown = m_config.learnWeights && m_config.modalities[k].enabled && next < m_learned.size();
        const double value = shown ? m_learned[next++] : 0.0;
        m_widgets[k].slider->setMarkerRoom(m_config.learnWeights);
        m_widgets[k].slider->setMarker(shown ? std::optional<int>(int(std::lround(value / maxWeight * sliderSteps)))
                                             : std::nullopt);
        if (shown)
            learned << QStringLiteral("%1 = %2").arg(fusionWeightSymbol(int(k))).arg(value, 0, 'f', 2);
    }
    // The chosen values are in the spin boxes beside the sliders; the line under the formula is for
    // the learned ones (a projector's dock has no height to spare).
    QString text = fusionOpFormula(m_config.op, enabledIndices);
    if (!learned.isEmpty())
        text += QStringLiteral("\n") + tr("learned: %1 (▼ on the sliders)").arg(learned.join(QStringLiteral(", ")));
    m_formula->setText(text);

    const std::optional<QString> problem = learnedWeightsProblem(m_config.op, m_config.enabledWeights());
    const bool additive = m_config.op != FusionOp::Product;
    m_learn->setEnabled(m_learningAvailable && additive);
    m_learn->setChecked(m_config.learnWeights);
    m_learn->setToolTip(!m_learningAvailable ? m_learningWhy
                        : !additive          ? *problem
                                             : tr("Train the fusion weights with the model, starting from the values set here "
                                                  "and keeping their sum (αₖ = s·softmax(θ)ₖ). The learned values show as ▼ "
                                                  "on the sliders, beside the ones you chose."));
    m_updating = false;
}

} // namespace fl
