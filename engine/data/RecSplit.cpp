#include "engine/data/RecSplit.h"

#include "engine/core/Random.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>

namespace fl {

namespace {

// The translation context of this file's messages; lupdate reads it from the macro.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(fl::RecSplit)
};

struct KindName
{
    RecSplitKind kind;
    const char *name;
};

constexpr KindName kKindNames[] = {
    {RecSplitKind::Random, "random"},
    {RecSplitKind::UserTemporal, "user-temporal"},
    {RecSplitKind::GlobalTemporal, "global-temporal"},
    {RecSplitKind::File, "file"},
    {RecSplitKind::ColdItems, "cold-items"},
};

int roundedShare(double share, int n)
{
    return int(std::llround(share * double(n)));
}

QString percent(double share)
{
    return QString::number(share * 100.0, 'g', 4) + QLatin1Char('%');
}

// Interactions grouped by user (CSR): the interactions of user u are
// indices[offsets[u] .. offsets[u + 1]), ascending.
struct ByUser
{
    std::vector<int> offsets;
    std::vector<int> indices;
};

ByUser groupByUser(const Dataset &data)
{
    ByUser groups;
    groups.offsets.assign(size_t(data.userCount()) + 1, 0);
    for (int user : data.interactionUser)
        ++groups.offsets[size_t(user) + 1];
    std::partial_sum(groups.offsets.begin(), groups.offsets.end(), groups.offsets.begin());
    std::vector<int> next(groups.offsets.begin(), groups.offsets.end() - 1);
    groups.indices.resize(data.interactionUser.size());
    for (int i = 0; i < data.interactionCount(); ++i)
        groups.indices[size_t(next[size_t(data.interactionUser[size_t(i)])]++)] = i;
    return groups;
}

// The ordered interactions' last `test` go to test, the `validation` before them to validation, the
// rest to train.
void assignTail(const int *first, int n, int test, int validation, SplitIndices &split)
{
    for (int k = 0; k < n; ++k) {
        std::vector<int> &part = k >= n - test ? split.test : k >= n - test - validation ? split.validation : split.train;
        part.push_back(first[k]);
    }
}

void sortParts(SplitIndices &split)
{
    std::sort(split.train.begin(), split.train.end());
    std::sort(split.validation.begin(), split.validation.end());
    std::sort(split.test.begin(), split.test.end());
}

QString countsText(const SplitIndices &split)
{
    return Tr::tr("%1 train, %2 validation, %3 test")
        .arg(split.train.size())
        .arg(split.validation.size())
        .arg(split.test.size());
}

Result<void> checkConfig(const RecSplitConfig &config)
{
    if (!(config.ratio >= 0.0 && config.ratio < 1.0))
        return makeError(Tr::tr("The test ratio is %1; expected a number from 0 up to (not including) 1.")
                             .arg(config.ratio));
    if (!(config.validationRatio >= 0.0 && config.validationRatio < 1.0))
        return makeError(Tr::tr("The validation ratio is %1; expected a number from 0 up to (not including) 1.")
                             .arg(config.validationRatio));
    if (config.lastK < 0)
        return makeError(Tr::tr("The number of last interactions per user is %1; expected 0 (use the ratio) or more.")
                             .arg(config.lastK));
    return {};
}

Result<void> checkTimestamps(const Dataset &data, RecSplitKind kind)
{
    if (int(data.timestamp.size()) == data.interactionCount())
        return {};
    if (data.timestamp.empty())
        return makeError(Tr::tr("The %1 split needs a timestamp for every interaction; the dataset “%2” has none.")
                             .arg(recSplitKindName(kind), data.name));
    return makeError(Tr::tr("The %1 split needs a timestamp for every interaction; the dataset “%2” has %3 "
                        "timestamps for %4 interactions.")
                         .arg(recSplitKindName(kind), data.name)
                         .arg(data.timestamp.size())
                         .arg(data.interactionCount()));
}

// Per-user kinds: shuffle (random) or order by time (user-temporal) each user's interactions, then
// send the tail to test and validation.
SplitIndices splitPerUser(const Dataset &data, const RecSplitConfig &config)
{
    const ByUser groups = groupByUser(data);
    const bool temporal = config.kind == RecSplitKind::UserTemporal;
    const int lastK = temporal ? config.lastK : 0;
    Random random(config.seed);
    SplitIndices split;
    std::vector<int> order;
    int singles = 0;
    for (int user = 0; user < data.userCount(); ++user) {
        const int n = groups.offsets[size_t(user) + 1] - groups.offsets[size_t(user)];
        order.assign(groups.indices.begin() + groups.offsets[size_t(user)],
                     groups.indices.begin() + groups.offsets[size_t(user) + 1]);
        if (temporal) {
            std::sort(order.begin(), order.end(), [&data](int a, int b) {
                return std::pair(data.timestamp[size_t(a)], a) < std::pair(data.timestamp[size_t(b)], b);
            });
        } else {
            random.shuffle(order.begin(), order.end());
        }
        int test = 0;
        int validation = 0;
        if (n == 1) {
            ++singles;
        } else if (n > 1) {
            test = std::min(lastK > 0 ? lastK : roundedShare(config.ratio, n), n - 1);
            validation = lastK > 0 ? (config.validationRatio > 0 ? lastK : 0)
                                   : roundedShare(config.validationRatio, n - test);
            validation = std::min(validation, n - 1 - test);
        }
        assignTail(order.data(), n, test, validation, split);
    }
    sortParts(split);
    QString rule;
    if (!temporal)
        rule = Tr::tr("Random per user (seed %1): %2 of each user's interactions to test, %3 of the rest to validation")
                   .arg(config.seed)
                   .arg(percent(config.ratio), percent(config.validationRatio));
    else if (lastK > 0)
        rule = Tr::tr("Per user by time: the last %1 interactions to test, the %2 before them to validation")
                   .arg(lastK)
                   .arg(config.validationRatio > 0 ? lastK : 0);
    else
        rule = Tr::tr("Per user by time: the latest %1 of each user's interactions to test, the %2 of the rest "
                  "just before them to validation")
                   .arg(percent(config.ratio), percent(config.validationRatio));
    split.notes << Tr::tr("%1; %2; users with a single interaction kept in train: %3.").arg(rule, countsText(split)).arg(singles);
    return split;
}

SplitIndices splitGlobalTemporal(const Dataset &data, const RecSplitConfig &config)
{
    const int n = data.interactionCount();
    std::vector<int> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&data](int a, int b) {
        return std::pair(data.timestamp[size_t(a)], a) < std::pair(data.timestamp[size_t(b)], b);
    });
    const int test = roundedShare(config.ratio, n);
    const int validation = roundedShare(config.validationRatio, n - test);
    SplitIndices split;
    assignTail(order.data(), n, test, validation, split);
    sortParts(split);
    QString cuts;
    for (const auto &[count, from, text] : {std::tuple{test, n - test, Tr::tr(" test from timestamp %1 (interaction %2) on;")},
                                            std::tuple{validation, n - test - validation,
                                                       Tr::tr(" validation from timestamp %1 (interaction %2) on;")}}) {
        if (count > 0) {
            const int first = order[size_t(from)];
            cuts += text.arg(data.timestamp[size_t(first)]).arg(first);
        }
    }
    // Users in test who have nothing in train: the model knows nothing about them.
    std::vector<char> inTrain(size_t(data.userCount()), 0);
    for (int i : split.train)
        inTrain[size_t(data.interactionUser[size_t(i)])] = 1;
    std::vector<char> counted(size_t(data.userCount()), 0);
    int unseen = 0;
    for (int i : split.test) {
        const size_t user = size_t(data.interactionUser[size_t(i)]);
        if (!inTrain[user] && !counted[user]) {
            counted[user] = 1;
            ++unseen;
        }
    }
    split.notes << Tr::tr("Global by time: the latest %1 of all interactions to test, the %2 of the rest just before "
                      "them to validation;%3 %4; %5 test users have no training interaction.")
                       .arg(percent(config.ratio), percent(config.validationRatio), cuts, countsText(split))
                       .arg(unseen);
    return split;
}

