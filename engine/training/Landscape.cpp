#include "engine/training/Landscape.h"

#include "engine/core/CsvWriter.h"
#include "engine/core/ParallelFor.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>

namespace fl {

namespace {

// The translation context of this file's messages; lupdate reads it from the macro.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(fl::Landscape)
};

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

const ModalityConfig *findModality(const PipelineConfig &config, const QString &name)
{
    for (const ModalityConfig &m : config.modalities) {
        if (m.name == name)
            return &m;
    }
    return nullptr;
}

// The config's enabled weights in plan order, with the two axis modalities at (x, y).
std::vector<double> cellWeights(const LandscapeRequest &request, double x, double y)
{
    std::vector<double> weights;
    for (const ModalityConfig &m : request.config.pipeline.modalities) {
        if (!m.enabled)
            continue;
        weights.push_back(m.name == request.x.modality ? x : m.name == request.y.modality ? y : m.weight);
    }
    return weights;
}

RunConfig cellConfig(const LandscapeRequest &request, double x, double y)
{
    RunConfig config = request.config;
    config.pipeline.modality(request.x.modality)->weight = x;
    config.pipeline.modality(request.y.modality)->weight = y;
    return config;
}

} // namespace

Landscape emptyLandscape(const LandscapeRequest &request, bool closedForm)
{
    Landscape landscape;
    landscape.request = request;
    landscape.closedForm = closedForm;
    landscape.higherIsBetter = metricHigherIsBetter(request.metric);
    landscape.cells.resize(size_t(request.x.steps) * size_t(request.y.steps));
    for (int iy = 0; iy < request.y.steps; ++iy) {
        for (int ix = 0; ix < request.x.steps; ++ix) {
            LandscapeCell &cell = landscape.cells[size_t(iy * request.x.steps + ix)];
            cell.ix = ix;
            cell.iy = iy;
            cell.x = request.x.value(ix);
            cell.y = request.y.value(iy);
            cell.value = cell.trainLoss = cell.validationLoss = kNaN;
        }
    }
    return landscape;
}

namespace {

// The seed's full-batch gradient descent on a quadratic form, as LinearRegressionTrainer::step does it
// (the same gradient, the same divergence rule), with one product by the Gram matrix per epoch: the
// training loss after an epoch and the next epoch's gradient share G·w.
struct DescentResult
{
    Eigen::VectorXd w;
    bool diverged = false;
};

DescentResult gradientDescent(const QuadraticForm &train, double learningRate, double l2, int epochs)
{
    const Eigen::Index d = train.dimension();
    const double scale = std::max(1.0, train.count);
    const double initialLoss = train.loss(Eigen::VectorXd::Zero(d));
    const double limit = 1e6 * std::max(initialLoss, 1e-12);
    DescentResult out{Eigen::VectorXd::Zero(d), false};
    Eigen::VectorXd &w = out.w;
    Eigen::VectorXd gw = Eigen::VectorXd::Zero(d);   // G·w
    Eigen::VectorXd g(d);
    for (int epoch = 0; epoch < epochs; ++epoch) {
        g = (gw - train.moment) / scale;
        if (l2 > 0)
            g.head(d - 1) += l2 * w.head(d - 1);
        w -= learningRate * g;
        gw.noalias() = train.gram * w;
        double loss = 0;
        if (train.count > 0) {
            const double quadratic = w.dot(gw) - 2.0 * w.dot(train.moment) + train.sumSquares;
            loss = quadratic < 0 ? 0.0 : quadratic / (2.0 * train.count);
        }
        if (!std::isfinite(loss) || !w.allFinite() || loss > limit) {
            out.diverged = true;
            return out;
        }
    }
    return out;
}

} // namespace

double LandscapeAxis::value(int index) const
{
    if (steps <= 1)
        return low;
    if (index >= steps - 1)
        return high;
    return low + (high - low) * double(index) / double(steps - 1);
}

QStringList runMetricNames(const RunConfig &config)
{
    QStringList names{QStringLiteral("train_loss"), QStringLiteral("val_loss"), QStringLiteral("rmse"), QStringLiteral("mae")};
    if (config.model.isLinear())
        return names << QStringLiteral("floor") << QStringLiteral("val_floor");
    const bool cold = config.model.split.kind == RecSplitKind::ColdItems;
    for (const bool heldOut : {false, true}) {
        if (heldOut && !cold)
            break;
        for (const int k : config.model.ks) {
            for (const QString &family : rankingMetricFamilies())
                names << MetricKey{family, k, heldOut}.name();
        }
    }
    return names;
}

