#include "engine/models/ModelInputs.h"

#include <algorithm>

namespace fl {

ContentFeatures makeContentFeatures(const FusionPlan &plan, const std::vector<double> &weights)
{
    ContentFeatures content;
    content.fused = plan.fuse(weights).cast<float>();
    if (plan.op == FusionOp::Product)
        return content;
    const std::vector<double> c = plan.coefficients(weights);
    for (size_t k = 0; k < plan.blocks.size(); ++k) {
        Eigen::MatrixXf part = Eigen::MatrixXf::Zero(plan.itemCount(), plan.width);
        part.middleCols(plan.offsets[k], plan.blocks[k].cols()) = (c[k] * plan.blocks[k]).cast<float>();
        content.parts.push_back(std::move(part));
        content.partNames << plan.modalityNames.value(int(k));
        content.partWeights.push_back(weights[k]);
    }
    return content;
}

std::vector<int> itemInteractionCounts(const Dataset &dataset, const std::vector<int> &train)
{
    std::vector<int> counts(size_t(dataset.itemCount()), 0);
    for (const int index : train)
        ++counts[size_t(dataset.interactionItem[size_t(index)])];
    return counts;
}

UserProfiles UserProfiles::build(const Dataset &dataset, const std::vector<int> &train, bool ratingWeights)
{
    // Counting sort by user, then each user's items sorted and merged.
    UserProfiles p;
    p.start.assign(size_t(dataset.userCount()) + 1, 0);
    for (const int index : train)
        ++p.start[size_t(dataset.interactionUser[size_t(index)]) + 1];
    for (size_t u = 0; u + 1 < p.start.size(); ++u)
        p.start[u + 1] += p.start[u];
    std::vector<std::pair<int, float>> entries(train.size());
    std::vector<int> fill(p.start.begin(), p.start.end() - 1);
    for (const int index : train) {
        const int u = dataset.interactionUser[size_t(index)];
        const float w = ratingWeights ? float(dataset.rating(index)) : 1.0f;
        entries[size_t(fill[size_t(u)]++)] = {dataset.interactionItem[size_t(index)], w};
    }
    std::vector<int> merged(p.start.size(), 0);
    for (size_t u = 0; u + 1 < p.start.size(); ++u) {
        const auto first = entries.begin() + p.start[u];
        const auto last = entries.begin() + p.start[u + 1];
        std::sort(first, last, [](const auto &a, const auto &b) { return a.first < b.first; });
        for (auto it = first; it != last; ++it) {
            if (!p.items.empty() && int(p.items.size()) > merged[u] && p.items.back() == it->first) {
                p.weights.back() += it->second;
                continue;
            }
            p.items.push_back(it->first);
            p.weights.push_back(it->second);
        }
        merged[u + 1] = int(p.items.size());
    }
    p.start = std::move(merged);
    return p;
}

int UserProfiles::indexOf(int user, int item) const
{
    const auto first = items.begin() + start[size_t(user)];
    const auto last = items.begin() + start[size_t(user) + 1];
    const auto it = std::lower_bound(first, last, item);
    return it != last && *it == item ? int(it - items.begin()) : -1;
}

float UserProfiles::weight(int user, int item) const
{
    const int at = indexOf(user, item);
    return at < 0 ? 0.0f : weights[size_t(at)];
}

std::vector<ScoreContribution> linearContentParts(const ContentFeatures &content, int item,
                                                  const Eigen::Ref<const Eigen::RowVectorXd> &fused,
                                                  const Eigen::Ref<const Eigen::VectorXd> &w)
{
    if (content.parts.empty())
        return {{QStringLiteral("content"), fused.dot(w.transpose())}};
    std::vector<ScoreContribution> parts;
    for (size_t m = 0; m < content.parts.size(); ++m)
        parts.push_back({content.partNames.value(int(m)), content.parts[m].row(item).cast<double>().dot(w.transpose())});
    return parts;
}

} // namespace fl
