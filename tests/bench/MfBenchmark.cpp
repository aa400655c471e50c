#include "MfBenchmark.h"

#include "engine/FactorModel.h"
#include "engine/Random.h"

#include <QElapsedTimer>
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

QJsonObject runMfBenchmark(int users, int items, long long interactions, int factors, int epochs, int batchSize)
{
    const double memcpyGbPerS = memcpyBandwidthGbPerS();
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
    QJsonArray runs;
    for (const fl::OptimizerKind optimizer : {fl::OptimizerKind::MiniBatchSgd, fl::OptimizerKind::Adam}) {
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
        run[QStringLiteral("implied_bytes_per_interaction")] = bytesPerInteraction;
        run[QStringLiteral("implied_gb_per_s")] = perSecond * bytesPerInteraction / 1e9;
        run[QStringLiteral("fraction_of_memcpy")] = perSecond * bytesPerInteraction / 1e9 / memcpyGbPerS;
        run[QStringLiteral("train_loss")] = loss;
        runs.append(run);
    }
    result[QStringLiteral("runs")] = runs;
    return result;
}
