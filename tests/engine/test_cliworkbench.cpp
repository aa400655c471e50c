// fusionlab-cli sweep and ablate, run as a user runs them: each sweep cell equals `train` with its
// weights (the regression's loss, a ranking model's metric, the closed form's optimum), the summary's
// best is the best cell, ablate prints one line per subset and seed that equals `train` with that
// subset and seed, non-finite values are null, and the exit codes (2 for arguments, 1 for data).

#include "tests/engine/CliTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {

using fl::test::jsonLines;
using fl::test::runCli;
using Run = fl::test::CliRun;

QList<QJsonObject> withEvent(const QList<QJsonObject> &lines, const char *event)
{
    QList<QJsonObject> out;
    for (const QJsonObject &line : lines) {
        if (line.value(QStringLiteral("event")).toString() == QLatin1String(event))
            out << line;
    }
    return out;
}

bool close(double a, double b, double relative = 1e-12)
{
    return std::abs(a - b) <= relative * std::max({1.0, std::abs(a), std::abs(b)});
}

QString number(double v)
{
    return QString::number(v, 'g', 17);
}

// The summary line of `train` with these arguments.
QJsonObject trainSummary(const QStringList &arguments)
{
    const Run run = runCli(QStringList{QStringLiteral("train"), QStringLiteral("demo"), QStringLiteral("--json")} + arguments);
    if (run.exitCode != 0)
        return {};
    const QList<QJsonObject> summary = withEvent(jsonLines(run.out), "summary");
    return summary.isEmpty() ? QJsonObject() : summary.back();
}

} // namespace

class CliWorkbenchTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void regressionSweepEqualsTrain()
    {
        const QStringList common{"--epochs", "20", "--lr", "0.05", "--l2", "0.001"};
        const Run run = runCli(QStringList{"sweep", "demo", "--alpha", "0:2:3", "--beta", "0.5:1:2", "--json"} + common);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QList<QJsonObject> lines = jsonLines(run.out);
        const QList<QJsonObject> cells = withEvent(lines, "cell");
        QCOMPARE(cells.size(), 6);
        QCOMPARE(lines.back().value("event").toString(), QStringLiteral("summary"));
        const QJsonObject summary = lines.back();
        QCOMPARE(summary.value("metric").toString(), QStringLiteral("val_loss"));
        QCOMPARE(summary.value("x").toString(), QStringLiteral("text"));
        QCOMPARE(summary.value("y").toString(), QStringLiteral("image"));

        double lowest = INFINITY;
        QJsonObject lowestCell;
        for (const QJsonObject &cell : cells) {
            const double v = cell.value("val_loss").toDouble();
            QCOMPARE(cell.value("value").toDouble(), v);
            if (v < lowest) {
                lowest = v;
                lowestCell = cell;
            }
        }
        const QJsonObject best = summary.value("best").toObject();
        QCOMPARE(best.value("val_loss").toDouble(), lowest);
        QCOMPARE(best.value("weights").toObject(), lowestCell.value("weights").toObject());

        for (const int index : {1, 5}) {
            const QJsonObject cell = cells[index];
            const QJsonObject weights = cell.value("weights").toObject();
            const QJsonObject train = trainSummary(QStringList{"--alpha", number(weights.value("text").toDouble()), "--beta",
                                                               number(weights.value("image").toDouble())} + common);
            QVERIFY(!train.isEmpty());
            QVERIFY2(close(cell.value("val_loss").toDouble(), train.value("val_loss").toDouble()),
                     qPrintable(QStringLiteral("%1 vs %2").arg(cell.value("val_loss").toDouble()).arg(train.value("val_loss").toDouble())));
            QVERIFY(close(cell.value("train_loss").toDouble(), train.value("train_loss").toDouble()));
            QVERIFY(close(cell.value("rmse").toDouble(), train.value("rmse").toDouble()));
        }
        // The cells differ: the weights reach the runs.
        QVERIFY(cells[0].value("val_loss").toDouble() != cells[5].value("val_loss").toDouble());
    }

    void closedFormSweepEqualsTrainsOptimum()
    {
        const Run run = runCli({"sweep", "demo", "--weight", "price=0:1:2", "--alpha", "0.5:1.5:3", "--closed-form", "--l2", "0.01", "--json"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QList<QJsonObject> lines = jsonLines(run.out);
        const QList<QJsonObject> cells = withEvent(lines, "cell");
        QCOMPARE(cells.size(), 6);
        QVERIFY(lines.back().value("closed_form").toBool());
        QCOMPARE(lines.back().value("x").toString(), QStringLiteral("text"));
        QCOMPARE(lines.back().value("y").toString(), QStringLiteral("price"));
        for (const int index : {0, 4}) {
            const QJsonObject weights = cells[index].value("weights").toObject();
            const QJsonObject train = trainSummary({"--alpha", number(weights.value("text").toDouble()), "--weight",
                                                    "price=" + number(weights.value("price").toDouble()), "--l2", "0.01",
                                                    "--epochs", "1"});
            QVERIFY(!train.isEmpty());
            QVERIFY(close(cells[index].value("val_loss").toDouble(), train.value("optimum_val_loss").toDouble(), 1e-9));
            QVERIFY(close(cells[index].value("train_loss").toDouble(), train.value("optimum_train_loss").toDouble(), 1e-9));
        }
    }

    void rankingSweepEqualsTrain()
    {
        const QStringList common{"--model", "hybrid", "--epochs", "2", "--factors", "8", "--optimizer", "adam", "--seed", "3"};
        const Run run = runCli(QStringList{"sweep", "demo", "--alpha", "0:1:2", "--weight", "image=0.2:1:2", "--json", "--threads", "2"} + common);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QList<QJsonObject> lines = jsonLines(run.out);
        const QList<QJsonObject> cells = withEvent(lines, "cell");
        QCOMPARE(cells.size(), 4);
        const QJsonObject summary = lines.back();
        QCOMPARE(summary.value("metric").toString(), QStringLiteral("ndcg@10"));
        QVERIFY(summary.value("higher_is_better").toBool());
        double highest = -INFINITY;
        QJsonObject highestCell;
        for (const QJsonObject &cell : cells) {
            QCOMPARE(cell.value("value").toDouble(), cell.value("ndcg@10").toDouble());
            // A hybrid has no closed-form floor: null, never 0.
            QVERIFY(cell.contains("floor") && cell.value("floor").isNull());
            if (cell.value("ndcg@10").toDouble() > highest) {
                highest = cell.value("ndcg@10").toDouble();
                highestCell = cell;
            }
        }
        QCOMPARE(summary.value("best").toObject().value("weights").toObject(), highestCell.value("weights").toObject());
        for (const QJsonObject &cell : {cells.front(), cells.back()}) {
            const QJsonObject weights = cell.value("weights").toObject();
            const QJsonObject train = trainSummary(QStringList{"--alpha", number(weights.value("text").toDouble()), "--weight",
                                                               "image=" + number(weights.value("image").toDouble())} + common);
            QVERIFY(!train.isEmpty());
            QCOMPARE(cell.value("ndcg@10").toDouble(), train.value("ndcg@10").toDouble());
            QCOMPARE(cell.value("recall@20").toDouble(), train.value("recall@20").toDouble());
            QCOMPARE(cell.value("val_loss").toDouble(), train.value("val_loss").toDouble());
        }
    }

    void readableTableAndCsv()
    {
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("landscape.csv"));
        const Run run = runCli({"sweep", "demo", "--alpha", "0:1:2", "--beta", "0:1:2", "--closed-form", "--csv", csv});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QString text = QString::fromUtf8(run.out);
        QVERIFY(text.contains(QLatin1String("closed-form optimum")));
        QVERIFY(text.contains(QLatin1String("Best: text = ")));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> rows = file.readAll().trimmed().split('\n');
        QCOMPARE(rows.size(), 5);
        QCOMPARE(rows[0], QByteArray("text,image,val_loss,train_loss,val_loss,status"));
    }

    void divergedCellsAreNull()
    {
        const Run run = runCli({"sweep", "demo", "--alpha", "1:2:2", "--beta", "1:2:2", "--lr", "1000", "--epochs", "30", "--json"});
        QCOMPARE(run.exitCode, 1);   // no cell has a value
        const QList<QJsonObject> cells = withEvent(jsonLines(run.out), "cell");
        QCOMPARE(cells.size(), 4);
        for (const QJsonObject &cell : cells) {
            QCOMPARE(cell.value("status").toString(), QStringLiteral("diverged"));
            QVERIFY(cell.value("value").isNull());
            QVERIFY(cell.value("val_loss").toDouble() > 1e6);   // where the run stopped
        }
        QVERIFY(jsonLines(run.out).back().value("best").isNull());
    }

    void ablateEqualsTrain()
    {
        const QStringList common{"--epochs", "15", "--lr", "0.05"};
        const Run run = runCli(QStringList{"ablate", "demo", "--seeds", "2", "--seed", "7", "--json"} + common);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QList<QJsonObject> lines = jsonLines(run.out);
        const QList<QJsonObject> runs = withEvent(lines, "ablation");
        QCOMPARE(runs.size(), 7 * 2);   // text, image, price: 3 alone + 3 all-but + all, two seeds each
        QCOMPARE(lines.back().value("event").toString(), QStringLiteral("summary"));
        const QJsonArray rows = lines.back().value("rows").toArray();
        QCOMPARE(rows.size(), 7);
        QCOMPARE(lines.back().value("metric").toString(), QStringLiteral("val_loss"));

        QJsonObject pair;   // "image+price" seed 8
        for (const QJsonObject &r : runs) {
            const QJsonArray m = r.value("modalities").toArray();
            if (m.size() == 2 && m[0].toString() == QLatin1String("image") && r.value("seed").toInt() == 8)
                pair = r;
        }
        QVERIFY(!pair.isEmpty());
        QCOMPARE(pair.value("subset").toString(), QStringLiteral("all but text"));
        const QJsonObject train = trainSummary(QStringList{"--modalities", "image,price", "--seed", "8"} + common);
        QVERIFY(close(pair.value("val_loss").toDouble(), train.value("val_loss").toDouble()));
        QCOMPARE(pair.value("value").toDouble(), pair.value("val_loss").toDouble());

        // Each row's mean is the mean of its two seeds' lines.
        for (const QJsonValue &value : rows) {
            const QJsonObject row = value.toObject();
            double sum = 0;
            int n = 0;
            for (const QJsonObject &r : runs) {
                if (r.value("modalities").toArray() == row.value("modalities").toArray()) {
                    sum += r.value("val_loss").toDouble();
                    ++n;
                }
            }
            QCOMPARE(n, 2);
            QCOMPARE(row.value("n").toInt(), 2);
            QVERIFY(close(row.value("mean").toDouble(), sum / 2));
        }
        QCOMPARE(rows.last().toObject().value("subset").toString(), QStringLiteral("all"));
        QCOMPARE(rows.last().toObject().value("delta_to_all").toDouble(), 0.0);
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("code");
        QTest::newRow("one axis") << QStringList{"sweep", "demo", "--alpha", "0:1:3"} << 2;
        QTest::newRow("three axes") << QStringList{"sweep", "demo", "--alpha", "0:1:3", "--beta", "0:1:2", "--gamma", "0:1:2"} << 2;
        QTest::newRow("same modality twice") << QStringList{"sweep", "demo", "--alpha", "0:1:3", "--weight", "text=0:1:2"} << 2;
        QTest::newRow("bad range") << QStringList{"sweep", "demo", "--alpha", "0:1", "--beta", "0:1:2"} << 2;
        QTest::newRow("too many steps") << QStringList{"sweep", "demo", "--alpha", "0:1:5000", "--beta", "0:1:2"} << 2;
        QTest::newRow("unknown modality") << QStringList{"sweep", "demo", "--alpha", "0:1:2", "--weight", "audio=0:1:2"} << 2;
        QTest::newRow("closed form of hybrid") << QStringList{"sweep", "demo", "--alpha", "0:1:2", "--beta", "0:1:2", "--model", "hybrid", "--closed-form"} << 2;
        QTest::newRow("ranking metric of the regression") << QStringList{"sweep", "demo", "--alpha", "0:1:2", "--beta", "0:1:2", "--metric", "ndcg@10"} << 2;
        QTest::newRow("bad threads") << QStringList{"sweep", "demo", "--alpha", "0:1:2", "--beta", "0:1:2", "--threads", "0"} << 2;
        QTest::newRow("bad lr") << QStringList{"sweep", "demo", "--alpha", "0:1:2", "--beta", "0:1:2", "--lr", "-1"} << 2;
        QTest::newRow("sweep missing data") << QStringList{"sweep", "/nonexistent/folder", "--alpha", "0:1:2", "--beta", "0:1:2"} << 1;
        QTest::newRow("zero seeds") << QStringList{"ablate", "demo", "--seeds", "0"} << 2;
        QTest::newRow("ablate metric") << QStringList{"ablate", "demo", "--metric", "recall@10"} << 2;
        QTest::newRow("ablate missing data") << QStringList{"ablate", "/nonexistent/folder"} << 1;
        QTest::newRow("ablate no dataset") << QStringList{"ablate"} << 2;
    }

    void exitCodes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, code);
        const Run run = runCli(arguments);
        QVERIFY2(run.exitCode == code, qPrintable(QStringLiteral("exit %1: %2").arg(run.exitCode).arg(run.err)));
        QVERIFY(!run.err.trimmed().isEmpty());
    }
};

QTEST_GUILESS_MAIN(CliWorkbenchTest)
#include "test_cliworkbench.moc"
