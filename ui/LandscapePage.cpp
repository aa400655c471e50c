#include "LandscapePage.h"

#include "LandscapeView.h"
#include "MetricChoices.h"

#include "engine/training/RunRecord.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

#include <atomic>

namespace fl {

namespace {

constexpr int kAutoDelayMs = 150;        // a burst of edits starts one closed-form computation
constexpr int kClosedFormSteps = 101;
constexpr int kTrainedSteps = 5;

QStringList enabledModalities(const RunConfig &config)
{
    QStringList names;
    for (const ModalityConfig &m : config.pipeline.modalities) {
        if (m.enabled)
            names << m.name;
    }
    return names;
}

QDoubleSpinBox *weightSpin(double value, QWidget *parent)
{
    auto *spin = new QDoubleSpinBox(parent);
    spin->setRange(-100, 100);
    spin->setDecimals(2);
    spin->setSingleStep(0.1);
    spin->setValue(value);
    return spin;
}

} // namespace

LandscapePage::LandscapePage(QWidget *parent) : QWidget(parent)
{
    m_autoTimer.setSingleShot(true);
    m_autoTimer.setInterval(kAutoDelayMs);
    connect(&m_autoTimer, &QTimer::timeout, this, [this] {
        if (autoComputes())
            compute();
    });
    buildControls();
    refreshControls();
}

LandscapePage::~LandscapePage() = default;

void LandscapePage::buildControls()
{
    auto *layout = new QVBoxLayout(this);
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(8);
    layout->addLayout(grid);

    auto addAxisRow = [this, grid](int row, const QString &title, QComboBox *&modality, QDoubleSpinBox *&low,
                                   QDoubleSpinBox *&high, QSpinBox *&steps) {
        modality = new QComboBox(this);
        modality->setMinimumContentsLength(10);
        low = weightSpin(0, this);
        high = weightSpin(2, this);
        steps = new QSpinBox(this);
        steps->setRange(1, 1001);
        steps->setValue(kClosedFormSteps);
        grid->addWidget(new QLabel(title, this), row, 0);
        grid->addWidget(modality, row, 1);
        grid->addWidget(new QLabel(tr("weight from"), this), row, 2);
        grid->addWidget(low, row, 3);
        grid->addWidget(new QLabel(tr("to"), this), row, 4);
        grid->addWidget(high, row, 5);
        grid->addWidget(new QLabel(tr("in"), this), row, 6);
        grid->addWidget(steps, row, 7);
        grid->addWidget(new QLabel(tr("steps"), this), row, 8);
    };
    addAxisRow(0, tr("Horizontal axis"), m_xModality, m_xLow, m_xHigh, m_xSteps);
    addAxisRow(1, tr("Vertical axis"), m_yModality, m_yLow, m_yHigh, m_ySteps);
    m_xModality->setAccessibleName(tr("Horizontal axis"));
    m_yModality->setAccessibleName(tr("Vertical axis"));
    m_xSteps->setAccessibleName(tr("Horizontal steps"));
    m_ySteps->setAccessibleName(tr("Vertical steps"));
    grid->setColumnStretch(9, 1);

    m_modeRow = new QWidget(this);
    auto *mode = new QHBoxLayout(m_modeRow);
    mode->setContentsMargins(0, 0, 0, 0);
    m_closedForm = new QRadioButton(tr("closed form (optimum)"), m_modeRow);
    m_descent = new QRadioButton(tr("after"), m_modeRow);
    m_epochs = new QSpinBox(m_modeRow);
    m_epochs->setRange(1, 1000000);
    m_epochs->setValue(200);
    m_closedForm->setChecked(true);
    auto *group = new QButtonGroup(m_modeRow);
    group->addButton(m_closedForm);
    group->addButton(m_descent);
    mode->addWidget(new QLabel(tr("Each cell shows the validation loss"), m_modeRow));
    mode->addWidget(m_closedForm);
    mode->addSpacing(8);
    mode->addWidget(m_descent);
    mode->addWidget(m_epochs);
    mode->addWidget(new QLabel(tr("epochs of gradient descent"), m_modeRow));
    mode->addStretch(1);
    layout->addWidget(m_modeRow);

    m_metricRow = new QWidget(this);
    auto *metric = new QHBoxLayout(m_metricRow);
    metric->setContentsMargins(0, 0, 0, 0);
    m_metric = new QComboBox(m_metricRow);
    m_metric->setAccessibleName(tr("Metric"));
    m_metric->setMinimumContentsLength(14);
    metric->addWidget(new QLabel(tr("Each cell trains a run and shows its"), m_metricRow));
    metric->addWidget(m_metric);
    metric->addStretch(1);
    layout->addWidget(m_metricRow);

    auto *actions = new QHBoxLayout;
    m_compute = new QPushButton(tr("Compute"), this);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setEnabled(false);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(240);
    m_progressLabel = new QLabel(this);
    m_progressLabel->setMinimumWidth(130);
    actions->addWidget(m_compute);
    actions->addWidget(m_cancel);
    actions->addWidget(m_progress);
    actions->addWidget(m_progressLabel);
    actions->addStretch(1);
    layout->addLayout(actions);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    m_view = new LandscapeView(this);
    layout->addWidget(m_view, 1);
    m_readout = new QLabel(this);
    m_readout->setText(tr("Hover over a cell to read it; click it to train a run with its weights."));
    layout->addWidget(m_readout);

    connect(m_xModality, &QComboBox::currentIndexChanged, this, [this] { axisChanged(true); });
    connect(m_yModality, &QComboBox::currentIndexChanged, this, [this] { axisChanged(false); });
    for (QDoubleSpinBox *spin : {m_xLow, m_xHigh, m_yLow, m_yHigh})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &LandscapePage::inputsChanged);
    for (QSpinBox *spin : {m_xSteps, m_ySteps, m_epochs})
        connect(spin, &QSpinBox::valueChanged, this, &LandscapePage::inputsChanged);
    connect(m_closedForm, &QRadioButton::toggled, this, [this] {
        m_epochs->setEnabled(m_descent->isChecked());
        inputsChanged();
    });
    connect(m_metric, &QComboBox::currentIndexChanged, this, &LandscapePage::inputsChanged);
    connect(m_compute, &QPushButton::clicked, this, &LandscapePage::compute);
    connect(m_cancel, &QPushButton::clicked, this, &LandscapePage::cancel);
    connect(m_view, &LandscapeView::cellClicked, this, &LandscapePage::chooseCell);
    connect(m_view, &LandscapeView::cellHovered, this, [this](const QString &text) {
        m_readout->setText(text.isEmpty() ? tr("Hover over a cell to read it; click it to train a run with its weights.") : text);
    });
    m_epochs->setEnabled(false);
}

