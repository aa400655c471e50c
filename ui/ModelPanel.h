#pragma once

// The "Model" dock: which model a run fits — the seed's linear regression or one of the recommendation
// models — and, for a recommendation model, its loss, latent width, the train/validation/test split,
// the K of the ranking metrics, the rating threshold for relevance and early stopping. Edits a ModelConfig; the options that only matter to recommendation
// models are hidden while the linear regression is chosen.

#include "engine/training/RunTrainer.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace fl {

class ModelPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ModelPanel(QWidget *parent = nullptr);

    void setConfig(const ModelConfig &config);   // shows it without emitting
    // What the loaded dataset allows: the temporal splits need timestamps, "the dataset's own split"
    // its labels. Splits it cannot do are greyed out with a tooltip saying why.
    void setDatasetCapabilities(bool timestamps, bool ownSplit);
    ModelConfig config() const { return m_config; }

    // "10, 20" → {10, 20}: positive, ascending, each once; empty if the text is not such a list.
    static std::vector<int> parseKs(const QString &text);
    // The name a user reads for a model (Hybrid → "Hybrid: MF + fused content (VBPR)"). The model box
    // holds every kind, with int(ModelKind) as its data.
    static QString modelTitle(ModelKind kind);

    QComboBox *modelBox() const { return m_model; }
    QComboBox *lossBox() const { return m_loss; }
    QComboBox *splitBox() const { return m_split; }
    QSpinBox *factorsBox() const { return m_factors; }
    QDoubleSpinBox *testShareBox() const { return m_testShare; }
    QSpinBox *lastKBox() const { return m_lastK; }
    QLineEdit *ksEdit() const { return m_ks; }
    QCheckBox *biasesCheck() const { return m_biases; }
    QLineEdit *hiddenEdit() const { return m_hidden; }
    QDoubleSpinBox *dropoutBox() const { return m_dropout; }
    QCheckBox *userVectorsCheck() const { return m_userVectors; }
    QDoubleSpinBox *epsilonBox() const { return m_epsilon; }
    QSpinBox *unratedSamplesBox() const { return m_unratedSamples; }
    QCheckBox *thresholdCheck() const { return m_useThreshold; }
    QDoubleSpinBox *thresholdBox() const { return m_threshold; }
    QSpinBox *patienceBox() const { return m_patience; }
    QWidget *rankingOptions() const { return m_rankingOptions; }

Q_SIGNALS:
    void configEdited(const fl::ModelConfig &config);

private:
    void commit();
    void syncWidgets();

    ModelConfig m_config;
    QComboBox *m_model = nullptr;
    QLabel *m_description = nullptr;
    QWidget *m_rankingOptions = nullptr;
    QComboBox *m_loss = nullptr;
    QCheckBox *m_biases = nullptr;
    QSpinBox *m_factors = nullptr;
    QLineEdit *m_hidden = nullptr;          // mlp
    QDoubleSpinBox *m_dropout = nullptr;    // mlp
    QCheckBox *m_userVectors = nullptr;     // mlp and svr
    QDoubleSpinBox *m_epsilon = nullptr;    // svr
    QSpinBox *m_unratedSamples = nullptr;   // svr
    QComboBox *m_split = nullptr;
    QDoubleSpinBox *m_testShare = nullptr;
    QSpinBox *m_lastK = nullptr;
    QLineEdit *m_ks = nullptr;
    QCheckBox *m_useThreshold = nullptr;
    QDoubleSpinBox *m_threshold = nullptr;
    QSpinBox *m_patience = nullptr;
    bool m_updating = false;
};

} // namespace fl
