#pragma once

// The "Training" dock: learning rate on a logarithmic slider (1e-5 … 10) with a spin box,
// optimizer, batch size, L2, epochs and seed, the playback speed, and the Train/Pause, Step back,
// Step and Reset buttons (driven by the window's actions, so buttons, menus and shortcuts stay one
// thing). Edits a TrainingConfig; the speed is the session's, not the run's (it changes no result).

#include "engine/models/LinearRegression.h"

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

    void setActions(QAction *trainOrPause, QAction *stepBack, QAction *step, QAction *reset);
    void setConfig(const TrainingConfig &config);   // shows it without emitting
    TrainingConfig config() const { return m_config; }

    QSlider *learningRateSlider() const { return m_rateSlider; }
    QDoubleSpinBox *learningRateSpinBox() const { return m_rateSpin; }
    QComboBox *optimizerBox() const { return m_optimizer; }
    QComboBox *speedBox() const { return m_speed; }

    // Epochs a second while training, 0 for full speed: the choices of the speed box.
    static QList<double> playbackSpeeds() { return {1, 5, 20, 100, 0}; }
    void setPlaybackSpeed(double epochsPerSecond);   // shows it without emitting
    double playbackSpeed() const;

    static constexpr double minRate = 1e-5;
    static constexpr double maxRate = 10.0;
    static constexpr int stepsPerDecade = 100;
    static int sliderPosition(double learningRate);
    static double learningRateAt(int sliderPosition);

Q_SIGNALS:
    void configEdited(const fl::TrainingConfig &config);
    void playbackSpeedChanged(double epochsPerSecond);

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
    QComboBox *m_speed = nullptr;
    QWidget *m_buttons = nullptr;
    bool m_updating = false;
};

} // namespace fl
