#include "MfBenchmark.h"

#include "engine/core/Random.h"
#include "engine/models/FactorModel.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <numeric>
#include <vector>

namespace {

// CPU time of this thread: on a machine shared with other jobs it shows the cost without the waiting.
double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + 1e-9 * double(ts.tv_nsec);
}

// CPU time of every thread of the process, for the runs that use several.
double processCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + 1e-9 * double(ts.tv_nsec);
}

// One thread copying 1 GiB back and forth (far beyond the last-level cache): best of five, counting
// the bytes read plus the bytes written.
double memcpyBandwidthGbPerS()
{
    const size_t bytes = size_t(1) << 30;
    std::vector<char> a(bytes, 1), b(bytes, 2);
    double best = 0;
    for (int r = 0; r < 5; ++r) {
        QElapsedTimer timer;
        timer.start();
        std::memcpy(r % 2 ? a.data() : b.data(), r % 2 ? b.data() : a.data(), bytes);
        const double seconds = double(timer.nsecsElapsed()) * 1e-9;
        best = std::max(best, 2.0 * double(bytes) / seconds / 1e9);
    }
    volatile char sink = a[bytes / 2] + b[bytes / 3];   // keep the copies
    (void)sink;
    return best;
}

// The floor for reaching rows at random: per interaction one random user row and one random item row of
// `width` floats are read (every cache line prefetched 16 interactions ahead, as the epoch does), and
// the item row written back. Counts the useful bytes read and written, like the epoch figures.
double randomRowsGbPerS(int users, int items, long long interactions, int width)
{
    std::vector<float> userRows(size_t(users) * size_t(width), 0.5f), itemRows(size_t(items) * size_t(width), 0.25f);
    std::vector<int> u(static_cast<size_t>(interactions)), i(static_cast<size_t>(interactions));
    fl::Random random(777);
    for (long long r = 0; r < interactions; ++r) {
        u[size_t(r)] = int(random.below(std::uint64_t(users)));
        i[size_t(r)] = int(random.below(std::uint64_t(items)));
    }
    auto prefetch = [width](const float *row) {
        const char *first = reinterpret_cast<const char *>(row);
        const char *last = reinterpret_cast<const char *>(row + width - 1);
        for (const char *p = first; p <= last; p += 64)
            __builtin_prefetch(p);
        __builtin_prefetch(last);
    };
    QElapsedTimer timer;
    timer.start();
    double sum = 0;
    for (long long r = 0; r < interactions; ++r) {
        if (r + 16 < interactions) {
            prefetch(userRows.data() + size_t(u[size_t(r + 16)]) * size_t(width));
            prefetch(itemRows.data() + size_t(i[size_t(r + 16)]) * size_t(width));
        }
        const float *p = userRows.data() + size_t(u[size_t(r)]) * size_t(width);
        float *q = itemRows.data() + size_t(i[size_t(r)]) * size_t(width);
        float dot = 0;
        for (int c = 0; c < width; ++c)
            dot += p[c] * q[c];
        for (int c = 0; c < width; ++c)
            q[c] -= 1e-9f * dot * p[c];
        sum += dot;
    }
    const double seconds = double(timer.nsecsElapsed()) * 1e-9;
    volatile double sink = sum;
    (void)sink;
    return double(interactions) * (8.0 + 3.0 * 4.0 * width) / seconds / 1e9;
}

fl::Dataset syntheticRatings(int users, int items, long long interactions)
{
    fl::Dataset d;
    d.name = QStringLiteral("synthetic");
    d.userIds.reserve(users);
    for (int u = 0; u < users; ++u)
        d.userIds << QString::number(u);
    d.itemIds.reserve(items);
    for (int i = 0; i < items; ++i)
        d.itemIds << QString::number(i);
    fl::Random random(12345);
    d.interactionUser.resize(size_t(interactions));
    d.interactionItem.resize(size_t(interactions));
    d.rating.resize(Eigen::Index(interactions));
    for (long long r = 0; r < interactions; ++r) {
        d.interactionUser[size_t(r)] = int(random.below(std::uint64_t(users)));
        d.interactionItem[size_t(r)] = int(random.below(std::uint64_t(items)));
        d.rating(Eigen::Index(r)) = double(1 + random.below(5));
    }
    return d;
}

} // namespace

bool writeMfRatings(int users, int items, long long interactions, const QString &path)
{
    const fl::Dataset data = syntheticRatings(users, items, interactions);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QByteArray chunk;
    for (long long r = 0; r < interactions; ++r) {
        chunk += QByteArray::number(data.interactionUser[size_t(r)]) + ' ' + QByteArray::number(data.interactionItem[size_t(r)])
                 + ' ' + QByteArray::number(int(data.rating(Eigen::Index(r)))) + '\n';
        if (chunk.size() > (1 << 20) || r + 1 == interactions) {
            if (file.write(chunk) != chunk.size())
                return false;
            chunk.clear();
        }
    }
    return true;
}

