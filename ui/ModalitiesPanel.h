#pragma once

// The "Fusion" dock: the fusion operator and one row per modality — an on/off switch, its weight
// (α, β, γ …) as a slider with a spin box beside it for exact values, and its embedder settings
// (LSA width for text, feature kind for images), and whether training learns the weights (then each
// slider also marks the learned value). Edits a PipelineConfig and hands it on.

#include "engine/fusion/FusionPipeline.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QSlider;
class QSpinBox;

namespace fl {

class WeightSlider;

class ModalitiesPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ModalitiesPanel(QWidget *parent = nullptr);

    // Rebuilds the rows for a dataset's modalities.
    void setDataset(const Dataset &dataset, const PipelineConfig &config);
    // Shows a configuration without emitting anything.
    void setConfig(const PipelineConfig &config);
    PipelineConfig config() const { return m_config; }

    QSlider *weightSlider(int modality) const;
    QDoubleSpinBox *weightSpinBox(int modality) const;
    QCheckBox *enabledBox(int modality) const;
    QComboBox *operatorBox() const { return m_operator; }
    QComboBox *missingBox() const { return m_missing; }
    QCheckBox *learnBox() const { return m_learn; }

    // Whether the chosen model can learn the weights; why not when it cannot (the box is then off).
    void setLearningAvailable(bool available, const QString &why = QString());
    // Where training has taken the enabled modalities' weights (in their order), shown as a marker on
    // each slider and under the formula; empty clears them.
    void setLearnedWeights(const std::vector<double> &weights);
    const std::vector<double> &learnedWeights() const { return m_learned; }

    static constexpr int sliderSteps = 200;   // weights 0.00 … 2.00
    static constexpr double maxWeight = 2.0;

Q_SIGNALS:
    // A committed change (slider released, spin box edited, switch toggled): a new run.
    void configEdited(const fl::PipelineConfig &config);
    // A weight moving under the mouse, for the live formula only.
    void configPreviewed(const fl::PipelineConfig &config);

private:
    struct Row
    {
        QCheckBox *enabled = nullptr;
        QLabel *symbol = nullptr;
        WeightSlider *slider = nullptr;
        QDoubleSpinBox *spin = nullptr;
        QSpinBox *textWidth = nullptr;
        QComboBox *imageKind = nullptr;
    };

    void commit();
    void syncWidgets();

    PipelineConfig m_config;
    QComboBox *m_operator = nullptr;
    QComboBox *m_missing = nullptr;
    QCheckBox *m_learn = nullptr;
    QLabel *m_formula = nullptr;
    std::vector<double> m_learned;
    bool m_learningAvailable = true;
    QString m_learningWhy;
    QGridLayout *m_rows = nullptr;
    std::vector<Row> m_widgets;
    bool m_updating = false;
};

} // namespace fl
