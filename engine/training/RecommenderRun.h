#pragma once

// A run of a recommendation model (popularity, item-kNN, MF, the hybrid, content-only, the linear
// regression as a recommender) as a RunTrainer:
// one epoch is one pass of the model's optimizer over the training interactions, followed by the
// validation ranking metrics; early stopping keeps the best epoch's parameters; the summary holds the
// test metrics at that epoch, the cold-start report when items were held out, and RMSE / MAE (and for
// the LinearRecommender its training objective and closed-form floor). A metric that cannot be computed
// is NaN (null in JSON), never 0: every ranking metric of an empty test part, the cold_ metrics when no
// held-out item reached the test part, and RMSE / MAE of a model that does not predict ratings.

#include "engine/data/RecSplit.h"
#include "engine/evaluation/RankingMetrics.h"
#include "engine/models/Recommender.h"
#include "engine/training/RunTrainer.h"

#include <memory>

namespace fl {

// Whether the run's RMSE and MAE mean something: the model predicts ratings
// (Recommender::predictsRatings) and was not trained by BPR, which learns only an order of items.
bool predictsRatings(const Recommender &model, const ModelConfig &config);

class RecommenderRunTrainer : public RunTrainer
{
public:
    RecommenderRunTrainer(std::shared_ptr<const Dataset> dataset, std::shared_ptr<const SplitIndices> split,
                          std::unique_ptr<Recommender> model, const RunConfig &config);

    EpochRecord step() override;
    int epoch() const override { return m_epoch; }
    void setLearningRate(double learningRate) override { m_learningRate = learningRate; }
    const std::optional<QString> &divergence() const override { return m_divergence; }
    int plannedEpochs() const override { return m_plannedEpochs; }
    RunSummary summary(double seconds, const QString &reason) override;
    QMap<QString, double> lastMetrics() const override { return m_lastMetrics; }
    bool wantsToStop() const override { return m_stopEarly; }
    ModelSnapshot snapshot() const override { return {m_model->clone(), m_split, m_epoch}; }

    const Recommender &model() const { return *m_model; }
    const SplitIndices &split() const { return *m_split; }
    int bestEpoch() const { return m_bestEpoch; }

private:
    double validationLoss() const;

    std::shared_ptr<const Dataset> m_dataset;
    std::shared_ptr<const SplitIndices> m_split;
    std::unique_ptr<Recommender> m_model;
    TrainableRecommender *m_trainable = nullptr;   // m_model, when it trains by epochs
    RunConfig m_config;
    RankingConfig m_ranking;
    std::vector<int> m_validationTarget;           // a seeded sample of users' validation interactions
    std::vector<int> m_validationExcluded;
    // BPR: one negative per validation interaction, drawn once (seeded) so every epoch is judged on the
    // same pairs: an item the user has no interaction with, among the held-out items on a cold split.
    std::vector<int> m_validationNegatives;
    double m_lastTrainLoss = 0;
    double m_bestTrainLoss = 0;
    double m_learningRate = 0;
    int m_epoch = 0;
    int m_plannedEpochs = 1;
    double m_initialLoss = 0;
    double m_bestValue = -1;
    int m_bestEpoch = 0;
    int m_sinceBest = 0;
    bool m_stopEarly = false;
    bool m_coldSplit = false;                      // items were held out: validate on them alone
    std::vector<bool> m_validationColdItems;       // the held-out validation items (the candidates)
    std::vector<bool> m_testColdItems;             // the held-out test items
    QMap<QString, double> m_lastMetrics;
    std::optional<QString> m_divergence;
};

} // namespace fl