void LandscapePage::setContext(std::shared_ptr<const Dataset> dataset, const DatasetIdentity &identity, const RunConfig &config)
{
    const bool newDataset = dataset != m_dataset;
    m_dataset = std::move(dataset);
    m_identity = identity;
    m_config = config;
    m_worker.setDataset(m_dataset);
    refreshControls();
    const QString key = contextKey(config);
    if (key == m_contextKey && !newDataset)
        return;
    m_contextKey = key;
    if (m_worker.isRunning()) {
        m_worker.drop();
        m_cancel->setEnabled(false);
        m_progress->setValue(0);
        m_progressLabel->clear();
    }
    if (autoComputes()) {
        if (isVisible())
            m_autoTimer.start();
        else
            m_stale = true;
    } else if (!m_view->landscape().cells.empty() && enabledModalities(m_config).size() >= 2) {
        m_status->setText(tr("The settings changed since this landscape was computed; press Compute to bring it up to date."));
    }
}

// The config without the weights of the two axis modalities, which every cell sets for itself.
QString LandscapePage::contextKey(const RunConfig &config) const
{
    RunConfig copy = config;
    for (ModalityConfig &m : copy.pipeline.modalities) {
        if (m.name == m_xModality->currentText() || m.name == m_yModality->currentText())
            m.weight = 0;
    }
    return QString::number(quintptr(m_dataset.get())) + m_identity.hash
        + QString::fromUtf8(QJsonDocument(runConfigToJson(copy)).toJson(QJsonDocument::Compact));
}

