#pragma once

// The modality ablation page: how many seeds, which metric, Run and Cancel with progress ("7 / 21
// runs"), a table of the subsets (mean, min, max, difference to "all", runs finished) that fills in as
// runs finish, and the AblationChart.
//
// The runs train on the page's PipelineWorker: a new context or a new Run drops what an older job
// still sends; the UI thread never waits.

#include "PipelineWorker.h"

#include "engine/training/Ablation.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace fl {

class AblationChart;

class AblationPage : public QWidget
{
    Q_OBJECT

public:
    explicit AblationPage(QWidget *parent = nullptr);
    ~AblationPage() override;

    // The data and settings to ablate. Any change cancels a running ablation (its runs would mix settings).
    void setContext(std::shared_ptr<const Dataset> dataset, const DatasetIdentity &identity, const RunConfig &config);

    AblationChart *chart() const { return m_chart; }
    QTableWidget *table() const { return m_table; }
    // The ablation as far as it got (runs arrive as they finish).
    const Ablation &ablation() const { return m_ablation; }
    AblationRequest request() const;
    bool isRunning() const { return m_worker.isRunning(); }
    QString progressText() const;
    QString statusText() const;

public Q_SLOTS:
    void run();
    void cancel();

Q_SIGNALS:
    // An ablation ended (completed, cancelled or failed).
    void finished();

private:
    void refreshControls();
    void onRun(const AblationRun &run);
    void onDone(const Result<Ablation> &result, bool cancelled);
    void showAblation();

    std::shared_ptr<const Dataset> m_dataset;
    DatasetIdentity m_identity;
    RunConfig m_config;
    QString m_contextKey;

    Ablation m_ablation;
    PipelineWorker m_worker{this, 2};

    QSpinBox *m_seeds = nullptr;
    QComboBox *m_metric = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressLabel = nullptr;
    QLabel *m_status = nullptr;
    QTableWidget *m_table = nullptr;
    AblationChart *m_chart = nullptr;
};

} // namespace fl
