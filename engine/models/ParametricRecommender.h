#pragma once

// What the trainable recommenders on fused content (LinearRecommender, SvrRecommender, MlpRecommender)
// share: the training settings, the content, the parameters as one value with the copy kept at the best
// epoch, and the per-item scores derived from the parameters. A model recomputes those scores in
// refreshScores() whenever its parameters change: after an epoch, and here after restoreBest() and
// setParameters(). FactorModel keeps its own bookkeeping: its best epoch also holds learned fusion
// weights, and it derives its item vectors lazily, under a lock.

#include "engine/core/Check.h"
#include "engine/models/Recommender.h"

#include <memory>
#include <utility>

namespace fl {

// Derived is the model (which befriends this class for its scoring copy, Derived(const Derived &,
// ScoringCopy)). Parameters is a value type with a free function sameShape(const Parameters &,
// const Parameters &) that says whether two values have the same sizes (found by argument-dependent
// lookup).
template<typename Derived, typename Parameters>
class ParametricRecommender : public TrainableRecommender
{
public:
    // The parameters, content and scores, without the training records: it scores but does not train.
    std::unique_ptr<Recommender> clone() const override
    {
        return std::unique_ptr<Recommender>(new Derived(static_cast<const Derived &>(*this), ScoringCopy{}));
    }

    int userCount() const override { return m_userCount; }
    int itemCount() const override { return int(m_itemScore.size()); }

    void saveBest() override { m_best = m_parameters; }
    void restoreBest() override
    {
        m_parameters = m_best;
        refreshScores();
    }

    const RecommenderTraining &training() const { return m_training; }
    const Parameters &parameters() const { return m_parameters; }
    // The parameters must have the shapes the model was made with (checked in every build).
    void setParameters(const Parameters &parameters)
    {
        FL_CHECK(sameShape(parameters, m_parameters), "parameters of the shape the model was made with");
        m_parameters = parameters;
        refreshScores();
    }

protected:
    struct ScoringCopy {};

    // content: one row per item of the dataset (checked in every build).
    ParametricRecommender(const RecommenderTraining &training, const Dataset &dataset,
                          std::shared_ptr<const ContentFeatures> content)
        : m_training(training), m_userCount(dataset.userCount()), m_content(std::move(content))
    {
        FL_CHECK(m_content && m_content->fused.rows() == dataset.itemCount(),
                 "content features with one row per item of the dataset");
    }
    // For a model's scoring copy (clone()): the same parameters, which are also its best, content and
    // scores.
    ParametricRecommender(const ParametricRecommender &other)
        : TrainableRecommender(other)
        , m_training(other.m_training)
        , m_userCount(other.m_userCount)
        , m_content(other.m_content)
        , m_parameters(other.m_parameters)
        , m_best(other.m_parameters)
        , m_contentScore(other.m_contentScore)
        , m_itemScore(other.m_itemScore)
    {
    }
    ParametricRecommender &operator=(const ParametricRecommender &) = delete;

    // Hands a computed gradient to a caller who asked for it (gradient not null), and returns the loss:
    // the tail of each model's public objective().
    static double keepGradient(double loss, const Parameters &computed, Parameters *gradient)
    {
        if (gradient)
            *gradient = computed;
        return loss;
    }

    // Recomputes m_contentScore and m_itemScore (and whatever else scoring reads) from m_parameters.
    virtual void refreshScores() = 0;

    RecommenderTraining m_training;
    int m_userCount = 0;
    std::shared_ptr<const ContentFeatures> m_content;
    Parameters m_parameters;
    Parameters m_best;
    Eigen::VectorXd m_contentScore;   // the content's part of each item's score, items
    Eigen::VectorXf m_itemScore;      // the user-independent part of each item's score, items
};

} // namespace fl
