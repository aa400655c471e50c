#pragma once

// The chance baseline: score(u, i) = a seeded hash of (seed, u, i), uniform in [0, 1) and fixed for the
// run, the same on every thread and platform. It knows nothing about users or items, so its expected
// ranking metrics are those of a uniformly random order of the candidates: a model that cannot tell
// items apart should score like it. It predicts no ratings. explain(u, i) → {"random": score}.

#include "engine/models/Recommender.h"

#include <QCoreApplication>

#include <cstdint>

namespace fl {

// A well-mixed 64-bit hash of (seed, user, item): SplitMix64's finaliser applied to the seed, then to
// the user and then to the item folded in. Used by the random baseline and by the evaluator's random
// order of tied scores.
std::uint64_t seededHash(std::uint64_t seed, int user, int item);

class RandomModel : public Recommender
{
    Q_DECLARE_TR_FUNCTIONS(fl::RandomModel)

public:
    RandomModel(int users, int items, std::uint64_t seed);

    QString name() const override;
    int userCount() const override { return m_users; }
    int itemCount() const override { return m_items; }
    void scoreItems(int user, Eigen::Ref<Eigen::VectorXf> scores) const override;
    double predict(int user, int item) const override { return score(user, item); }
    bool predictsRatings() const override { return false; }
    std::vector<ScoreContribution> explain(int user, int item) const override;
    std::unique_ptr<Recommender> clone() const override { return std::make_unique<RandomModel>(*this); }

    // The top 24 bits of the hash as a float in [0, 1) (exactly representable, so every thread and
    // compiler gets the same value).
    float score(int user, int item) const;

private:
    int m_users = 0;
    int m_items = 0;
    std::uint64_t m_seed = 0;
};

} // namespace fl
