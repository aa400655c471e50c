// The README promises that `--export-split DIR` and `--export-topk FILE` are "enough to recompute every
// number": this suite runs fusionlab-cli as a user does, then recomputes precision, recall, NDCG, hit
// rate and MAP at every K from the exported TSV files alone, written here from the README's definitions
// (not by calling engine/RankingMetrics), and compares them with the summary's JSON. It also checks the
// files themselves: exact headers, ranks from 1, the dataset's own ids, every interaction in exactly one
// part, no known item recommended, and lists as long as the largest K (or the candidates) allow.

#include "engine/evaluation/RankingMetrics.h"
#include "engine/models/RandomModel.h"

#include "tests/TestSupport.h"
#include "tests/engine/CliTestSupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace {

QJsonObject lastJsonLine(const QByteArray &out)
{
    const QList<QByteArray> lines = out.trimmed().split('\n');
    return QJsonDocument::fromJson(lines.back()).object();
}

// A TSV file as rows of fields; the first line must be `header` exactly. Empty on any failure (the
// reason in *error).
QList<QStringList> readTsv(const QString &path, const QString &header, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1").arg(path);
        return {};
    }
    const QString text = QString::fromUtf8(file.readAll());
    if (!text.endsWith(QLatin1Char('\n'))) {
        *error = QStringLiteral("%1 does not end with a line break").arg(path);
        return {};
    }
    QStringList lines = text.split(QLatin1Char('\n'));
    lines.removeLast();
    if (lines.isEmpty() || lines.first() != header) {
        *error = QStringLiteral("%1: header '%2', expected '%3'").arg(path, lines.value(0), header);
        return {};
    }
    const int columns = int(header.count(QLatin1Char('\t'))) + 1;
    QList<QStringList> rows;
    for (int n = 1; n < lines.size(); ++n) {
        const QStringList fields = lines[n].split(QLatin1Char('\t'));
        if (fields.size() != columns) {
            *error = QStringLiteral("%1 line %2 has %3 fields").arg(path).arg(n + 1).arg(fields.size());
            return {};
        }
        rows << fields;
    }
    return rows;
}

struct Interaction
{
    QString user;
    QString item;
    double rating = 0;
};

struct Recommendation
{
    QString item;
    double score = 0;
};

using Lists = std::map<QString, std::vector<Recommendation>>;

// The README's definitions, word for word. For each user u: the candidates are every item (`pool`)
// except those of u's training and validation interactions; the relevant items are u's test items
// among the candidates (with a threshold t, only those rated ≥ t); users without one are skipped. The
// list is the K best-scored candidates (the exported file, rank 1 first). h(r) = 1 if rank r holds a
// relevant item, H = Σ_{r≤K} h(r), R = the number of relevant items:
//   precision@K = H/K, recall@K = H/R, hit@K = [H > 0],
//   ndcg@K = Σ h(r)/log₂(r+1) ÷ Σ_{r≤min(R,K)} 1/log₂(r+1),
//   map@K = Σ h(r)·(Σ_{s≤r} h(s))/r ÷ min(R, K);
// each the mean over evaluated users.
std::map<QString, double> recompute(const std::map<QString, std::set<QString>> &known,
                                    const std::vector<Interaction> &test, const std::set<QString> &pool,
                                    const Lists &lists, const std::vector<int> &ks, bool useThreshold, double threshold,
                                    const QString &prefix, int *evaluated)
{
    std::map<QString, std::set<QString>> relevant;
    for (const Interaction &x : test) {
        if (useThreshold && !(x.rating >= threshold))
            continue;
        if (!pool.count(x.item))
            continue;
        const auto seen = known.find(x.user);
        if (seen != known.end() && seen->second.count(x.item))
            continue;
        relevant[x.user].insert(x.item);
    }
    std::map<QString, double> sums;
    *evaluated = 0;
    for (const auto &[user, items] : relevant) {
        ++*evaluated;
        const auto found = lists.find(user);
        const std::vector<Recommendation> empty;
        const std::vector<Recommendation> &list = found == lists.end() ? empty : found->second;
        const double R = double(items.size());
        for (const int K : ks) {
            double H = 0, dcg = 0, ap = 0, idcg = 0;
            for (int r = 1; r <= K && r <= int(list.size()); ++r) {
                const double h = items.count(list[size_t(r - 1)].item) ? 1.0 : 0.0;
                H += h;
                dcg += h / std::log2(r + 1.0);
                ap += h * H / r;   // H is Σ_{s≤r} h(s) here
            }
            for (int r = 1; r <= std::min(int(R), K); ++r)
                idcg += 1.0 / std::log2(r + 1.0);
            const QString at = QStringLiteral("@%1").arg(K);
            sums[prefix + QStringLiteral("precision") + at] += H / K;
            sums[prefix + QStringLiteral("recall") + at] += H / R;
            sums[prefix + QStringLiteral("hit") + at] += H > 0 ? 1.0 : 0.0;
            sums[prefix + QStringLiteral("ndcg") + at] += dcg / idcg;
            sums[prefix + QStringLiteral("map") + at] += ap / std::min(R, double(K));
        }
    }
    for (auto &[name, sum] : sums)
        sum /= *evaluated;
    return sums;
}

} // namespace

class ExportCheckTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void metricsFromTheExportedFiles_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QList<int>>("ks");
        QTest::addColumn<double>("threshold");   // NaN: none
        QTest::addColumn<bool>("cold");
        const double none = std::nan("");
        QTest::newRow("hybrid random") << QStringList{"--model", "hybrid", "--split", "random", "--k", "5,10,20"}
                                       << QList<int>{5, 10, 20} << none << false;
        QTest::newRow("hybrid cold-items") << QStringList{"--model", "hybrid", "--split", "cold-items", "--k", "10,20"}
                                           << QList<int>{10, 20} << none << true;
        QTest::newRow("hybrid threshold 4") << QStringList{"--model", "hybrid", "--split", "random", "--threshold", "4", "--k", "20,3"}
                                            << QList<int>{20, 3} << 4.0 << false;
        QTest::newRow("linear biases user-temporal")
            << QStringList{"--model", "linear", "--biases", "--split", "user-temporal", "--k", "10,50"}
            << QList<int>{10, 50} << none << false;
        // Many equal scores: the lists must break ties by the dataset's item order.
        QTest::newRow("popularity global-temporal") << QStringList{"--model", "popularity", "--split", "global-temporal", "--k", "10,100"}
                                                   << QList<int>{10, 100} << none << false;
        QTest::newRow("mf bpr cold-items threshold 3")
            << QStringList{"--model", "mf", "--loss", "bpr", "--split", "cold-items", "--threshold", "3", "--k", "7"}
            << QList<int>{7} << 3.0 << true;
    }

    void metricsFromTheExportedFiles()
    {
        QFETCH(QStringList, options);
        QFETCH(QList<int>, ks);
        QFETCH(double, threshold);
        QFETCH(bool, cold);
        const std::shared_ptr<const fl::Dataset> demo = fl::test::loadDemo();
        QVERIFY(demo);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString top = dir.filePath(QStringLiteral("top.tsv"));
        const QString splitDir = dir.filePath(QStringLiteral("split"));
        const QStringList arguments = QStringList{"train", "demo", "--optimizer", "adam", "--lr", "0.01", "--epochs", "6", "--seed", "3",
                                                  "--json", "--export-topk", top, "--export-split", splitDir}
            + options;
        const fl::test::CliRun run = fl::test::runCli(arguments);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject summary = lastJsonLine(run.out);
        QCOMPARE(summary[QStringLiteral("event")].toString(), QStringLiteral("summary"));

        // The split: exact headers, the dataset's own ids, every interaction in exactly one part.
        QString error;
        const QString splitHeader = QStringLiteral("user\titem\trating\ttimestamp");
        std::map<QString, std::set<QString>> known;   // u's training and validation items
        std::vector<Interaction> test;
        const std::set<QString> users(demo->userIds.begin(), demo->userIds.end());
        const std::set<QString> items(demo->itemIds.begin(), demo->itemIds.end());
        int interactions = 0;
        for (const char *part : {"train.tsv", "valid.tsv", "test.tsv"}) {
            const QList<QStringList> rows = readTsv(splitDir + QLatin1Char('/') + QLatin1String(part), splitHeader, &error);
            QVERIFY2(!rows.isEmpty(), qPrintable(error));
            for (const QStringList &row : rows) {
                QVERIFY2(users.count(row[0]) && items.count(row[1]), qPrintable(row.join(QLatin1Char(' '))));
                bool ok = false;
                const double rating = row[2].toDouble(&ok);
                QVERIFY(ok);
                row[3].toDouble(&ok);
                QVERIFY(ok);   // the demo has timestamps
                if (qstrcmp(part, "test.tsv") == 0)
                    test.push_back({row[0], row[1], rating});
                else
                    known[row[0]].insert(row[1]);
                ++interactions;
            }
        }
        QCOMPARE(interactions, demo->interactionCount());

        // The top-K file: exact header, ranks 1, 2, … per user, scores not increasing (ties in the
        // evaluator's seeded random order: seededHash(seededHash(seed, −1, −1), user, item) ascending),
        // no known item, as long as the largest K or the candidates allow.
        std::map<QString, int> itemIndex, userIndex;
        for (int i = 0; i < demo->itemCount(); ++i)
            itemIndex[demo->itemIds[i]] = i;
        for (int u = 0; u < demo->userCount(); ++u)
            userIndex[demo->userIds[u]] = u;
        const std::uint64_t tieSeed = fl::seededHash(fl::kDefaultTieSeed, -1, -1);
        const auto tieKey = [&](const QString &user, const QString &item) {
            return std::pair(fl::seededHash(tieSeed, userIndex[user], itemIndex[item]), itemIndex[item]);
        };
        const int kMax = *std::max_element(ks.begin(), ks.end());
        auto readLists = [&](const QString &path, const std::set<QString> &pool, Lists *lists) {
            const QList<QStringList> rows = readTsv(path, QStringLiteral("user\trank\titem\tscore"), &error);
            QVERIFY2(!rows.isEmpty(), qPrintable(error));
            for (const QStringList &row : rows) {
                QVERIFY2(users.count(row[0]), qPrintable(row[0]));
                QVERIFY2(pool.count(row[2]), qPrintable(row[2]));
                std::vector<Recommendation> &list = (*lists)[row[0]];
                QCOMPARE(row[1].toInt(), int(list.size()) + 1);
                bool ok = false;
                const double score = row[3].toDouble(&ok);
                QVERIFY(ok);
                if (!list.empty()) {
                    QVERIFY(score <= list.back().score);
                    if (score == list.back().score)
                        QVERIFY(tieKey(row[0], row[2]) > tieKey(row[0], list.back().item));
                }
                QVERIFY2(!known[row[0]].count(row[2]), qPrintable(row.join(QLatin1Char(' '))));
                list.push_back({row[2], score});
            }
            QCOMPARE(lists->size(), users.size());   // every user of the dataset
            for (const auto &[user, list] : *lists) {
                int candidates = 0;
                for (const QString &item : pool)
                    candidates += known[user].count(item) ? 0 : 1;
                QCOMPARE(int(list.size()), std::min(kMax, candidates));
                std::set<QString> distinct;
                for (const Recommendation &r : list)
                    distinct.insert(r.item);
                QCOMPARE(distinct.size(), list.size());
            }
        };
        Lists lists;
        readLists(top, items, &lists);
        if (QTest::currentTestFailed())
            return;

        const std::vector<int> cutoffs(ks.begin(), ks.end());
        const bool useThreshold = !std::isnan(threshold);
        int evaluated = 0;
        std::map<QString, double> expected = recompute(known, test, items, lists, cutoffs, useThreshold, threshold, QString(), &evaluated);
        QVERIFY(evaluated > 100);

        if (cold) {
            // The cold_ metrics rank only held-out items (cold_items.tsv), in FILE.cold.tsv.
            const QList<QStringList> rows = readTsv(splitDir + QStringLiteral("/cold_items.tsv"), QStringLiteral("item"), &error);
            QVERIFY2(!rows.isEmpty(), qPrintable(error));
            std::set<QString> coldItems;
            for (const QStringList &row : rows) {
                QVERIFY(items.count(row[0]));
                coldItems.insert(row[0]);
            }
            // The candidates are the items held out for the test: held out, with a test interaction
            // (validation's held-out items are validation's candidates).
            std::set<QString> testColdItems;
            for (const Interaction &x : test) {
                QVERIFY2(coldItems.count(x.item), qPrintable(x.item));   // every test item is held out
                testColdItems.insert(x.item);
            }
            QVERIFY(testColdItems.size() < coldItems.size());   // some held-out items went to validation
            Lists coldLists;
            readLists(dir.filePath(QStringLiteral("top.cold.tsv")), testColdItems, &coldLists);
            if (QTest::currentTestFailed())
                return;
            int coldEvaluated = 0;
            const std::map<QString, double> coldExpected =
                recompute(known, test, testColdItems, coldLists, cutoffs, useThreshold, threshold, QStringLiteral("cold_"), &coldEvaluated);
            QVERIFY(coldEvaluated > 100);
            expected.insert(coldExpected.begin(), coldExpected.end());
        } else {
            QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("top.cold.tsv"))));
            QVERIFY(!QFile::exists(splitDir + QStringLiteral("/cold_items.tsv")));
        }

        QCOMPARE(int(expected.size()), int(cutoffs.size()) * 5 * (cold ? 2 : 1));
        for (const auto &[name, value] : expected) {
            QVERIFY2(summary[name].isDouble(), qPrintable(name));
            const double reported = summary[name].toDouble();
            QVERIFY2(std::abs(reported - value) <= 1e-9 * std::max(1.0, std::abs(value)),
                     qPrintable(QStringLiteral("%1: summary %2, from the files %3").arg(name).arg(reported, 0, 'g', 17).arg(value, 0, 'g', 17)));
        }
        // No metric in the summary that the files do not explain.
        for (auto it = summary.begin(); it != summary.end(); ++it) {
            if (it.key().contains(QLatin1Char('@')))
                QVERIFY2(expected.count(it.key()), qPrintable(it.key()));
        }
    }
};

QTEST_GUILESS_MAIN(ExportCheckTest)
#include "test_exportcheck.moc"
