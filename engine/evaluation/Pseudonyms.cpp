#include "engine/evaluation/Pseudonyms.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QSet>

namespace fl {

QByteArray newPseudonymSalt()
{
    QByteArray salt(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()), salt.size() / 4);
    return salt;
}

QString pseudonym(const QString &id, const QByteArray &salt, int hexDigits)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(salt);
    hash.addData(id.toUtf8());
    return QStringLiteral("u_") + QString::fromLatin1(hash.result().toHex().left(hexDigits));
}

QStringList pseudonymize(const QStringList &ids, const QByteArray &salt)
{
    for (const int digits : {16, 32}) {
        QStringList out;
        out.reserve(ids.size());
        QSet<QString> seen;
        bool distinct = true;
        for (const QString &id : ids) {
            out << pseudonym(id, salt, digits);
            distinct = distinct && !seen.contains(out.back());
            seen.insert(out.back());
        }
        if (distinct || digits == 32)
            return out;
    }
    return {};
}

} // namespace fl