Result<SplitIndices> splitFromFile(const Dataset &data)
{
    if (data.interactionSplit.empty())
        return makeError(Tr::tr("The file split needs the dataset's own train/validation/test labels (such as "
                            "MMRec's x_label); the dataset “%1” has none.")
                             .arg(data.name));
    if (int(data.interactionSplit.size()) != data.interactionCount())
        return makeError(Tr::tr("The dataset “%1” has %2 split labels for %3 interactions; expected one per interaction.")
                             .arg(data.name)
                             .arg(data.interactionSplit.size())
                             .arg(data.interactionCount()));
    SplitIndices split;
    for (int i = 0; i < data.interactionCount(); ++i) {
        switch (data.interactionSplit[size_t(i)]) {
        case 0: split.train.push_back(i); break;
        case 1: split.validation.push_back(i); break;
        case 2: split.test.push_back(i); break;
        default:
            return makeError(Tr::tr("Interaction %1 of the dataset “%2” has split label %3; expected 0 (train), "
                                "1 (validation) or 2 (test).")
                                 .arg(i)
                                 .arg(data.name)
                                 .arg(int(data.interactionSplit[size_t(i)])));
        }
    }
    split.notes << Tr::tr("The dataset's own split: %1.").arg(countsText(split));
    return split;
}

