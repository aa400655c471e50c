// Privacy of exports: --pseudonymize replaces every user id of the top-K lists, their cold companion and
// the split by a salted hash that is the same user in every file of one run and differs between runs;
// the rows are otherwise those of the plain export (item ids, ranks, scores, ratings). The pseudonyms
// themselves: the format, distinctness, the salt's effect.

#include "CliTestSupport.h"

#include "engine/data/DatasetImport.h"
#include "engine/evaluation/Pseudonyms.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>

using namespace fl;
using namespace fl::test;

namespace {

// The rows of a TSV file under its header, each split into its columns.
QList<QStringList> tsvRows(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QStringList> rows;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (!lines[i].isEmpty())
            rows << QString::fromUtf8(lines[i]).split(QLatin1Char('\t'));
    }
    return rows;
}

} // namespace

class TestPrivacy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pseudonymsAreSaltedHashes()
    {
        const QByteArray salt("0123456789abcdef");
        const QString p = pseudonym(QStringLiteral("alice"), salt);
        const QByteArray expected = QCryptographicHash::hash(salt + QByteArray("alice"), QCryptographicHash::Sha256).toHex().left(16);
        QCOMPARE(p, QStringLiteral("u_") + QString::fromLatin1(expected));
        QCOMPARE(pseudonym(QStringLiteral("alice"), salt), p);                        // stable within a salt
        QVERIFY(pseudonym(QStringLiteral("alice"), QByteArray("another salt....")) != p);
        const QStringList ids{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("10"), QStringLiteral("alice")};
        const QStringList out = pseudonymize(ids, salt);
        QCOMPARE(out.size(), ids.size());
        QCOMPARE(QSet<QString>(out.begin(), out.end()).size(), ids.size());
        const QByteArray a = newPseudonymSalt(), b = newPseudonymSalt();
        QCOMPARE(a.size(), 16);
        QVERIFY(a != b);
    }

    void exportsNameNoUser()
    {
        Result<Dataset> demo = importDataset(QStringLiteral("demo"));
        QVERIFY(demo);
        const QStringList userIds = demo->userIds;

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto train = [&](const QString &name, bool pseudonymize) {
            QStringList args{QStringLiteral("train"), QStringLiteral("demo"), QStringLiteral("--model"), QStringLiteral("hybrid"),
                             QStringLiteral("--split"), QStringLiteral("cold-items"), QStringLiteral("--epochs"), QStringLiteral("3"),
                             QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--json"),
                             QStringLiteral("--export-topk"), dir.filePath(name + QStringLiteral("/top.tsv")),
                             QStringLiteral("--export-split"), dir.filePath(name + QStringLiteral("/split"))};
            if (pseudonymize)
                args << QStringLiteral("--pseudonymize");
            QDir().mkpath(dir.filePath(name));
            return runCli(args);
        };
        const CliRun plain = train(QStringLiteral("plain"), false);
        QCOMPARE(plain.exitCode, 0);
        const CliRun first = train(QStringLiteral("first"), true);
        QCOMPARE(first.exitCode, 0);
        QVERIFY(jsonLines(first.out).back().value(QStringLiteral("pseudonymized")).toBool());
        const CliRun second = train(QStringLiteral("second"), true);
        QCOMPARE(second.exitCode, 0);

        const QStringList files{QStringLiteral("top.tsv"), QStringLiteral("top.cold.tsv"), QStringLiteral("split/train.tsv"),
                                QStringLiteral("split/valid.tsv"), QStringLiteral("split/test.tsv")};
        const QRegularExpression shape(QStringLiteral("^u_[0-9a-f]{16}$"));
        std::map<QString, QString> userOf;   // the plain user behind each pseudonym of the first run
        std::set<QString> firstNames, secondNames;
        for (const QString &file : files) {
            const QList<QStringList> rows = tsvRows(dir.filePath(QStringLiteral("plain/") + file));
            const QList<QStringList> hidden = tsvRows(dir.filePath(QStringLiteral("first/") + file));
            const QList<QStringList> again = tsvRows(dir.filePath(QStringLiteral("second/") + file));
            QVERIFY2(!rows.isEmpty(), qPrintable(file));
            QCOMPARE(hidden.size(), rows.size());
            QCOMPARE(again.size(), rows.size());
            for (qsizetype r = 0; r < rows.size(); ++r) {
                const QString &name = hidden[r][0];
                QVERIFY2(shape.match(name).hasMatch(), qPrintable(name));
                QVERIFY(!userIds.contains(name));
                // Everything but the user column is the plain export's.
                QCOMPARE(hidden[r].mid(1), rows[r].mid(1));
                // One user, one pseudonym, in every file of the run.
                const auto [it, fresh] = userOf.emplace(name, rows[r][0]);
                QVERIFY2(fresh || it->second == rows[r][0], qPrintable(file + QStringLiteral(": ") + name));
                firstNames.insert(name);
                secondNames.insert(again[r][0]);
            }
        }
        // Distinct users keep distinct pseudonyms; another run draws another salt.
        std::set<QString> plainUsers;
        for (const auto &[name, user] : userOf)
            plainUsers.insert(user);
        QCOMPARE(plainUsers.size(), userOf.size());
        std::vector<QString> shared;
        std::set_intersection(firstNames.begin(), firstNames.end(), secondNames.begin(), secondNames.end(),
                              std::back_inserter(shared));
        QVERIFY(shared.empty());
    }

    void pseudonymizeWithoutAnExportIsAUsageError()
    {
        const CliRun run = runCli({QStringLiteral("train"), QStringLiteral("demo"), QStringLiteral("--pseudonymize")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("--pseudonymize changes the user ids of --export-topk and --export-split")),
                 qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestPrivacy)
#include "test_privacy.moc"
