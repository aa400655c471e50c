#include "engine/models/RandomModel.h"

#include <QCoreApplication>

#include <algorithm>

namespace fl {

namespace {

std::uint64_t mix(std::uint64_t z)
{
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

} // namespace

std::uint64_t seededHash(std::uint64_t seed, int user, int item)
{
    return mix(mix(mix(seed) ^ std::uint32_t(user)) ^ std::uint32_t(item));
}

RandomModel::RandomModel(int users, int items, std::uint64_t seed)
    : m_users(std::max(0, users)), m_items(std::max(0, items)), m_seed(seed)
{
}

QString RandomModel::name() const
{
    return RandomModel::tr("Random");
}

float RandomModel::score(int user, int item) const
{
    return float(seededHash(m_seed, user, item) >> 40) * 0x1.0p-24f;
}

void RandomModel::scoreItems(int user, Eigen::Ref<Eigen::VectorXf> scores) const
{
    for (int item = 0; item < m_items; ++item)
        scores(item) = score(user, item);
}

std::vector<ScoreContribution> RandomModel::explain(int user, int item) const
{
    return {{QStringLiteral("random"), score(user, item)}};
}

} // namespace fl
