// Why one file (about 1000 lines):
// The train, run, stats and demo commands (sweep and ablate are in CliWorkbench.cpp). Each command is an
// option parser, a run and a printer sharing the helpers declared in CommandLineTool.h; they read best side
// by side, because their options and output must stay alike.

#include "CommandLineTool.h"

#include "engine/core/MemoryBudget.h"
#include "engine/core/SaveFile.h"
#include "engine/data/DatasetImport.h"
#include "engine/data/DemoGenerator.h"
#include "engine/data/ManifestLoader.h"
#include "engine/evaluation/Pseudonyms.h"
#include "engine/evaluation/RankingMetrics.h"
#include "engine/fusion/FusionPipeline.h"
#include "engine/models/LinearRegression.h"
#include "engine/models/ModelDefaults.h"
#include "engine/models/RecommenderFactory.h"
#include "engine/training/Experiment.h"
#include "engine/training/RecommenderRun.h"
#include "engine/training/RunDriver.h"
#include "engine/training/RunRecord.h"
#include "engine/training/RunTrainer.h"

#include <QCommandLineParser>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace fl {

QString commandLineUsage()
{
    return QStringLiteral(
        "Usage: fusionlab-cli COMMAND [OPTIONS]\n"
        "\n"
        "Commands:\n"
        "  train DATASET        Embed, fuse and train a model (default: the seed's linear regression); print\n"
        "                       the loss curve and, for the ranking models, their metrics.\n"
        "  stats DATASET        Users, items, interactions, rating mean and per-modality width and coverage.\n"
        "  run FILE             Re-run the runs of a saved experiment (--json; --dataset PATH to use other data).\n"
        "  sweep DATASET        Train a grid of two modality weights (--alpha LO:HI:N --beta LO:HI:N, or\n"
        "                       --weight NAME=LO:HI:N; train's options; --closed-form for the regression).\n"
        "  ablate DATASET       Each modality alone, all but one, and all, over --seeds N (default 3).\n"
        "  export-demo DIR      Write the built-in demo dataset (manifest, CSV files, images) to DIR.\n"
        "  generate-demo DIR    Generate the demo dataset afresh (--seed, --items, --users) into DIR.\n"
        "\n"
        "DATASET is 'demo' (built in), a folder holding manifest.json or a manifest file, a MovieLens\n"
        "release folder (ml-latest-small, ml-25m, ml-100k, ml-1m, …), an MMRec folder, or RecBole atomic\n"
        "files; the format is detected, or given with --format auto|manifest|movielens|mmrec|recbole.\n"
        "\n"
        "train options:\n"
        "  --alpha W, --beta W, --gamma W   weights of the 1st, 2nd and 3rd modality (default 0.5 each)\n"
        "  --weight NAME=W                  weight of a modality by name (repeatable)\n"
        "  --modalities A,B                 fuse only these modalities (default: all)\n"
        "  --fusion sum|product|concat      fusion operator (default sum for linear, the seed's regression;\n"
        "                                   concat for the ranking models)\n"
        "  --learn-weights                  linear, hybrid, content: train the fusion weights with the model,\n"
        "                                   from the chosen ones, keeping their sum (αₖ = s·softmax(θ)ₖ)\n"
        "  --width N                        common width for sum/product (default: automatic)\n"
        "  --text-width N                   LSA width of text modalities (default 32)\n"
        "  --image-features grid-mean|histogram|both   (default grid-mean)\n"
        "  --format NAME                    dataset format (default auto: detected)\n"
        "  --model NAME                     linear (the seed's regression, default), hybrid (VBPR-style MF\n"
        "                                   with fused content), content (no item factors), mf, itemknn,\n"
        "                                   mlp (a neural network on fused content), svr (linear support\n"
        "                                   vector regression), popularity, random (the chance baseline).\n"
        "                                   linear with --split (or --k, --threshold, --test,\n"
        "                                   --last, --patience, --biases, an export) is the regression as a\n"
        "                                   recommender, b + wᵀfᵢ, split and judged like the others\n"
        "  --biases                         linear as a recommender: add user and item biases bᵤ + bᵢ\n"
        "  --loss squared|bpr               ranking models: squared loss on ratings or BPR (default: bpr for\n"
        "                                   mf, hybrid, content and mlp, squared for the others)\n"
        "  --factors N                      latent factors of mf, hybrid and content (default 32)\n"
        "  --hidden W1,W2                   mlp: widths of the ReLU hidden layers (default 64,32; none)\n"
        "  --dropout P                      mlp: dropout of hidden units in training (default 0)\n"
        "  --epsilon E                      svr: half-width of the ε-insensitive tube (default 0.5)\n"
        "  --unrated-samples N              svr: unrated items per rating trained towards 0, for ranking\n"
        "                                   (default 3; 0 to predict ratings)\n"
        "  --no-user-vectors                mlp, svr: no per-user weights pᵤ (the same ranking for all)\n"
        "  --split KIND                     ranking models: random (per user), user-temporal, global-temporal,\n"
        "                                   file (the dataset's own, e.g. MMRec x_label), cold-items\n"
        "  --test FRACTION                  test share of each user / of all / of the items (default 0.2)\n"
        "  --last N                         user-temporal: the last N interactions of each user are test\n"
        "  --k LIST                         cut-offs of the ranking metrics (default 10,20)\n"
        "  --threshold R                    only test ratings ≥ R count as relevant (default: all)\n"
        "  --patience N                     early stopping after N epochs without a better validation\n"
        "                                   ndcg@K (first K; default 10, 0 = off)\n"
        "  --export-topk FILE               ranking models: every user's top K (largest K) as TSV\n"
        "                                   user, rank, item, score; with held-out items also the lists\n"
        "                                   of the cold_ metrics in FILE.cold.tsv (top.tsv → top.cold.tsv)\n"
        "  --export-split DIR               ranking models: train.tsv, valid.tsv, test.tsv\n"
        "  --pseudonymize                   the exports name users by salted hashes (u_…), the same in every\n"
        "                                   file of the run and new in each run; item ids stay\n"
        "  --missing mean|indicator|leave-out   items lacking a fused modality: mean imputation, zeros plus\n"
        "                                   a missing column, or their interactions left out (default mean)\n"
        "  --optimizer gd|sgd|momentum|adam full-batch gradient descent, or mini-batch SGD, SGD with\n"
        "                                   momentum 0.9, or Adam\n"
        "  --lr ETA                         learning rate\n"
        "  --epochs N                       epochs (at most, for ranking models with early stopping)\n"
        "  --batch-size N                   mini-batch size for sgd, momentum and adam\n"
        "  --l2 LAMBDA                      L2 penalty on the weights\n"
        "                                   Defaults, the window's too: linear (the seed's regression) gd,\n"
        "                                   lr 0.01, 200 epochs, batch 256, l2 0; mf, hybrid, content --loss bpr,\n"
        "                                   adam, lr 0.01, batch 1024, l2 0.0001, 100 epochs; mlp the same with\n"
        "                                   batch 256; svr adam, lr 0.003, batch 1024; the other models adam,\n"
        "                                   lr 0.01, batch 1024, l2 0.0001, 100 epochs\n"
        "  --validation FRACTION            share of interactions held out (default 0.2 for the regression,\n"
        "                                   0.1 of what the test part leaves for the ranking models)\n"
        "  --seed N                         seed of the split and of SGD (default 42)\n"
        "  --save-experiment FILE           also write the run as an experiment (JSON) that `run FILE` repeats\n"
        "  --json                           one JSON object per line instead of a table\n"
        "\n"
        "sweep options (and train's, but for --export-topk, --export-split, --pseudonymize and\n"
        "--save-experiment):\n"
        "  --alpha LO:HI:N, --beta LO:HI:N, --gamma LO:HI:N, --weight NAME=LO:HI:N\n"
        "                                   the weights swept: exactly two, N values each from LO to HI\n"
        "  --closed-form                    the regression's landscape from its sufficient statistics\n"
        "                                   (the closed-form optimum of every cell), without training\n"
        "  --gd-epochs E                    with --closed-form: where E epochs of gradient descent get\n"
        "  --metric M                       the value compared (default val_loss; ranking models: the\n"
        "                                   monitored ndcg@K, cold_ndcg@K with --split cold-items)\n"
        "  --threads N                      cells trained at once (default 2)\n"
        "  --csv FILE                       also write the grid as CSV\n"
        "ablate options (and sweep's train options):\n"
        "  --seeds N                        seeds per subset, from --seed on (default 3, from 1)\n"
        "  --metric M, --threads N, --csv FILE   as for sweep\n"
        "\n"
        "  -h, --help                       this text\n"
        "  -v, --version                    the version\n");
}

