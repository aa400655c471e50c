#pragma once

// Salted pseudonyms for user ids in exports (the CLI's --pseudonymize): "u_" and the first 16 hex
// digits of SHA-256(salt ‖ id). The salt is 16 random bytes drawn once per run and never written
// anywhere, so one user gets the same pseudonym in every file of a run (the top-K lists, the cold lists
// and the split agree with each other), a different one in the next run, and no one can find an id
// back by hashing candidate ids. Item ids are not personal and stay as they are.

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace fl {

QByteArray newPseudonymSalt();
QString pseudonym(const QString &id, const QByteArray &salt, int hexDigits = 16);
// One pseudonym per id, all distinct: should two ids of the list share 16 digits (about 1 in 3·10⁷ for
// a million users), every pseudonym gets 32.
QStringList pseudonymize(const QStringList &ids, const QByteArray &salt);

} // namespace fl
