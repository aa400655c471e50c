// fusionlab-cli sweep and ablate: the α–β landscape and the modality ablation of the experiment
// workbench, on the same run options as `train` (each cell or run equals `train` with its weights,
// modalities and seed).

#include "CommandLineTool.h"

#include "engine/core/SaveFile.h"
#include "engine/training/Ablation.h"
#include "engine/training/Landscape.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>

#include <cmath>
#include <mutex>

namespace fl {

namespace {

// A swept weight as given: --alpha LO:HI:N (modality 1), --beta (2), --gamma (3) or --weight NAME=LO:HI:N.
struct AxisOption
{
    QString option;      // as the user wrote it, for messages: "--alpha 0:2:11"
    int position = -1;   // --alpha/--beta/--gamma: the modality's index
    QString name;        // --weight NAME=…
    LandscapeAxis axis;
};

bool isRange(const QString &value)
{
    return value.contains(QLatin1Char(':'));
}

// LO:HI:N with finite bounds and 1 ≤ N ≤ 1001.
std::optional<QString> parseRange(const QString &text, LandscapeAxis *axis)
{
    const QStringList parts = text.split(QLatin1Char(':'));
    const std::optional<double> low = parts.size() == 3 ? toNumber(parts[0]) : std::nullopt;
    const std::optional<double> high = parts.size() == 3 ? toNumber(parts[1]) : std::nullopt;
    bool ok = false;
    const int steps = parts.size() == 3 ? parts[2].toInt(&ok) : 0;
    if (!low || !high || !ok || steps < 1 || steps > 1001)
        return QStringLiteral("expects LO:HI:N (N from 1 to 1001), got '%1'").arg(text);
    axis->low = *low;
    axis->high = *high;
    axis->steps = steps;
    return std::nullopt;
}

// The swept weights among the run options, in the order alpha, beta, gamma, then --weight as given.
Result<std::vector<AxisOption>> sweptAxes(const QCommandLineParser &parser)
{
    std::vector<AxisOption> axes;
    const char *positional[] = {"alpha", "beta", "gamma"};
    for (int k = 0; k < 3; ++k) {
        const QString key = QString::fromLatin1(positional[k]);
        if (!parser.isSet(key) || !isRange(parser.value(key)))
            continue;
        AxisOption a;
        a.option = QStringLiteral("--%1 %2").arg(key, parser.value(key));
        a.position = k;
        if (auto error = parseRange(parser.value(key), &a.axis))
            return makeError(QStringLiteral("--%1 %2.").arg(key, *error));
        axes.push_back(a);
    }
    for (const QString &assignment : parser.values(QStringLiteral("weight"))) {
        if (!isRange(assignment))
            continue;
        const qsizetype eq = assignment.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return makeError(QStringLiteral("--weight expects NAME=LO:HI:N to sweep a weight, got '%1'.").arg(assignment));
        AxisOption a;
        a.option = QStringLiteral("--weight ") + assignment;
        a.name = assignment.left(eq);
        if (auto error = parseRange(assignment.mid(eq + 1), &a.axis))
            return makeError(QStringLiteral("--weight %1 %2.").arg(a.name, *error));
        axes.push_back(a);
    }
    if (axes.size() != 2) {
        return makeError(QStringLiteral("sweep needs exactly two swept weights (--alpha LO:HI:N --beta LO:HI:N, or "
                                        "--weight NAME=LO:HI:N), got %1.")
                             .arg(axes.size()));
    }
    return axes;
}

// The run options without the swept weights, parsed again so that runConfigFromOptions reads the
// fixed ones (it expects a number in --alpha and --weight).
std::optional<QString> parseFixedRunOptions(const QCommandLineParser &parser, const QStringList &ownOptions,
                                            QCommandLineParser &fixed)
{
    QStringList args{QStringLiteral("fusionlab-cli")};
    args << parser.positionalArguments();
    QStringList seen;
    for (const QString &name : parser.optionNames()) {
        if (seen.contains(name) || ownOptions.contains(name))
            continue;
        seen << name;
        if (name == QLatin1String("biases")) {
            args << QStringLiteral("--biases");
            continue;
        }
        for (const QString &value : parser.values(name)) {
            const bool swept = (name == QLatin1String("alpha") || name == QLatin1String("beta") || name == QLatin1String("gamma")
                                || name == QLatin1String("weight"))
                && isRange(value);
            if (!swept)
                args << QStringLiteral("--") + name << value;
        }
    }
    addRunOptions(fixed);
    fixed.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!fixed.parse(args))
        return fixed.errorText() + QLatin1Char('.');
    return std::nullopt;
}

std::optional<int> intOption(const QCommandLineParser &parser, const char *name, int low, int high, int fallback,
                             QString *error)
{
    const QString key = QString::fromLatin1(name);
    if (!parser.isSet(key))
        return fallback;
    bool ok = false;
    const int v = parser.value(key).toInt(&ok);
    if (!ok || v < low || v > high) {
        *error = QStringLiteral("--%1 expects a whole number from %2 to %3, got '%4'.").arg(key).arg(low).arg(high).arg(parser.value(key));
        return std::nullopt;
    }
    return v;
}

QJsonObject cellJson(const Landscape &landscape, const LandscapeCell &cell)
{
    const LandscapeRequest &r = landscape.request;
    QJsonObject o{{"event", "cell"},
                  {"ix", cell.ix},
                  {"iy", cell.iy},
                  {"weights", QJsonObject{{r.x.modality, cell.x}, {r.y.modality, cell.y}}},
                  {"status", cell.status},
                  {"value", jsonNumber(cell.value)},
                  {"train_loss", jsonNumber(cell.trainLoss)},
                  {"val_loss", jsonNumber(cell.validationLoss)}};
    if (!cell.record.id.isEmpty()) {
        const QMap<QString, double> values = cell.record.summaryValues();
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            if (!o.contains(it.key()))
                o.insert(it.key(), jsonNumber(it.value()));
        }
        o.insert(QStringLiteral("epochs"), cell.record.summary.epochs);
        if (!cell.record.message.isEmpty())
            o.insert(QStringLiteral("message"), cell.record.message);
    }
    return o;
}

