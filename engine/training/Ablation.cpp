#include "engine/training/Ablation.h"

#include "engine/core/CsvWriter.h"
#include "engine/core/ParallelFor.h"
#include "engine/training/Landscape.h"

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
    Q_DECLARE_TR_FUNCTIONS(fl::Ablation)
};

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

} // namespace

RunConfig ablationRunConfig(const RunConfig &base, const QStringList &modalities, std::uint64_t seed)
{
    RunConfig config = base;
    for (ModalityConfig &m : config.pipeline.modalities)
        m.enabled = modalities.contains(m.name);
    config.training.seed = seed;
    config.pipeline.split.seed = seed;
    config.model.split.seed = seed;
    return config;
}

std::vector<AblationSubset> ablationSubsets(const QStringList &modalities)
{
    std::vector<AblationSubset> subsets;
    auto add = [&subsets](const QStringList &chosen, const QString &kind, const QString &label) {
        for (const AblationSubset &s : subsets) {
            if (s.modalities == chosen)
                return;
        }
        subsets.push_back(AblationSubset{chosen, kind, label});
    };
    if (modalities.size() > 1) {
        for (const QString &name : modalities)
            add({name}, QStringLiteral("alone"), Tr::tr("%1 alone").arg(name));
        for (const QString &name : modalities) {
            QStringList rest = modalities;
            rest.removeAll(name);
            add(rest, QStringLiteral("all-but"), Tr::tr("all but %1").arg(name));
        }
    }
    if (!modalities.isEmpty())
        add(modalities, QStringLiteral("all"), Tr::tr("all"));
    return subsets;
}

std::vector<AblationRow> Ablation::rows() const
{
    std::vector<AblationRow> out;
    out.reserve(subsets.size());
    for (size_t s = 0; s < subsets.size(); ++s) {
        AblationRow row;
        row.subset = subsets[s];
        std::vector<std::pair<std::uint64_t, double>> bySeed;
        for (const AblationRun &run : runs) {
            if (run.subset == int(s) && std::isfinite(run.value))
                bySeed.emplace_back(run.seed, run.value);
        }
        std::sort(bySeed.begin(), bySeed.end());
        for (const auto &entry : bySeed)
            row.values.push_back(entry.second);
        if (row.values.empty()) {
            row.mean = row.min = row.max = kNaN;
        } else {
            double sum = 0;
            for (double v : row.values)
                sum += v;
            row.mean = sum / double(row.values.size());
            row.min = *std::min_element(row.values.begin(), row.values.end());
            row.max = *std::max_element(row.values.begin(), row.values.end());
        }
        out.push_back(std::move(row));
    }
    double allMean = kNaN;
    for (const AblationRow &row : out) {
        if (row.subset.kind == QLatin1String("all"))
            allMean = row.mean;
    }
    for (AblationRow &row : out)
        row.deltaToAll = row.mean - allMean;
    return out;
}

QByteArray Ablation::toCsv() const
{
    QByteArray out = "subset,modalities," + csvField(metric) + "_mean," + csvField(metric) + "_min," + csvField(metric)
        + "_max,delta_to_all,n\n";
    for (const AblationRow &row : rows()) {
        out += csvField(row.subset.label) + ',' + csvField(row.subset.modalities.join(QLatin1Char('+'))) + ','
            + csvNumber(row.mean) + ',' + csvNumber(row.min) + ',' + csvNumber(row.max) + ','
            + csvNumber(row.deltaToAll) + ',' + QByteArray::number(qsizetype(row.values.size())) + '\n';
    }
    return out;
}

Result<Ablation> runAblation(FusionPipeline &pipeline, const AblationRequest &request, const DatasetIdentity &dataset,
                             int threads, const std::function<void(const AblationRun &)> &onRun,
                             const std::atomic<bool> *cancel)
{
    QStringList enabled;
    for (const ModalityConfig &m : request.config.pipeline.modalities) {
        if (m.enabled)
            enabled << m.name;
    }
    if (enabled.isEmpty())
        return makeError(Tr::tr("Switch on at least one modality to ablate."));
    if (request.seeds < 1 || request.seeds > 1000)
        return makeError(Tr::tr("An ablation needs between 1 and 1000 seeds, not %1.").arg(request.seeds));

    Ablation ablation;
    ablation.metric = request.metric.isEmpty() ? defaultRunMetric(request.config) : request.metric;
    ablation.higherIsBetter = metricHigherIsBetter(ablation.metric);
    if (const QStringList metrics = runMetricNames(request.config); !metrics.contains(ablation.metric)) {
        return makeError(Tr::tr("A run of this model has no value '%1'; choose one of %2.")
                             .arg(ablation.metric, metrics.join(QStringLiteral(", "))));
    }
    ablation.subsets = ablationSubsets(enabled);
    ablation.planned = int(ablation.subsets.size()) * request.seeds;

    // Every subset embedded and planned once, here; the workers' copies of the pipeline share that.
    for (const AblationSubset &subset : ablation.subsets) {
        if (Result<FusedItems> f = pipeline.fuse(ablationRunConfig(request.config, subset.modalities, request.firstSeed).pipeline); !f)
            return makeError(f.error());
    }

    const size_t total = size_t(ablation.planned);
    const int workers = workerCount(threads, total);
    std::vector<FusionPipeline> pipelines(size_t(workers), pipeline);
    std::mutex mutex;
    auto isCancelled = [cancel] { return cancel && cancel->load(); };
    auto job = [&](size_t index, int worker) {
        // Subsets vary fastest, so that every subset has a value early.
        const size_t subsets = ablation.subsets.size();
        AblationRun run;
        run.subset = int(index % subsets);
        run.seed = request.firstSeed + index / subsets;
        const RunConfig config = ablationRunConfig(request.config, ablation.subsets[size_t(run.subset)].modalities, run.seed);
        RunCallbacks callbacks;
        callbacks.cancelled = isCancelled;
        run.record = runOnce(pipelines[size_t(worker)], config, dataset, callbacks);
        if (run.record.status == QLatin1String("cancelled"))
            return;
        const bool usable = run.record.status != QLatin1String("failed") && run.record.status != QLatin1String("diverged");
        run.value = usable ? run.record.summaryValues().value(ablation.metric, kNaN) : kNaN;
        const std::lock_guard<std::mutex> lock(mutex);
        ablation.runs.push_back(run);
        if (onRun)
            onRun(ablation.runs.back());
    };
    parallelFor(total, workers, job, isCancelled, [] {});
    return ablation;
}

} // namespace fl