QString defaultRunMetric(const RunConfig &config)
{
    if (config.model.isLinear())
        return QStringLiteral("val_loss");
    MetricKey monitor = config.model.monitor.isEmpty() ? defaultMonitorMetric() : parseMetricKey(config.model.monitor);
    monitor.cold = config.model.split.kind == RecSplitKind::ColdItems;
    return monitor.name();
}

Result<void> checkLandscapeRequest(const LandscapeRequest &request)
{
    const PipelineConfig &pipeline = request.config.pipeline;
    for (const LandscapeAxis *axis : {&request.x, &request.y}) {
        if (axis->modality.isEmpty())
            return makeError(Tr::tr("Choose a modality for each axis of the landscape."));
        const ModalityConfig *m = findModality(pipeline, axis->modality);
        if (!m)
            return makeError(Tr::tr("The dataset has no modality named '%1'.").arg(axis->modality));
        if (!m->enabled)
            return makeError(Tr::tr("The modality '%1' is switched off; switch it on to sweep its weight.").arg(axis->modality));
        if (axis->steps < 1 || axis->steps > 1001)
            return makeError(Tr::tr("The weight of '%1' needs between 1 and 1001 steps, not %2.").arg(axis->modality).arg(axis->steps));
        if (!std::isfinite(axis->low) || !std::isfinite(axis->high))
            return makeError(Tr::tr("The weight range of '%1' must be finite numbers.").arg(axis->modality));
    }
    if (request.x.modality == request.y.modality) {
        return makeError(Tr::tr("The two axes both sweep '%1': choose two different modalities.").arg(request.x.modality));
    }
    if (request.gdEpochs < 0)
        return makeError(Tr::tr("The number of gradient-descent epochs cannot be negative (%1).").arg(request.gdEpochs));
    if (const QStringList metrics = runMetricNames(request.config); !metrics.contains(request.metric)) {
        return makeError(Tr::tr("A run of this model has no value '%1'; choose one of %2.")
                             .arg(request.metric, metrics.join(QStringLiteral(", "))));
    }
    return {};
}

int Landscape::best() const
{
    int found = -1;
    for (size_t i = 0; i < cells.size(); ++i) {
        const LandscapeCell &cell = cells[i];
        if (cell.status.isEmpty() || !std::isfinite(cell.value))
            continue;
        if (found < 0 || (higherIsBetter ? cell.value > cells[size_t(found)].value : cell.value < cells[size_t(found)].value))
            found = int(i);
    }
    return found;
}

QByteArray Landscape::toCsv() const
{
    QByteArray out = csvField(request.x.modality) + ',' + csvField(request.y.modality) + ',' + csvField(request.metric)
        + ",train_loss,val_loss,status\n";
    for (const LandscapeCell &cell : cells) {
        if (cell.status.isEmpty())
            continue;
        out += csvNumber(cell.x) + ',' + csvNumber(cell.y) + ',' + csvNumber(cell.value) + ','
            + csvNumber(cell.trainLoss) + ',' + csvNumber(cell.validationLoss) + ',' + csvField(cell.status) + '\n';
    }
    return out;
}

