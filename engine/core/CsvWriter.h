#pragma once

// Writing CSV tables: a field quoted as RFC 4180 asks, a number that reads back bit for bit.

#include <QByteArray>
#include <QString>

namespace fl {

// text as a CSV field: quoted, with quotes doubled, when it holds a comma, quote or line break.
QByteArray csvField(const QString &text);

// value with 17 significant digits (it reads back exactly); an empty field when it is not finite.
QByteArray csvNumber(double value);

} // namespace fl