QJsonObject runMfBenchmark(int users, int items, long long interactions, int factors, int epochs, int batchSize,
                           const std::vector<int> &sgdThreads, bool miniBatches)
{
    const double memcpyGbPerS = memcpyBandwidthGbPerS();
    const double randomRows = miniBatches ? randomRowsGbPerS(users, items, interactions, factors + 1) : 0.0;
    const fl::Dataset data = syntheticRatings(users, items, interactions);
    std::vector<int> train(static_cast<size_t>(interactions));
    std::iota(train.begin(), train.end(), 0);

    QJsonObject result;
    result[QStringLiteral("users")] = users;
    result[QStringLiteral("items")] = items;
    result[QStringLiteral("interactions")] = double(interactions);
    result[QStringLiteral("factors")] = factors;
    result[QStringLiteral("batch_size")] = batchSize;
    result[QStringLiteral("epochs_timed")] = epochs;
    result[QStringLiteral("memcpy_gb_per_s")] = memcpyGbPerS;
    if (miniBatches)
        result[QStringLiteral("random_rows_gb_per_s")] = randomRows;
    QJsonArray runs;
    const std::vector<fl::OptimizerKind> optimizers = miniBatches
        ? std::vector<fl::OptimizerKind>{fl::OptimizerKind::MiniBatchSgd, fl::OptimizerKind::Adam}
        : std::vector<fl::OptimizerKind>{};
    for (const fl::OptimizerKind optimizer : optimizers) {
        fl::RecommenderTraining t;
        t.loss = fl::LossKind::Squared;
        t.optimizer = optimizer;
        t.learningRate = optimizer == fl::OptimizerKind::Adam ? 0.001 : 0.01;
        t.factors = factors;
        t.batchSize = batchSize;
        fl::FactorModel model(data, train, fl::FactorVariant::Collaborative, nullptr, t);
        double loss = model.trainEpoch(t.learningRate);   // warm-up: first touch of every page
        std::vector<double> seconds, cpu;
        for (int e = 0; e < epochs; ++e) {
            QElapsedTimer timer;
            timer.start();
            const double cpuStart = threadCpuSeconds();
            loss = model.trainEpoch(t.learningRate);
            cpu.push_back(threadCpuSeconds() - cpuStart);
            seconds.push_back(double(timer.nsecsElapsed()) * 1e-9);
        }
        std::sort(seconds.begin(), seconds.end());
        std::sort(cpu.begin(), cpu.end());
        const double median = seconds[seconds.size() / 2];
        const double rowBytes = 4.0 * (factors + 1);
        const double bytesPerInteraction = 12.0 + 2.0 * 2.0 * rowBytes * (optimizer == fl::OptimizerKind::Adam ? 3.0 : 1.0);
        const double perSecond = double(interactions) / median;
        QJsonObject run;
        run[QStringLiteral("optimizer")] = fl::optimizerName(optimizer);
        run[QStringLiteral("s_per_epoch")] = median;
        run[QStringLiteral("s_per_epoch_best")] = seconds.front();
        run[QStringLiteral("cpu_s_per_epoch")] = cpu[cpu.size() / 2];
        run[QStringLiteral("interactions_per_s")] = perSecond;
        const double gbPerS = perSecond * bytesPerInteraction / 1e9;
        run[QStringLiteral("implied_bytes_per_interaction")] = bytesPerInteraction;
        run[QStringLiteral("bytes_per_epoch")] = bytesPerInteraction * double(interactions);
        run[QStringLiteral("implied_gb_per_s")] = gbPerS;
        run[QStringLiteral("fraction_of_memcpy")] = gbPerS / memcpyGbPerS;
        run[QStringLiteral("fraction_of_random_rows")] = gbPerS / randomRows;
        run[QStringLiteral("train_loss")] = loss;
        runs.append(run);
    }
    result[QStringLiteral("runs")] = runs;

    QJsonArray exampleRuns;
    for (const int threads : sgdThreads) {
        fl::RecommenderTraining t;
        t.loss = fl::LossKind::Squared;
        t.optimizer = fl::OptimizerKind::MiniBatchSgd;
        t.batchSize = 1;
        t.learningRate = 0.01;
        t.l2 = 0.05;
        t.factors = factors;
        QElapsedTimer setupTimer;
        setupTimer.start();
        fl::FactorModel model(data, train, fl::FactorVariant::Collaborative, nullptr, t);
        const double setupSeconds = double(setupTimer.nsecsElapsed()) * 1e-9;
        model.setThreads(threads);
        double loss = model.trainEpoch(t.learningRate);   // warm-up: first touch of every page
        std::vector<double> seconds, cpu;
        for (int e = 0; e < epochs; ++e) {
            QElapsedTimer timer;
            timer.start();
            const double cpuStart = processCpuSeconds();
            loss = model.trainEpoch(t.learningRate);
            cpu.push_back(processCpuSeconds() - cpuStart);
            seconds.push_back(double(timer.nsecsElapsed()) * 1e-9);
        }
        std::sort(seconds.begin(), seconds.end());
        std::sort(cpu.begin(), cpu.end());
        QJsonObject run;
        run[QStringLiteral("threads")] = threads;
        run[QStringLiteral("learning_rate")] = t.learningRate;
        run[QStringLiteral("l2")] = t.l2;
        run[QStringLiteral("setup_s")] = setupSeconds;
        run[QStringLiteral("s_per_epoch")] = seconds[seconds.size() / 2];
        run[QStringLiteral("s_per_epoch_best")] = seconds.front();
        run[QStringLiteral("cpu_s_per_epoch")] = cpu[cpu.size() / 2];
        run[QStringLiteral("ratings_per_s")] = double(interactions) / seconds[seconds.size() / 2];
        run[QStringLiteral("train_loss")] = loss;
        exampleRuns.append(run);
    }
    result[QStringLiteral("example_sgd")] = exampleRuns;
    return result;
}
