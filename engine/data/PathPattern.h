#pragma once

// Image path patterns such as "images/{category}/{item_id}.png": literal text and {column}
// placeholders, shared by the manifest loader and the import dialog (which report problems in their
// own words).

#include <QString>
#include <QStringList>

#include <vector>

namespace fl {

struct PathPatternPiece
{
    QString literal;      // used when placeholder is empty
    QString placeholder;  // a column name, trimmed
};

struct PathPattern
{
    std::vector<PathPatternPiece> pieces;
    QStringList placeholders;     // in order of appearance
    qsizetype unclosedAt = -1;    // ≥ 0: the index of a "{" without its "}" (pieces stop there)
};

PathPattern parsePathPattern(const QString &pattern);

} // namespace fl
