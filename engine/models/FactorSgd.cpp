#include "engine/models/FactorSgd.h"

#include "engine/models/FactorParameters.h"

#include <Eigen/Core>

#include <algorithm>
#include <array>
#include <barrier>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <thread>

namespace fl {

namespace {

constexpr int kVectorFloats = 8;                  // one AVX register: rows are padded to a multiple
constexpr double kOtherBlockBytes = 96 * 1024;    // a block's randomly reached rows: L2-resident
constexpr int kMaxBlocks = 64;

int paddedWidth(int factors)
{
    return (factors + kVectorFloats - 1) / kVectorFloats * kVectorFloats;
}

// Floats whose first element sits on a cache line boundary.
struct AlignedFloats
{
    std::vector<float> storage;
    float *data = nullptr;

    void assign(size_t count)
    {
        storage.assign(count + 16, 0.0f);
        const auto address = reinterpret_cast<std::uintptr_t>(storage.data());
        data = storage.data() + ((64 - address % 64) % 64) / sizeof(float);
    }
};

// A random permutation of 0 … count − 1, as each element's position.
std::vector<int> randomPositions(int count, Random &random)
{
    std::vector<int> order(static_cast<size_t>(count));
    std::iota(order.begin(), order.end(), 0);
    random.shuffle(order.begin(), order.end());
    std::vector<int> position(static_cast<size_t>(count));
    for (int j = 0; j < count; ++j)
        position[size_t(order[size_t(j)])] = j;
    return position;
}

} // namespace

// The ratings grouped by block (block id = run side's block × blocks + other side's block), inside a
// block as runs sharing one row of the run side, and the packed rows.
struct FactorSgd::Layout
{
    int width = 0;                        // k padded to whole vectors; the padding stays 0
    AlignedFloats runRows, otherRows;     // positions × width
    std::vector<float> runBias, otherBias;
    std::vector<std::int64_t> blockRuns;  // per block id: its first run; one more at the end
    std::vector<int> runRow;              // per run: the run side's position
    std::vector<std::int64_t> runEnd;     // per run: one past its last example
    std::vector<int> otherRow;            // per example: the other side's position
    std::vector<float> rating;            // per example
};

// A lane's state through one stratum: its μ and example count, and its loss through the epoch.
struct FactorSgd::Lane
{
    float mu = 0;
    long long count = 0;
    double loss = 0;
};

namespace {

// The SGD steps of one block's runs [firstRun, lastRun). Fixed-size vectors for the usual widths keep
// the run's row in registers; Eigen::Dynamic serves any other padded width.
template<int W>
double runBlock(FactorSgd::Layout &layout, std::int64_t firstRun, std::int64_t lastRun, float &muInOut,
                float eta, float lambda)
{
    using Vec = Eigen::Matrix<float, W, 1>;
    using Row = Eigen::Map<Vec, Eigen::Aligned32>;
    const Eigen::Index width = layout.width;
    float mu = muInOut;
    Vec a(width), b(width);
    Vec squares = Vec::Zero(width);   // Σ ‖pᵤ‖² + ‖qᵢ‖² over the block's examples, lane-wise
    double loss = 0;
    std::int64_t e = firstRun > 0 ? layout.runEnd[size_t(firstRun - 1)] : 0;
    for (std::int64_t run = firstRun; run < lastRun; ++run) {
        const int rowIndex = layout.runRow[size_t(run)];
        Row rowA(layout.runRows.data + size_t(rowIndex) * size_t(width), width);
        float &biasARef = layout.runBias[size_t(rowIndex)];
        float biasA = biasARef;
        a = rowA;
        const std::int64_t end = layout.runEnd[size_t(run)];
        for (; e < end; ++e) {
            const int j = layout.otherRow[size_t(e)];
            Row rowB(layout.otherRows.data + size_t(j) * size_t(width), width);
            float &biasB = layout.otherBias[size_t(j)];
            b = rowB;
            const float error = mu + biasA + biasB + a.dot(b) - layout.rating[size_t(e)];
            loss += 0.5 * double(error) * error
                    + 0.5 * double(lambda) * (double(biasA) * biasA + double(biasB) * biasB + double(mu) * mu);
            squares += a.cwiseAbs2() + b.cwiseAbs2();
            rowB = b - eta * (error * a + lambda * b);
            a = a - eta * (error * b + lambda * a);
            biasA -= eta * (error + lambda * biasA);
            biasB -= eta * (error + lambda * biasB);
            mu -= eta * (error + lambda * mu);
        }
        rowA = a;
        biasARef = biasA;
    }
    muInOut = mu;
    return loss + 0.5 * double(lambda) * double(squares.sum());
}

} // namespace

FactorSgd::FactorSgd(const std::vector<FactorRating> &ratings, int users, int items, int factors, Random &random)
    : m_users(users)
    , m_items(items)
    , m_factors(factors)
    , m_layout(std::make_unique<Layout>())
{
    m_userPosition = randomPositions(users, random);
    m_itemPosition = randomPositions(items, random);
    m_runsByUser = users >= items;
    Layout &layout = *m_layout;
    layout.width = paddedWidth(factors);

    const int runCount = m_runsByUser ? users : items;
    const int otherCount = m_runsByUser ? items : users;
    const double otherBytes = double(otherCount) * 4.0 * (layout.width + 1);
    const int wanted = int(std::ceil(otherBytes / kOtherBlockBytes));
    m_blocks = std::clamp((wanted + kLanes - 1) / kLanes * kLanes, kLanes, kMaxBlocks);

    // Per rating, its run-side position and its block, in one pass.
    const std::vector<int> &runPositions = m_runsByUser ? m_userPosition : m_itemPosition;
    const std::vector<int> &otherPositions = m_runsByUser ? m_itemPosition : m_userPosition;
    std::vector<int> runBlockOf(static_cast<size_t>(runCount)), otherBlockOf(static_cast<size_t>(otherCount));
    std::vector<int> runBlockFirst(size_t(m_blocks) + 1, runCount);
    for (int j = runCount - 1; j >= 0; --j) {
        runBlockOf[size_t(j)] = blockOf(j, runCount);
        runBlockFirst[size_t(runBlockOf[size_t(j)])] = j;
    }
    for (int j = 0; j < otherCount; ++j)
        otherBlockOf[size_t(j)] = blockOf(j, otherCount);
    const size_t n = ratings.size();
    std::vector<int> rowOf(n), blockOfRating(n);
    for (size_t r = 0; r < n; ++r) {
        const FactorRating &x = ratings[r];
        rowOf[r] = runPositions[size_t(m_runsByUser ? x.user : x.item)];
        const int other = otherPositions[size_t(m_runsByUser ? x.item : x.user)];
        blockOfRating[r] = runBlockOf[size_t(rowOf[r])] * m_blocks + otherBlockOf[size_t(other)];
    }

    // A stable bucket sort by block, then inside each block (whose run-side positions form one range)
    // a stable counting sort by run-side position, building the runs.
    const size_t blockCount = size_t(m_blocks) * size_t(m_blocks);
    std::vector<std::int64_t> blockStart(blockCount + 1, 0);
    for (const int b : blockOfRating)
        ++blockStart[size_t(b) + 1];
    std::partial_sum(blockStart.begin(), blockStart.end(), blockStart.begin());
    std::vector<int> order(n);
    {
        std::vector<std::int64_t> next(blockStart.begin(), blockStart.end() - 1);
        for (size_t r = 0; r < n; ++r)
            order[size_t(next[size_t(blockOfRating[r])]++)] = int(r);
    }
    layout.blockRuns.assign(blockCount + 1, 0);
    std::vector<int> sorted, counts;
    for (size_t b = 0; b < blockCount; ++b) {
        layout.blockRuns[b] = std::int64_t(layout.runRow.size());
        const std::int64_t first = blockStart[b], last = blockStart[b + 1];
        const int runBlock = int(b) / m_blocks;
        const int lo = runBlockFirst[size_t(runBlock)], hi = runBlockFirst[size_t(runBlock) + 1];
        counts.assign(size_t(hi - lo) + 1, 0);
        for (std::int64_t e = first; e < last; ++e)
            ++counts[size_t(rowOf[size_t(order[size_t(e)])] - lo) + 1];
        std::partial_sum(counts.begin(), counts.end(), counts.begin());
        sorted.resize(size_t(last - first));
        for (std::int64_t e = first; e < last; ++e) {
            const int r = order[size_t(e)];
            sorted[size_t(counts[size_t(rowOf[size_t(r)] - lo)]++)] = r;
        }
        std::copy(sorted.begin(), sorted.end(), order.begin() + first);
        for (std::int64_t e = first; e < last; ++e) {
            const int row = rowOf[size_t(order[size_t(e)])];
            if (e == first || row != layout.runRow.back()) {
                layout.runRow.push_back(row);
                layout.runEnd.push_back(e + 1);
            } else {
                layout.runEnd.back() = e + 1;
            }
        }
    }
    layout.blockRuns[blockCount] = std::int64_t(layout.runRow.size());
    layout.otherRow.resize(n);
    layout.rating.resize(n);
    for (size_t e = 0; e < n; ++e) {
        const FactorRating &x = ratings[size_t(order[e])];
        layout.otherRow[e] = otherPositions[size_t(m_runsByUser ? x.item : x.user)];
        layout.rating[e] = x.rating;
    }

    layout.runRows.assign(size_t(runCount) * size_t(layout.width));
    layout.otherRows.assign(size_t(otherCount) * size_t(layout.width));
    layout.runBias.assign(size_t(runCount), 0.0f);
    layout.otherBias.assign(size_t(otherCount), 0.0f);
}

FactorSgd::~FactorSgd() = default;

int FactorSgd::blockOf(int position, int count) const
{
    return count > 0 ? int(std::int64_t(position) * m_blocks / count) : 0;
}

void FactorSgd::load(const FactorParameters &parameters)
{
    Layout &layout = *m_layout;
    const int k = m_factors;
    auto copyIn = [&](const RowMajorMatrixXf &rows, const std::vector<int> &position, float *packed, std::vector<float> &bias) {
        for (Eigen::Index r = 0; r < rows.rows(); ++r) {
            const int j = position[size_t(r)];
            float *out = packed + size_t(j) * size_t(layout.width);
            std::copy_n(rows.row(r).data(), k, out);
            std::fill(out + k, out + layout.width, 0.0f);
            bias[size_t(j)] = rows(r, k);
        }
    };
    copyIn(parameters.users, m_userPosition, m_runsByUser ? layout.runRows.data : layout.otherRows.data,
           m_runsByUser ? layout.runBias : layout.otherBias);
    copyIn(parameters.items, m_itemPosition, m_runsByUser ? layout.otherRows.data : layout.runRows.data,
           m_runsByUser ? layout.otherBias : layout.runBias);
}

void FactorSgd::store(FactorParameters &parameters) const
{
    const Layout &layout = *m_layout;
    const int k = m_factors;
    auto copyOut = [&](RowMajorMatrixXf &rows, const std::vector<int> &position, const float *packed, const std::vector<float> &bias) {
        for (Eigen::Index r = 0; r < rows.rows(); ++r) {
            const int j = position[size_t(r)];
            std::copy_n(packed + size_t(j) * size_t(layout.width), k, rows.row(r).data());
            rows(r, k) = bias[size_t(j)];
        }
    };
    copyOut(parameters.users, m_userPosition, m_runsByUser ? layout.runRows.data : layout.otherRows.data,
            m_runsByUser ? layout.runBias : layout.otherBias);
    copyOut(parameters.items, m_itemPosition, m_runsByUser ? layout.otherRows.data : layout.runRows.data,
            m_runsByUser ? layout.otherBias : layout.runBias);
}

FactorSgdSchedule FactorSgd::schedule(Random &random) const
{
    FactorSgdSchedule plan;
    plan.blocks = m_blocks;
    for (std::vector<int> *permutation : {&plan.userBlocks, &plan.itemBlocks, &plan.offsets}) {
        permutation->resize(size_t(m_blocks));
        std::iota(permutation->begin(), permutation->end(), 0);
        random.shuffle(permutation->begin(), permutation->end());
    }
    return plan;
}

void FactorSgd::runLane(const FactorSgdSchedule &plan, int stratum, int lane, Lane &state, float learningRate, float l2)
{
    Layout &layout = *m_layout;
    for (int r = lane; r < m_blocks; r += kLanes) {
        const auto [userBlock, itemBlock] = plan.at(stratum, r);
        const int id = m_runsByUser ? userBlock * m_blocks + itemBlock : itemBlock * m_blocks + userBlock;
        const std::int64_t firstRun = layout.blockRuns[size_t(id)];
        const std::int64_t lastRun = layout.blockRuns[size_t(id) + 1];
        if (firstRun == lastRun)
            continue;
        state.count += layout.runEnd[size_t(lastRun - 1)] - (firstRun > 0 ? layout.runEnd[size_t(firstRun - 1)] : 0);
        switch (layout.width) {
        case 8: state.loss += runBlock<8>(layout, firstRun, lastRun, state.mu, learningRate, l2); break;
        case 16: state.loss += runBlock<16>(layout, firstRun, lastRun, state.mu, learningRate, l2); break;
        case 32: state.loss += runBlock<32>(layout, firstRun, lastRun, state.mu, learningRate, l2); break;
        case 64: state.loss += runBlock<64>(layout, firstRun, lastRun, state.mu, learningRate, l2); break;
        default: state.loss += runBlock<Eigen::Dynamic>(layout, firstRun, lastRun, state.mu, learningRate, l2); break;
        }
    }
}

double FactorSgd::epoch(float &mu, float learningRate, float l2, Random &random, int threads)
{
    const FactorSgdSchedule plan = schedule(random);
    const int workers = std::clamp(threads, 1, kLanes);
    std::array<Lane, kLanes> lanes{};
    for (Lane &lane : lanes)
        lane.mu = mu;
    // At each stratum's end: μ becomes the lanes' mean weighted by their example counts, in lane order.
    auto endStratum = [&]() noexcept {
        double weighted = 0;
        long long total = 0;
        for (const Lane &lane : lanes) {
            weighted += double(lane.count) * double(lane.mu);
            total += lane.count;
        }
        if (total > 0)
            mu = float(weighted / double(total));
        for (Lane &lane : lanes) {
            lane.mu = mu;
            lane.count = 0;
        }
    };
    std::barrier sync(workers, endStratum);
    auto work = [&](int worker) {
        for (int s = 0; s < m_blocks; ++s) {
            for (int lane = worker; lane < kLanes; lane += workers)
                runLane(plan, s, lane, lanes[size_t(lane)], learningRate, l2);
            sync.arrive_and_wait();
        }
    };
    std::vector<std::thread> helpers;
    for (int w = 1; w < workers; ++w)
        helpers.emplace_back(work, w);
    work(0);
    for (std::thread &helper : helpers)
        helper.join();
    double loss = 0;
    for (const Lane &lane : lanes)
        loss += lane.loss;
    return loss;
}

} // namespace fl