void LandscapePage::refreshControls()
{
    m_settingUp = true;
    const QStringList names = enabledModalities(m_config);
    const QString x = m_xModality->currentText();
    const QString y = m_yModality->currentText();
    m_xModality->clear();
    m_yModality->clear();
    m_xModality->addItems(names);
    m_yModality->addItems(names);
    if (names.size() >= 2) {
        const QString newX = names.contains(x) ? x : names[0];
        QString newY = names.contains(y) && y != newX ? y : QString();
        if (newY.isEmpty())
            newY = newX == names[0] ? names[1] : names[0];
        m_xModality->setCurrentText(newX);
        m_yModality->setCurrentText(newY);
    }

    const bool linear = m_config.model.isLinear();
    const int kind = m_dataset ? (linear ? 1 : 0) : -1;
    if (kind != m_lastKind && kind >= 0) {
        m_xSteps->setValue(linear ? kClosedFormSteps : kTrainedSteps);
        m_ySteps->setValue(linear ? kClosedFormSteps : kTrainedSteps);
    }
    m_lastKind = kind;
    if (m_config.training.epochs != m_lastEpochs) {
        m_epochs->setValue(std::max(1, m_config.training.epochs));
        m_lastEpochs = m_config.training.epochs;
    }
    m_modeRow->setVisible(linear);
    m_metricRow->setVisible(!linear);
    const bool descentPossible = m_config.training.optimizer == OptimizerKind::GradientDescent;
    m_descent->setEnabled(descentPossible);
    m_descent->setToolTip(descentPossible ? QString()
                                          : tr("The run trains with mini-batches; the landscape after E epochs follows "
                                               "full-batch gradient descent. Choose gradient descent in the Training panel."));
    if (!descentPossible)
        m_closedForm->setChecked(true);
    m_epochs->setEnabled(m_descent->isChecked());

    const QString metric = m_metric->currentText();
    const QStringList metrics = metricChoices(m_config);
    m_metric->clear();
    m_metric->addItems(metrics);
    m_metric->setCurrentText(metrics.contains(metric) ? metric : defaultRunMetric(m_config));

    const bool usable = m_dataset && names.size() >= 2;
    for (QWidget *w : std::initializer_list<QWidget *>{m_xModality, m_yModality, m_xLow, m_xHigh, m_xSteps, m_yLow, m_yHigh,
                                                        m_ySteps, m_modeRow, m_metricRow, m_compute})
        w->setEnabled(usable);
    if (!m_dataset)
        m_status->setText(tr("Load a dataset to see its landscape."));
    else if (names.size() < 2)
        m_status->setText(tr("The landscape spans the weights of two modalities: switch on at least two in the Modalities panel."));
    if (!usable && !m_worker.isRunning())
        m_view->clear();
    m_settingUp = false;
}

void LandscapePage::axisChanged(bool xChanged)
{
    if (m_settingUp)
        return;
    // The two axes stay different: choosing the other axis's modality swaps them.
    if (m_xModality->currentText() == m_yModality->currentText() && m_xModality->count() >= 2) {
        QComboBox *other = xChanged ? m_yModality : m_xModality;
        const QString taken = other->currentText();
        for (int i = 0; i < other->count(); ++i) {
            if (other->itemText(i) != taken) {
                m_settingUp = true;
                other->setCurrentIndex(i);
                m_settingUp = false;
                break;
            }
        }
    }
    m_contextKey = contextKey(m_config);
    inputsChanged();
}

void LandscapePage::inputsChanged()
{
    if (m_settingUp)
        return;
    if (!autoComputes())
        return;
    if (isVisible())
        m_autoTimer.start();
    else
        m_stale = true;
}

bool LandscapePage::autoComputes() const
{
    return m_dataset && m_config.model.isLinear() && m_closedForm->isChecked() && enabledModalities(m_config).size() >= 2;
}

void LandscapePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale && autoComputes())
        m_autoTimer.start();
    m_stale = false;
}

LandscapeRequest LandscapePage::request() const
{
    LandscapeRequest r;
    r.config = m_config;
    r.x.modality = m_xModality->currentText();
    r.x.low = m_xLow->value();
    r.x.high = m_xHigh->value();
    r.x.steps = m_xSteps->value();
    r.y.modality = m_yModality->currentText();
    r.y.low = m_yLow->value();
    r.y.high = m_yHigh->value();
    r.y.steps = m_ySteps->value();
    if (m_config.model.isLinear()) {
        r.metric = QStringLiteral("val_loss");
        r.gdEpochs = m_descent->isChecked() ? m_epochs->value() : 0;
    } else {
        r.metric = m_metric->currentText();
    }
    return r;
}

