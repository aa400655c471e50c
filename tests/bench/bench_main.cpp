// fusionlab-bench: prints one JSON object per measurement, for the README's performance section.
//   fusionlab-bench train --rows N --dim D --epochs E [--optimizer gd|sgd] [--no-numpy] --json
//   fusionlab-bench reweight --rows N --dim D [--no-numpy] --json
//   fusionlab-bench ui [--seconds S] --json
//   fusionlab-bench screenshots DIR          (the README's screenshots; run under xvfb-run)

#include "engine/Fusion.h"
#include "engine/LinearRegression.h"
#include "engine/Random.h"
#include "engine/Split.h"
#include "UiBenchmark.h"

#include <QApplication>

#include <QCoreApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <thread>

namespace {

double peakRssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

// Two modalities of width `dim`, a target from a known linear model on F = 0.5·E₁ + 0.5·E₂ plus noise.
struct Synthetic
{
    fl::FusionPlan plan;
    fl::RowSet train;
    fl::RowSet validation;
};

Synthetic makeSynthetic(int rows, int dim)
{
    Synthetic s;
    s.plan.op = fl::FusionOp::Sum;
    s.plan.width = dim;
    s.plan.modalityNames = {QStringLiteral("e1"), QStringLiteral("e2")};
    s.plan.blocks.assign(2, Eigen::MatrixXd(rows, dim));
    s.plan.offsets = {0, 0};
    std::vector<std::thread> fill;
    for (int k = 0; k < 2; ++k) {
        fill.emplace_back([&s, k] {
            fl::Random random(1000 + std::uint64_t(k));
            Eigen::MatrixXd &m = s.plan.blocks[size_t(k)];
            for (Eigen::Index i = 0; i < m.size(); ++i)
                m.data()[i] = random.normal();
        });
    }
    for (std::thread &t : fill)
        t.join();
    fl::Random random(7);
    Eigen::VectorXd trueW(dim);
    for (int j = 0; j < dim; ++j)
        trueW(j) = random.normal() / std::sqrt(double(dim));
    const Eigen::VectorXd clean = s.plan.multiply({0.5, 0.5}, trueW).array() + 3.0;
    const fl::Split split = fl::randomSplit(rows, fl::SplitConfig{0.2, 42});
    auto rowsOf = [&](const std::vector<int> &indices) {
        fl::RowSet set;
        set.items = indices;
        set.targets.resize(Eigen::Index(indices.size()));
        for (size_t i = 0; i < indices.size(); ++i)
            set.targets(Eigen::Index(i)) = clean(indices[i]) + 0.1 * random.normal();
        return set;
    };
    s.train = rowsOf(split.train);
    s.validation = rowsOf(split.validation);
    return s;
}

std::optional<QJsonObject> runNumpy(const QStringList &arguments, QString *error)
{
    for (const QString &python : {QStringLiteral("/usr/bin/python3"), QStringLiteral("python3")}) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("OPENBLAS_CORETYPE"));
        env.remove(QStringLiteral("OPENBLAS_L2_SIZE"));
        process.setProcessEnvironment(env);
        process.start(python, QStringList{QStringLiteral(FUSIONLAB_BENCH_DIR "/numpy_seed.py")} + arguments);
        if (!process.waitForFinished(-1) || process.exitCode() != 0) {
            *error = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
            continue;
        }
        const QJsonDocument doc = QJsonDocument::fromJson(process.readAllStandardOutput());
        if (doc.isObject())
            return doc.object();
    }
    return std::nullopt;
}

struct Prepared
{
    std::shared_ptr<fl::TrainingProblem> problem;
    fl::BlockStatistics trainStats;
    fl::BlockStatistics validationStats;
};

} // namespace

