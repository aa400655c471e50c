#include "EvalBenchmark.h"

#include "engine/core/Random.h"
#include "engine/data/Npy.h"
#include "engine/evaluation/RankingMetrics.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <functional>
#include <thread>

namespace {

constexpr int kTrainPerUser = 20;
constexpr int kTestPerUser = 5;
constexpr int kTestPool = 1000;
constexpr double kAgreement = 1e-3;   // metric difference allowed for float32 rounding at the K-th rank

using RowMajorMatrixXf = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// score(u, i) = ⟨P_u, Q_i⟩: one matrix–vector product per user, over Q stored row by row (one item's
// factors contiguous: one pass over Q per user, faster here than column-major axpy passes).
class FactorModel : public fl::Recommender
{
public:
    FactorModel(Eigen::MatrixXf users, RowMajorMatrixXf items) : m_users(std::move(users)), m_items(std::move(items)) {}
    QString name() const override { return QStringLiteral("random factors"); }
    int userCount() const override { return int(m_users.rows()); }
    int itemCount() const override { return int(m_items.rows()); }
    void scoreItems(int user, Eigen::Ref<Eigen::VectorXf> scores) const override
    {
        scores.noalias() = m_items * m_users.row(user).transpose();
    }
    double predict(int user, int item) const override { return m_users.row(user).dot(m_items.row(item)); }
    std::vector<fl::ScoreContribution> explain(int user, int item) const override
    {
        return {{QStringLiteral("collaborative"), predict(user, item)}};
    }
    std::unique_ptr<fl::Recommender> clone() const override { return std::make_unique<FactorModel>(*this); }
    const Eigen::MatrixXf &users() const { return m_users; }
    const RowMajorMatrixXf &items() const { return m_items; }

private:
    Eigen::MatrixXf m_users;
    RowMajorMatrixXf m_items;
};

Eigen::MatrixXf randomFactors(int rows, int factors, std::uint64_t seed)
{
    fl::Random random(seed);
    const float scale = float(1.0 / std::sqrt(double(factors)));
    Eigen::MatrixXf m(rows, factors);
    for (Eigen::Index i = 0; i < m.size(); ++i)
        m.data()[i] = float(random.normal()) * scale;
    return m;
}

// Per user: kTrainPerUser distinct random items for train, and for test the kTestPerUser best-scoring
// of kTestPool further random items (so that the metrics are far from zero and their agreement with
// NumPy means something). Needs items > kTrainPerUser + kTestPool.
fl::Dataset randomInteractions(const FactorModel &model, std::vector<int> *train, std::vector<int> *test)
{
    fl::Dataset data;
    data.name = QStringLiteral("eval-bench");
    for (int u = 0; u < model.userCount(); ++u)
        data.userIds << QString::number(u);
    for (int i = 0; i < model.itemCount(); ++i)
        data.itemIds << QString::number(i);
    fl::Random random(42);
    std::vector<char> taken(size_t(model.itemCount()), 0);
    std::vector<int> chosen;
    std::vector<std::pair<double, int>> pool;
    auto add = [&](int user, int item, std::vector<int> *part) {
        part->push_back(data.interactionCount());
        data.interactionUser.push_back(user);
        data.interactionItem.push_back(item);
    };
    for (int u = 0; u < model.userCount(); ++u) {
        chosen.clear();
        while (int(chosen.size()) < kTrainPerUser + kTestPool) {
            const int item = int(random.below(std::uint64_t(model.itemCount())));
            if (!taken[size_t(item)]) {
                taken[size_t(item)] = 1;
                chosen.push_back(item);
            }
        }
        pool.clear();
        for (auto it = chosen.begin() + kTrainPerUser; it != chosen.end(); ++it)
            pool.emplace_back(model.predict(u, *it), *it);
        std::partial_sort(pool.begin(), pool.begin() + kTestPerUser, pool.end(), std::greater<>());
        for (int k = 0; k < kTrainPerUser + kTestPerUser; ++k)
            add(u, k < kTrainPerUser ? chosen[size_t(k)] : pool[size_t(k - kTrainPerUser)].second, k < kTrainPerUser ? train : test);
        for (int item : chosen)
            taken[size_t(item)] = 0;
    }
    data.rating = Eigen::VectorXd::Ones(data.interactionCount());
    return data;
}

// (user, item) pairs of the given interactions as an n × 2 int32 .npy file.
fl::Result<void> writePairs(const QString &path, const fl::Dataset &data, const std::vector<int> &interactions)
{
    Eigen::MatrixXd pairs(Eigen::Index(interactions.size()), 2);
    for (size_t k = 0; k < interactions.size(); ++k) {
        pairs(Eigen::Index(k), 0) = data.interactionUser[size_t(interactions[k])];
        pairs(Eigen::Index(k), 1) = data.interactionItem[size_t(interactions[k])];
    }
    return fl::writeNpy(path, pairs, fl::NpyDtype::Int32);
}

QString writeInputs(const QString &dir, const fl::Dataset &data, const FactorModel &model, const std::vector<int> &train,
                    const std::vector<int> &test)
{
    const fl::Result<void> written[] = {
        fl::writeNpy(QDir(dir).filePath(QStringLiteral("user_factors.npy")), model.users().cast<double>(), fl::NpyDtype::Float32),
        fl::writeNpy(QDir(dir).filePath(QStringLiteral("item_factors.npy")), model.items().cast<double>(), fl::NpyDtype::Float32),
        writePairs(QDir(dir).filePath(QStringLiteral("train.npy")), data, train),
        writePairs(QDir(dir).filePath(QStringLiteral("test.npy")), data, test),
    };
    for (const fl::Result<void> &result : written) {
        if (!result)
            return result.error();
    }
    return {};
}

// The model's share of the evaluation: scoreItems for every user on the same threads, nothing else.
double scoringSeconds(const FactorModel &model, int threads)
{
    QElapsedTimer clock;
    clock.start();
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&model, t, threads] {
            Eigen::VectorXf scores(model.itemCount());
            for (int u = t; u < model.userCount(); u += threads)
                model.scoreItems(u, scores);
        });
    }
    for (std::thread &thread : pool)
        thread.join();
    return clock.nsecsElapsed() * 1e-9;
}

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()).section(QLatin1Char(' '), 0, 2) : QString();
}

} // namespace

