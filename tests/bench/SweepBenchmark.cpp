#include "SweepBenchmark.h"

#include "engine/core/Random.h"
#include "engine/training/Landscape.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <thread>

namespace {

std::shared_ptr<const fl::Dataset> makeDataset(int rows, int dim)
{
    auto dataset = std::make_shared<fl::Dataset>();
    dataset->name = QStringLiteral("synthetic %1 × %2").arg(rows).arg(dim);
    dataset->modalities.resize(2);
    std::vector<std::thread> fill;
    for (int k = 0; k < 2; ++k) {
        fl::ModalitySource &m = dataset->modalities[size_t(k)];
        m.name = QStringLiteral("e%1").arg(k + 1);
        m.kind = fl::ModalityKind::Vectors;
        m.origin = QStringLiteral("synthetic");
        m.values.resize(rows, dim);
        fill.emplace_back([&m, k] {
            fl::Random random(1000 + std::uint64_t(k));
            for (Eigen::Index i = 0; i < m.values.size(); ++i)
                m.values.data()[i] = random.normal();
        });
    }
    for (std::thread &t : fill)
        t.join();
    fl::Random random(7);
    Eigen::VectorXd trueW(dim);
    for (int j = 0; j < dim; ++j)
        trueW(j) = random.normal() / std::sqrt(double(dim));
    const Eigen::VectorXd clean =
        ((0.5 * dataset->modalities[0].values + 0.5 * dataset->modalities[1].values) * trueW).array() + 3.0;
    dataset->itemIds.reserve(rows);
    for (int i = 0; i < rows; ++i)
        dataset->itemIds << QString::number(i);
    dataset->itemTitles = dataset->itemIds;
    const int users = std::max(1, rows / 100);
    for (int u = 0; u < users; ++u)
        dataset->userIds << QString::number(u);
    dataset->interactionUser.resize(size_t(rows));
    dataset->interactionItem.resize(size_t(rows));
    dataset->rating.resize(rows);
    for (int r = 0; r < rows; ++r) {
        dataset->interactionUser[size_t(r)] = r % users;
        dataset->interactionItem[size_t(r)] = r;
        dataset->rating(r) = clean(r) + 0.1 * random.normal();
    }
    return dataset;
}

double relativeDifference(double a, double b)
{
    return std::abs(a - b) / std::max({1e-300, std::abs(a), std::abs(b)});
}

} // namespace

QJsonObject runSweepBenchmark(int rows, int dim, int grid, int epochs, double lr)
{
    QJsonObject result{{"mode", "sweep"}, {"rows", rows}, {"dim", dim}, {"grid", grid}, {"gd_epochs", epochs}, {"lr", lr}};
    const std::shared_ptr<const fl::Dataset> dataset = makeDataset(rows, dim);

    fl::LandscapeRequest request;
    request.config.pipeline = fl::defaultPipelineConfig(*dataset);
    request.config.training.learningRate = lr;
    request.config.training.epochs = epochs;
    request.x = fl::LandscapeAxis{QStringLiteral("e1"), 0.0, 1.0, grid};
    request.y = fl::LandscapeAxis{QStringLiteral("e2"), 0.0, 1.0, grid};

    fl::FusionPipeline pipeline(dataset);
    QElapsedTimer clock;
    clock.start();
    if (auto fused = pipeline.fuse(request.config.pipeline); !fused)
        return {{"error", fused.error()}};
    const double embed = clock.nsecsElapsed() * 1e-9;
    clock.restart();
    if (auto prepared = pipeline.prepare(request.config.pipeline); !prepared)
        return {{"error", prepared.error()}};
    const double statistics = clock.nsecsElapsed() * 1e-9;

    clock.restart();
    fl::Result<fl::Landscape> closedForm = fl::closedFormLandscape(pipeline, request);
    const double closedFormSeconds = clock.nsecsElapsed() * 1e-9;
    if (!closedForm)
        return {{"error", closedForm.error()}};
    request.gdEpochs = epochs;
    clock.restart();
    fl::Result<fl::Landscape> descent = fl::closedFormLandscape(pipeline, request);
    const double descentSeconds = clock.nsecsElapsed() * 1e-9;
    if (!descent)
        return {{"error", descent.error()}};

    // A few cells against real trainer runs of the same epochs.
    double maxDifference = 0;
    for (const int index : {0, int(descent->cells.size()) / 2, int(descent->cells.size()) - 1}) {
        const fl::LandscapeCell &cell = descent->cells[size_t(index)];
        fl::PipelineConfig config = request.config.pipeline;
        config.modalities[0].weight = cell.x;
        config.modalities[1].weight = cell.y;
        auto problem = pipeline.prepare(config);
        if (!problem)
            return {{"error", problem.error()}};
        fl::LinearRegressionTrainer trainer(*problem, request.config.training);
        for (int e = 0; e < epochs && !trainer.divergence(); ++e)
            trainer.step();
        if (trainer.divergence().has_value() != (cell.status == QLatin1String("diverged")))
            return {{"error", QStringLiteral("cell %1 and the trainer disagree about divergence").arg(index)}};
        if (!trainer.divergence())
            maxDifference = std::max(maxDifference, relativeDifference(cell.value, (*problem)->validation.loss(trainer.parameters())));
    }

    const int cells = int(descent->cells.size());
    const fl::LandscapeCell &bestCell = closedForm->cells[size_t(closedForm->best())];
    result.insert(QStringLiteral("cells"), cells);
    result.insert(QStringLiteral("s_embed"), embed);
    result.insert(QStringLiteral("s_statistics"), statistics);
    result.insert(QStringLiteral("s_setup"), embed + statistics);
    result.insert(QStringLiteral("s_closed_form"), closedFormSeconds);
    result.insert(QStringLiteral("s_gd"), descentSeconds);
    result.insert(QStringLiteral("ms_per_cell"), 1000.0 * (closedFormSeconds + descentSeconds) / cells);
    result.insert(QStringLiteral("s_total"), embed + statistics + closedFormSeconds + descentSeconds);
    result.insert(QStringLiteral("best_alpha"), bestCell.x);
    result.insert(QStringLiteral("best_beta"), bestCell.y);
    result.insert(QStringLiteral("best_val_loss"), bestCell.value);
    result.insert(QStringLiteral("gd_max_rel_diff"), maxDifference);
    return result;
}
