#include "ExperimentController.h"

#include "AppSettings.h"

#include "engine/models/ModelDefaults.h"
#include "engine/models/ModelKind.h"

#include <QtConcurrent/QtConcurrentRun>

namespace fl {

ExperimentController::ExperimentController(QObject *parent)
    : QObject(parent)
    , m_session(new TrainingSession(this))
{
    m_session->setPlaybackSpeed(AppSettings::playbackSpeed());
    connect(&m_loader, &QFutureWatcher<Result<Loaded>>::finished, this, &ExperimentController::onLoaded);
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(1000);
    connect(&m_saveTimer, &QTimer::timeout, this, [this] { AppSettings::saveRunConfig(m_config); });
    m_progressTimer.setInterval(100);
    connect(&m_progressTimer, &QTimer::timeout, this, [this] {
        if (m_loadState)
            Q_EMIT loadProgress(m_loadState->fraction.load());
    });
}

ExperimentController::~ExperimentController()
{
    if (m_saveTimer.isActive())
        AppSettings::saveRunConfig(m_config);
    cancelLoad();
    m_loader.waitForFinished();
}

void ExperimentController::saveSoon()
{
    m_saveTimer.start();
}

QString ExperimentController::runLabel(const RunConfig &config)
{
    QStringList parts;
    for (const ModalityConfig &m : config.pipeline.modalities) {
        if (m.enabled)
            parts << QStringLiteral("%1 %2").arg(m.name).arg(m.weight, 0, 'f', 2);
    }
    const QString fusion = QStringLiteral("%1 (%2), η %3").arg(fusionOpName(config.pipeline.op), parts.join(QStringLiteral(", ")))
        .arg(config.training.learningRate, 0, 'g', 3);
    if (config.model.isLinear())
        return fusion;
    const QString model = config.model.kind == ModelKind::LinearRanking ? QStringLiteral("linear ranking")
                                                                        : modelKindName(config.model.kind);
    return QStringLiteral("%1 · %2 · %3").arg(model, recSplitKindName(config.model.split.kind), fusion);
}

void ExperimentController::openDataset(const QString &pathOrDemo, DatasetFormat format)
{
    if (m_loader.isRunning())
        return;
    m_loadingPath = pathOrDemo;
    m_loadState = std::make_shared<LoadState>();
    Q_EMIT datasetLoading(pathOrDemo);
    m_progressTimer.start();
    m_loader.setFuture(QtConcurrent::run([pathOrDemo, format, state = m_loadState]() -> Result<Loaded> {
        Result<Dataset> dataset = importDataset(pathOrDemo, format, [state](double fraction) {
            state->fraction.store(fraction);
            return !state->cancel.load();
        });
        if (!dataset)
            return makeError(dataset.error());
        DatasetIdentity identity = identifyDataset(*dataset, pathOrDemo, datasetFormatName(format));
        return Loaded{std::move(dataset).value(), std::move(identity)};
    }));
}

void ExperimentController::cancelLoad()
{
    if (m_loadState)
        m_loadState->cancel.store(true);
}

void ExperimentController::onLoaded()
{
    m_progressTimer.stop();
    const bool cancelled = m_loadState && m_loadState->cancel.load();
    m_loadState.reset();
    Result<Loaded> loaded = m_loader.result();
    if (cancelled) {
        Q_EMIT datasetLoadCancelled(m_loadingPath);
        return;
    }
    if (!loaded) {
        // The dataset the user had stays loaded, with its run.
        Q_EMIT datasetFailed(m_loadingPath, loaded.error());
        return;
    }
    m_dataset = std::make_shared<const Dataset>(std::move(loaded->dataset));
    m_identity = std::move(loaded->identity);
    m_datasetPath = m_loadingPath;
    m_config = AppSettings::restoreRunConfig(*m_dataset);
    m_session->setDataset(m_dataset, m_identity);
    m_autoRun = false;
    Q_EMIT cleared();
    Q_EMIT datasetLoaded(m_datasetPath);
    Q_EMIT configChanged(m_config);
    startRun(true);
}

void ExperimentController::startRun(bool paused)
{
    if (!m_dataset)
        return;
    // The Fusion dock's "learn the weights" stays as set while a model (or an operator) that cannot
    // learn them is chosen, and applies again when one that can comes back.
    RunConfig config = m_config;
    config.pipeline.learnWeights = config.pipeline.learnWeights && learnsFusionWeights(config.model)
        && config.pipeline.op != FusionOp::Product;
    m_runId = m_session->start(config, paused);
    Q_EMIT runStarted(m_runId, runLabel(config));
}

void ExperimentController::setPipelineConfig(const PipelineConfig &pipeline)
{
    m_config.pipeline = pipeline;
    m_config.pipeline.split.seed = m_config.training.seed;
    saveSoon();
    Q_EMIT configChanged(m_config);
    startRun(!m_autoRun);
}

void ExperimentController::setModelConfig(const ModelConfig &model)
{
    ModelConfig chosen = model;
    if (model.kind != m_config.model.kind) {
        // Another model: the settings it was last trained with here, or its defaults (the CLI's too).
        m_settingsByModel[m_config.model.kind] = {m_config.training, m_config.model.loss, m_config.pipeline.op};
        const std::uint64_t seed = m_config.training.seed;
        if (const auto it = m_settingsByModel.find(model.kind); it != m_settingsByModel.end()) {
            m_config.training = it->second.training;
            chosen.loss = it->second.loss;
            m_config.pipeline.op = it->second.fusion;
        } else {
            const ModelDefaults defaults = modelDefaults(model.kind);
            m_config.training = defaultTraining(defaults, seed);
            m_config.pipeline.op = defaults.fusion;
            chosen.loss = defaults.loss;
            chosen.patience = defaults.patience;
            chosen.factors = defaults.factors;
        }
        m_config.training.seed = seed;
        m_config.pipeline.split.seed = seed;
    }
    m_config.model = chosen;
    m_config.model.split.seed = m_config.training.seed;
    saveSoon();
    Q_EMIT configChanged(m_config);
    startRun(!m_autoRun);
}

void ExperimentController::setTrainingConfig(const TrainingConfig &training)
{
    const TrainingConfig before = m_config.training;
    m_config.training = training;
    m_config.pipeline.split.seed = training.seed;
    m_config.model.split.seed = training.seed;
    saveSoon();
    Q_EMIT configChanged(m_config);
    const bool refit = before.optimizer != training.optimizer || before.batchSize != training.batchSize
        || before.l2 != training.l2 || before.seed != training.seed;
    if (refit) {
        startRun(!m_autoRun);
        return;
    }
    if (before.learningRate != training.learningRate)
        m_session->setLearningRate(training.learningRate);
    if (before.epochs != training.epochs)
        m_session->setEpochLimit(training.epochs);
}

void ExperimentController::train()
{
    m_autoRun = true;
    switch (m_session->state()) {
    case TrainingSession::State::Paused:
    case TrainingSession::State::Finished:
    case TrainingSession::State::Preparing:
    case TrainingSession::State::Running:
        m_session->resume();
        break;
    case TrainingSession::State::Idle:
    case TrainingSession::State::Failed:
        startRun(false);
        break;
    }
}

void ExperimentController::pause()
{
    m_autoRun = false;
    m_session->pause();
}

void ExperimentController::trainOrPause()
{
    if (m_session->state() == TrainingSession::State::Running)
        pause();
    else
        train();
}

void ExperimentController::step()
{
    m_autoRun = false;
    const TrainingSession::State state = m_session->state();
    if (state == TrainingSession::State::Idle || state == TrainingSession::State::Failed)
        startRun(true);
    m_session->step();
}

void ExperimentController::stepBack()
{
    m_autoRun = false;
    m_session->stepBack();
}

void ExperimentController::setPlaybackSpeed(double epochsPerSecond)
{
    m_session->setPlaybackSpeed(epochsPerSecond);
    AppSettings::setPlaybackSpeed(m_session->playbackSpeed());
}

void ExperimentController::reset()
{
    m_autoRun = false;
    m_session->stop();
    Q_EMIT cleared();
    startRun(true);
}

void ExperimentController::applyConfig(const RunConfig &config, bool run)
{
    if (!m_dataset)
        return;
    RunConfig next = config;
    next.pipeline.modalities = m_config.pipeline.modalities;
    for (ModalityConfig &m : next.pipeline.modalities) {
        for (const ModalityConfig &given : config.pipeline.modalities) {
            if (given.name == m.name)
                m = given;
        }
    }
    next.pipeline.split.seed = next.training.seed;
    next.model.split.seed = next.training.seed;
    if (next.model.kind != m_config.model.kind)
        m_settingsByModel[m_config.model.kind] = {m_config.training, m_config.model.loss, m_config.pipeline.op};
    m_config = next;
    saveSoon();
    Q_EMIT configChanged(m_config);
    if (run)
        m_autoRun = true;
    startRun(!m_autoRun);
}

void ExperimentController::lowerLearningRateAndRetry()
{
    m_config.training.learningRate = std::max(1e-5, m_config.training.learningRate / 10.0);
    saveSoon();
    Q_EMIT configChanged(m_config);
    m_autoRun = true;
    startRun(false);
}

} // namespace fl
