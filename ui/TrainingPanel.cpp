#include "TrainingPanel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLocale>
#include <QSlider>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace fl {

int TrainingPanel::sliderPosition(double learningRate)
{
    const double clamped = std::clamp(learningRate, minRate, maxRate);
    return int(std::lround((std::log10(clamped) - std::log10(minRate)) * stepsPerDecade));
}

double TrainingPanel::learningRateAt(int position)
{
    return std::pow(10.0, std::log10(minRate) + double(position) / stepsPerDecade);
}

TrainingPanel::TrainingPanel(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    auto *rate = new QWidget(this);
    auto *rateLayout = new QHBoxLayout(rate);
    rateLayout->setContentsMargins(0, 0, 0, 0);
    m_rateSlider = new QSlider(Qt::Horizontal, rate);
    m_rateSlider->setRange(0, sliderPosition(maxRate));
    m_rateSlider->setMinimumWidth(90);
    m_rateSlider->setToolTip(tr("Learning rate η on a logarithmic scale from 0.00001 to 10. "
                                "A change continues the current run from the next epoch and is marked on the chart."));
    m_rateSpin = new QDoubleSpinBox(rate);
    m_rateSpin->setRange(minRate, maxRate);
    m_rateSpin->setDecimals(5);
    m_rateSpin->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    m_rateSpin->setToolTip(tr("Exact learning rate η."));
    // Typed values count when complete (Enter, Tab): typing "1.5" must not first set η = 1.
    m_rateSpin->setKeyboardTracking(false);
    rateLayout->addWidget(m_rateSlider, 1);
    rateLayout->addWidget(m_rateSpin);
    form->addRow(tr("Learning rate η:"), rate);

    m_optimizer = new QComboBox(this);
    // Narrow docks (a lesson beside the chart at 1024 × 768) show "Full-batch gradient de…" rather
    // than a horizontal scroll bar; the list shows the whole names.
    m_optimizer->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_optimizer->setMinimumContentsLength(12);
    m_optimizer->addItem(tr("Full-batch gradient descent"), optimizerName(OptimizerKind::GradientDescent));
    m_optimizer->addItem(tr("Mini-batch SGD"), optimizerName(OptimizerKind::MiniBatchSgd));
    m_optimizer->addItem(tr("SGD with momentum"), optimizerName(OptimizerKind::Momentum));
    m_optimizer->addItem(tr("Adam"), optimizerName(OptimizerKind::Adam));
    m_optimizer->setToolTip(tr("Gradient descent uses every training rating per step (the seed's W ← W − η∇L); "
                               "SGD steps once per shuffled mini-batch; momentum keeps 0.9 of the previous step; "
                               "Adam scales each coordinate's step by its gradient history."));
    form->addRow(tr("Optimizer:"), m_optimizer);

    m_batch = new QSpinBox(this);
    m_batch->setRange(1, 1 << 20);
    m_batch->setToolTip(tr("Ratings per mini-batch (SGD only)."));
    form->addRow(tr("Batch size:"), m_batch);

    m_l2 = new QDoubleSpinBox(this);
    m_l2->setRange(0.0, 100.0);
    m_l2->setDecimals(5);
    m_l2->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    m_l2->setToolTip(tr("L2 penalty λ/2·‖W‖² on the weights (not the bias)."));
    form->addRow(tr("L2 λ:"), m_l2);

    m_epochs = new QSpinBox(this);
    m_epochs->setRange(1, 100000000);
    m_epochs->setToolTip(tr("Epochs per run. Train after the end continues for as many again."));
    form->addRow(tr("Epochs:"), m_epochs);

    m_seed = new QSpinBox(this);
    m_seed->setRange(0, 1 << 30);
    m_seed->setToolTip(tr("Seed of the train/validation split and of SGD's shuffling."));
    form->addRow(tr("Seed:"), m_seed);

    m_speed = new QComboBox(this);
    m_speed->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_speed->setMinimumContentsLength(12);
    for (double speed : playbackSpeeds()) {
        const QString label = speed == 1 ? tr("1 epoch per second")
            : speed > 0                   ? tr("%1 epochs per second").arg(QLocale().toString(speed))
                                          : tr("Full speed");
        m_speed->addItem(label, speed);
    }
    m_speed->setCurrentIndex(m_speed->count() - 1);
    m_speed->setToolTip(tr("How fast Train runs the epochs: slow enough for a class to watch the curve form and "
                           "read each step, or as fast as the machine goes. Step (→) is always one epoch at once."));
    form->addRow(tr("Speed:"), m_speed);
    layout->addLayout(form);

    m_buttons = new QWidget(this);
    auto *buttons = new QHBoxLayout(m_buttons);
    buttons->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_buttons);
    layout->addStretch(1);

    connect(m_rateSlider, &QSlider::valueChanged, this, [this](int position) {
        if (m_updating)
            return;
        const QSignalBlocker block(m_rateSpin);
        m_rateSpin->setValue(learningRateAt(position));
        if (!m_rateSlider->isSliderDown()) {
            m_config.learningRate = learningRateAt(position);
            commit();
        }
    });
    connect(m_rateSlider, &QSlider::sliderReleased, this, [this] {
        m_config.learningRate = learningRateAt(m_rateSlider->value());
        commit();
    });
    connect(m_rateSpin, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        if (m_updating || m_rateSlider->isSliderDown() || std::abs(value - m_config.learningRate) <= 1e-12 * value)
            return;
        m_config.learningRate = value;
        commit();
    });
    connect(m_speed, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating)
            Q_EMIT playbackSpeedChanged(playbackSpeed());
    });
    connect(m_optimizer, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updating)
            return;
        m_config.optimizer = *optimizerFromName(m_optimizer->currentData().toString());
        commit();
    });
    auto onEdited = [this](auto *box, auto member) {
        connect(box, &QAbstractSpinBox::editingFinished, this, [this, box, member] {
            using Value = std::remove_reference_t<decltype(m_config.*member)>;
            if (m_updating || m_config.*member == Value(box->value()))
                return;
            m_config.*member = Value(box->value());
            commit();
        });
    };
    onEdited(m_batch, &TrainingConfig::batchSize);
    onEdited(m_l2, &TrainingConfig::l2);
    onEdited(m_epochs, &TrainingConfig::epochs);
    connect(m_seed, &QAbstractSpinBox::editingFinished, this, [this] {
        if (m_updating || m_config.seed == std::uint64_t(m_seed->value()))
            return;
        m_config.seed = std::uint64_t(m_seed->value());
        commit();
    });
    syncWidgets();
}

