#include "engine/core/CsvWriter.h"

#include <cmath>

namespace fl {

QByteArray csvField(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n') || bytes.contains('\r')) {
        bytes.replace("\"", "\"\"");
        bytes = '"' + bytes + '"';
    }
    return bytes;
}

QByteArray csvNumber(double value)
{
    return std::isfinite(value) ? QByteArray::number(value, 'g', 17) : QByteArray();
}

} // namespace fl
