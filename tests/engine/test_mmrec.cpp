#include "engine/data/MmrecImporter.h"
#include "engine/data/Npy.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace fl;

namespace {

// A small MMRec dataset "baby": 4 items, 3 users, 6 interactions.
const QByteArray kInter = "userID\titemID\trating\ttimestamp\tx_label\n"
                          "0\t2\t5.0\t1400000000\t0\n"
                          "0\t0\t4.0\t1400000100\t0\n"
                          "2\t1\t3.0\t1400000200\t0\n"
                          "1\t3\t5.0\t1400000300\t1\n"
                          "2\t2\t1.0\t1400000400\t2\n"
                          "0\t3\t2.0\t1400000500\t2\n";
const QByteArray kMapping = "asin\titemID\nB0001\t0\nB0002\t1\nB0003\t2\nB0004\t3\n";

Eigen::MatrixXd imageFeatures()
{
    Eigen::MatrixXd m(4, 3);
    m << 0.5, 0.25, -1, 2, 0, 8, std::nan(""), 1, 1, -0.125, 3, 4;
    return m;
}

Eigen::MatrixXd textFeatures()
{
    Eigen::MatrixXd m(4, 2);
    m << 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 1.0 / 3.0, -7;
    return m;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

QByteArray npyBytes(const Eigen::MatrixXd &values, NpyDtype dtype = NpyDtype::Float32)
{
    QTemporaryDir dir;
    const QString path = dir.filePath("m.npy");
    if (!dir.isValid() || !writeNpy(path, values, dtype).ok())
        return {};
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeBaseDataset(const QString &folder)
{
    return writeFile(folder + "/baby.inter", kInter) && writeFile(folder + "/i_id_mapping.csv", kMapping)
           && writeNpy(folder + "/image_feat.npy", imageFeatures(), NpyDtype::Float32).ok()
           && writeNpy(folder + "/text_feat.npy", textFeatures(), NpyDtype::Float64, {true, true, 1, false}).ok();
}

QString errorOf(const Result<Dataset> &result)
{
    return result.ok() ? QStringLiteral("(loaded without error)") : result.error();
}

} // namespace

class TestMmrec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsBack()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeBaseDataset(dir.path()));
        QVERIFY(looksLikeMmrec(dir.path()));
        QVERIFY(looksLikeMmrec(dir.filePath("baby.inter")));

        const Result<Dataset> loaded = importMmrec(dir.path());
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        const Dataset &d = *loaded;
        QCOMPARE(d.name, QStringLiteral("baby"));
        QCOMPARE(d.sourcePath, QFileInfo(dir.path()).absoluteFilePath());
        QCOMPARE(d.itemIds, QStringList({"0", "1", "2", "3"}));
        QCOMPARE(d.itemTitles, QStringList({"B0001", "B0002", "B0003", "B0004"}));
        QVERIFY(d.itemCategories.isEmpty());
        QCOMPARE(d.userIds, QStringList({"0", "2", "1"}));          // in order of first appearance
        QCOMPARE(d.interactionUser, std::vector<int>({0, 0, 1, 2, 1, 0}));
        QCOMPARE(d.interactionItem, std::vector<int>({2, 0, 1, 3, 2, 3}));
        Eigen::VectorXd ratings(6);
        ratings << 5, 4, 3, 5, 1, 2;
        QCOMPARE(d.rating, ratings);
        QCOMPARE(d.timestamp, std::vector<qint64>({1400000000, 1400000100, 1400000200, 1400000300, 1400000400,
                                                   1400000500}));
        QCOMPARE(d.interactionSplit, std::vector<qint8>({0, 0, 0, 1, 2, 2}));

