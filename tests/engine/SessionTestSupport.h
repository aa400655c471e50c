#pragma once

// A small dataset for the session and stepping suites: `items` items with two numeric modalities
// "a" and "b" (3 normal columns each), 10 users, and ratings that depend linearly on a and b plus
// noise, all drawn from one seeded generator.

#include "engine/core/Random.h"
#include "engine/data/Dataset.h"

#include <memory>

namespace fl::test {

inline std::shared_ptr<const Dataset> makeNumericDataset(const QString &name, std::uint64_t seed, int items = 50,
                                                        int interactions = 600)
{
    auto d = std::make_shared<Dataset>();
    d->name = name;
    Random random(seed);
    for (int i = 0; i < items; ++i) {
        d->itemIds << QStringLiteral("i%1").arg(i);
        d->itemTitles << d->itemIds.back();
    }
    for (int u = 0; u < 10; ++u)
        d->userIds << QStringLiteral("u%1").arg(u);
    for (const char *modality : {"a", "b"}) {
        ModalitySource m;
        m.name = QString::fromLatin1(modality);
        m.kind = ModalityKind::Numeric;
        m.values.resize(items, 3);
        for (Eigen::Index k = 0; k < m.values.size(); ++k)
            m.values.data()[k] = random.normal();
        m.missing.assign(size_t(items), false);
        d->modalities.push_back(m);
    }
    d->rating.resize(interactions);
    for (int r = 0; r < interactions; ++r) {
        const int item = int(random.below(std::uint64_t(items)));
        d->interactionItem.push_back(item);
        d->interactionUser.push_back(int(random.below(10)));
        d->rating(r) = 3.0 + d->modalities[0].values(item, 0) - 0.5 * d->modalities[1].values(item, 1) + 0.2 * random.normal();
    }
    return d;
}

} // namespace fl::test
