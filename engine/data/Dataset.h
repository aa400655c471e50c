#pragma once

// The in-memory form of a loaded dataset: items with their raw modalities, users, and the
// interactions between them. Importers produce it; embedders read it. Ids are kept as the dataset's
// own strings, indices are dense 0..n-1 in order of first appearance in the items file.

#include <Eigen/Core>
#include <QString>
#include <QStringList>

#include <functional>
#include <map>
#include <vector>

namespace fl {

enum class ModalityKind { Text, Image, Numeric, Vectors };

QString modalityKindName(ModalityKind kind);

// One modality as it came from the files, before embedding.
struct ModalitySource
{
    QString name;                 // e.g. "text", "image", "price"
    ModalityKind kind = ModalityKind::Numeric;
    QString origin;               // where it came from, for the user: "items.csv: title_en, title_zh"
    QStringList texts;            // Text: one document per item
    QStringList imagePaths;       // Image: one absolute (or ":/" resource) path per item
    Eigen::MatrixXd values;       // Numeric / Vectors: items × width
    std::vector<bool> missing;    // per item: true if the item has nothing for this modality

    int missingCount() const;
};

// An item's texts in one language, each list parallel to itemIds or empty (the items file has no
// such column in that language); an item without the text has an empty string.
struct ItemTexts
{
    QStringList titles;
    QStringList descriptions;
    QStringList categories;
};

struct Dataset
{
    QString name;
    QString sourcePath;           // the manifest or folder it was loaded from

    QStringList itemIds;
    QStringList itemTitles;       // for display; may repeat ids when no title column exists
    QStringList itemCategories;   // optional, for display only
    QStringList userIds;

    // Interactions as parallel arrays (struct of arrays: the training loops stream them).
    std::vector<int> interactionUser;
    std::vector<int> interactionItem;
    Eigen::VectorXd rating;
    std::vector<qint64> timestamp; // empty if the data has none
    std::vector<qint8> interactionSplit; // the file's own split, 0/1/2 = train/validation/test; empty if none

    std::vector<ModalitySource> modalities;

    // Titles, descriptions and categories by language ("en", "zh"), for items files that have them in
    // several languages (the manifest's title_columns, description_columns, category_columns);
    // itemTitles and itemCategories hold the default ones.
    std::map<QString, ItemTexts> itemTexts;

    int itemCount() const { return int(itemIds.size()); }
    int userCount() const { return int(userIds.size()); }
    int interactionCount() const { return int(interactionItem.size()); }
    double ratingMean() const;
    const ModalitySource *modality(const QString &name) const;

    // The item's title, description or category in `language`, a code such as "zh_CN" or "en" whose
    // language part picks among itemTexts; else the default title (the id when there is none) or
    // category, or no description.
    QString itemTitle(int item, const QString &language = {}) const;
    QString itemDescription(int item, const QString &language = {}) const;
    QString itemCategory(int item, const QString &language = {}) const;
    // Whether the item's id or one of its titles, in any language, contains needle (case-insensitive).
    bool itemMatches(int item, const QString &needle) const;
};

// Called with the fraction done (0..1); returning false asks the work to stop.
using ProgressFn = std::function<bool(double fraction)>;

} // namespace fl