QJsonObject runEvalBenchmark(int users, int items, int k, int factors, bool numpy, int threads)
{
    users = std::max(1, users);
    items = std::max(kTrainPerUser + kTestPool + 1, items);
    k = std::max(1, k);
    factors = std::max(1, factors);
    const int threadsUsed = threads > 0 ? threads : std::max(1, int(std::thread::hardware_concurrency()));
    QJsonObject result{{"mode", "eval"}, {"users", users}, {"items", items}, {"k", k}, {"factors", factors},
                       {"threads", threadsUsed}, {"train_per_user", kTrainPerUser}, {"test_per_user", kTestPerUser}};
    QElapsedTimer clock;
    clock.start();
    const FactorModel model(randomFactors(users, factors, 1), randomFactors(items, factors, 2));
    std::vector<int> train;
    std::vector<int> test;
    const fl::Dataset data = randomInteractions(model, &train, &test);
    result.insert(QStringLiteral("setup_s"), clock.nsecsElapsed() * 1e-9);

    fl::RankingConfig config;
    config.ks = {10, k};
    config.threads = threadsUsed;
    clock.restart();
    const fl::Result<fl::RankingReport> report = fl::evaluateRanking(data, model, test, train, config);
    const double seconds = clock.nsecsElapsed() * 1e-9;
    if (!report) {
        result.insert(QStringLiteral("error"), report.error());
        return result;
    }
    result.insert(QStringLiteral("s_total"), seconds);
    result.insert(QStringLiteral("s_scoring_only"), scoringSeconds(model, threadsUsed));
    result.insert(QStringLiteral("users_per_s"), users / std::max(seconds, 1e-12));
    result.insert(QStringLiteral("users_evaluated"), report->usersEvaluated);
    QJsonObject metrics;
    for (auto it = report->metrics.cbegin(); it != report->metrics.cend(); ++it)
        metrics.insert(it.key(), it.value());
    result.insert(QStringLiteral("metrics"), metrics);
    result.insert(QStringLiteral("load_average"), loadAverage());
    if (!numpy)
        return result;

    QTemporaryDir dir;
    if (const QString error = writeInputs(dir.path(), data, model, train, test); !error.isEmpty()) {
        result.insert(QStringLiteral("numpy_error"), error);
        return result;
    }
    QProcess process;
    process.start(QStringLiteral("/usr/bin/python3"),
                  {QStringLiteral(FUSIONLAB_BENCH_DIR "/eval_numpy.py"), QStringLiteral("--dir"), dir.path(),
                   QStringLiteral("--ks"), QStringLiteral("10,%1").arg(k)});
    const bool finished = process.waitForFinished(-1) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    const QJsonObject reference = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    if (!finished || reference.isEmpty()) {
        const QString message = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
        result.insert(QStringLiteral("numpy_error"), message.isEmpty() ? process.errorString() : message);
        return result;
    }
    const double numpySeconds = reference[QStringLiteral("s_total")].toDouble();
    const QJsonObject numpyMetrics = reference[QStringLiteral("metrics")].toObject();
    result.insert(QStringLiteral("numpy_version"), reference[QStringLiteral("numpy_version")]);
    result.insert(QStringLiteral("numpy_s_total"), numpySeconds);
    result.insert(QStringLiteral("speedup_vs_numpy"), numpySeconds / std::max(seconds, 1e-12));
    result.insert(QStringLiteral("numpy_users_evaluated"), reference[QStringLiteral("users_evaluated")]);
    bool agree = reference[QStringLiteral("users_evaluated")].toInt() == report->usersEvaluated;
    for (const QString &key : {QStringLiteral("recall@10"), QStringLiteral("ndcg@10")}) {
        const double ours = report->metrics.value(key);
        const double theirs = numpyMetrics[key].toDouble();
        result.insert(key, ours);
        result.insert(QStringLiteral("numpy_") + key, theirs);
        agree = agree && std::abs(ours - theirs) <= kAgreement;
    }
    result.insert(QStringLiteral("numpy_agrees"), agree);
    return result;
}