int main(int argc, char *argv[])
{
    if (argc > 2 && qstrcmp(argv[1], "screenshots") == 0) {
        QApplication app(argc, argv);
        return writeScreenshots(QString::fromLocal8Bit(argv[2])) ? 0 : 1;
    }
    if (argc > 1 && qstrcmp(argv[1], "ui") == 0) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        QCommandLineParser parser;
        parser.addPositionalArgument(QStringLiteral("mode"), QStringLiteral("ui"));
        parser.addOption({QStringLiteral("seconds"), QStringLiteral("training time"), QStringLiteral("s"), QStringLiteral("6")});
        parser.addOption({QStringLiteral("changes"), QStringLiteral("α changes during the run"), QStringLiteral("n"), QStringLiteral("5")});
        parser.addOption({QStringLiteral("json"), QStringLiteral("JSON output (always on)")});
        parser.process(app);
        const QJsonObject result = runUiBenchmark(std::max(1.0, parser.value(QStringLiteral("seconds")).toDouble()),
                                                  std::max(0, parser.value(QStringLiteral("changes")).toInt()));
        QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << "\n";
        return result.contains(QStringLiteral("error")) ? 1 : 0;
    }
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("mode"), QStringLiteral("train | reweight | ui"));
    parser.addOption({QStringLiteral("rows"), QStringLiteral("rows of synthetic data"), QStringLiteral("n"), QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("dim"), QStringLiteral("width of each modality"), QStringLiteral("d"), QStringLiteral("64")});
    parser.addOption({QStringLiteral("epochs"), QStringLiteral("epochs to time"), QStringLiteral("n"), QStringLiteral("200")});
    parser.addOption({QStringLiteral("lr"), QStringLiteral("learning rate"), QStringLiteral("eta"), QStringLiteral("0.1")});
    parser.addOption({QStringLiteral("optimizer"), QStringLiteral("gd or sgd"), QStringLiteral("name"), QStringLiteral("gd")});
    parser.addOption({QStringLiteral("batch-size"), QStringLiteral("SGD batch"), QStringLiteral("n"), QStringLiteral("1024")});
    parser.addOption({QStringLiteral("no-numpy"), QStringLiteral("skip the NumPy reference run")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("JSON output (always on)")});
    parser.process(app);
    const QStringList positional = parser.positionalArguments();
    const QString mode = positional.value(0);
    const int rows = parser.value(QStringLiteral("rows")).toInt();
    const int dim = parser.value(QStringLiteral("dim")).toInt();
    const int epochs = std::max(1, parser.value(QStringLiteral("epochs")).toInt());
    if ((mode != QLatin1String("train") && mode != QLatin1String("reweight")) || rows < 10 || dim < 1) {
        err << "usage: fusionlab-bench train|reweight --rows N --dim D [--epochs E] --json\n";
        return 2;
    }

    QJsonObject result{{"mode", mode}, {"rows", rows}, {"dim", dim}};
    QElapsedTimer clock;
    Synthetic data = makeSynthetic(rows, dim);
    fl::TrainingConfig config;
    config.learningRate = parser.value(QStringLiteral("lr")).toDouble();
    config.epochs = epochs;
    config.batchSize = parser.value(QStringLiteral("batch-size")).toInt();
    config.optimizer = fl::optimizerFromName(parser.value(QStringLiteral("optimizer"))).value_or(fl::OptimizerKind::GradientDescent);

    // The one pass over the rows: block cross-products for training and validation rows.
    clock.start();
    auto plan = std::make_shared<fl::FusionPlan>(std::move(data.plan));
    auto trainRows = std::make_shared<const fl::RowSet>(std::move(data.train));
    auto validationRows = std::make_shared<const fl::RowSet>(std::move(data.validation));
    const fl::BlockStatistics trainStats(*plan, *trainRows);
    const fl::BlockStatistics validationStats(*plan, *validationRows);
    auto makeProblem = [&](double alpha, double beta) {
        auto problem = std::make_shared<fl::TrainingProblem>();
        problem->plan = plan;
        problem->weights = {alpha, beta};
        problem->trainRows = trainRows;
        problem->validationRows = validationRows;
        problem->train = trainStats.assemble(*plan, problem->weights);
        problem->validation = validationStats.assemble(*plan, problem->weights);
        return problem;
    };
    auto problem = makeProblem(0.5, 0.5);
    result.insert(QStringLiteral("setup_s"), clock.nsecsElapsed() * 1e-9);

    if (mode == QLatin1String("train")) {
        fl::LinearRegressionTrainer trainer(problem, config);
        clock.restart();
        fl::EpochRecord last;
        for (int e = 0; e < epochs; ++e)
            last = trainer.step();
        const double perEpoch = clock.nsecsElapsed() * 1e-9 / epochs;
        result.insert(QStringLiteral("optimizer"), fl::optimizerName(config.optimizer));
        result.insert(QStringLiteral("epochs"), epochs);
        result.insert(QStringLiteral("s_per_epoch"), perEpoch);
        result.insert(QStringLiteral("final_loss"), last.trainLoss);
        result.insert(QStringLiteral("final_val_loss"), last.validationLoss);
        result.insert(QStringLiteral("optimum_loss"), problem->train.loss(problem->train.optimum(0)));
        result.insert(QStringLiteral("peak_rss_mb"), peakRssMb());
        if (!parser.isSet(QStringLiteral("no-numpy"))) {
            QString error;
            const auto numpy = runNumpy({QStringLiteral("--rows"), QString::number(rows), QStringLiteral("--dim"),
                                         QString::number(dim), QStringLiteral("--epochs"), QStringLiteral("10")}, &error);
            if (numpy) {
                const double reference = (*numpy)[QStringLiteral("s_per_epoch")].toDouble();
                result.insert(QStringLiteral("numpy_s_per_epoch"), reference);
                result.insert(QStringLiteral("numpy_version"), (*numpy)[QStringLiteral("numpy_version")]);
                result.insert(QStringLiteral("speedup_vs_numpy"), reference / std::max(perEpoch, 1e-12));
            } else {
                result.insert(QStringLiteral("numpy_error"), error.isEmpty() ? QStringLiteral("python3 with numpy not found") : error);
            }
        }
    } else {
        // A new α/β: assemble the statistics, find the closed-form floor and draw a 200-epoch curve.
        std::vector<double> times;
        for (int k = 0; k < 9; ++k) {
            const double alpha = 0.1 + 0.1 * k;
            clock.restart();
            auto reweighted = makeProblem(alpha, 1.0 - alpha);
            const double floor = reweighted->train.loss(reweighted->train.optimum(0));
            fl::TrainingConfig curveConfig = config;
            curveConfig.optimizer = fl::OptimizerKind::GradientDescent;
            fl::LinearRegressionTrainer trainer(reweighted, curveConfig);
            std::vector<fl::EpochRecord> curve;
            curve.reserve(200);
            for (int e = 0; e < 200; ++e)
                curve.push_back(trainer.step());
            times.push_back(clock.nsecsElapsed() * 1e-6);
            if (!std::isfinite(floor) || curve.size() != 200)
                return 1;
        }
        std::sort(times.begin(), times.end());
        result.insert(QStringLiteral("ms_to_curve"), times[times.size() / 2]);
        result.insert(QStringLiteral("ms_to_curve_max"), times.back());
        result.insert(QStringLiteral("curve_epochs"), 200);
        result.insert(QStringLiteral("peak_rss_mb"), peakRssMb());
        if (!parser.isSet(QStringLiteral("no-numpy"))) {
            QString error;
            const auto numpy = runNumpy({QStringLiteral("--rows"), QString::number(rows), QStringLiteral("--dim"),
                                         QString::number(dim), QStringLiteral("--epochs"), QStringLiteral("1"),
                                         QStringLiteral("--reweights"), QStringLiteral("1")}, &error);
            if (numpy)
                result.insert(QStringLiteral("numpy_ms_to_curve"), (*numpy)[QStringLiteral("ms_to_curve")]);
            else
                result.insert(QStringLiteral("numpy_error"), error.isEmpty() ? QStringLiteral("python3 with numpy not found") : error);
        }
    }
    out << QJsonDocument(result).toJson(QJsonDocument::Compact) << "\n";
    return 0;
}
