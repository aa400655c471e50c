#pragma once

// The α–β landscape page: which two modalities span the grid (X and Y, each with its weight range and
// number of steps), what each cell shows (the regression: its closed-form optimum, or where E epochs of
// gradient descent get; ranking models: a validation metric of a real training run), Compute and
// Cancel with progress, and the LandscapeView. The regression's closed-form landscape computes itself
// whenever the page is visible and its inputs change; trained grids wait for Compute. Clicking a cell
// asks for a run with those two weights.
//
// Every computation runs on the page's PipelineWorker: its embeddings are made once per dataset, and a
// new context or a new Compute drops the old job and whatever it still sends.

#include "PipelineWorker.h"

#include "engine/training/Landscape.h"

#include <QTimer>
#include <QWidget>

#include <memory>

class QButtonGroup;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace fl {

class LandscapeView;

class LandscapePage : public QWidget
{
    Q_OBJECT

public:
    explicit LandscapePage(QWidget *parent = nullptr);
    ~LandscapePage() override;

    // The data and settings the landscape is about. A change that leaves the landscape the same (a new
    // weight of an axis modality) keeps it; any other cancels the running job.
    void setContext(std::shared_ptr<const Dataset> dataset, const DatasetIdentity &identity, const RunConfig &config);

    LandscapeView *view() const { return m_view; }
    // What the controls ask for now.
    LandscapeRequest request() const;
    bool isComputing() const { return m_worker.isRunning(); }
    // "12 / 25 cells" while computing or after; empty before.
    QString progressText() const;
    QString statusText() const;

public Q_SLOTS:
    void compute();
    void cancel();

Q_SIGNALS:
    // The current config with the two axis modalities' weights set to a clicked cell's.
    void weightsChosen(const fl::RunConfig &config);
    // A computation ended (completed, cancelled or failed); the view holds what it produced.
    void finished();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void buildControls();
    void refreshControls();
    void axisChanged(bool xChanged);
    void inputsChanged();
    bool autoComputes() const;
    void onProgress(double fraction);
    void onCell(const LandscapeCell &cell);
    void onDone(const Result<Landscape> &result, bool cancelled);
    void setProgress(int done, int total);
    void chooseCell(double x, double y);
    QString contextKey(const RunConfig &config) const;

    std::shared_ptr<const Dataset> m_dataset;
    DatasetIdentity m_identity;
    RunConfig m_config;
    QString m_contextKey;
    int m_lastEpochs = -1;
    int m_lastKind = -1;         // 1 regression, 0 ranking, −1 none yet

    int m_done = 0;
    int m_total = 0;
    bool m_stale = false;        // the closed form is out of date and waits for the page to be shown
    bool m_settingUp = false;
    QTimer m_autoTimer;
    PipelineWorker m_worker{this, 2};

    QComboBox *m_xModality = nullptr;
    QComboBox *m_yModality = nullptr;
    QDoubleSpinBox *m_xLow = nullptr;
    QDoubleSpinBox *m_xHigh = nullptr;
    QSpinBox *m_xSteps = nullptr;
    QDoubleSpinBox *m_yLow = nullptr;
    QDoubleSpinBox *m_yHigh = nullptr;
    QSpinBox *m_ySteps = nullptr;
    QWidget *m_modeRow = nullptr;
    QRadioButton *m_closedForm = nullptr;
    QRadioButton *m_descent = nullptr;
    QSpinBox *m_epochs = nullptr;
    QWidget *m_metricRow = nullptr;
    QComboBox *m_metric = nullptr;
    QPushButton *m_compute = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressLabel = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_readout = nullptr;
    LandscapeView *m_view = nullptr;
};

} // namespace fl