        QCOMPARE(int(d.modalities.size()), 2);
        const ModalitySource &image = d.modalities[0];
        QCOMPARE(image.name, QStringLiteral("image"));
        QCOMPARE(image.kind, ModalityKind::Vectors);
        QCOMPARE(image.origin, QStringLiteral("image_feat.npy"));
        Eigen::MatrixXd expectedImage = imageFeatures();
        QVERIFY(image.values.row(2).array().isNaN().all());           // the NaN row: missing, NaN throughout
        Eigen::MatrixXd finite = image.values;
        finite.row(2) = expectedImage.row(2) = Eigen::RowVectorXd::Zero(expectedImage.cols());
        QCOMPARE(finite, expectedImage);
        QCOMPARE(image.missing, std::vector<bool>({false, false, true, false}));
        const ModalitySource &text = d.modalities[1];
        QCOMPARE(text.name, QStringLiteral("text"));
        QCOMPARE(text.values, textFeatures());                         // '>f8', Fortran order: exact
        QCOMPARE(text.missingCount(), 0);
    }

    void interFileWithoutOptionalColumnsOrMapping()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath("sports.inter"), "userID\titemID\tx_label\nu9\t1\t0\nu4\t0\t2\nu9\t0\t1\n"));
        QVERIFY(writeNpy(dir.filePath("v_feat.npy"), Eigen::MatrixXd::Identity(2, 2), NpyDtype::UInt8).ok());

        std::vector<double> fractions;
        const Result<Dataset> loaded = importMmrec(dir.filePath("sports.inter"), [&](double f) {
            fractions.push_back(f);
            return true;
        });
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QCOMPARE(loaded->name, QStringLiteral("sports"));
        QCOMPARE(loaded->itemTitles, QStringList({"0", "1"}));
        QCOMPARE(loaded->userIds, QStringList({"u9", "u4"}));
        QCOMPARE(loaded->rating, Eigen::VectorXd::Ones(3).eval());     // implicit feedback
        QVERIFY(loaded->timestamp.empty());
        QCOMPARE(loaded->interactionSplit, std::vector<qint8>({0, 2, 1}));
        QCOMPARE(loaded->modalities.size(), size_t(1));
        QCOMPARE(loaded->modalities[0].name, QStringLiteral("v"));
        QCOMPARE(loaded->modalities[0].values, Eigen::MatrixXd::Identity(2, 2).eval());
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        QCOMPARE(fractions.back(), 1.0);

        // The feature files are read last: stopping at the end stops in v_feat.npy.
        const Result<Dataset> cancelled = importMmrec(dir.path(), [](double f) { return f < 1.0; });
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error(), QStringLiteral("v_feat.npy: reading cancelled"));
    }

    void notMmrec()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(!looksLikeMmrec(dir.path()));                          // empty folder
        QVERIFY(!looksLikeMmrec(dir.filePath("nowhere")));
        QVERIFY(writeFile(dir.filePath("ratings.inter"), "user_id:token\titem_id:token\n1\t2\n"));   // RecBole
        QVERIFY(!looksLikeMmrec(dir.path()));
        QVERIFY(!looksLikeMmrec(dir.filePath("ratings.inter")));
        QVERIFY(writeFile(dir.filePath("manifest.json"), "{}"));
        QVERIFY(!looksLikeMmrec(dir.filePath("manifest.json")));
    }

    // Each case writes the base dataset, then replaces (or, with a null QByteArray, deletes) files.
    void malformed_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<QByteArrayList>("contents");
        QTest::addColumn<QString>("message");

        QTest::newRow("feature row counts differ")
            << QStringList{"text_feat.npy"} << QByteArrayList{npyBytes(Eigen::MatrixXd::Zero(3, 2))}
            << "text_feat.npy has 3 rows but image_feat.npy has 4; expected every feature file to have one row per "
               "item (row i is itemID i)";
        QTest::newRow("itemID out of range")
            << QStringList{"baby.inter"} << QByteArrayList{"userID\titemID\trating\ttimestamp\tx_label\n0\t2\t5\t1\t0\n"
                                                            "0\t3\t5\t1\t0\n1\t4\t5\t1\t0\n"}
            << "baby.inter:4: item id \"4\" in column \"itemID\" is not in image_feat.npy, text_feat.npy (4 rows: item "
               "ids 0 to 3)";
        QTest::newRow("negative itemID")
            << QStringList{"baby.inter"} << QByteArrayList{"userID\titemID\trating\ttimestamp\tx_label\n0\t-1\t5\t1\t0\n"}
            << "baby.inter:2: item id \"-1\" in column \"itemID\" is not in image_feat.npy, text_feat.npy";
        QTest::newRow("bad x_label")
            << QStringList{"baby.inter"} << QByteArrayList{"userID\titemID\trating\ttimestamp\tx_label\n0\t2\t5\t1\t0\n"
                                                            "0\t3\t5\t1\ttest\n"}
            << "baby.inter:3: split label \"test\" in column \"x_label\" is not 0, 1 or 2; expected 0 (train), 1 "
               "(validation) or 2 (test)";
        QTest::newRow("header missing x_label")
            << QStringList{"baby.inter"} << QByteArrayList{"userID\titemID\trating\ttimestamp\n0\t2\t5\t1\n"}
            << "baby.inter:1: the header has no column \"x_label\"; expected MMRec's columns userID, itemID, rating, "
               "timestamp and x_label, tab-separated (rating and timestamp may be absent); the header has: userID, "
               "itemID, rating, timestamp";
        QTest::newRow("comma-separated header")
            << QStringList{"baby.inter"} << QByteArrayList{"userID,itemID,rating,timestamp,x_label\n0,2,5,1,0\n"}
            << "baby.inter:1: the header has no column \"userID\"; expected MMRec's columns";
        QTest::newRow("no .inter file") << QStringList{"baby.inter"} << QByteArrayList{QByteArray()}
                                        << ": no .inter file in this folder; expected one NAME.inter (tab-separated "
                                           "userID, itemID, rating, timestamp, x_label) as MMRec publishes its datasets";
        QTest::newRow("two .inter files") << QStringList{"clothing.inter"} << QByteArrayList{kInter}
                                          << ": 2 .inter files (baby.inter, clothing.inter); expected exactly one, or "
                                             "open the .inter file itself";
        QTest::newRow("no feature files")
            << QStringList{"image_feat.npy", "text_feat.npy"} << QByteArrayList{QByteArray(), QByteArray()}
            << ": no feature files (*_feat.npy) next to baby.inter; expected image_feat.npy and/or text_feat.npy with "
               "one row per item";
        QTest::newRow("broken feature file")
            << QStringList{"image_feat.npy"} << QByteArrayList{npyBytes(Eigen::MatrixXd::Zero(4, 3)).chopped(1)}
            << "image_feat.npy: shape (4, 3) of '<f4' needs 48 bytes of data after the header (from byte 128) but "
               "the file has 47";
        QTest::newRow("no interactions")
            << QStringList{"baby.inter"} << QByteArrayList{"userID\titemID\trating\ttimestamp\tx_label\n"}
            << "baby.inter:2: expected an interaction after the header but found the end of the file";
        QTest::newRow("mapping names an unknown item")
            << QStringList{"i_id_mapping.csv"} << QByteArrayList{"asin\titemID\nB0001\t0\nB0009\t9\n"}
            << "i_id_mapping.csv:3: itemID \"9\" is not an item of the feature files; expected 0 to 3";
        QTest::newRow("mapping maps an item twice")
            << QStringList{"i_id_mapping.csv"} << QByteArrayList{"asin\titemID\nB0001\t0\nB0002\t1\nB0003\t0\n"}
            << "i_id_mapping.csv:4: itemID 0 is mapped twice (also on line 2); expected each item once";
        QTest::newRow("mapping without asin")
            << QStringList{"i_id_mapping.csv"} << QByteArrayList{"id\titemID\nB0001\t0\n"}
            << "i_id_mapping.csv:1: expected the columns asin and itemID (tab-separated); the header has: id, itemID";
    }

    void malformed()
    {
        QFETCH(QStringList, files);
        QFETCH(QByteArrayList, contents);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeBaseDataset(dir.path()));
        for (int i = 0; i < files.size(); ++i) {
            if (contents[i].isNull())
                QVERIFY(QFile::remove(dir.filePath(files[i])));
            else
                QVERIFY(writeFile(dir.filePath(files[i]), contents[i]));
        }
        const Result<Dataset> loaded = importMmrec(dir.path());
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error().contains(message), qPrintable("got: " + loaded.error()));
    }

    void missingPaths()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Result<Dataset> nowhere = importMmrec(dir.filePath("baby"));
        QVERIFY(!nowhere.ok());
        QCOMPARE(nowhere.error(), dir.filePath("baby") + ": no such file or folder; expected an MMRec dataset folder "
                                                         "(NAME.inter and *_feat.npy files) or its .inter file");
        QVERIFY(writeFile(dir.filePath("baby.csv"), kInter));
        const Result<Dataset> csv = importMmrec(dir.filePath("baby.csv"));
        QVERIFY(!csv.ok());
        QCOMPARE(csv.error(), dir.filePath("baby.csv") + ": expected an MMRec .inter file or a folder holding one");
    }
};

QTEST_GUILESS_MAIN(TestMmrec)
#include "test_mmrec.moc"
