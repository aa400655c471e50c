// fusionlab-bench: prints one JSON object per measurement, for the README's performance section.
//   fusionlab-bench train --rows N --dim D --epochs E [--optimizer gd|sgd] [--no-numpy] --json
//   fusionlab-bench reweight --rows N --dim D [--no-numpy] --json
//   fusionlab-bench sweep --rows N --dim D --grid G [--epochs E] [--lr ETA] [--no-numpy] --json
//   fusionlab-bench ui [--seconds S] [--changes N] [--sweep | --ablation | --landscape] --json
//   fusionlab-bench screenshots DIR [--size WxH] [--workbench | --teaching] [--suffix S]
//                                            (the README's screenshots; run under xvfb-run)
//   fusionlab-bench load PATH [--delimiter C] [--no-pandas] --json
//       PATH: a ratings file whose header names user (userId, user_id, user), item (movieId, item_id,
//       item, book_id) and rating columns, optionally a timestamp; or a MovieLens or RecBole folder
//   fusionlab-bench gen-ratings N PATH [--seed S]   (a synthetic MovieLens-shaped ratings.csv)

#include "engine/core/Random.h"
#include "engine/data/CsvReader.h"
#include "engine/data/Interactions.h"
#include "engine/data/MovieLensImporter.h"
#include "engine/data/RecBoleImporter.h"
#include "engine/data/Split.h"
#include "engine/fusion/Fusion.h"
#include "engine/models/LinearRegression.h"
#include "EvalBenchmark.h"
#include "MfBenchmark.h"
#include "SweepBenchmark.h"
#include "UiBenchmark.h"

#include <QApplication>

#include <QCoreApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
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

// Runs tests/bench/SCRIPT with the system Python and returns the JSON object it prints.
std::optional<QJsonObject> runPython(const char *script, const QStringList &arguments, QString *error)
{
    for (const QString &python : {QStringLiteral("/usr/bin/python3"), QStringLiteral("python3")}) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("OPENBLAS_CORETYPE"));
        env.remove(QStringLiteral("OPENBLAS_L2_SIZE"));
        process.setProcessEnvironment(env);
        process.start(python, QStringList{QStringLiteral(FUSIONLAB_BENCH_DIR "/") + QLatin1String(script)} + arguments);
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

std::optional<QJsonObject> runNumpy(const QStringList &arguments, QString *error)
{
    return runPython("numpy_seed.py", arguments, error);
}

constexpr double kMiB = 1024.0 * 1024.0;

// gen-ratings: N rows shaped like MovieLens 25M's ratings.csv (162,541 users sorted by id, each user's
// movies sorted by id, 59,047 movie ids spread over 1..209,171 with a popularity skew, ratings 0.5-5.0 in
// halves written "4.0", 10-digit timestamps). Deterministic for a seed.
int generateRatings(qint64 rows, const QString &path, std::uint64_t seed)
{
    constexpr qint64 kUsers = 162541;
    constexpr qint64 kMovies = 59047;
    constexpr qint64 kMaxMovieId = 209171;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        QTextStream(stderr) << path << ": cannot write: " << file.errorString() << "\n";
        return 1;
    }
    fl::Random random(seed);
    const qint64 users = std::min(kUsers, rows);
    // Ratings per user: log-normal weights, rounded cumulatively so that the total is exactly `rows`
    // and every user has at least one.
    std::vector<double> weight(static_cast<size_t>(users));
    double total = 0;
    for (double &w : weight) {
        w = std::exp(random.normal(0.0, 1.0));
        total += w;
    }
    QByteArray buffer;
    buffer.reserve(1 << 22);
    buffer.append("userId,movieId,rating,timestamp\n");
    auto appendInt = [&buffer](qint64 value) {
        char digits[24];
        int n = 0;
        do {
            digits[n++] = char('0' + value % 10);
            value /= 10;
        } while (value > 0);
        while (n > 0)
            buffer.append(digits[--n]);
    };
    auto flush = [&]() {
        if (file.write(buffer) != buffer.size())
            return false;
        buffer.clear();
        return true;
    };
    std::vector<qint64> movies;
    double cumulative = 0;
    qint64 extraSoFar = 0;
    for (qint64 u = 0; u < users; ++u) {
        cumulative += weight[size_t(u)];
        const qint64 extraUpTo = u + 1 == users ? rows - users
                                                : std::llround(cumulative / total * double(rows - users));
        const qint64 count = 1 + extraUpTo - extraSoFar;
        extraSoFar = extraUpTo;
        movies.clear();
        for (qint64 k = 0; k < count; ++k) {
            const qint64 index = std::min(kMovies - 1, qint64(double(kMovies) * std::pow(random.uniform(), 2.5)));
            movies.push_back(1 + index * kMaxMovieId / kMovies);
        }
        std::sort(movies.begin(), movies.end());
        const qint64 firstTime = 1000000000 + qint64(random.below(570000000));
        for (qint64 movie : movies) {
            const double rating = std::clamp(std::round(random.normal(3.6, 1.0) * 2.0) / 2.0, 0.5, 5.0);
            const int halves = int(rating * 2.0);
            appendInt(u + 1);
            buffer.append(',');
            appendInt(movie);
            buffer.append(',');
            appendInt(halves / 2);
            buffer.append(halves % 2 ? ".5," : ".0,");
            appendInt(firstTime + qint64(random.below(5000000)));
            buffer.append('\n');
        }
        if (buffer.size() > (1 << 22) - (1 << 16) && !flush())
            break;
    }
    if (!flush()) {
        QTextStream(stderr) << path << ": cannot write: " << file.errorString() << "\n";
        return 1;
    }
    return 0;
}