Result<Landscape> closedFormLandscape(FusionPipeline &pipeline, const LandscapeRequest &request,
                                      const ProgressFn &progress)
{
    if (Result<void> check = checkLandscapeRequest(request); !check)
        return makeError(check.error());
    const RunConfig &config = request.config;
    if (!config.model.isLinear())
        return makeError(Tr::tr("Only the seed's linear regression has a landscape from its statistics; train the cells instead."));
    if (request.metric != QLatin1String("val_loss") && request.metric != QLatin1String("train_loss")) {
        return makeError(Tr::tr("The regression's landscape shows val_loss or train_loss, not '%1'.").arg(request.metric));
    }
    if (request.gdEpochs > 0 && config.training.optimizer != OptimizerKind::GradientDescent) {
        return makeError(Tr::tr("The landscape after %1 epochs follows full-batch gradient descent, but the run uses "
                            "mini-batch training; choose gradient descent or train the cells.")
                             .arg(request.gdEpochs));
    }

    constexpr double kPrepareShare = 0.3;
    ProgressFn prepareProgress;
    if (progress)
        prepareProgress = [&progress](double f) { return progress(kPrepareShare * f); };
    Result<FusionPipeline::PreparedStatistics> prepared = pipeline.prepareWithStatistics(config.pipeline, prepareProgress);
    if (!prepared)
        return makeError(prepared.error());
    const FusionPlan &plan = *prepared->problem->plan;
    const BlockStatistics &trainStatistics = *prepared->train;
    const BlockStatistics &validationStatistics = *prepared->validation;

    Landscape landscape = emptyLandscape(request, true);
    const double l2 = config.training.l2;
    const double eta = config.training.learningRate;
    const int epochs = request.gdEpochs;
    const bool trainMetric = request.metric == QLatin1String("train_loss");
    std::atomic<int> done{0};
    std::atomic<bool> cancelled{false};
    auto job = [&](size_t index, int) {
        LandscapeCell &cell = landscape.cells[index];
        const std::vector<double> weights = cellWeights(request, cell.x, cell.y);
        const QuadraticForm train = trainStatistics.assemble(plan, weights);
        const QuadraticForm validation = validationStatistics.assemble(plan, weights);
        if (epochs == 0) {
            const Eigen::VectorXd w = train.optimum(l2);
            cell.trainLoss = train.loss(w);
            cell.validationLoss = validation.loss(w);
            cell.status = QStringLiteral("completed");
        } else {
            // A diverged cell keeps the losses where the run stopped, as a trained run's record does.
            const DescentResult result = gradientDescent(train, eta, l2, epochs);
            cell.trainLoss = train.loss(result.w);
            cell.validationLoss = validation.loss(result.w);
            cell.status = result.diverged ? QStringLiteral("diverged") : QStringLiteral("completed");
        }
        cell.value = cell.status == QLatin1String("diverged") ? kNaN : trainMetric ? cell.trainLoss : cell.validationLoss;
        done.fetch_add(1, std::memory_order_relaxed);
    };
    const size_t total = landscape.cells.size();
    // At most every half per cent: a 101 × 101 grid would otherwise call it thousands of times.
    int reported = -1;
    auto report = [&] {
        const int step = int(200.0 * double(done.load()) / double(total));
        if (!progress || step == reported)
            return;
        reported = step;
        if (!progress(kPrepareShare + (1 - kPrepareShare) * step / 200.0))
            cancelled = true;
    };
    parallelFor(total, workerCount(0, total), job, [&] { return cancelled.load(); }, report);
    if (cancelled)
        return makeError(Tr::tr("The landscape was cancelled after %1 of %2 cells.").arg(done.load()).arg(total));
    landscape.filled = int(total);
    if (progress)
        progress(1.0);
    return landscape;
}

Result<Landscape> trainedLandscape(FusionPipeline &pipeline, const LandscapeRequest &request,
                                   const DatasetIdentity &dataset, int threads,
                                   const std::function<void(const LandscapeCell &)> &onCell,
                                   const std::atomic<bool> *cancel)
{
    if (Result<void> check = checkLandscapeRequest(request); !check)
        return makeError(check.error());
    const RunConfig &config = request.config;
    // Embedding and planning (and for the regression the statistics) happen once, here; the workers'
    // copies of the pipeline then share them and only assemble, split or train.
    if (config.model.isLinear()) {
        if (Result<std::shared_ptr<const TrainingProblem>> p = pipeline.prepare(config.pipeline); !p)
            return makeError(p.error());
    } else if (Result<FusedItems> f = pipeline.fuse(config.pipeline); !f) {
        return makeError(f.error());
    }

    Landscape landscape = emptyLandscape(request, false);
    std::mutex reportMutex;
    std::atomic<int> filled{0};
    auto isCancelled = [cancel] { return cancel && cancel->load(); };
    const int workers = workerCount(threads, landscape.cells.size());
    std::vector<FusionPipeline> pipelines(size_t(workers), pipeline);
    auto job = [&](size_t index, int worker) {
        LandscapeCell &cell = landscape.cells[index];
        RunCallbacks callbacks;
        callbacks.cancelled = isCancelled;
        RunRecord record = runOnce(pipelines[size_t(worker)], cellConfig(request, cell.x, cell.y), dataset, callbacks);
        if (record.status == QLatin1String("cancelled"))
            return;
        const QMap<QString, double> values = record.summaryValues();
        const bool usable = record.status != QLatin1String("failed") && record.status != QLatin1String("diverged");
        cell.trainLoss = values.value(QStringLiteral("train_loss"), kNaN);
        cell.validationLoss = values.value(QStringLiteral("val_loss"), kNaN);
        cell.value = usable ? values.value(request.metric, kNaN) : kNaN;
        cell.status = record.status;
        cell.record = std::move(record);
        filled.fetch_add(1);
        if (onCell) {
            const std::lock_guard<std::mutex> lock(reportMutex);
            onCell(cell);
        }
    };
    parallelFor(landscape.cells.size(), workers, job, isCancelled, [] {});
    landscape.filled = filled.load();
    return landscape;
}

} // namespace fl
