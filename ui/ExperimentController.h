#pragma once

// What the window's controls mean for the engine: owns the TrainingSession and the loaded dataset,
// keeps the current RunConfig, and turns user intent into session commands — a change of what is
// fitted (α, β, operator, embedder settings, optimizer, L2, seed) starts a new run and the previous
// curve stays as a ghost; a new η continues the current run. Dataset loading runs on a worker thread.
// No widgets here, so the behaviour is testable without a window.

#include "engine/data/Dataset.h"
#include "engine/data/DatasetImport.h"
#include "engine/training/RunRecord.h"
#include "engine/training/TrainingSession.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <map>
#include <memory>
#include <optional>

namespace fl {

class ExperimentController : public QObject
{
    Q_OBJECT

public:
    explicit ExperimentController(QObject *parent = nullptr);
    ~ExperimentController() override;

    TrainingSession *session() { return m_session; }
    std::shared_ptr<const Dataset> dataset() const { return m_dataset; }
    QString datasetPath() const { return m_datasetPath; }
    // The loaded dataset's content hashes (computed on the loading thread), which every run records.
    const DatasetIdentity &datasetIdentity() const { return m_identity; }
    const RunConfig &config() const { return m_config; }
    bool isLoading() const { return m_loader.isRunning(); }
    int currentRunId() const { return m_runId; }
    static QString runLabel(const RunConfig &config);
    double playbackSpeed() const { return m_session->playbackSpeed(); }

public Q_SLOTS:
    void openDataset(const QString &pathOrDemo, fl::DatasetFormat format = fl::DatasetFormat::Auto);
    // Stops a load in progress; the dataset the user had stays (datasetLoadCancelled follows).
    void cancelLoad();
    void setPipelineConfig(const fl::PipelineConfig &pipeline);
    void setTrainingConfig(const fl::TrainingConfig &training);
    // A new model, loss, split, K or early-stopping setting: a new run. Moving between the linear
    // regression and the recommendation models also swaps the training settings: each family keeps its
    // own (full-batch GD suits the regression; a factor model wants Adam on mini-batches), and the
    // first switch to a recommendation model starts from RecommenderTraining's defaults.
    void setModelConfig(const fl::ModelConfig &model);
    void train();
    void pause();
    void trainOrPause();
    void step();
    // Undoes the last epoch (the regression only; see TrainingSession::stepBack) and pauses.
    void stepBack();
    void reset();
    // Epochs a second while training (0: full speed), remembered for the next launch.
    void setPlaybackSpeed(double epochsPerSecond);
    void lowerLearningRateAndRetry();
    // Every parameter at once (undo, a run's parameters, a landscape cell, an opened experiment): one
    // new run, running when `run` is set (otherwise as a new run would: running if Train was pressed).
    // Modalities are matched by name; the dataset's modalities the config does not name keep theirs.
    void applyConfig(const fl::RunConfig &config, bool run = false);

Q_SIGNALS:
    void datasetLoading(const QString &path);
    void datasetLoaded(const QString &path);
    void datasetFailed(const QString &path, const QString &message);
    void datasetLoadCancelled(const QString &path);
    void loadProgress(double fraction);           // about ten times a second while loading
    void configChanged(const fl::RunConfig &config);
    void runStarted(int runId, const QString &label);
    void cleared();

private:
    void startRun(bool paused);
    void onLoaded();
    void saveSoon();

    // Shared with the loading thread: how far it got, and whether the user asked it to stop.
    struct LoadState
    {
        std::atomic<double> fraction{0.0};
        std::atomic<bool> cancel{false};
    };

    TrainingSession *m_session;
    std::shared_ptr<LoadState> m_loadState;
    QTimer m_progressTimer;
    std::shared_ptr<const Dataset> m_dataset;
    QString m_datasetPath;
    QString m_loadingPath;
    RunConfig m_config;
    // What each model was last trained with in this window (its training settings and loss), by
    // kind: chosen again, a model gets them back; chosen the first time, its ModelDefaults.
    struct ModelSettingsMemory
    {
        TrainingConfig training;
        LossKind loss = LossKind::Squared;
        FusionOp fusion = FusionOp::Sum;
    };
    std::map<ModelKind, ModelSettingsMemory> m_settingsByModel;
    int m_runId = 0;
    bool m_autoRun = false;   // true once the user pressed Train; a new run then starts running
    struct Loaded
    {
        Dataset dataset;
        DatasetIdentity identity;
    };
    QFutureWatcher<Result<Loaded>> m_loader;
    DatasetIdentity m_identity;
    // Parameters are written a second after the last change (and on exit), not on every slider step:
    // a settings file write has no place between a slider's release and the new curve.
    QTimer m_saveTimer;
};

} // namespace fl