CommandLineTool::CommandLineTool(QTextStream &out, QTextStream &err, bool terminal)
    : m_out(out)
    , m_err(err)
    , m_terminal(terminal)
{
}

int CommandLineTool::usageError(const QString &message)
{
    m_err << "fusionlab-cli: " << message << "\n\n" << commandLineUsage();
    m_err.flush();
    return 2;
}

int CommandLineTool::run(const QStringList &arguments)
{
    const QStringList args = arguments.mid(1);
    if (args.isEmpty())
        return usageError(QStringLiteral("no command given."));
    const QString command = args.first();
    if (command == QLatin1String("-h") || command == QLatin1String("--help") || command == QLatin1String("help")) {
        m_out << commandLineUsage();
        return 0;
    }
    if (command == QLatin1String("-v") || command == QLatin1String("--version")) {
        m_out << "fusionlab-cli " << FUSIONLAB_VERSION << "\n";
        return 0;
    }
    if (command == QLatin1String("train"))
        return train(args);
    if (command == QLatin1String("stats"))
        return stats(args);
    if (command == QLatin1String("run"))
        return runExperiment(args);
    if (command == QLatin1String("sweep"))
        return sweep(args);
    if (command == QLatin1String("ablate"))
        return ablate(args);
    if (command == QLatin1String("export-demo"))
        return exportDemo(args);
    if (command == QLatin1String("generate-demo"))
        return generateDemo(args);
    return usageError(QStringLiteral("unknown command '%1'.").arg(command));
}

// Parses `args` (the command first) with `parser`; on failure returns the message.
std::optional<QString> parseArguments(QCommandLineParser &parser, const QStringList &args, int positionals)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    QStringList withProgram = args;
    withProgram.prepend(QStringLiteral("fusionlab-cli"));
    if (!parser.parse(withProgram)) {
        // Qt's sentence usually ends with a full stop already ("Unknown option 'x'.").
        QString error = parser.errorText();
        if (!error.endsWith(QLatin1Char('.')))
            error += QLatin1Char('.');
        return error;
    }
    if (parser.isSet(QStringLiteral("help")))
        return QString();
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != positionals + 1)
        return QStringLiteral("'%1' takes %2 argument(s), got %3.").arg(args.first()).arg(positionals).arg(positional.size() - 1);
    return std::nullopt;
}

DatasetIdentity datasetArgumentIdentity(const QCommandLineParser &parser, const Dataset &dataset)
{
    const QString format = parser.isSet(QStringLiteral("format")) ? parser.value(QStringLiteral("format")) : QStringLiteral("auto");
    return identifyDataset(dataset, parser.positionalArguments().at(1), format);
}