void TrainingPanel::setActions(QAction *trainOrPause, QAction *stepBack, QAction *step, QAction *reset)
{
    for (QAction *action : {trainOrPause, stepBack, step, reset}) {
        auto *button = new QToolButton(m_buttons);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        m_buttons->layout()->addWidget(button);
    }
}

void TrainingPanel::setPlaybackSpeed(double epochsPerSecond)
{
    // The nearest choice: a speed from older settings or the command line still shows sensibly.
    int best = m_speed->count() - 1;
    if (epochsPerSecond > 0) {
        double distance = std::numeric_limits<double>::infinity();
        for (int i = 0; i < m_speed->count(); ++i) {
            const double speed = m_speed->itemData(i).toDouble();
            if (speed > 0 && std::abs(std::log(speed / epochsPerSecond)) < distance) {
                distance = std::abs(std::log(speed / epochsPerSecond));
                best = i;
            }
        }
    }
    m_updating = true;
    m_speed->setCurrentIndex(best);
    m_updating = false;
}

double TrainingPanel::playbackSpeed() const
{
    return m_speed->currentData().toDouble();
}

void TrainingPanel::setConfig(const TrainingConfig &config)
{
    m_config = config;
    syncWidgets();
}

void TrainingPanel::commit()
{
    syncWidgets();
    Q_EMIT configEdited(m_config);
}

void TrainingPanel::syncWidgets()
{
    m_updating = true;
    m_rateSlider->setValue(sliderPosition(m_config.learningRate));
    m_rateSpin->setValue(m_config.learningRate);
    m_optimizer->setCurrentIndex(m_optimizer->findData(optimizerName(m_config.optimizer)));
    m_batch->setValue(m_config.batchSize);
    m_batch->setEnabled(m_config.optimizer != OptimizerKind::GradientDescent);
    m_l2->setValue(m_config.l2);
    m_epochs->setValue(m_config.epochs);
    m_seed->setValue(int(m_config.seed));
    m_updating = false;
}

} // namespace fl
