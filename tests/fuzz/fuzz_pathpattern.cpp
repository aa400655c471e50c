// Fuzz target: image path patterns such as "images/{category}/{item_id}.png" (engine/data/PathPattern.h),
// which the manifest loader and the import dialog share. Input: the pattern in UTF-8. The pieces must
// say the same as the placeholder list (an empty "{}" is no placeholder: a pattern made of such alone
// would give every item the same image), no literal may hold an unclosed "{", and an unclosed "{" must
// be where unclosedAt says.
#include "FuzzSupport.h"

#include "engine/data/PathPattern.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString pattern = QString::fromUtf8(fl::fuzz::inputView(data, size));
    const fl::PathPattern parsed = fl::parsePathPattern(pattern);
    QStringList placeholders;
    QString literals;
    for (const fl::PathPatternPiece &piece : parsed.pieces) {
        if (!piece.placeholder.isEmpty())
            placeholders.append(piece.placeholder);
        else
            literals += piece.literal;
        if (piece.placeholder != piece.placeholder.trimmed() || piece.placeholder.contains(QLatin1Char('}')))
            std::abort();
    }
    if (placeholders != parsed.placeholders || literals.contains(QLatin1Char('{')))
        std::abort();
    if (parsed.unclosedAt >= 0
        && (parsed.unclosedAt >= pattern.size() || pattern[parsed.unclosedAt] != QLatin1Char('{')
            || pattern.indexOf(QLatin1Char('}'), parsed.unclosedAt) >= 0))
        std::abort();
    return 0;
}