// The delimiter of a ratings file: tab for .tsv/.tab/.inter, else the most frequent of , tab ; | in the
// first line.
char sniffDelimiter(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("inter"))
        return '\t';
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fl::defaultCsvDelimiter(path);
    const QByteArray line = file.readLine(1 << 16);
    char best = fl::defaultCsvDelimiter(path);
    qsizetype bestCount = line.count(best);
    for (char c : {',', '\t', ';', '|'}) {
        if (line.count(c) > bestCount) {
            best = c;
            bestCount = line.count(c);
        }
    }
    return best;
}

// The column of the header whose name (lower-case, without a RecBole ":type" suffix) is one of names.
int findColumn(const QStringList &header, std::initializer_list<const char *> names)
{
    for (int i = 0; i < header.size(); ++i) {
        const QString name = header[i].section(QLatin1Char(':'), 0, 0).toLower();
        for (const char *wanted : names) {
            if (name == QLatin1String(wanted))
                return i;
        }
    }
    return -1;
}

// A ratings file with a header naming its user, item and rating (and timestamp) columns, read by the
// engine's interaction reader; items are the ids the file names.
fl::Result<fl::Dataset> loadRatingsFile(const QString &path, char delimiter)
{
    fl::CsvOptions options;
    options.delimiter = delimiter;
    options.label = QFileInfo(path).fileName();
    fl::CsvReader reader(options);
    if (fl::Result<void> opened = reader.open(path); !opened)
        return fl::makeError(opened.error());
    const QStringList &header = reader.header();
    const int user = findColumn(header, {"userid", "user_id", "user"});
    const int item = findColumn(header, {"movieid", "itemid", "item_id", "movie_id", "item", "book_id", "bookid"});
    const int rating = findColumn(header, {"rating"});
    const int timestamp = findColumn(header, {"timestamp", "time", "ts"});
    if (user < 0 || item < 0 || rating < 0) {
        return fl::makeError(QStringLiteral("%1:1: expected a header naming a user column (userId, user_id, user), an "
                                            "item column (movieId, item_id, item, book_id) and a rating column "
                                            "(rating), optionally a timestamp; found: %2")
                                 .arg(path, header.join(QStringLiteral(", "))));
    }
    fl::IdIndex users;
    fl::IdIndex items;
    fl::InteractionOptions interactionOptions;
    interactionOptions.unknownItems = fl::UnknownItems::Add;
    fl::Dataset dataset;
    if (fl::Result<void> read = fl::readInteractions(reader, fl::interactionColumns(reader, user, item, rating, timestamp),
                                                     users, items, interactionOptions, dataset);
        !read)
        return fl::makeError(read.error());
    return dataset;
}