SplitIndices splitColdItems(const Dataset &data, const RecSplitConfig &config)
{
    // 0 = warm, 1 = validation item, 2 = test item.
    std::vector<qint8> role(size_t(data.itemCount()), 0);
    std::vector<char> used(size_t(data.itemCount()), 0);
    for (int item : data.interactionItem)
        used[size_t(item)] = 1;
    std::vector<int> items;
    for (int item = 0; item < data.itemCount(); ++item) {
        if (used[size_t(item)])
            items.push_back(item);
    }
    Random random(config.seed);
    random.shuffle(items.begin(), items.end());
    const int m = int(items.size());
    const int testItems = roundedShare(config.ratio, m);
    const int validationItems = roundedShare(config.validationRatio, m - testItems);
    for (int k = 0; k < testItems + validationItems; ++k)
        role[size_t(items[size_t(k)])] = k < testItems ? 2 : 1;
    SplitIndices split;
    split.coldItem.assign(size_t(data.itemCount()), false);
    for (int item = 0; item < data.itemCount(); ++item)
        split.coldItem[size_t(item)] = role[size_t(item)] != 0;
    for (int i = 0; i < data.interactionCount(); ++i) {
        const qint8 r = role[size_t(data.interactionItem[size_t(i)])];
        (r == 2 ? split.test : r == 1 ? split.validation : split.train).push_back(i);
    }
    split.notes << Tr::tr("Cold items (seed %1): %2 test and %3 validation items of the %4 with interactions held "
                      "out of training with all their interactions; %5.")
                       .arg(config.seed)
                       .arg(testItems)
                       .arg(validationItems)
                       .arg(m)
                       .arg(countsText(split));
    return split;
}

} // namespace

QString recSplitKindName(RecSplitKind kind)
{
    for (const KindName &entry : kKindNames) {
        if (entry.kind == kind)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

std::optional<RecSplitKind> parseRecSplitKind(const QString &name)
{
    for (const KindName &entry : kKindNames) {
        if (name.compare(QLatin1String(entry.name), Qt::CaseInsensitive) == 0)
            return entry.kind;
    }
    return std::nullopt;
}

QStringList recSplitKindNames()
{
    QStringList names;
    for (const KindName &entry : kKindNames)
        names << QString::fromLatin1(entry.name);
    return names;
}

Result<void> checkInteractions(const Dataset &data)
{
    const size_t n = data.interactionItem.size();
    if (data.interactionUser.size() != n || size_t(data.rating.size()) != n)
        return makeError(Tr::tr("The dataset “%1” has %2 users, %3 items and %4 ratings in its interaction arrays; "
                            "expected the same number of each.")
                             .arg(data.name)
                             .arg(data.interactionUser.size())
                             .arg(n)
                             .arg(data.rating.size()));
    for (size_t i = 0; i < n; ++i) {
        const int user = data.interactionUser[i];
        const int item = data.interactionItem[i];
        if (user < 0 || user >= data.userCount() || item < 0 || item >= data.itemCount())
            return makeError(Tr::tr("Interaction %1 of the dataset “%2” refers to user %3 and item %4; expected a user "
                                "below %5 and an item below %6.")
                                 .arg(i)
                                 .arg(data.name)
                                 .arg(user)
                                 .arg(item)
                                 .arg(data.userCount())
                                 .arg(data.itemCount()));
    }
    return {};
}

Result<SplitIndices> splitInteractions(const Dataset &data, const RecSplitConfig &config)
{
    if (Result<void> ok = checkConfig(config); !ok)
        return makeError(ok.error());
    if (Result<void> ok = checkInteractions(data); !ok)
        return makeError(ok.error());
    switch (config.kind) {
    case RecSplitKind::Random:
        return splitPerUser(data, config);
    case RecSplitKind::UserTemporal:
    case RecSplitKind::GlobalTemporal:
        if (Result<void> ok = checkTimestamps(data, config.kind); !ok)
            return makeError(ok.error());
        return config.kind == RecSplitKind::UserTemporal ? splitPerUser(data, config) : splitGlobalTemporal(data, config);
    case RecSplitKind::File:
        return splitFromFile(data);
    case RecSplitKind::ColdItems:
        return splitColdItems(data, config);
    }
    return makeError(Tr::tr("Unknown split kind %1; expected one of %2.")
                         .arg(int(config.kind))
                         .arg(recSplitKindNames().join(QStringLiteral(", "))));
}

} // namespace fl
