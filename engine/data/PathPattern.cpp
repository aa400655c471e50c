#include "engine/data/PathPattern.h"

namespace fl {

PathPattern parsePathPattern(const QString &pattern)
{
    PathPattern parsed;
    qsizetype pos = 0;
    while (pos < pattern.size()) {
        const qsizetype open = pattern.indexOf(QLatin1Char('{'), pos);
        if (open < 0) {
            parsed.pieces.push_back({pattern.mid(pos), QString()});
            break;
        }
        if (open > pos)
            parsed.pieces.push_back({pattern.mid(pos, open - pos), QString()});
        const qsizetype close = pattern.indexOf(QLatin1Char('}'), open);
        if (close < 0) {
            parsed.unclosedAt = open;
            break;
        }
        const QString name = pattern.mid(open + 1, close - open - 1).trimmed();
        parsed.pieces.push_back({QString(), name});
        // "{}" names no column: an empty literal, so it must not count as a placeholder either.
        if (!name.isEmpty())
            parsed.placeholders.append(name);
        pos = close + 1;
    }
    return parsed;
}

} // namespace fl
