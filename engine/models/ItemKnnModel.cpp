#include "engine/models/ItemKnnModel.h"

#include "engine/core/Check.h"
#include "engine/core/Worker.h"

#include <QCoreApplication>

#include <algorithm>
#include <thread>

namespace fl {

static constexpr int kBlock = 256;   // items per similarity product

ItemKnnModel::ItemKnnModel(const Dataset &dataset, const std::vector<int> &train,
                           std::shared_ptr<const ContentFeatures> content, const ItemKnnOptions &options)
    : m_content(std::move(content))
    , m_items(dataset.itemCount())
    , m_k(std::clamp(options.neighbours, 0, std::max(0, dataset.itemCount() - 1)))
    , m_profiles(UserProfiles::build(dataset, train, options.ratingWeighted))
{
    FL_CHECK(m_content && m_content->fused.rows() == m_items, "content features with one row per item of the dataset");
    m_normalized = m_content->fused;
    m_norm = m_normalized.rowwise().norm();
    for (int i = 0; i < m_items; ++i) {
        if (m_norm(i) > 0)
            m_normalized.row(i) /= m_norm(i);
    }
    findNeighbours();

    // Reverse lists by counting sort, so scoreItems visits only the items each of the user's items
    // is a neighbour of.
    m_reverseStart.assign(size_t(m_items) + 1, 0);
    for (const int j : m_neighbour)
        ++m_reverseStart[size_t(j) + 1];
    for (int i = 0; i < m_items; ++i)
        m_reverseStart[size_t(i) + 1] += m_reverseStart[size_t(i)];
    m_reverseItem.resize(m_neighbour.size());
    m_reverseSimilarity.resize(m_neighbour.size());
    std::vector<int> fill(m_reverseStart.begin(), m_reverseStart.end() - 1);
    for (int i = 0; i < m_items; ++i) {
        for (int n = 0; n < m_k; ++n) {
            const int j = neighbours(i)[n];
            const int at = fill[size_t(j)]++;
            m_reverseItem[size_t(at)] = i;
            m_reverseSimilarity[size_t(at)] = similarities(i)[n];
        }
    }
}

void ItemKnnModel::findNeighbours()
{
    m_neighbour.assign(size_t(m_items) * size_t(m_k), 0);
    m_similarity.assign(size_t(m_items) * size_t(m_k), 0.0f);
    if (m_k == 0)
        return;
    // Fixed blocks of items, dealt to the threads in turn: each block's similarities are one product,
    // computed the same way whichever thread runs it.
    const int blocks = (m_items + kBlock - 1) / kBlock;
    const unsigned threads = std::max(1u, std::min({2u, std::thread::hardware_concurrency(), unsigned(blocks)}));
    auto work = [this, blocks](unsigned first, unsigned stride) {
        Eigen::MatrixXf sims;
        std::vector<int> order;
        order.reserve(size_t(m_items));
        for (int b = int(first); b < blocks; b += int(stride)) {
            const int begin = b * kBlock;
            const int n = std::min(kBlock, m_items - begin);
            sims.noalias() = m_normalized * m_normalized.middleRows(begin, n).transpose();   // items × n
            for (int c = 0; c < n; ++c) {
                const int item = begin + c;
                const float *s = sims.col(c).data();
                order.clear();
                for (int j = 0; j < m_items; ++j) {
                    if (j != item)
                        order.push_back(j);
                }
                auto better = [s](int a, int b) { return s[a] > s[b] || (s[a] == s[b] && a < b); };
                std::partial_sort(order.begin(), order.begin() + m_k, order.end(), better);
                for (int r = 0; r < m_k; ++r) {
                    m_neighbour[size_t(item) * size_t(m_k) + size_t(r)] = order[size_t(r)];
                    m_similarity[size_t(item) * size_t(m_k) + size_t(r)] = s[order[size_t(r)]];
                }
            }
        }
    };
    std::vector<Worker> workers;
    for (unsigned t = 1; t < threads; ++t)
        workers.emplace_back(work, t, threads);
    work(0, threads);
    for (Worker &w : workers)
        w.join();
}

QString ItemKnnModel::name() const
{
    return ItemKnnModel::tr("Item-kNN (content, k = %1)").arg(m_k);
}

void ItemKnnModel::scoreItems(int user, Eigen::Ref<Eigen::VectorXf> scores) const
{
    scores.setZero();
    for (int p = m_profiles.start[size_t(user)]; p < m_profiles.start[size_t(user) + 1]; ++p) {
        const int j = m_profiles.items[size_t(p)];
        const float w = m_profiles.weights[size_t(p)];
        for (int r = m_reverseStart[size_t(j)]; r < m_reverseStart[size_t(j) + 1]; ++r)
            scores(m_reverseItem[size_t(r)]) += w * m_reverseSimilarity[size_t(r)];
    }
}

double ItemKnnModel::predict(int user, int item) const
{
    double score = 0;
    for (int n = 0; n < m_k; ++n)
        score += double(m_profiles.weight(user, neighbours(item)[n])) * similarities(item)[n];
    return score;
}

std::vector<ScoreContribution> ItemKnnModel::explain(int user, int item) const
{
    const double score = predict(user, item);
    if (m_content->parts.empty() || m_norm(item) == 0)
        return {{QStringLiteral("content"), score}};
    // Σⱼ wᵤⱼ nⱼ over the user's items among i's neighbours, then each part's dot product with it.
    Eigen::VectorXf profile = Eigen::VectorXf::Zero(m_normalized.cols());
    for (int n = 0; n < m_k; ++n) {
        const int j = neighbours(item)[n];
        if (const float w = m_profiles.weight(user, j); w != 0.0f)
            profile += w * m_normalized.row(j).transpose();
    }
    std::vector<ScoreContribution> parts;
    for (size_t m = 0; m < m_content->parts.size(); ++m) {
        parts.push_back({m_content->partNames.value(int(m)),
                         double(m_content->parts[m].row(item).dot(profile.transpose())) / m_norm(item)});
    }
    return parts;
}

} // namespace fl
