#pragma once

// The baseline every recommender must beat: score(u, i) = the number of training interactions of item
// i, the same for every user. Items with equal counts get equal scores (every cold item scores 0); the
// evaluator orders such ties at random (seeded), so they rank like chance. It predicts no ratings.
// explain(u, i) → {"popularity": score}.

#include "engine/models/Recommender.h"

#include <QCoreApplication>

#include <vector>

namespace fl {

class PopularityModel : public Recommender
{
    Q_DECLARE_TR_FUNCTIONS(fl::PopularityModel)

public:
    PopularityModel(const Dataset &dataset, const std::vector<int> &train);

    QString name() const override;
    int userCount() const override { return m_users; }
    int itemCount() const override { return int(m_counts.size()); }
    void scoreItems(int user, Eigen::Ref<Eigen::VectorXf> scores) const override;
    double predict(int user, int item) const override;
    bool predictsRatings() const override { return false; }
    std::vector<ScoreContribution> explain(int user, int item) const override;
    std::unique_ptr<Recommender> clone() const override { return std::make_unique<PopularityModel>(*this); }

private:
    int m_users = 0;
    Eigen::VectorXf m_counts;
};

} // namespace fl