// load: a ratings file (or a MovieLens or RecBole folder, through its importer), then the ratings file
// through pandas.read_csv.
int runLoad(const QString &path, char delimiter, bool withPandas)
{
    QTextStream err(stderr);
    const bool isFolder = QFileInfo(path).isDir();
    const QDir folder(path);
    const QString ratingsFile = !isFolder ? path
        : folder.exists(QStringLiteral("ratings.csv")) ? folder.filePath(QStringLiteral("ratings.csv"))
                                                      : QString();
    if (delimiter == 0 && !ratingsFile.isEmpty())
        delimiter = sniffDelimiter(ratingsFile);
    // Read the files once so that both readers start from the page cache.
    const QStringList files = isFolder ? QStringList(folder.entryList(QDir::Files)) : QStringList{QString()};
    qint64 bytes = 0;
    for (const QString &name : files) {
        QFile warm(isFolder ? folder.filePath(name) : path);
        bytes += warm.size();
        if (warm.open(QIODevice::ReadOnly)) {
            QByteArray chunk(1 << 22, Qt::Uninitialized);
            while (warm.read(chunk.data(), chunk.size()) > 0) {
            }
        }
    }
    const double baseline = peakRssMb();
    QElapsedTimer clock;
    clock.start();
    fl::Result<fl::Dataset> loaded = !isFolder ? loadRatingsFile(path, delimiter)
        : fl::looksLikeMovieLens(path)       ? fl::importMovieLens(path)
        : fl::looksLikeRecBole(path)         ? fl::importRecBole(path)
                                             : fl::Result<fl::Dataset>(fl::makeError(
                                                   path + QStringLiteral(": not a MovieLens or RecBole folder")));
    if (!loaded) {
        err << loaded.error() << "\n";
        return 1;
    }
    const double seconds = clock.nsecsElapsed() * 1e-9;
    const double peak = peakRssMb();
    const fl::Dataset &dataset = *loaded;
    auto idBytes = [](const QStringList &ids) {
        double total = double(ids.size()) * double(sizeof(QString));
        for (const QString &id : ids)
            total += 2.0 * double(id.size()) + 32.0;   // UTF-16 payload and its heap header, roughly
        return total;
    };
    const double dataBytes = double(dataset.interactionUser.size() * sizeof(int))
        + double(dataset.interactionItem.size() * sizeof(int)) + double(dataset.rating.size()) * sizeof(double)
        + double(dataset.timestamp.size() * sizeof(qint64)) + idBytes(dataset.userIds) + idBytes(dataset.itemIds);
    const double mb = double(bytes) / kMiB;
    QJsonObject result{{"mode", "load"},
                       {"path", path},
                       {"rows", dataset.interactionCount()},
                       {"users", dataset.userCount()},
                       {"items", dataset.itemCount()},
                       {"modalities", int(dataset.modalities.size())},
                       {"mb", mb},
                       {"s", seconds},
                       {"mb_per_s", mb / std::max(seconds, 1e-12)},
                       {"peak_rss_mb", peak},
                       {"baseline_rss_mb", baseline},
                       {"data_mb", dataBytes / kMiB},
                       {"rss_over_data", peak / std::max(dataBytes / kMiB, 1e-12)}};
    if (withPandas && !ratingsFile.isEmpty()) {
        QString error;
        const auto pandas = runPython("pandas_load.py", {ratingsFile, QStringLiteral("--sep"), QString(QLatin1Char(delimiter))},
                                      &error);
        if (pandas) {
            result.insert(QStringLiteral("pandas"), *pandas);
            result.insert(QStringLiteral("speedup_vs_pandas"),
                          (*pandas)[QStringLiteral("s")].toDouble() / std::max(seconds, 1e-12));
        } else {
            result.insert(QStringLiteral("pandas_error"),
                          error.isEmpty() ? QStringLiteral("python3 with pandas not found") : error);
        }
    }
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << "\n";
    return 0;
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
        QCommandLineParser parser;
        parser.addPositionalArgument(QStringLiteral("mode"), QStringLiteral("screenshots"));
        parser.addPositionalArgument(QStringLiteral("dir"), QStringLiteral("where the PNG files go"));
        parser.addOption({QStringLiteral("size"), QStringLiteral("the window's size"), QStringLiteral("WxH"), QStringLiteral("1400x860")});
        parser.addOption({QStringLiteral("workbench"), QStringLiteral("only the Runs, Landscape and Ablation pages")});
        parser.addOption({QStringLiteral("teaching"),
                          QStringLiteral("only the teaching ones: Chinese, presenter mode and three lessons (1024×768)")});
        parser.addOption({QStringLiteral("suffix"), QStringLiteral("added to the workbench and teaching screenshots' file names"),
                          QStringLiteral("text")});
        parser.process(app);
        const QStringList size = parser.value(QStringLiteral("size")).split(QLatin1Char('x'));
        if (size.size() != 2 || size[0].toInt() < 320 || size[1].toInt() < 240) {
            std::fprintf(stderr, "--size wants WIDTHxHEIGHT, e.g. 1024x768\n");
            return 1;
        }
        const ScreenshotSet set = parser.isSet(QStringLiteral("workbench")) ? ScreenshotSet::Workbench
                                  : parser.isSet(QStringLiteral("teaching")) ? ScreenshotSet::Teaching
                                                                              : ScreenshotSet::All;
        return writeScreenshots(parser.positionalArguments().value(1), QSize(size[0].toInt(), size[1].toInt()), set,
                                parser.value(QStringLiteral("suffix")))
            ? 0
            : 1;
    }
    if (argc > 1 && qstrcmp(argv[1], "ui") == 0) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        QCommandLineParser parser;
        parser.addPositionalArgument(QStringLiteral("mode"), QStringLiteral("ui"));
        parser.addOption({QStringLiteral("seconds"), QStringLiteral("training time"), QStringLiteral("s"), QStringLiteral("6")});
        parser.addOption({QStringLiteral("changes"), QStringLiteral("α changes during the run"), QStringLiteral("n"), QStringLiteral("5")});
        parser.addOption({QStringLiteral("sweep"), QStringLiteral("a trained 5×5 landscape of the hybrid runs meanwhile")});
        parser.addOption({QStringLiteral("ablation"), QStringLiteral("an ablation of the hybrid over 3 seeds runs meanwhile")});
        parser.addOption({QStringLiteral("landscape"),
                          QStringLiteral("the Landscape page computes the regression's closed form; the changes are of η")});
        parser.addOption({QStringLiteral("json"), QStringLiteral("JSON output (always on)")});
        parser.process(app);
        UiLoad load = UiLoad::None;
        if (parser.isSet(QStringLiteral("sweep")))
            load = UiLoad::Sweep;
        else if (parser.isSet(QStringLiteral("ablation")))
            load = UiLoad::Ablation;
        else if (parser.isSet(QStringLiteral("landscape")))
            load = UiLoad::Landscape;
        const QJsonObject result = runUiBenchmark(std::max(1.0, parser.value(QStringLiteral("seconds")).toDouble()),
                                                  std::max(0, parser.value(QStringLiteral("changes")).toInt()), load);
        QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << "\n";
        return result.contains(QStringLiteral("error")) ? 1 : 0;
    }
    if (argc > 1 && (qstrcmp(argv[1], "eval") == 0 || qstrcmp(argv[1], "mf") == 0)) {
        QCoreApplication app(argc, argv);
        const bool eval = qstrcmp(argv[1], "eval") == 0;
        QCommandLineParser parser;
        parser.addPositionalArgument(QStringLiteral("mode"), QStringLiteral("eval | mf"));
        parser.addOption({QStringLiteral("users"), QStringLiteral("users"), QStringLiteral("n"), eval ? QStringLiteral("10000") : QStringLiteral("1000000")});
        parser.addOption({QStringLiteral("items"), QStringLiteral("items"), QStringLiteral("n"), eval ? QStringLiteral("20000") : QStringLiteral("200000")});
        parser.addOption({QStringLiteral("interactions"), QStringLiteral("mf: training interactions"), QStringLiteral("n"), QStringLiteral("10000000")});
        parser.addOption({QStringLiteral("k"), QStringLiteral("eval: cut-off"), QStringLiteral("k"), QStringLiteral("20")});
        parser.addOption({QStringLiteral("factors"), QStringLiteral("latent factors"), QStringLiteral("f"), eval ? QStringLiteral("64") : QStringLiteral("32")});
        parser.addOption({QStringLiteral("epochs"), QStringLiteral("mf: epochs timed"), QStringLiteral("n"), QStringLiteral("3")});
        parser.addOption({QStringLiteral("threads"), QStringLiteral("eval: threads (0: every core)"), QStringLiteral("n"), QStringLiteral("0")});
        parser.addOption({QStringLiteral("batch-size"), QStringLiteral("mf: mini-batch size of the sgd and adam runs"), QStringLiteral("n"), QStringLiteral("1024")});
        parser.addOption({QStringLiteral("sgd-threads"), QStringLiteral("mf: thread counts of the per-example SGD runs"), QStringLiteral("list"), QStringLiteral("1,2")});
        parser.addOption({QStringLiteral("no-minibatch"), QStringLiteral("mf: time per-example SGD only")});
        parser.addOption({QStringLiteral("write-ratings"), QStringLiteral("mf: write the ratings as LIBMF text to PATH and stop"), QStringLiteral("path")});
        parser.addOption({QStringLiteral("no-numpy"), QStringLiteral("eval: skip the NumPy reference run")});
        parser.addOption({QStringLiteral("json"), QStringLiteral("JSON output (always on)")});
        parser.process(app);
        auto value = [&](const char *name) { return parser.value(QString::fromLatin1(name)).toLongLong(); };
        if (!eval && parser.isSet(QStringLiteral("write-ratings"))) {
            const QString path = parser.value(QStringLiteral("write-ratings"));
            if (!writeMfRatings(int(value("users")), int(value("items")), value("interactions"), path)) {
                QTextStream(stderr) << "cannot write " << path << "\n";
                return 1;
            }
            return 0;
        }
        std::vector<int> sgdThreads;
        for (const QString &part : parser.value(QStringLiteral("sgd-threads")).split(QLatin1Char(','), Qt::SkipEmptyParts))
            sgdThreads.push_back(std::max(1, part.toInt()));
        const QJsonObject result = eval
            ? runEvalBenchmark(int(value("users")), int(value("items")), int(value("k")), int(value("factors")),
                               !parser.isSet(QStringLiteral("no-numpy")), int(value("threads")))
            : runMfBenchmark(int(value("users")), int(value("items")), value("interactions"), int(value("factors")),
                             std::max(1, int(value("epochs"))), std::max(1, int(value("batch-size"))), sgdThreads,
                             !parser.isSet(QStringLiteral("no-minibatch")));
        QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << "\n";
        return result.contains(QStringLiteral("error")) ? 1 : 0;
    }
    if (argc > 1 && (qstrcmp(argv[1], "load") == 0 || qstrcmp(argv[1], "gen-ratings") == 0)) {
        QCoreApplication app(argc, argv);
        QCommandLineParser parser;
        parser.addPositionalArgument(QStringLiteral("mode"), QStringLiteral("load PATH | gen-ratings N PATH"));
        parser.addOption({QStringLiteral("delimiter"), QStringLiteral("load: the delimiter (default: sniffed)"),
                          QStringLiteral("c")});
        parser.addOption({QStringLiteral("no-pandas"), QStringLiteral("load: skip the pandas reference run")});
        parser.addOption({QStringLiteral("seed"), QStringLiteral("gen-ratings: random seed"), QStringLiteral("s"),
                          QStringLiteral("25")});
        parser.addOption({QStringLiteral("json"), QStringLiteral("JSON output (always on)")});
        parser.process(app);
        const QStringList positional = parser.positionalArguments();
        if (positional.value(0) == QLatin1String("gen-ratings")) {
            bool ok = false;
            const qint64 rows = positional.value(1).toLongLong(&ok);
            if (!ok || rows < 1 || positional.size() != 3) {
                QTextStream(stderr) << "usage: fusionlab-bench gen-ratings N PATH [--seed S]\n";
                return 2;
            }
            return generateRatings(rows, positional[2], parser.value(QStringLiteral("seed")).toULongLong());
        }
        QString delimiter = parser.value(QStringLiteral("delimiter"));
        if (delimiter == QLatin1String("tab") || delimiter == QLatin1String("\\t"))
            delimiter = QStringLiteral("\t");
        if (positional.size() != 2 || delimiter.size() > 1) {
            QTextStream(stderr) << "usage: fusionlab-bench load PATH [--delimiter C] [--no-pandas] --json\n";
            return 2;
        }
        return runLoad(positional[1], delimiter.isEmpty() ? '\0' : delimiter[0].toLatin1(),
                       !parser.isSet(QStringLiteral("no-pandas")));
    }
    if (argc > 1 && qstrcmp(argv[1], "sweep") == 0) {
        QCoreApplication app(argc, argv);
        QCommandLineParser parser;
        parser.addPositionalArgument(QStringLiteral("mode"), QStringLiteral("sweep"));
        parser.addOption({QStringLiteral("rows"), QStringLiteral("rows (items, each rated once)"), QStringLiteral("n"), QStringLiteral("1000000")});
        parser.addOption({QStringLiteral("dim"), QStringLiteral("width of each modality"), QStringLiteral("d"), QStringLiteral("64")});
        parser.addOption({QStringLiteral("grid"), QStringLiteral("steps per axis"), QStringLiteral("n"), QStringLiteral("11")});
        parser.addOption({QStringLiteral("epochs"), QStringLiteral("gradient-descent epochs per cell"), QStringLiteral("n"), QStringLiteral("200")});
        parser.addOption({QStringLiteral("lr"), QStringLiteral("learning rate"), QStringLiteral("eta"), QStringLiteral("0.1")});
        parser.addOption({QStringLiteral("no-numpy"), QStringLiteral("skip the NumPy reference run")});
        parser.addOption({QStringLiteral("json"), QStringLiteral("JSON output (always on)")});
        parser.process(app);
        const int rows = parser.value(QStringLiteral("rows")).toInt();
        const int dim = parser.value(QStringLiteral("dim")).toInt();
        const int grid = parser.value(QStringLiteral("grid")).toInt();
        const int epochs = parser.value(QStringLiteral("epochs")).toInt();
        if (rows < 10 || dim < 1 || grid < 1 || grid > 1001 || epochs < 1) {
            QTextStream(stderr) << "usage: fusionlab-bench sweep --rows N --dim D --grid G [--epochs E] [--lr ETA] [--no-numpy] --json\n";
            return 2;
        }
        QJsonObject result = runSweepBenchmark(rows, dim, grid, epochs, parser.value(QStringLiteral("lr")).toDouble());
        if (!result.contains(QStringLiteral("error")) && !parser.isSet(QStringLiteral("no-numpy"))) {
            // One cell the article's way: form F = αE₁ + βE₂, then the epochs of its loop over every row.
            QString error;
            const auto numpy = runNumpy({QStringLiteral("--rows"), QString::number(rows), QStringLiteral("--dim"),
                                         QString::number(dim), QStringLiteral("--epochs"), QStringLiteral("1"),
                                         QStringLiteral("--lr"), parser.value(QStringLiteral("lr")),
                                         QStringLiteral("--reweights"), QStringLiteral("1"),
                                         QStringLiteral("--curve-epochs"), QString::number(epochs)}, &error);
            if (numpy) {
                const double oneCell = (*numpy)[QStringLiteral("ms_to_curve")].toDouble() / 1000.0;
                const double cells = result[QStringLiteral("cells")].toDouble();
                result.insert(QStringLiteral("numpy_version"), (*numpy)[QStringLiteral("numpy_version")]);
                result.insert(QStringLiteral("numpy_one_cell_s"), oneCell);
                result.insert(QStringLiteral("numpy_grid_estimate_s"), oneCell * cells);
                result.insert(QStringLiteral("speedup_vs_numpy_grid"),
                              oneCell * cells / std::max(result[QStringLiteral("s_total")].toDouble(), 1e-12));
            } else {
                result.insert(QStringLiteral("numpy_error"), error.isEmpty() ? QStringLiteral("python3 with numpy not found") : error);
            }
        }
        result.insert(QStringLiteral("peak_rss_mb"), peakRssMb());
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