QString formatValue(double v)
{
    return std::isfinite(v) ? QString::number(v, 'g', 6) : QStringLiteral("—");
}


// With --csv PATH, writes csv there; false after printing the error.
bool writeCsvOption(const QCommandLineParser &parser, const QByteArray &csv, QTextStream &err)
{
    if (!parser.isSet(QStringLiteral("csv")))
        return true;
    if (Result<void> written = saveBytes(parser.value(QStringLiteral("csv")), csv); !written) {
        err << "fusionlab-cli: " << written.error() << "\n";
        return false;
    }
    return true;
}

} // namespace

int CommandLineTool::sweep(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    addRunOptions(parser);
    const QStringList own{QStringLiteral("json"), QStringLiteral("format"), QStringLiteral("closed-form"),
                          QStringLiteral("gd-epochs"), QStringLiteral("threads"), QStringLiteral("metric"),
                          QStringLiteral("csv"), QStringLiteral("help")};
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    parser.addOption(QCommandLineOption(QStringLiteral("closed-form")));
    for (const char *name : {"format", "gd-epochs", "threads", "metric", "csv"})
        parser.addOption(QCommandLineOption(QString::fromLatin1(name), QString(), QStringLiteral("value")));
    if (const std::optional<int> exitCode = parseCommand(parser, args))
        return *exitCode;
    Result<std::vector<AxisOption>> axes = sweptAxes(parser);
    if (!axes)
        return usageError(axes.error());
    QCommandLineParser fixed;
    if (auto error = parseFixedRunOptions(parser, own, fixed))
        return usageError(*error);
    if (Result<RunConfig> checked = runConfigFromOptions(fixed, nullptr); !checked)
        return usageError(checked.error());
    QString error;
    const std::optional<int> threads = intOption(parser, "threads", 1, 256, 2, &error);
    const std::optional<int> gdEpochs = intOption(parser, "gd-epochs", 1, 100000000, 0, &error);
    if (!threads || !gdEpochs)
        return usageError(error);
    const bool closedForm = parser.isSet(QStringLiteral("closed-form")) || parser.isSet(QStringLiteral("gd-epochs"));

    const bool json = parser.isSet(QStringLiteral("json"));
    int failure = 0;
    const std::shared_ptr<const Dataset> dataset = loadDatasetArgument(parser, json, &failure);
    if (!dataset)
        return failure;
    Result<RunConfig> config = runConfigFromOptions(fixed, dataset.get());
    if (!config)
        return usageError(config.error());

    LandscapeRequest request;
    request.config = *config;
    request.gdEpochs = *gdEpochs;
    LandscapeAxis *targets[] = {&request.x, &request.y};
    for (int a = 0; a < 2; ++a) {
        const AxisOption &option = (*axes)[size_t(a)];
        *targets[a] = option.axis;
        if (option.position >= 0) {
            if (option.position >= int(config->pipeline.modalities.size())) {
                return usageError(QStringLiteral("%1 sweeps modality %2, but the dataset has only %3.")
                                      .arg(option.option).arg(option.position + 1).arg(config->pipeline.modalities.size()));
            }
            targets[a]->modality = config->pipeline.modalities[size_t(option.position)].name;
        } else {
            targets[a]->modality = option.name;
        }
    }
    request.metric = parser.isSet(QStringLiteral("metric")) ? parser.value(QStringLiteral("metric")).trimmed()
                                                            : defaultRunMetric(*config);
    if (Result<void> checked = checkLandscapeRequest(request); !checked)
        return usageError(checked.error());
    if (closedForm && !config->model.isLinear())
        return usageError(QStringLiteral("--closed-form and --gd-epochs are for the seed's regression (--model linear without ranking options)."));

    const DatasetIdentity identity = datasetArgumentIdentity(parser, *dataset);
    FusionPipeline pipeline(dataset);
    const int total = request.x.steps * request.y.steps;
    const bool showProgress = m_terminal && !json;
    QElapsedTimer clock;
    clock.start();
    Result<Landscape> landscape = makeError(QString());
    if (closedForm) {
        if (request.metric != QLatin1String("val_loss") && request.metric != QLatin1String("train_loss"))
            return usageError(QStringLiteral("--closed-form shows val_loss or train_loss, not '%1'.").arg(request.metric));
        landscape = closedFormLandscape(pipeline, request, [&](double fraction) {
            if (showProgress)
                drawProgressBar(fraction, QStringLiteral("landscape"));
            return true;
        });
        if (showProgress)
            clearProgressBar();
        if (landscape && json) {
            for (const LandscapeCell &cell : landscape->cells)
                m_out << printLine(cellJson(*landscape, cell)) << "\n";
        }
    } else {
        int done = 0;
        Landscape header;   // what cellJson needs while the cells stream in
        header.request = request;
        landscape = trainedLandscape(pipeline, request, identity, *threads, [&](const LandscapeCell &cell) {
            // trainedLandscape calls this under its own lock: one cell at a time.
            ++done;
            if (json) {
                m_out << printLine(cellJson(header, cell)) << "\n";
                m_out.flush();
            } else if (showProgress) {
                drawProgressBar(double(done) / total, QStringLiteral("%1/%2 cells").arg(done).arg(total));
            }
        });
        if (showProgress)
            clearProgressBar();
    }
    if (!landscape) {
        m_err << "fusionlab-cli: " << landscape.error() << "\n";
        return 1;
    }
    const double seconds = double(clock.nsecsElapsed()) * 1e-9;

    const int best = landscape->best();
    int failed = 0;
    QString firstFailure;
    for (const LandscapeCell &cell : landscape->cells) {
        if (cell.status == QLatin1String("failed")) {
            ++failed;
            if (firstFailure.isEmpty())
                firstFailure = cell.record.message;
        }
    }
    if (json) {
        QJsonObject summary{{"event", "summary"},
                            {"metric", request.metric},
                            {"higher_is_better", landscape->higherIsBetter},
                            {"closed_form", landscape->closedForm},
                            {"x", request.x.modality},
                            {"y", request.y.modality},
                            {"cells", total},
                            {"failed", failed},
                            {"seconds", seconds},
                            {"dataset_hash", identity.hash},
                            {"best", QJsonValue()}};
        if (best >= 0) {
            QJsonObject bestCell = cellJson(*landscape, landscape->cells[size_t(best)]);
            bestCell.remove(QStringLiteral("event"));
            summary.insert(QStringLiteral("best"), bestCell);
        }
        if (closedForm)
            summary.insert(QStringLiteral("gd_epochs"), request.gdEpochs);
        m_out << printLine(summary) << "\n";
    } else {
        m_out << dataset->name << ": " << request.metric << " over " << request.x.modality << " × " << request.y.modality
              << " (" << total << " cells, "
              << (!closedForm ? QStringLiteral("trained")
                  : request.gdEpochs > 0 ? QStringLiteral("after %1 epochs of gradient descent").arg(request.gdEpochs)
                                         : QStringLiteral("closed-form optimum"))
              << ", " << QString::number(seconds, 'g', 3) << " s)\n";
        const bool extraColumn = request.metric != QLatin1String("val_loss") && request.metric != QLatin1String("train_loss");
        m_out << QStringLiteral("%1  %2  %3  %4").arg(request.x.modality, 10).arg(request.y.modality, 10)
                     .arg(QStringLiteral("train loss"), 12).arg(QStringLiteral("val loss"), 12);
        if (extraColumn)
            m_out << QStringLiteral("  %1").arg(request.metric, 12);
        m_out << "  status\n";
        for (const LandscapeCell &cell : landscape->cells) {
            m_out << QStringLiteral("%1  %2  %3  %4").arg(cell.x, 10, 'g', 6).arg(cell.y, 10, 'g', 6)
                         .arg(formatValue(cell.trainLoss), 12).arg(formatValue(cell.validationLoss), 12);
            if (extraColumn)
                m_out << QStringLiteral("  %1").arg(formatValue(cell.value), 12);
            m_out << "  " << cell.status << "\n";
        }
        if (best >= 0) {
            const LandscapeCell &b = landscape->cells[size_t(best)];
            m_out << QStringLiteral("Best: %1 = %2, %3 = %4: %5 %6\n")
                         .arg(request.x.modality).arg(b.x, 0, 'g', 6).arg(request.y.modality).arg(b.y, 0, 'g', 6)
                         .arg(request.metric, formatValue(b.value));
        }
    }
    m_out.flush();
    if (!writeCsvOption(parser, landscape->toCsv(), m_err))
        return 1;
    if (best < 0) {
        m_err << "fusionlab-cli: no cell of the landscape has a value"
              << (firstFailure.isEmpty() ? QStringLiteral(".") : QStringLiteral(": ") + firstFailure) << "\n";
        return 1;
    }
    if (failed > 0)
        m_err << "fusionlab-cli: warning: " << failed << " of " << total << " cells failed: " << firstFailure << "\n";
    return 0;
}

