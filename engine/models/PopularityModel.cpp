#include "engine/models/PopularityModel.h"

#include "engine/models/ModelInputs.h"

#include <QCoreApplication>

namespace fl {

PopularityModel::PopularityModel(const Dataset &dataset, const std::vector<int> &train)
    : m_users(dataset.userCount())
{
    const std::vector<int> counts = itemInteractionCounts(dataset, train);
    m_counts = Eigen::Map<const Eigen::VectorXi>(counts.data(), Eigen::Index(counts.size())).cast<float>();
}

QString PopularityModel::name() const
{
    return PopularityModel::tr("Popularity");
}

void PopularityModel::scoreItems(int, Eigen::Ref<Eigen::VectorXf> scores) const
{
    scores = m_counts;
}

double PopularityModel::predict(int, int item) const
{
    return m_counts(item);
}

std::vector<ScoreContribution> PopularityModel::explain(int user, int item) const
{
    return {{QStringLiteral("popularity"), predict(user, item)}};
}

} // namespace fl