void LandscapePage::compute()
{
    m_autoTimer.stop();
    m_stale = false;
    m_worker.drop();
    if (!m_dataset)
        return;
    const LandscapeRequest r = request();
    if (Result<void> check = checkLandscapeRequest(r); !check) {
        m_status->setText(check.error());
        return;
    }
    const bool statistics = m_config.model.isLinear();
    const int total = r.x.steps * r.y.steps;
    if (!statistics) {
        // A trained grid fills in cell by cell: start from an empty grid of the request.
        m_view->setLandscape(emptyLandscape(r, false));
    }
    setProgress(0, total);
    m_cancel->setEnabled(true);
    m_status->setText(statistics ? tr("Computing the landscape from the regression's statistics …")
                                 : tr("Training %n run(s), one per cell …", nullptr, total));

    const int threads = std::max(1, QThread::idealThreadCount());
    m_worker.start(
        Result<Landscape>(makeError(tr("The landscape was cancelled."))),
        [this, r, statistics, identity = m_identity, threads](FusionPipeline &pipeline, const PipelineWorker::Job &job) {
            if (statistics) {
                std::atomic<int> reportedPermille{-1};   // a report per permille at most
                return closedFormLandscape(pipeline, r, [this, &job, &reportedPermille](double fraction) {
                    const int permille = int(fraction * 1000);
                    if (permille > reportedPermille.exchange(permille))
                        job.post([this, fraction] { onProgress(fraction); });
                    return !job.cancelRequested();
                });
            }
            return trainedLandscape(
                pipeline, r, identity, threads,
                [this, &job](const LandscapeCell &cell) { job.post([this, cell] { onCell(cell); }); }, job.cancelFlag());
        },
        [this](const Result<Landscape> &result, bool cancelled) { onDone(result, cancelled); });
}

void LandscapePage::cancel()
{
    if (!m_worker.isRunning())
        return;
    m_worker.cancel();
    m_cancel->setEnabled(false);
    m_status->setText(tr("Cancelling …"));
}

void LandscapePage::onProgress(double fraction)
{
    setProgress(int(std::clamp(fraction, 0.0, 1.0) * m_total), m_total);
}

void LandscapePage::onCell(const LandscapeCell &cell)
{
    m_view->updateCell(cell);
    setProgress(m_done + 1, m_total);
}

void LandscapePage::onDone(const Result<Landscape> &result, bool cancelled)
{
    m_cancel->setEnabled(false);
    if (!result.ok()) {
        m_status->setText(result.error());
        Q_EMIT finished();
        return;
    }
    const Landscape &landscape = result.value();
    m_view->setLandscape(landscape);
    setProgress(landscape.filled, int(landscape.cells.size()));
    const int best = landscape.best();
    QString text;
    if (cancelled)
        text = tr("Cancelled after %1 of %2 cells.").arg(landscape.filled).arg(landscape.cells.size());
    if (best >= 0) {
        const LandscapeCell &cell = landscape.cells[size_t(best)];
        text += (text.isEmpty() ? QString() : QStringLiteral(" ")) + tr("Best: %1. Click a cell to train a run with its weights.")
                                                                         .arg(m_view->describeCell(cell.ix, cell.iy));
    } else if (!cancelled) {
        text = tr("No cell has a finite value: every run failed or diverged.");
    }
    m_status->setText(text);
    Q_EMIT finished();
}

void LandscapePage::setProgress(int done, int total)
{
    m_done = done;
    m_total = total;
    m_progress->setValue(total > 0 ? int(1000.0 * done / total) : 0);
    m_progressLabel->setText(progressText());
}

QString LandscapePage::progressText() const
{
    if (m_total <= 0)
        return {};
    return tr("%1 / %2 cells").arg(QLocale().toString(m_done), QLocale().toString(m_total));
}

QString LandscapePage::statusText() const
{
    return m_status->text();
}

void LandscapePage::chooseCell(double x, double y)
{
    const LandscapeRequest &shown = m_view->landscape().request;
    RunConfig config = m_config;
    ModalityConfig *mx = config.pipeline.modality(shown.x.modality);
    ModalityConfig *my = config.pipeline.modality(shown.y.modality);
    if (!mx || !my)
        return;
    mx->weight = x;
    my->weight = y;
    Q_EMIT weightsChosen(config);
}

} // namespace fl
