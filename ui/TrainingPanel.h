#pragma once

// The "Training" dock: learning rate on a logarithmic slider (1e-5 … 10) with a spin box,
// optimizer, batch size, L2, epochs and seed, and the Train/Pause, Step and Reset buttons (driven by
// the window's actions, so buttons, menus and shortcuts stay one thing). Edits a TrainingConfig.

#include "engine/LinearRegression.h"

#include <QWidget>

class QAction;
class QComboBox;
class QDoubleSpinBox;
class QSlider;
class QSpinBox;

namespace fl {

class TrainingPanel : public QWidget
{
    Q_OBJECT

public:
    explicit TrainingPanel(QWidget *parent = nullptr);

    void setActions(QAction *trainOrPause, QAction *step, QAction *reset);
    void setConfig(const TrainingConfig &config);   // shows it without emitting
    TrainingConfig config() const { return m_config; }

    QSlider *learningRateSlider() const { return m_rateSlider; }
    QDoubleSpinBox *learningRateSpinBox() const { return m_rateSpin; }
    QComboBox *optimizerBox() const { return m_optimizer; }

    static constexpr double minRate = 1e-5;
    static constexpr double maxRate = 10.0;
    static constexpr int stepsPerDecade = 100;
    static int sliderPosition(double learningRate);
    static double learningRateAt(int sliderPosition);

Q_SIGNALS:
    void configEdited(const fl::TrainingConfig &config);

private:
    void commit();
    void syncWidgets();

    TrainingConfig m_config;
    QSlider *m_rateSlider = nullptr;
    QDoubleSpinBox *m_rateSpin = nullptr;
    QComboBox *m_optimizer = nullptr;
    QSpinBox *m_batch = nullptr;
    QDoubleSpinBox *m_l2 = nullptr;
    QSpinBox *m_epochs = nullptr;
    QSpinBox *m_seed = nullptr;
    QWidget *m_buttons = nullptr;
    bool m_updating = false;
};

} // namespace fl
