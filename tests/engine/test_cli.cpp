// fusionlab-cli, run as a user runs it: the JSON schema of train and stats, the readable table,
// export-demo, and exit codes — 2 with the usage text for a wrong argument, 1 with file and line for
// bad data, never a crash.

#include "engine/data/Npy.h"

#include "tests/engine/CliTestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <qplatformdefs.h>

#include <sys/stat.h>

namespace {

using fl::test::jsonLines;
using fl::test::runCli;
using fl::test::runCliProcess;
using Run = fl::test::CliRun;

void writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

} // namespace

class CommandLineTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A path that is a FIFO (or a device) is refused with its name and left as it was: saving renames a
    // finished copy over the target, which would replace the node (as root, /dev/full became a file).
    void writesOverNonRegularFilesAreRefused()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("pipe"));
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        for (const QStringList &export_ : {QStringList{QStringLiteral("--export-topk"), fifo},
                                           QStringList{QStringLiteral("--save-experiment"), fifo}}) {
            const Run run = runCli(QStringList{QStringLiteral("train"), QStringLiteral("demo"), QStringLiteral("--model"),
                                               QStringLiteral("popularity"), QStringLiteral("--split"), QStringLiteral("random")}
                                   + export_);
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.contains(fifo) && run.err.contains(QStringLiteral("not a regular file")), qPrintable(run.err));
            QT_STATBUF info;
            QVERIFY(QT_STAT(QFile::encodeName(fifo).constData(), &info) == 0 && S_ISFIFO(info.st_mode));
        }
    }

    void trainJsonSchema()
    {
        const Run run = runCli({QStringLiteral("train"), QStringLiteral("demo"), QStringLiteral("--alpha"), QStringLiteral("0.5"),
                                QStringLiteral("--beta"), QStringLiteral("0.5"), QStringLiteral("--lr"), QStringLiteral("0.01"),
                                QStringLiteral("--epochs"), QStringLiteral("200"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QList<QJsonObject> lines = jsonLines(run.out);
        QCOMPARE(lines.size(), 201);
        double previous = std::numeric_limits<double>::infinity();
        for (int k = 0; k < 200; ++k) {
            const QJsonObject &o = lines[k];
            QCOMPARE(o[QStringLiteral("event")].toString(), QStringLiteral("epoch"));
            QCOMPARE(o[QStringLiteral("epoch")].toInt(), k + 1);
            QVERIFY(o[QStringLiteral("train_loss")].isDouble());
            QVERIFY(o[QStringLiteral("val_loss")].isDouble());
            const double loss = o[QStringLiteral("train_loss")].toDouble();
            QVERIFY(loss <= previous);   // η = 0.01 is far below the stable rate on the demo
            previous = loss;
        }
        const QJsonObject summary = lines.back();
        QCOMPARE(summary[QStringLiteral("event")].toString(), QStringLiteral("summary"));
        for (const char *key : {"rmse", "mae", "optimum_train_loss", "seconds", "train_loss", "val_loss"})
            QVERIFY2(summary[QLatin1String(key)].isDouble(), key);
        QCOMPARE(summary[QStringLiteral("epochs")].toInt(), 200);
        QVERIFY(summary[QStringLiteral("optimum_train_loss")].toDouble() <= previous);
        QVERIFY(summary[QStringLiteral("rmse")].toDouble() > 0.0);
        QVERIFY(summary[QStringLiteral("mae")].toDouble() <= summary[QStringLiteral("rmse")].toDouble());
        QCOMPARE(summary[QStringLiteral("weights")].toArray().at(0).toDouble(), 0.5);
    }

    void trainOptions_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::newRow("concat sgd") << QStringList{"--fusion", "concat", "--optimizer", "sgd", "--batch-size", "64", "--lr", "0.01"};
        QTest::newRow("product l2") << QStringList{"--fusion", "product", "--l2", "0.01", "--seed", "3"};
        QTest::newRow("two modalities") << QStringList{"--modalities", "text,image", "--weight", "image=0.8", "--image-features", "both"};
        QTest::newRow("missing indicator") << QStringList{"--missing", "indicator"};
        QTest::newRow("missing leave-out") << QStringList{"--missing", "leave-out", "--fusion", "concat"};
    }

    void trainOptions()
    {
        QFETCH(QStringList, options);
        const Run run = runCli(QStringList{"train", "demo", "--epochs", "5", "--json"} + options);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QList<QJsonObject> lines = jsonLines(run.out);
        QCOMPARE(lines.size(), 6);
        QVERIFY(lines.back()[QStringLiteral("rmse")].isDouble());
    }

    void sameSeedSameCurve()
    {
        const QStringList args{"train", "demo", "--optimizer", "sgd", "--epochs", "3", "--seed", "11", "--json"};
        const QList<QJsonObject> a = jsonLines(runCli(args).out), b = jsonLines(runCli(args).out);
        QCOMPARE(a.size(), 4);
        for (int k = 0; k < 3; ++k)
            QCOMPARE(a[k][QStringLiteral("train_loss")].toDouble(), b[k][QStringLiteral("train_loss")].toDouble());
    }

    void readableTable()
    {
        const Run run = runCli({"train", "demo", "--epochs", "40"});
        QCOMPARE(run.exitCode, 0);
        const QString text = QString::fromUtf8(run.out);
        QVERIFY(text.contains(QStringLiteral("F = α·E₁ + β·E₂ + γ·E₃")));
        QVERIFY(text.contains(QStringLiteral("Closed-form optimum")));
        QVERIFY(text.contains(QStringLiteral("RMSE")));
    }

    void statsJson()
    {
        const Run run = runCli({"stats", "demo", "--json"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QList<QJsonObject> lines = jsonLines(run.out);
        QCOMPARE(lines.size(), 1);
        const QJsonObject o = lines.front();
        QVERIFY(o[QStringLiteral("users")].toInt() >= 200);
        QVERIFY(o[QStringLiteral("items")].toInt() >= 500);
        QVERIFY(o[QStringLiteral("interactions")].toInt() >= 10000);
        const double mean = o[QStringLiteral("rating_mean")].toDouble();
        QVERIFY(mean > 1.0 && mean < 5.0);
        const QJsonArray modalities = o[QStringLiteral("modalities")].toArray();
        QCOMPARE(modalities.size(), 3);
        QStringList names;
        for (const QJsonValue &v : modalities) {
            const QJsonObject m = v.toObject();
            names << m[QStringLiteral("name")].toString();
            QVERIFY(m[QStringLiteral("width")].toInt() >= 1);
            QCOMPARE(m[QStringLiteral("missing")].toInt(), 0);
        }
        QCOMPARE(names, (QStringList{"text", "image", "price"}));
        QCOMPARE(modalities[1].toObject()[QStringLiteral("width")].toInt(), 48);   // 4×4 grid × RGB
        QCOMPARE(modalities[2].toObject()[QStringLiteral("width")].toInt(), 1);
    }

    void exportedDemoLoadsLikeTheBuiltIn()
    {
        QTemporaryDir dir;
        const Run exported = runCli({"export-demo", dir.path()});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("manifest.json"))));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("images/i0001.png"))));
        // The README the demo's documentation promises, with the truth for teachers.
        QFile readme(dir.filePath(QStringLiteral("README.txt")));
        QVERIFY(readme.open(QIODevice::ReadOnly));
        QVERIFY(readme.readAll().contains("ground_truth.csv"));
        const QJsonObject fromDisk = jsonLines(runCli({"stats", dir.path(), "--json"}).out).value(0);
        const QJsonObject builtIn = jsonLines(runCli({"stats", "demo", "--json"}).out).value(0);
        QVERIFY(!fromDisk.isEmpty());
        for (const char *key : {"users", "items", "interactions", "rating_mean", "modalities"})
            QCOMPARE(fromDisk[QLatin1String(key)], builtIn[QLatin1String(key)]);
    }

    void wrongArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no command") << QStringList{} << "no command";
        QTest::newRow("unknown command") << QStringList{"fit", "demo"} << "unknown command 'fit'";
        QTest::newRow("unknown option") << QStringList{"train", "demo", "--bogus"} << "bogus";
        QTest::newRow("bad fusion") << QStringList{"train", "demo", "--fusion", "average"} << "--fusion expects sum, product or concat";
        QTest::newRow("bad missing policy") << QStringList{"train", "demo", "--missing", "median"} << "--missing expects mean, indicator or leave-out";
        QTest::newRow("bad optimizer") << QStringList{"train", "demo", "--optimizer", "lbfgs"} << "--optimizer expects gd, sgd, momentum or adam";
        QTest::newRow("bad lr") << QStringList{"train", "demo", "--lr", "fast"} << "--lr expects a number";
        QTest::newRow("negative epochs") << QStringList{"train", "demo", "--epochs", "-3"} << "--epochs expects a number";
        QTest::newRow("missing dataset") << QStringList{"train"} << "takes 1 argument";
        QTest::newRow("bad weight") << QStringList{"train", "demo", "--weight", "sound=0.3"} << "--weight expects NAME=NUMBER";
        QTest::newRow("bad modality") << QStringList{"train", "demo", "--modalities", "text,audio"} << "no modality 'audio'";
        QTest::newRow("biases without linear") << QStringList{"train", "demo", "--model", "hybrid", "--biases"} << "--biases is for --model linear";
        QTest::newRow("linear with bpr") << QStringList{"train", "demo", "--model", "linear", "--split", "random", "--loss", "bpr"} << "squared loss";
    }

    void wrongArguments()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        const Run run = runCli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(expected), qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("Usage: fusionlab-cli")));
    }

    // --model linear with --split is the regression as a recommender: ranking metrics (cold_ ones for
    // held-out items), its closed-form floor, exports; without --split it stays the seed's run.
    void linearAsARecommender()
    {
        const Run plain = runCli({"train", "demo", "--model", "linear", "--split", "cold-items", "--json"});
        QVERIFY2(plain.exitCode == 0, qPrintable(plain.err));
        const QList<QJsonObject> plainLines = jsonLines(plain.out);
        QVERIFY(!plainLines.isEmpty());
        const QJsonObject plainSummary = plainLines.back();
        QCOMPARE(plainSummary[QStringLiteral("event")].toString(), QStringLiteral("summary"));
        QVERIFY2(plainSummary[QStringLiteral("ndcg@10")].isDouble(), plain.out.constData());
        QVERIFY(plainSummary[QStringLiteral("cold_ndcg@10")].isDouble());

        QTemporaryDir dir;
        const Run run = runCli({"train", "demo", "--model", "linear", "--split", "cold-items", "--epochs", "15", "--lr", "0.1",
                                "--json", "--export-topk", dir.filePath(QStringLiteral("top.tsv")),
                                "--export-split", dir.filePath(QStringLiteral("split"))});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QList<QJsonObject> lines = jsonLines(run.out);
        QCOMPARE(lines.size(), 16);
        QVERIFY(lines[0][QStringLiteral("val_ndcg@10")].isDouble());
        const QJsonObject summary = lines.back();
        for (const char *key : {"ndcg@10", "cold_ndcg@10", "recall@20", "cold_map@20", "rmse", "mae", "train_loss",
                                "optimum_train_loss", "optimum_val_loss", "max_stable_lr"})
            QVERIFY2(summary[QLatin1String(key)].isDouble(), key);
        QCOMPARE(summary[QStringLiteral("model")].toString(), QStringLiteral("linear"));
        QCOMPARE(summary[QStringLiteral("split")].toString(), QStringLiteral("cold-items"));
        QCOMPARE(summary[QStringLiteral("biases")].toBool(), false);
        QVERIFY(summary[QStringLiteral("formula")].toString().startsWith(QStringLiteral("ŷᵤᵢ = b + wᵀfᵢ; F = α·E₁")));
        QVERIFY(summary[QStringLiteral("optimum_train_loss")].toDouble() <= summary[QStringLiteral("train_loss")].toDouble() + 1e-12);
        QVERIFY(summary[QStringLiteral("cold_ndcg@10")].toDouble() > 0.0);
        for (const char *file : {"top.tsv", "top.cold.tsv", "split/train.tsv", "split/test.tsv", "split/cold_items.tsv"})
            QVERIFY2(QFile::exists(dir.filePath(QLatin1String(file))), file);

        const Run biased = runCli({"train", "demo", "--model", "linear", "--biases", "--optimizer", "adam", "--lr", "0.05",
                                   "--epochs", "5", "--json"});
        QVERIFY2(biased.exitCode == 0, qPrintable(biased.err));
        const QJsonObject b = jsonLines(biased.out).back();
        QCOMPARE(b[QStringLiteral("biases")].toBool(), true);
        QCOMPARE(b[QStringLiteral("split")].toString(), QStringLiteral("random"));
        QVERIFY(b[QStringLiteral("formula")].toString().startsWith(QStringLiteral("ŷᵤᵢ = b + bᵤ + bᵢ + wᵀfᵢ")));
        QVERIFY(b[QStringLiteral("ndcg@10")].isDouble());
        QVERIFY(b[QStringLiteral("optimum_train_loss")].isNull());   // no closed form with biases

        const Run k = runCli({"train", "demo", "--model", "linear", "--k", "5", "--epochs", "3", "--json"});
        QVERIFY2(k.exitCode == 0, qPrintable(k.err));
        QVERIFY(jsonLines(k.out).back()[QStringLiteral("ndcg@5")].isDouble());
    }

    void seedLinearRunUnchanged()
    {
        const QStringList args{"train", "demo", "--model", "linear", "--epochs", "50", "--json"};
        const QList<QJsonObject> explicitLinear = jsonLines(runCli(args).out);
        const QList<QJsonObject> implicitLinear = jsonLines(runCli({"train", "demo", "--epochs", "50", "--json"}).out);
        QCOMPARE(explicitLinear.size(), 51);
        QCOMPARE(implicitLinear.size(), 51);
        for (int e = 0; e < 50; ++e)
            QCOMPARE(explicitLinear[e][QStringLiteral("train_loss")].toDouble(), implicitLinear[e][QStringLiteral("train_loss")].toDouble());
        QJsonObject a = explicitLinear.back(), b = implicitLinear.back();
        for (const char *key : {"seconds", "prepare_seconds"}) {
            a.remove(QLatin1String(key));
            b.remove(QLatin1String(key));
        }
        QCOMPARE(a, b);
        QCOMPARE(a[QStringLiteral("formula")].toString(), QStringLiteral("F = α·E₁ + β·E₂ + γ·E₃"));
        for (const char *key : {"split", "ndcg@10", "biases", "best_epoch", "train_interactions"})
            QVERIFY2(!a.contains(QLatin1String(key)), key);
        // The seed's closed form on its own 80/20 split is what the README's figures are about.
        QVERIFY(a[QStringLiteral("optimum_train_loss")].toDouble() < a[QStringLiteral("train_loss")].toDouble());
        QVERIFY(a[QStringLiteral("max_stable_lr")].isDouble());
    }

    void helpAndVersion()
    {
        const Run help = runCli({"--help"});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("export-demo"));
        const Run version = runCli({"--version"});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("fusionlab-cli " FUSIONLAB_VERSION));
    }

    // The executable is a thin main over the library the other slots call: the same command line gives
    // the same output and exit code in a process of its own.
    void theExecutableRunsTheLibrary()
    {
        for (const QStringList &arguments : {QStringList{"--version"}, QStringList{"stats", "demo", "--json"},
                                             QStringList{"train", "demo", "--epochs", "1.5"}}) {
            const Run inProcess = runCli(arguments);
            const Run process = runCliProcess(arguments);
            QCOMPARE(process.exitCode, inProcess.exitCode);
            QCOMPARE(process.out, inProcess.out);
            QCOMPARE(process.err, inProcess.err);
        }
        QCOMPARE(runCli({"train", "demo", "--epochs", "1.5"}).exitCode, 2);
    }

    void badDataNamesFileAndLine()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("manifest.json")),
                  R"({"fusionlab_manifest": 1, "name": "broken",
                      "items": {"file": "items.csv", "id": "item_id"},
                      "interactions": {"file": "ratings.csv", "user": "user_id", "item": "item_id", "rating": "rating"},
                      "modalities": [{"name": "price", "kind": "numeric", "columns": ["price"]}]})");
        writeFile(dir.filePath(QStringLiteral("items.csv")), "item_id,price\na,1.5\nb,2.5\n");
        writeFile(dir.filePath(QStringLiteral("ratings.csv")), "user_id,item_id,rating\nu1,a,4\nu1,b,four\n");
        for (const char *command : {"train", "stats"}) {
            const Run run = runCli({QString::fromLatin1(command), dir.path()});
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.contains(QStringLiteral("ratings.csv")) && run.err.contains(QStringLiteral("3")), qPrintable(run.err));
        }
        const Run missing = runCli({"stats", dir.filePath(QStringLiteral("nothing-here"))});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(QStringLiteral("nothing-here")));
    }

    void divergenceExitsWithTheLearningRate()
    {
        const Run run = runCli({"train", "demo", "--lr", "100", "--epochs", "500", "--json"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(QStringLiteral("η = 100")));
        const QList<QJsonObject> lines = jsonLines(run.out);
        QVERIFY(!lines.isEmpty());
        QCOMPARE(lines.back()[QStringLiteral("status")].toString(), QStringLiteral("diverged"));
        QVERIFY(lines.size() < 501);
    }

    // Every format the importers read works through the CLI, detected from the folder: stats reports
    // its counts and coverage, and train runs the linear model and a ranking model on it.
    void everyFormatThroughTheCli_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("items");
        QTest::addColumn<int>("interactions");
        QTest::newRow("movielens") << "movielens" << 4 << 12;
        QTest::newRow("recbole") << "recbole" << 4 << 12;
        QTest::newRow("mmrec") << "mmrec" << 4 << 12;
    }

    void everyFormatThroughTheCli()
    {
        QFETCH(QString, format);
        QFETCH(int, items);
        QFETCH(int, interactions);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString folder = dir.filePath(format);
        QVERIFY(QDir().mkpath(folder));
        // Three users rate four items each (ratings 1..5 by a fixed rule), with increasing timestamps.
        QByteArray rows;
        auto rating = [](int u, int i) { return 1 + (u * 3 + i * 2) % 5; };
        if (format == QLatin1String("movielens")) {
            writeFile(folder + QStringLiteral("/movies.csv"),
                      "movieId,title,genres\n1,Toy Story (1995),Animation|Comedy\n2,\"American President, The (1995)\",Comedy|Drama\n"
                      "3,Heat (1995),Action|Crime\n4,Casino (1995),Crime|Drama\n");
            rows = "userId,movieId,rating,timestamp\n";
            for (int u = 1; u <= 3; ++u)
                for (int i = 1; i <= 4; ++i)
                    rows += QByteArray::number(u) + ',' + QByteArray::number(i) + ',' + QByteArray::number(rating(u, i)) + ',' + QByteArray::number(964982700 + 10 * u + i) + '\n';
            writeFile(folder + QStringLiteral("/ratings.csv"), rows);
        } else if (format == QLatin1String("recbole")) {
            writeFile(folder + QStringLiteral("/recbole.item"),
                      "item_id:token\tmovie_title:token_seq\tclass:token_seq\tprice:float\n"
                      "i1\tToy Story\tAnimation\t3.5\ni2\tHeat\tAction Crime\t2\ni3\tCasino\tDrama\t\ni4\tBabe\tComedy\t1.25\n");
            rows = "user_id:token\titem_id:token\trating:float\ttimestamp:float\n";
            for (int u = 1; u <= 3; ++u)
                for (int i = 1; i <= 4; ++i)
                    rows += "u" + QByteArray::number(u) + "\ti" + QByteArray::number(i) + '\t' + QByteArray::number(rating(u, i)) + '\t' + QByteArray::number(1000 + 10 * u + i) + '\n';
            writeFile(folder + QStringLiteral("/recbole.inter"), rows);
        } else {
            rows = "userID\titemID\trating\ttimestamp\tx_label\n";
            for (int u = 0; u < 3; ++u)
                for (int i = 0; i < 4; ++i)
                    rows += QByteArray::number(u) + '\t' + QByteArray::number(i) + '\t' + QByteArray::number(rating(u, i)) + '\t' + QByteArray::number(1000 + 10 * u + i) + '\t' + QByteArray::number(i == 3 ? 2 : i == 2 ? 1 : 0) + '\n';
            writeFile(folder + QStringLiteral("/shop.inter"), rows);
            Eigen::MatrixXd image(4, 3), text(4, 2);
            image << 1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 0;
            text << 0.5, -1, 1, 2, -0.5, 0, 2, 1;
            QVERIFY(fl::writeNpy(folder + QStringLiteral("/image_feat.npy"), image, fl::NpyDtype::Float32).ok());
            QVERIFY(fl::writeNpy(folder + QStringLiteral("/text_feat.npy"), text, fl::NpyDtype::Float64).ok());
        }

        const Run stats = runCli({"stats", folder, "--json"});
        QVERIFY2(stats.exitCode == 0, qPrintable(stats.err));
        const QList<QJsonObject> lines = jsonLines(stats.out);
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines[0][QStringLiteral("items")].toInt(), items);
        QCOMPARE(lines[0][QStringLiteral("users")].toInt(), 3);
        QCOMPARE(lines[0][QStringLiteral("interactions")].toInt(), interactions);
        QVERIFY(!lines[0][QStringLiteral("modalities")].toArray().isEmpty());
        for (const QJsonValue &m : lines[0][QStringLiteral("modalities")].toArray())
            QVERIFY(m.toObject()[QStringLiteral("coverage")].toDouble() > 0);

        const Run linear = runCli({"train", folder, "--epochs", "3", "--json", "--format", format});
        QVERIFY2(linear.exitCode == 0, qPrintable(linear.err));
        QCOMPARE(jsonLines(linear.out).size(), 4);
        const QString split = format == QLatin1String("mmrec") ? QStringLiteral("file") : QStringLiteral("random");
        const Run ranking = runCli({"train", folder, "--model", "hybrid", "--split", split, "--epochs", "2", "--k", "2", "--json"});
        QVERIFY2(ranking.exitCode == 0, qPrintable(ranking.err));
        const QJsonObject summary = jsonLines(ranking.out).back();
        QVERIFY2(summary[QStringLiteral("ndcg@2")].isDouble(), qPrintable(ranking.out));
        QCOMPARE(summary[QStringLiteral("split")].toString(), split);
    }
};

QTEST_GUILESS_MAIN(CommandLineTest)
#include "test_cli.moc"
