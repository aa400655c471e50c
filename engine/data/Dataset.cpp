#include "engine/data/Dataset.h"

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

namespace {

// The texts in `language`: those under the same code, else under a code of the same language ("zh"
// for "zh_CN"); null when the dataset has none.
const ItemTexts *textsIn(const std::map<QString, ItemTexts> &texts, const QString &language)
{
    if (language.isEmpty() || texts.empty())
        return nullptr;
    if (const auto exact = texts.find(language); exact != texts.end())
        return &exact->second;
    // Called per cell while 60k rows sort: compares the codes' language parts, no QLocale.
    const auto languagePart = [](const QString &code) {
        qsizetype cut = 0;
        while (cut < code.size() && code[cut] != u'_' && code[cut] != u'-')
            ++cut;
        return QStringView(code).left(cut);
    };
    const QStringView wanted = languagePart(language);
    for (const auto &[code, value] : texts) {
        if (languagePart(code).compare(wanted, Qt::CaseInsensitive) == 0)
            return &value;
    }
    return nullptr;
}

QString textOf(const QStringList *list, int item)
{
    return list && item >= 0 && item < list->size() ? list->at(item) : QString();
}

} // namespace

QString Dataset::itemTitle(int item, const QString &language) const
{
    const ItemTexts *texts = textsIn(itemTexts, language);
    if (QString title = textOf(texts ? &texts->titles : nullptr, item); !title.isEmpty())
        return title;
    if (QString title = textOf(&itemTitles, item); !title.isEmpty())
        return title;
    return itemIds.value(item);
}

QString Dataset::itemDescription(int item, const QString &language) const
{
    if (const ItemTexts *texts = textsIn(itemTexts, language))
        return textOf(&texts->descriptions, item);
    return {};
}

QString Dataset::itemCategory(int item, const QString &language) const
{
    const ItemTexts *texts = textsIn(itemTexts, language);
    if (QString category = textOf(texts ? &texts->categories : nullptr, item); !category.isEmpty())
        return category;
    return textOf(&itemCategories, item);
}

bool Dataset::itemMatches(int item, const QString &needle) const
{
    if (itemIds.value(item).contains(needle, Qt::CaseInsensitive) || textOf(&itemTitles, item).contains(needle, Qt::CaseInsensitive))
        return true;
    return std::any_of(itemTexts.begin(), itemTexts.end(), [&](const auto &entry) {
        return textOf(&entry.second.titles, item).contains(needle, Qt::CaseInsensitive);
    });
}

} // namespace fl
