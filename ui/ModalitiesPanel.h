#pragma once

// The "Fusion" dock: the fusion operator and one row per modality — an on/off switch, its weight
// (α, β, γ …) as a slider with a spin box beside it for exact values, and its embedder settings
// (LSA width for text, feature kind for images). Edits a PipelineConfig and hands it on.

#include "engine/FusionPipeline.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QSlider;
class QSpinBox;

namespace fl {

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
        QSlider *slider = nullptr;
        QDoubleSpinBox *spin = nullptr;
        QSpinBox *textWidth = nullptr;
        QComboBox *imageKind = nullptr;
    };

    void commit();
    void syncWidgets();

    PipelineConfig m_config;
    QComboBox *m_operator = nullptr;
    QComboBox *m_missing = nullptr;
    QLabel *m_formula = nullptr;
    QGridLayout *m_rows = nullptr;
    std::vector<Row> m_widgets;
    bool m_updating = false;
};

} // namespace fl