int CommandLineTool::ablate(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    addRunOptions(parser);
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    for (const char *name : {"format", "seeds", "threads", "metric", "csv"})
        parser.addOption(QCommandLineOption(QString::fromLatin1(name), QString(), QStringLiteral("value")));
    if (const std::optional<int> exitCode = parseCommand(parser, args))
        return *exitCode;
    if (Result<RunConfig> checked = runConfigFromOptions(parser, nullptr); !checked)
        return usageError(checked.error());
    QString error;
    const std::optional<int> seeds = intOption(parser, "seeds", 1, 1000, 3, &error);
    const std::optional<int> threads = intOption(parser, "threads", 1, 256, 2, &error);
    if (!seeds || !threads)
        return usageError(error);

    const bool json = parser.isSet(QStringLiteral("json"));
    int failure = 0;
    const std::shared_ptr<const Dataset> dataset = loadDatasetArgument(parser, json, &failure);
    if (!dataset)
        return failure;
    Result<RunConfig> config = runConfigFromOptions(parser, dataset.get());
    if (!config)
        return usageError(config.error());

    AblationRequest request;
    request.config = *config;
    request.seeds = *seeds;
    // --seed s: the seeds s, s + 1, …; each run then equals `train --seed` with its seed.
    request.firstSeed = parser.isSet(QStringLiteral("seed")) ? config->training.seed : 1;
    request.metric = parser.isSet(QStringLiteral("metric")) ? parser.value(QStringLiteral("metric")).trimmed() : QString();

    const DatasetIdentity identity = datasetArgumentIdentity(parser, *dataset);
    FusionPipeline pipeline(dataset);
    const bool showProgress = m_terminal && !json;
    int done = 0;
    int planned = 0;
    QStringList enabled;
    for (const ModalityConfig &m : config->pipeline.modalities) {
        if (m.enabled)
            enabled << m.name;
    }
    const std::vector<AblationSubset> subsets = ablationSubsets(enabled);
    planned = int(subsets.size()) * request.seeds;
    const QString metric = request.metric.isEmpty() ? defaultRunMetric(*config) : request.metric;
    if (const QStringList metrics = runMetricNames(*config); !metrics.contains(metric))
        return usageError(QStringLiteral("--metric: a run of this model has no value '%1'; choose one of %2.")
                              .arg(metric, metrics.join(QStringLiteral(", "))));
    QElapsedTimer clock;
    clock.start();
    Result<Ablation> ablation = runAblation(pipeline, request, identity, *threads, [&](const AblationRun &run) {
        // runAblation calls this under its own lock: one run at a time.
        ++done;
        if (json) {
            const AblationSubset &subset = subsets[size_t(run.subset)];
            QJsonObject line{{"event", "ablation"},
                             {"modalities", QJsonArray::fromStringList(subset.modalities)},
                             {"subset", subset.label},
                             {"kind", subset.kind},
                             {"seed", qint64(run.seed)},
                             {"status", run.record.status},
                             {"metric", metric},
                             {"value", jsonNumber(run.value)}};
            const QMap<QString, double> values = run.record.summaryValues();
            for (auto it = values.cbegin(); it != values.cend(); ++it)
                line.insert(it.key(), jsonNumber(it.value()));
            if (!run.record.message.isEmpty())
                line.insert(QStringLiteral("message"), run.record.message);
            m_out << printLine(line) << "\n";
            m_out.flush();
        } else if (showProgress) {
            drawProgressBar(double(done) / std::max(1, planned), QStringLiteral("%1/%2 runs").arg(done).arg(planned));
        }
    });
    if (showProgress)
        clearProgressBar();
    if (!ablation) {
        m_err << "fusionlab-cli: " << ablation.error() << "\n";
        return 1;
    }
    const double seconds = double(clock.nsecsElapsed()) * 1e-9;
    const std::vector<AblationRow> rows = ablation->rows();
    if (json) {
        QJsonArray rowArray;
        for (const AblationRow &row : rows) {
            QJsonArray values;
            for (double v : row.values)
                values.append(jsonNumber(v));
            rowArray.append(QJsonObject{{"subset", row.subset.label},
                                        {"kind", row.subset.kind},
                                        {"modalities", QJsonArray::fromStringList(row.subset.modalities)},
                                        {"mean", jsonNumber(row.mean)},
                                        {"min", jsonNumber(row.min)},
                                        {"max", jsonNumber(row.max)},
                                        {"delta_to_all", jsonNumber(row.deltaToAll)},
                                        {"n", int(row.values.size())},
                                        {"values", values}});
        }
        m_out << printLine(QJsonObject{{"event", "summary"},
                                       {"metric", ablation->metric},
                                       {"higher_is_better", ablation->higherIsBetter},
                                       {"seeds", request.seeds},
                                       {"first_seed", qint64(request.firstSeed)},
                                       {"runs", int(ablation->runs.size())},
                                       {"seconds", seconds},
                                       {"dataset_hash", identity.hash},
                                       {"rows", rowArray}})
              << "\n";
    } else {
        m_out << dataset->name << ": " << ablation->metric << " ("
              << (ablation->higherIsBetter ? "higher is better" : "lower is better") << ") over seeds "
              << request.firstSeed << "–" << request.firstSeed + std::uint64_t(request.seeds) - 1 << ", "
              << QString::number(seconds, 'g', 3) << " s\n";
        m_out << QStringLiteral("%1  %2  %3  %4  %5  %6\n").arg(QStringLiteral("subset"), -24).arg(QStringLiteral("mean"), 10)
                     .arg(QStringLiteral("min"), 10).arg(QStringLiteral("max"), 10).arg(QStringLiteral("Δ to all"), 10)
                     .arg(QStringLiteral("n"), 3);
        for (const AblationRow &row : rows) {
            m_out << QStringLiteral("%1  %2  %3  %4  %5  %6\n").arg(row.subset.label, -24).arg(formatValue(row.mean), 10)
                         .arg(formatValue(row.min), 10).arg(formatValue(row.max), 10).arg(formatValue(row.deltaToAll), 10)
                         .arg(int(row.values.size()), 3);
        }
    }
    m_out.flush();
    if (!writeCsvOption(parser, ablation->toCsv(), m_err))
        return 1;
    int usable = 0;
    QString firstFailure;
    for (const AblationRun &run : ablation->runs) {
        usable += std::isfinite(run.value) ? 1 : 0;
        if (firstFailure.isEmpty() && run.record.status == QLatin1String("failed"))
            firstFailure = run.record.message;
    }
    if (usable == 0) {
        m_err << "fusionlab-cli: no run of the ablation has a value for " << ablation->metric
              << (firstFailure.isEmpty() ? QStringLiteral(".") : QStringLiteral(": ") + firstFailure) << "\n";
        return 1;
    }
    return 0;
}

} // namespace fl
