#include "RecommendationModels.h"

#include "Language.h"

#include <QDateTime>
#include <QLocale>

namespace fl::recommendations {

QString number(qint64 value)
{
    return QLocale().toString(value);
}

// In the window's language when the dataset has titles in it (the demo has English and Chinese ones).
QString titleOf(const Dataset &d, int item)
{
    return d.itemTitle(item, Language::current());
}

const ModalitySource *imageModality(const Dataset &d)
{
    for (const ModalitySource &m : d.modalities) {
        if (m.kind == ModalityKind::Image)
            return &m;
    }
    return nullptr;
}

// Timestamps as dates when they look like Unix seconds or milliseconds, else as numbers.
QString timeText(qint64 t)
{
    if (t >= 100'000'000 && t < 100'000'000'000)
        return QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    if (t >= 100'000'000'000 && t < 100'000'000'000'000)
        return QDateTime::fromMSecsSinceEpoch(t, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    return number(t);
}

QString ratingText(double value)
{
    return QLocale().toString(value, 'g', 6);
}

} // namespace fl::recommendations