std::optional<double> toNumber(const QString &text)
{
    bool ok = false;
    const double v = text.toDouble(&ok);
    return ok && std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

QJsonValue jsonNumber(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue();
}

// {"text": 0.62, "genres": 0.38}: each fused modality's learned weight.
QJsonObject learnedWeightsJson(const QStringList &names, const std::vector<double> &weights)
{
    QJsonObject out;
    for (size_t k = 0; k < weights.size(); ++k)
        out.insert(names.value(qsizetype(k), QStringLiteral("w%1").arg(k + 1)), jsonNumber(weights[k]));
    return out;
}

// A metric for people: four decimals, or "—" when it could not be computed (the notes say why).
QString metricText(double v)
{
    if (!std::isfinite(v))
        return QStringLiteral("—");
    return std::abs(v) < 1e6 ? QString::number(v, 'f', 4) : QString::number(v, 'g', 4);
}

QString printLine(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

namespace {

// The cold-start companion of an --export-topk FILE: top.tsv → top.cold.tsv (FILE.cold without a suffix).
QString coldTopKPath(const QString &path)
{
    const QFileInfo info(path);
    const QString suffix = info.suffix();
    if (suffix.isEmpty())
        return path + QStringLiteral(".cold");
    return info.dir().filePath(info.completeBaseName() + QStringLiteral(".cold.") + suffix);
}

// The lists the cold_ metrics rank, in writeTopK's format: for every user the K best held-out test
// items, leaving out the items of the user's training and validation interactions; userIds as for writeTopK.
Result<void> writeColdTopK(const QString &path, const Dataset &data, const Recommender &model, const SplitIndices &split,
                           int k, const QStringList *userIds)
{
    const std::vector<bool> heldOut = heldOutItems(data, split, EvaluationPart::Test);
    std::vector<int> warm;   // every item that is not a held-out test item
    for (int item = 0; item < data.itemCount(); ++item) {
        if (size_t(item) >= heldOut.size() || !heldOut[size_t(item)])
            warm.push_back(item);
    }
    std::vector<std::vector<int>> known(size_t(data.userCount()));
    for (const int index : excludedInteractions(split, EvaluationPart::Test))
        known[size_t(data.interactionUser[size_t(index)])].push_back(data.interactionItem[size_t(index)]);
    QByteArray out("user\trank\titem\tscore\n");
    std::vector<int> excluded;
    for (int user = 0; user < data.userCount(); ++user) {
        excluded = warm;
        excluded.insert(excluded.end(), known[size_t(user)].begin(), known[size_t(user)].end());
        const std::vector<ScoredItem> list = topKScored(model, user, k, excluded);
        const QByteArray id = (userIds ? *userIds : data.userIds)[user].toUtf8();
        for (size_t r = 0; r < list.size(); ++r) {
            char score[64];
            const auto [end, ec] = std::to_chars(score, score + sizeof score, list[r].score);
            out += id + '\t' + QByteArray::number(qulonglong(r + 1)) + '\t' + data.itemIds[list[r].item].toUtf8() + '\t'
                + QByteArray(score, ec == std::errc() ? int(end - score) : 0) + '\n';
        }
    }
    return saveBytes(path, out);
}

} // namespace

void addRunOptions(QCommandLineParser &parser)
{
    auto option = [&parser](const char *name, const char *value) {
        parser.addOption(QCommandLineOption(QString::fromLatin1(name), QString(), QString::fromLatin1(value)));
    };
    for (const char *name : {"alpha", "beta", "gamma"})
        option(name, "w");
    option("weight", "name=w");
    option("modalities", "list");
    option("fusion", "op");
    option("width", "n");
    option("text-width", "n");
    option("image-features", "kind");
    option("missing", "policy");
    option("model", "name");
    option("loss", "name");
    option("factors", "n");
    option("hidden", "widths");
    option("dropout", "p");
    option("epsilon", "e");
    option("unrated-samples", "n");
    option("split", "kind");
    option("test", "fraction");
    option("last", "n");
    option("k", "list");
    option("threshold", "rating");
    option("patience", "n");
    option("optimizer", "name");
    option("lr", "eta");
    option("epochs", "n");
    option("batch-size", "n");
    option("l2", "lambda");
    option("validation", "fraction");
    option("seed", "n");
    parser.addOption(QCommandLineOption(QStringLiteral("biases")));
    parser.addOption(QCommandLineOption(QStringLiteral("no-user-vectors")));
    parser.addOption(QCommandLineOption(QStringLiteral("learn-weights")));
}

Result<RunConfig> runConfigFromOptions(const QCommandLineParser &parser, const Dataset *dataset,
                                       const QStringList &rankingOnlyOptions)
{
    // The model first: its defaults (engine/models/ModelDefaults.h, the window's too) are what the other
    // options change.
    ModelKind kind = ModelKind::Linear;
    if (parser.isSet(QStringLiteral("model"))) {
        const std::optional<ModelKind> named = modelKindFromName(parser.value(QStringLiteral("model")).trimmed().toLower());
        if (!named)
            return makeError(QStringLiteral("--model expects linear, %1, got '%2'.")
                                 .arg(recommenderKindNames().join(QStringLiteral(", ")), parser.value(QStringLiteral("model"))));
        kind = *named;
    }
    // --model linear with any option that only a ranking run reads is the regression as a recommender
    // (LinearRecommender); without them it stays the seed's run on its own split.
    bool rankingOption = false;
    for (const char *name : {"split", "test", "last", "k", "threshold", "patience", "biases"})
        rankingOption = rankingOption || parser.isSet(QString::fromLatin1(name));
    for (const QString &name : rankingOnlyOptions)
        rankingOption = rankingOption || parser.isSet(name);
    kind = withLinearRanking(kind, rankingOption);
    const ModelDefaults defaults = modelDefaults(kind);
    TrainingConfig training = defaultTraining(defaults, 42);
    auto number = [&](const char *name, double lo, double hi, double *target) -> std::optional<QString> {
        const QString key = QString::fromLatin1(name);
        if (!parser.isSet(key))
            return std::nullopt;
        const std::optional<double> v = toNumber(parser.value(key));
        if (!v || *v < lo || *v > hi)
            return QStringLiteral("--%1 expects a number from %2 to %3, got '%4'.").arg(key).arg(lo).arg(hi).arg(parser.value(key));
        *target = *v;
        return std::nullopt;
    };
    // A count: "--epochs 1.5" is a mistake to name, not one epoch.
    auto whole = [&](const char *name, double lo, double hi, double *target) -> std::optional<QString> {
        if (std::optional<QString> error = number(name, lo, hi, target))
            return error;
        if (*target != std::floor(*target))
            return QStringLiteral("--%1 expects a whole number from %2 to %3, got '%4'.")
                .arg(QString::fromLatin1(name)).arg(lo).arg(hi).arg(parser.value(QString::fromLatin1(name)));
        return std::nullopt;
    };
    double epochs = training.epochs, batch = training.batchSize, seed = 42, validation = 0.2;
    double width = 0, textWidth = 32, factors = defaults.factors, testShare = 0.2, last = 0,
           patience = defaults.patience, threshold = 0;
    MlpSettings mlp;
    SvrSettings svr;
    double unratedSamples = svr.unratedSamples;
    for (auto check : {number("lr", 1e-12, 1e6, &training.learningRate), whole("epochs", 1, 1e9, &epochs),
                       whole("batch-size", 1, 1e9, &batch), number("l2", 0, 1e6, &training.l2),
                       whole("seed", 0, 9.007199254740992e15, &seed), number("validation", 0, 0.95, &validation),
                       whole("width", 1, 4096, &width), whole("text-width", 1, 4096, &textWidth),
                       whole("factors", 1, 1024, &factors), number("test", 0, 0.95, &testShare),
                       whole("last", 1, 1e6, &last), whole("patience", 0, 1e6, &patience),
                       number("threshold", -1e9, 1e9, &threshold), number("dropout", 0, 0.99, &mlp.dropout),
                       number("epsilon", 0, 1e6, &svr.epsilon), whole("unrated-samples", 0, 100, &unratedSamples)}) {
        if (check)
            return makeError(*check);
    }
    training.epochs = int(epochs);
    training.batchSize = int(batch);
    training.seed = std::uint64_t(seed);
    if (parser.isSet(QStringLiteral("optimizer"))) {
        const auto kind = optimizerFromName(parser.value(QStringLiteral("optimizer")));
        if (!kind)
            return makeError(QStringLiteral("--optimizer expects gd, sgd, momentum or adam, got '%1'.").arg(parser.value(QStringLiteral("optimizer"))));
        training.optimizer = *kind;
    }
    FusionOp op = defaults.fusion;
    if (parser.isSet(QStringLiteral("fusion"))) {
        const auto parsed = fusionOpFromName(parser.value(QStringLiteral("fusion")));
        if (!parsed)
            return makeError(QStringLiteral("--fusion expects sum, product or concat, got '%1'.").arg(parser.value(QStringLiteral("fusion"))));
        op = *parsed;
    }
    std::optional<ImageFeatureKind> imageKind = ImageFeatureKind::GridMean;
    if (parser.isSet(QStringLiteral("image-features"))) {
        imageKind = imageFeatureKindFromName(parser.value(QStringLiteral("image-features")));
        if (!imageKind)
            return makeError(QStringLiteral("--image-features expects grid-mean, histogram or both, got '%1'.")
                                 .arg(parser.value(QStringLiteral("image-features"))));
    }

    MissingPolicy missing = MissingPolicy::MeanImpute;
    if (parser.isSet(QStringLiteral("missing"))) {
        const auto parsed = parseMissingPolicy(parser.value(QStringLiteral("missing")));
        if (!parsed)
            return makeError(QStringLiteral("--missing expects mean, indicator or leave-out, got '%1'.")
                                 .arg(parser.value(QStringLiteral("missing"))));
        missing = *parsed;
    }

    ModelConfig model;
    model.kind = kind;
    model.loss = defaults.loss;
    if (parser.isSet(QStringLiteral("loss"))) {
        const QString loss = parser.value(QStringLiteral("loss")).trimmed().toLower();
        if (loss != QLatin1String("squared") && loss != QLatin1String("bpr"))
            return makeError(QStringLiteral("--loss expects squared or bpr, got '%1'.").arg(loss));
        model.loss = loss == QLatin1String("bpr") ? LossKind::Bpr : LossKind::Squared;
    }
    if (parser.isSet(QStringLiteral("split"))) {
        const auto kind = parseRecSplitKind(parser.value(QStringLiteral("split")));
        if (!kind)
            return makeError(QStringLiteral("--split expects %1, got '%2'.")
                                 .arg(recSplitKindNames().join(QStringLiteral(", ")), parser.value(QStringLiteral("split"))));
        model.split.kind = *kind;
    }
    if (parser.isSet(QStringLiteral("k"))) {
        model.ks.clear();
        for (const QString &part : parser.value(QStringLiteral("k")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            const int k = part.trimmed().toInt(&ok);
            if (!ok || k < 1 || k > 10000)
                return makeError(QStringLiteral("--k expects cut-offs such as 10,20 (1 to 10000), got '%1'.").arg(parser.value(QStringLiteral("k"))));
            model.ks.push_back(k);
        }
        if (model.ks.empty())
            return makeError(QStringLiteral("--k expects cut-offs such as 10,20."));
    }
    model.factors = int(factors);
    if (parser.isSet(QStringLiteral("hidden"))) {
        Result<std::vector<int>> hidden = parseHiddenWidths(parser.value(QStringLiteral("hidden")));
        if (!hidden)
            return makeError(QStringLiteral("--hidden: ") + hidden.error());
        mlp.hidden = *hidden;
    }
    mlp.userFactors = svr.userWeights = !parser.isSet(QStringLiteral("no-user-vectors"));
    svr.unratedSamples = int(unratedSamples);
    model.mlp = mlp;
    model.svr = svr;
    const bool mlpOption = parser.isSet(QStringLiteral("hidden")) || parser.isSet(QStringLiteral("dropout"));
    const bool svrOption = parser.isSet(QStringLiteral("epsilon")) || parser.isSet(QStringLiteral("unrated-samples"));
    if (mlpOption && model.kind != ModelKind::Mlp)
        return makeError(QStringLiteral("--hidden and --dropout are for --model mlp."));
    if (svrOption && model.kind != ModelKind::Svr)
        return makeError(QStringLiteral("--epsilon and --unrated-samples are for --model svr."));
    if (parser.isSet(QStringLiteral("no-user-vectors")) && !hasUserVectorOption(model.kind))
        return makeError(QStringLiteral("--no-user-vectors is for --model mlp and svr."));
    model.split.ratio = testShare;
    model.split.validationRatio = parser.isSet(QStringLiteral("validation")) ? validation : 0.1;
    model.split.lastK = int(last);
    model.split.seed = training.seed;
    model.patience = int(patience);
    model.monitor = QStringLiteral("ndcg@%1").arg(model.ks.front());
    model.useThreshold = parser.isSet(QStringLiteral("threshold"));
    model.threshold = threshold;
    if (model.kind == ModelKind::LinearRanking) {
        model.linearBiases = parser.isSet(QStringLiteral("biases"));
        if (model.loss != LossKind::Squared)
            return makeError(QStringLiteral("--model linear is fitted by squared loss; --loss bpr is for mf, hybrid and content."));
    } else if (parser.isSet(QStringLiteral("biases"))) {
        return makeError(QStringLiteral("--biases is for --model linear (mf, hybrid and content always have biases)."));
    }

    RunConfig config;
    config.model = model;
    config.training = training;
    if (!dataset)
        return config;
    config.pipeline = defaultPipelineConfig(*dataset);
    config.pipeline.op = op;
    config.pipeline.missing = missing;
    config.pipeline.commonWidth = int(width);
    config.pipeline.split.validationFraction = validation;
    config.pipeline.split.seed = training.seed;
    config.pipeline.learnWeights = parser.isSet(QStringLiteral("learn-weights"));
    if (config.pipeline.learnWeights && !learnsFusionWeights(model))
        return makeError(QStringLiteral("--learn-weights is for --model linear (the seed's regression), hybrid and content."));
    for (ModalityConfig &m : config.pipeline.modalities) {
        m.text.width = int(textWidth);
        m.image.kind = *imageKind;
    }
    if (parser.isSet(QStringLiteral("modalities"))) {
        const QStringList chosen = parser.value(QStringLiteral("modalities")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        QStringList names;
        for (const auto &m : dataset->modalities)
            names << m.name;
        for (const QString &name : chosen) {
            if (!config.pipeline.modality(name.trimmed()))
                return makeError(QStringLiteral("--modalities: the dataset has no modality '%1' (it has: %2).")
                                     .arg(name, names.join(QStringLiteral(", "))));
        }
        for (ModalityConfig &m : config.pipeline.modalities)
            m.enabled = chosen.contains(m.name);
    }
    const char *positional[] = {"alpha", "beta", "gamma"};
    for (int k = 0; k < 3; ++k) {
        const QString key = QString::fromLatin1(positional[k]);
        if (!parser.isSet(key))
            continue;
        const std::optional<double> v = toNumber(parser.value(key));
        if (!v)
            return makeError(QStringLiteral("--%1 expects a number, got '%2'.").arg(key, parser.value(key)));
        if (k >= int(config.pipeline.modalities.size()))
            return makeError(QStringLiteral("--%1 sets modality %2, but the dataset has only %3.").arg(key).arg(k + 1).arg(config.pipeline.modalities.size()));
        config.pipeline.modalities[size_t(k)].weight = *v;
    }
    for (const QString &assignment : parser.values(QStringLiteral("weight"))) {
        const qsizetype eq = assignment.indexOf(QLatin1Char('='));
        const std::optional<double> v = eq > 0 ? toNumber(assignment.mid(eq + 1)) : std::nullopt;
        ModalityConfig *m = eq > 0 ? config.pipeline.modality(assignment.left(eq)) : nullptr;
        if (!v || !m)
            return makeError(QStringLiteral("--weight expects NAME=NUMBER with a modality of the dataset, got '%1'.").arg(assignment));
        m->weight = *v;
    }
    return config;
}

int CommandLineTool::train(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    addRunOptions(parser);
    for (const char *name : {"export-topk", "export-split", "save-experiment"})
        parser.addOption(QCommandLineOption(QString::fromLatin1(name), QString(), QStringLiteral("path")));
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    parser.addOption(QCommandLineOption(QStringLiteral("pseudonymize")));
    parser.addOption(QCommandLineOption(QStringLiteral("format"), QString(), QStringLiteral("format")));
    if (const std::optional<int> exitCode = parseCommand(parser, args))
        return *exitCode;
    if (parser.isSet(QStringLiteral("pseudonymize")) && !parser.isSet(QStringLiteral("export-topk"))
        && !parser.isSet(QStringLiteral("export-split")))
        return usageError(QStringLiteral("--pseudonymize changes the user ids of --export-topk and --export-split; "
                                         "give at least one of them."));
    const QStringList exports{QStringLiteral("export-topk"), QStringLiteral("export-split")};
    if (Result<RunConfig> checked = runConfigFromOptions(parser, nullptr, exports); !checked)
        return usageError(checked.error());

    int failure = 0;
    const std::shared_ptr<const Dataset> dataset = loadDatasetArgument(parser, parser.isSet(QStringLiteral("json")), &failure);
    if (!dataset)
        return failure;
    Result<RunConfig> config = runConfigFromOptions(parser, dataset.get(), exports);
    if (!config)
        return usageError(config.error());

    ReportOptions report;
    report.json = parser.isSet(QStringLiteral("json"));
    report.exportTopK = parser.value(QStringLiteral("export-topk"));
    report.exportSplit = parser.value(QStringLiteral("export-split"));
    report.pseudonymize = parser.isSet(QStringLiteral("pseudonymize"));
    const DatasetIdentity identity = datasetArgumentIdentity(parser, *dataset);
    FusionPipeline pipeline(dataset);
    RunRecord record;
    const int code = runAndReport(pipeline, *config, identity, report, &record);
    if (!record.id.isEmpty() && parser.isSet(QStringLiteral("save-experiment"))) {
        Experiment experiment;
        experiment.dataset = identity;
        experiment.config = *config;
        experiment.runs.push_back(record);
        if (const Result<void> saved = saveExperiment(parser.value(QStringLiteral("save-experiment")), experiment); !saved) {
            m_err << "fusionlab-cli: " << saved.error() << "\n";
            return 1;
        }
    }
    return code;
}

int CommandLineTool::runExperiment(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    parser.addOption(QCommandLineOption(QStringLiteral("dataset"), QString(), QStringLiteral("path")));
    if (const std::optional<int> exitCode = parseCommand(parser, args))
        return *exitCode;
    const QString path = parser.positionalArguments().at(1);
    Result<Experiment> experiment = loadExperiment(path);
    if (!experiment) {
        m_err << "fusionlab-cli: " << experiment.error() << "\n";
        return 1;
    }
    if (experiment->runs.empty()) {
        m_err << "fusionlab-cli: " << QDir::toNativeSeparators(path) << " holds no runs to re-run.\n";
        return 1;
    }
    const DatasetIdentity &saved = experiment->dataset;
    const QString datasetPath = parser.isSet(QStringLiteral("dataset")) ? parser.value(QStringLiteral("dataset")) : saved.path;
    const std::optional<DatasetFormat> format = parseDatasetFormat(saved.format.isEmpty() ? QStringLiteral("auto") : saved.format);
    const bool json = parser.isSet(QStringLiteral("json"));
    Result<Dataset> loaded = importDataset(datasetPath, format.value_or(DatasetFormat::Auto));
    if (!loaded) {
        m_err << "fusionlab-cli: " << loaded.error() << "\n";
        return 1;
    }
    auto dataset = std::make_shared<const Dataset>(std::move(*loaded));
    const DatasetIdentity identity = identifyDataset(*dataset, datasetPath, saved.format);
    if (!saved.isEmpty() && saved.hash != identity.hash) {
        m_err << "fusionlab-cli: warning: " << QDir::toNativeSeparators(datasetPath)
              << " is not the data the experiment was saved with:\n";
        for (const QString &change : describeDatasetChanges(saved, identity))
            m_err << "  · " << change << "\n";
        m_err.flush();
    }
    FusionPipeline pipeline(dataset);
    ReportOptions report;
    report.json = json;
    for (const RunRecord &run : experiment->runs) {
        if (run.status == QLatin1String("failed"))
            continue;
        if (const int code = runAndReport(pipeline, run.config, identity, report, nullptr); code != 0)
            return code;
    }
    return 0;
}

int CommandLineTool::runAndReport(FusionPipeline &pipeline, const RunConfig &config, const DatasetIdentity &identity,
                                  const ReportOptions &report, RunRecord *recordOut)
{
    const bool json = report.json;
    const Dataset &data = pipeline.dataset();
    Result<std::unique_ptr<RunDriver>> started = startRun(pipeline, config, identity);
    if (!started) {
        m_err << "fusionlab-cli: " << started.error() << "\n";
        return 1;
    }
    RunDriver &driver = **started;
    const ProblemInfo &info = driver.info();
    const double prepareSeconds = driver.record().prepareSeconds;
    if (!json) {
        m_out << data.name << ": " << data.interactionCount() << " interactions, "
              << info.trainRows << " for training, " << info.validationRows << " for validation\n";
        m_out << info.formula << "   (";
        for (int k = 0; k < info.modalityNames.size(); ++k)
            m_out << (k ? ", " : "") << info.modalityNames[k] << " = " << info.weights[size_t(k)];
        m_out << "), width " << info.featureWidth << "\n";
        for (const QString &note : info.notes)
            m_out << "  · " << note << "\n";
        // Only models with a closed form (the regressions) have one to print.
        if (std::isfinite(info.optimumTrainLoss) && std::isfinite(info.maxStableLearningRate))
            m_out << QStringLiteral("Closed-form optimum: train loss %1, validation loss %2; gradient descent is stable for η < %3\n")
                         .arg(info.optimumTrainLoss, 0, 'g', 6).arg(info.optimumValidationLoss, 0, 'g', 6)
                         .arg(info.maxStableLearningRate, 0, 'g', 4);
        m_out << QStringLiteral("%1  %2  %3\n").arg(QStringLiteral("epoch"), 8).arg(QStringLiteral("train loss"), 14).arg(QStringLiteral("val loss"), 14);
        m_out.flush();
    }

    const int planned = driver.epochLimit();
    const int every = std::max(1, planned / 20);
    RunCallbacks callbacks;
    callbacks.onEpoch = [&](const EpochRecord &r, const QMap<QString, double> &metrics) {
        if (json) {
            QJsonObject line{{"event", "epoch"}, {"epoch", r.epoch}, {"train_loss", jsonNumber(r.trainLoss)},
                             {"val_loss", jsonNumber(r.validationLoss)}};
            for (auto it = metrics.cbegin(); it != metrics.cend(); ++it)
                line.insert(QStringLiteral("val_") + it.key(), jsonNumber(it.value()));
            if (!r.fusionWeights.empty())
                line.insert(QStringLiteral("learned_weights"), learnedWeightsJson(info.modalityNames, r.fusionWeights));
            m_out << printLine(line) << "\n";
            return;
        }
        if (r.epoch % every == 0 || r.epoch == planned || driver.shouldStop()) {
            clearProgressBar();
            m_out << QStringLiteral("%1  %2  %3\n").arg(r.epoch, 8).arg(r.trainLoss, 14, 'g', 7).arg(r.validationLoss, 14, 'g', 7);
            m_out.flush();
        }
        if (m_terminal)
            drawProgressBar(double(r.epoch) / planned, QStringLiteral("%1/%2").arg(r.epoch).arg(planned));
    };
    const RunRecord &record = runToEnd(driver, callbacks);
    if (!json)
        clearProgressBar();
    const RunSummary &summary = record.summary;
    const double seconds = record.seconds;
    const TrainingConfig &training = config.training;

    QJsonArray weights;
    for (double w : info.weights)
        weights.append(w);
    QJsonObject s{{"event", "summary"},
                  {"status", summary.reason},
                  {"epochs", summary.epochs},
                  {"train_loss", jsonNumber(summary.trainLoss)},
                  {"val_loss", jsonNumber(summary.validationLoss)},
                  {"rmse", jsonNumber(summary.rmse)},
                  {"mae", jsonNumber(summary.mae)},
                  {"optimum_train_loss", jsonNumber(info.optimumTrainLoss)},
                  {"optimum_val_loss", jsonNumber(info.optimumValidationLoss)},
                  {"max_stable_lr", jsonNumber(info.maxStableLearningRate)},
                  {"lr", training.learningRate},
                  {"fusion", fusionOpName(config.pipeline.op)},
                  {"missing", missingPolicyName(config.pipeline.missing)},
                  {"formula", info.formula},
                  {"modalities", QJsonArray::fromStringList(info.modalityNames)},
                  {"weights", weights},
                  {"feature_width", info.featureWidth},
                  {"optimizer", optimizerName(training.optimizer)},
                  {"seconds", seconds},
                  {"prepare_seconds", prepareSeconds},
                  {"model", modelKindName(config.model.kind)},
                  {"dataset_hash", identity.hash},
                  {"notes", QJsonArray::fromStringList(info.notes)}};
    if (!config.model.isLinear()) {
        s.insert(QStringLiteral("split"), recSplitKindName(config.model.split.kind));
        s.insert(QStringLiteral("loss"), config.model.loss == LossKind::Bpr ? QStringLiteral("bpr") : QStringLiteral("squared"));
        s.insert(QStringLiteral("best_epoch"), summary.bestEpoch);
        s.insert(QStringLiteral("train_interactions"), info.trainRows);
        if (config.model.kind == ModelKind::LinearRanking)
            s.insert(QStringLiteral("biases"), config.model.linearBiases);
        for (auto it = summary.metrics.cbegin(); it != summary.metrics.cend(); ++it)
            s.insert(it.key(), jsonNumber(it.value()));
    }
    if (!summary.learnedWeights.empty())
        s.insert(QStringLiteral("learned_weights"), learnedWeightsJson(info.modalityNames, summary.learnedWeights));
    const RunTrainer &trainer = driver.trainer();
    if (trainer.divergence())
        s.insert(QStringLiteral("message"), *trainer.divergence());
    // Exports of a ranking run: every user's top K, and the split it was judged on.
    if (const auto *ranking = dynamic_cast<const RecommenderRunTrainer *>(&trainer)) {
        const SplitIndices &split = ranking->split();
        // One salt for every file of this run, so that they agree with each other.
        const QStringList pseudonyms = report.pseudonymize ? pseudonymize(data.userIds, newPseudonymSalt()) : QStringList();
        const QStringList *userIds = report.pseudonymize ? &pseudonyms : nullptr;
        if (report.pseudonymize)
            s.insert(QStringLiteral("pseudonymized"), true);
        if (!report.exportTopK.isEmpty()) {
            std::vector<int> users(size_t(data.userCount()));
            for (size_t u = 0; u < users.size(); ++u)
                users[u] = int(u);
            const int k = *std::max_element(config.model.ks.begin(), config.model.ks.end());
            const Result<void> written = writeTopK(report.exportTopK, data, ranking->model(), users, k,
                                                   excludedInteractions(split, EvaluationPart::Test), 0,
                                                   kDefaultTieSeed, userIds);
            if (!written) {
                m_err << "fusionlab-cli: " << written.error() << "\n";
                return 1;
            }
            // With items held out, the cold_ metrics rank other lists: those go beside the file.
            if (std::find(split.coldItem.begin(), split.coldItem.end(), true) != split.coldItem.end()) {
                const Result<void> cold = writeColdTopK(coldTopKPath(report.exportTopK), data, ranking->model(), split, k,
                                                        userIds);
                if (!cold) {
                    m_err << "fusionlab-cli: " << cold.error() << "\n";
                    return 1;
                }
            }
        }
        if (!report.exportSplit.isEmpty()) {
            const Result<void> written = writeSplit(report.exportSplit, data, split, userIds);
            if (!written) {
                m_err << "fusionlab-cli: " << written.error() << "\n";
                return 1;
            }
        }
    }
    if (!json && !summary.learnedWeights.empty()) {
        QStringList learned;
        for (size_t k = 0; k < summary.learnedWeights.size() && k < info.weights.size(); ++k) {
            const int index = k < info.sources.size() ? info.sources[k].index : int(k);
            learned << QStringLiteral("%1 = %2 (%3, chosen %4)")
                           .arg(fusionWeightSymbol(index)).arg(summary.learnedWeights[k], 0, 'g', 3)
                           .arg(info.modalityNames.value(qsizetype(k))).arg(info.weights[k], 0, 'g', 3);
        }
        m_out << QStringLiteral("Learned weights: %1\n").arg(learned.join(QStringLiteral(", ")));
    }
    if (json) {
        m_out << printLine(s) << "\n";
    } else if (config.model.isLinear()) {
        m_out << QStringLiteral("RMSE %1, MAE %2 on the validation set; %3 epochs in %4 s\n")
                     .arg(metricText(summary.rmse), metricText(summary.mae)).arg(summary.epochs).arg(seconds, 0, 'g', 3);
    } else {
        m_out << QStringLiteral("Test set, at epoch %1 of %2 (%3):\n").arg(summary.bestEpoch).arg(summary.epochs).arg(summary.reason);
        for (auto it = summary.metrics.cbegin(); it != summary.metrics.cend(); ++it)
            m_out << QStringLiteral("  %1 %2\n").arg(it.key(), -16).arg(metricText(it.value()));
        m_out << QStringLiteral("  %1 %2\n  %3 %4\n").arg(QStringLiteral("rmse"), -16).arg(metricText(summary.rmse))
                     .arg(QStringLiteral("mae"), -16).arg(metricText(summary.mae));
    }
    m_out.flush();
    if (recordOut)
        *recordOut = record;
    if (trainer.divergence()) {
        m_err << "fusionlab-cli: " << *trainer.divergence() << "\n";
        return 1;
    }
    return 0;
}

std::optional<int> CommandLineTool::parseCommand(QCommandLineParser &parser, const QStringList &args)
{
    const std::optional<QString> error = parseArguments(parser, args, 1);
    if (!error)
        return std::nullopt;
    if (error->isEmpty()) {
        m_out << commandLineUsage();
        return 0;
    }
    return usageError(*error);
}

std::shared_ptr<const Dataset> CommandLineTool::loadDatasetArgument(const QCommandLineParser &parser, bool quiet, int *exitCode)
{
    DatasetFormat format = DatasetFormat::Auto;
    if (parser.isSet(QStringLiteral("format"))) {
        const auto parsed = parseDatasetFormat(parser.value(QStringLiteral("format")));
        if (!parsed) {
            *exitCode = usageError(QStringLiteral("--format expects one of %1, got '%2'.")
                                       .arg(datasetFormatNames().join(QStringLiteral(", ")), parser.value(QStringLiteral("format"))));
            return nullptr;
        }
        format = *parsed;
    }
    QElapsedTimer clock;
    clock.start();
    bool drawn = false;
    const bool showProgress = m_terminal && !quiet;
    Result<Dataset> loaded = importDataset(parser.positionalArguments().at(1), format, [&](double fraction) {
        if (showProgress && clock.elapsed() > 500) {
            drawProgressBar(fraction, QStringLiteral("loading"));
            drawn = true;
        }
        return true;
    });
    if (drawn)
        clearProgressBar();
    if (!loaded) {
        m_err << "fusionlab-cli: " << loaded.error() << "\n";
        *exitCode = 1;
        return nullptr;
    }
    return std::make_shared<const Dataset>(std::move(*loaded));
}

void CommandLineTool::drawProgressBar(double fraction, const QString &suffix)
{
    constexpr int width = 30;
    const int filled = std::clamp(int(width * fraction), 0, width);
    m_err << "\r[" << QString(filled, QLatin1Char('#')) << QString(width - filled, QLatin1Char(' ')) << "] " << suffix;
    m_err.flush();
}

void CommandLineTool::clearProgressBar()
{
    if (!m_terminal)
        return;
    m_err << "\r\033[K";
    m_err.flush();
}

int CommandLineTool::stats(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption(QCommandLineOption(QStringLiteral("json")));
    parser.addOption(QCommandLineOption(QStringLiteral("format"), QString(), QStringLiteral("format")));
    if (const std::optional<int> exitCode = parseCommand(parser, args))
        return *exitCode;
    int failure = 0;
    const std::shared_ptr<const Dataset> dataset = loadDatasetArgument(parser, parser.isSet(QStringLiteral("json")), &failure);
    if (!dataset)
        return failure;
    FusionPipeline pipeline(dataset);
    const PipelineConfig defaults = defaultPipelineConfig(*dataset);
    QJsonArray modalities;
    for (const ModalityConfig &config : defaults.modalities) {
        const ModalitySource *source = dataset->modality(config.name);
        Result<std::shared_ptr<const ModalityMatrix>> e = pipeline.embedding(config);
        if (!e) {
            m_err << "fusionlab-cli: " << e.error() << "\n";
            return 1;
        }
        modalities.append(QJsonObject{{"name", source->name},
                                      {"kind", modalityKindName(source->kind)},
                                      {"width", (*e)->width()},
                                      {"missing", source->missingCount()},
                                      {"coverage", dataset->itemCount() ? 1.0 - double(source->missingCount()) / dataset->itemCount() : 0.0},
                                      {"origin", source->origin},
                                      {"embedding", (*e)->description}});
    }
    const QJsonObject o{{"name", dataset->name},
                        {"users", dataset->userCount()},
                        {"items", dataset->itemCount()},
                        {"interactions", dataset->interactionCount()},
                        {"rating_mean", dataset->ratingMean()},
                        {"rating_min", dataset->interactionCount() ? dataset->rating.minCoeff() : 0.0},
                        {"rating_max", dataset->interactionCount() ? dataset->rating.maxCoeff() : 0.0},
                        {"modalities", modalities}};
    if (parser.isSet(QStringLiteral("json"))) {
        m_out << printLine(o) << "\n";
        return 0;
    }
    m_out << dataset->name << "\n"
          << "  users         " << dataset->userCount() << "\n"
          << "  items         " << dataset->itemCount() << "\n"
          << "  interactions  " << dataset->interactionCount() << "\n"
          << "  rating mean   " << QString::number(dataset->ratingMean(), 'f', 3) << "\n"
          << "  modalities:\n";
    for (const QJsonValue &v : modalities) {
        const QJsonObject m = v.toObject();
        m_out << "    " << m[QStringLiteral("name")].toString() << " (" << m[QStringLiteral("kind")].toString()
              << "): width " << m[QStringLiteral("width")].toInt() << ", missing " << m[QStringLiteral("missing")].toInt()
              << " — " << m[QStringLiteral("embedding")].toString() << "\n";
    }
    return 0;
}

int CommandLineTool::exportDemo(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    if (const std::optional<int> exitCode = parseCommand(parser, args))
        return *exitCode;
    const QDir target(parser.positionalArguments().at(1));
    const QString root = QStringLiteral(":/demo");
    int files = 0;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString relative = source.mid(root.size() + 1);
        const QString destination = target.filePath(relative);
        if (!QDir().mkpath(QFileInfo(destination).absolutePath())) {
            m_err << "fusionlab-cli: cannot create the folder " << QFileInfo(destination).absolutePath() << "\n";
            return 1;
        }
        QFile::remove(destination);
        if (!QFile::copy(source, destination)) {
            m_err << "fusionlab-cli: cannot write " << destination << "\n";
            return 1;
        }
        QFile::setPermissions(destination, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        ++files;
    }
    if (files == 0) {
        m_err << "fusionlab-cli: this build carries no demo dataset\n";
        return 1;
    }
    m_out << "Wrote the demo dataset (" << files << " files) to " << target.absolutePath() << "\n";
    return 0;
}

int CommandLineTool::generateDemo(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption(QCommandLineOption(QStringLiteral("seed"), QString(), QStringLiteral("n")));
    parser.addOption(QCommandLineOption(QStringLiteral("items"), QString(), QStringLiteral("n")));
    parser.addOption(QCommandLineOption(QStringLiteral("users"), QString(), QStringLiteral("n")));
    if (const std::optional<int> exitCode = parseCommand(parser, args))
        return *exitCode;
    DemoSettings settings;
    auto integer = [&](const char *name, long long lo, auto *target) -> bool {
        const QString key = QString::fromLatin1(name);
        if (!parser.isSet(key))
            return true;
        bool ok = false;
        const long long v = parser.value(key).toLongLong(&ok);
        if (!ok || v < lo)
            return false;
        *target = static_cast<std::remove_pointer_t<decltype(target)>>(v);
        return true;
    };
    if (!integer("seed", 0, &settings.seed) || !integer("items", 6, &settings.items) || !integer("users", 1, &settings.users))
        return usageError(QStringLiteral("--seed, --items and --users expect whole numbers (items ≥ 6)."));
    Result<void> written = writeDemoDataset(parser.positionalArguments().at(1), settings);
    if (!written) {
        m_err << "fusionlab-cli: " << written.error() << "\n";
        return 1;
    }
    m_out << "Generated the demo dataset in " << QDir(parser.positionalArguments().at(1)).absolutePath() << "\n";
    return 0;
}

int runCommandLine(const QStringList &arguments, QTextStream &out, QTextStream &err, bool terminal)
{
    CommandLineTool tool(out, err, terminal);
    int code = 1;
    try {
        code = tool.run(arguments);
    } catch (const std::exception &error) {
        // Loads report their own failures with the file; this is the last word for anything else.
        out.flush();
        err << "fusionlab-cli: " << exceptionText(error) << "\n";
    }
    out.flush();
    err.flush();
    return code;
}

} // namespace fl
