#include "Dataset.h"

#include <algorithm>

namespace fl {

QString modalityKindName(ModalityKind kind)
{
    switch (kind) {
    case ModalityKind::Text: return QStringLiteral("text");
    case ModalityKind::Image: return QStringLiteral("image");
    case ModalityKind::Numeric: return QStringLiteral("numeric");
    case ModalityKind::Vectors: return QStringLiteral("vectors");
    }
    return {};
}

int ModalitySource::missingCount() const
{
    return int(std::count(missing.begin(), missing.end(), true));
}

double Dataset::ratingMean() const
{
    return rating.size() > 0 ? rating.mean() : 0.0;
}

const ModalitySource *Dataset::modality(const QString &name) const
{
    for (const ModalitySource &m : modalities) {
        if (m.name == name)
            return &m;
    }
    return nullptr;
}

} // namespace fl
