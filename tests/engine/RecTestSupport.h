#pragma once

// Helpers the recommendation-model suites share: hand-made datasets, random content, and the check that
// a clone is a snapshot of the model it was copied from.

#include "engine/core/Random.h"
#include "engine/data/Dataset.h"
#include "engine/models/Recommender.h"

#include <QString>
#include <QStringList>
#include <QTest>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>
#include <set>
#include <vector>

namespace fl::test {

inline void addInteraction(Dataset &d, int user, int item, double rating)
{
    d.interactionUser.push_back(user);
    d.interactionItem.push_back(item);
    d.rating.conservativeResize(d.rating.size() + 1);
    d.rating(d.rating.size() - 1) = rating;
}

// The same, in part `part` of the dataset's own split (0 train, 1 validation, 2 test).
inline void addInteraction(Dataset &d, int user, int item, double rating, qint8 part)
{
    addInteraction(d, user, item, rating);
    d.interactionSplit.push_back(part);
}

// Users u0… and items i0… (titled by their ids), without interactions.
inline Dataset emptyDataset(int users, int items, const QString &name = QStringLiteral("tiny"))
{
    Dataset d;
    d.name = name;
    for (int u = 0; u < users; ++u)
        d.userIds << QStringLiteral("u%1").arg(u);
    for (int i = 0; i < items; ++i)
        d.itemIds << QStringLiteral("i%1").arg(i);
    d.itemTitles = d.itemIds;
    return d;
}

inline std::vector<int> allIndices(const Dataset &d)
{
    std::vector<int> v(size_t(d.interactionCount()));
    std::iota(v.begin(), v.end(), 0);
    return v;
}

// count distinct items below warmItems (all of them when there are fewer), drawn from random.
inline std::set<int> distinctItems(Random &random, int count, int warmItems)
{
    std::set<int> chosen;
    while (int(chosen.size()) < std::min(count, warmItems))
        chosen.insert(int(random.below(std::uint64_t(warmItems))));
    return chosen;
}

// Random content with two additive parts ("left" and "right" columns, as a concatenation gives).
inline std::shared_ptr<ContentFeatures> randomContent(int items, int d, std::uint64_t seed)
{
    Random random(seed);
    auto content = std::make_shared<ContentFeatures>();
    content->fused.resize(items, d);
    for (Eigen::Index j = 0; j < content->fused.size(); ++j)
        content->fused.data()[j] = float(random.normal());
    const int half = d / 2;
    Eigen::MatrixXf left = Eigen::MatrixXf::Zero(items, d), right = Eigen::MatrixXf::Zero(items, d);
    left.leftCols(half) = content->fused.leftCols(half);
    right.rightCols(d - half) = content->fused.rightCols(d - half);
    content->parts = {left, right};
    content->partNames = {QStringLiteral("left"), QStringLiteral("right")};
    return content;
}

inline double scoreSum(const std::vector<ScoreContribution> &parts)
{
    double sum = 0;
    for (const ScoreContribution &p : parts)
        sum += p.value;
    return sum;
}

// For users 0, 4, 8, … and every item: explain's parts are named expected (in that order) and add up to
// predict, and scoreItems agrees with predict.
inline void verifyExplainAddsUp(const Recommender &model, const QStringList &expected)
{
    Eigen::VectorXf scores(model.itemCount());
    for (int u = 0; u < model.userCount(); u += 4) {
        model.scoreItems(u, scores);
        for (int i = 0; i < model.itemCount(); ++i) {
            const auto parts = model.explain(u, i);
            QStringList names;
            for (const ScoreContribution &p : parts)
                names << p.part;
            QCOMPARE(names, expected);
            QVERIFY(std::abs(scoreSum(parts) - model.predict(u, i)) < 1e-5);
            QVERIFY(std::abs(scores(i) - model.predict(u, i)) < 1e-4);
        }
    }
}

// copy (model.clone(), just made) scores user 5, predicts and explains (5, 7) and is named as model, and
// keeps scoring as it did while model trains two more epochs at learningRate (which change its scores).
inline void verifyCloneIsASnapshot(TrainableRecommender &model, const Recommender &copy, double learningRate)
{
    Eigen::VectorXf original(model.itemCount()), cloned(model.itemCount());
    model.scoreItems(5, original);
    copy.scoreItems(5, cloned);
    QCOMPARE(cloned, original);
    QCOMPARE(copy.predict(5, 7), model.predict(5, 7));
    QCOMPARE(copy.explain(5, 7).size(), model.explain(5, 7).size());
    QCOMPARE(copy.name(), model.name());

    model.trainEpoch(learningRate);
    model.trainEpoch(learningRate);
    Eigen::VectorXf later(model.itemCount());
    copy.scoreItems(5, later);
    QCOMPARE(later, original);   // training the original left the copy as it was
    model.scoreItems(5, later);
    QVERIFY(later != original);
}

} // namespace fl::test
