#include "engine/data/DatasetSummary.h"
#include "engine/data/ManifestLoader.h"
#include "engine/data/Npy.h"
#include "engine/embedding/ImageEmbedder.h"
#include "engine/fusion/FusionPipeline.h"

#include "tests/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace fl;

namespace {

using fl::test::writeFile;
using fl::test::errorOf;

const QString kFixtures = QStringLiteral(FUSIONLAB_FIXTURES_DIR "/manifest");

// The base of every malformed case; each case edits one piece of it. Line numbers matter to the cases.
const QString kBaseManifest = QStringLiteral(
    "{\n"                                                                                          // 1
    "  \"fusionlab_manifest\": 1,\n"                                                               // 2
    "  \"items\": {\"file\": \"items.csv\", \"id\": \"item_id\", \"title\": \"title\"},\n"         // 3
    "  \"interactions\": {\"file\": \"ratings.csv\", \"user\": \"user_id\", \"item\": \"item_id\", "
    "\"rating\": \"rating\", \"timestamp\": \"ts\"},\n"                                            // 4
    "  \"modalities\": [\n"                                                                        // 5
    "    {\"name\": \"text\", \"kind\": \"text\", \"columns\": [\"title\"]},\n"                    // 6
    "    {\"name\": \"price\", \"kind\": \"numeric\", \"columns\": [\"price\"]}\n"                 // 7
    "  ]\n"                                                                                        // 8
    "}\n");                                                                                        // 9
const QByteArray kBaseItems = "item_id,title,price\na,Alpha,1.5\nb,Beta,2\nc,Gamma,3\n";
const QByteArray kBaseRatings = "user_id,item_id,rating,ts\nu1,a,5,100\nu2,b,3,101\nu1,c,4,102\n";

// The base manifest with find replaced by replace (find null: unchanged).
QString editedManifest(const QString &find, const QString &replace)
{
    QString manifest = kBaseManifest;
    if (!find.isNull()) {
        if (!manifest.contains(find))
            qFatal("the base manifest has no \"%s\"", qPrintable(find));
        manifest.replace(manifest.indexOf(find), find.size(), replace);
    }
    return manifest;
}

// Loads the base dataset with the given pieces replaced ("" = the base file; npy: clip.npy, written if
// not empty) and returns the error it must fail with.
QString loadError(const QString &manifest, const QByteArray &items, const QByteArray &ratings,
                  const QByteArray &npy = {})
{
    QTemporaryDir dir;
    if (!dir.isValid() || !writeFile(dir.filePath("manifest.json"), manifest.toUtf8())
        || !writeFile(dir.filePath("items.csv"), items.isEmpty() ? kBaseItems : items)
        || !writeFile(dir.filePath("ratings.csv"), ratings.isEmpty() ? kBaseRatings : ratings)
        || (!npy.isEmpty() && !writeFile(dir.filePath("clip.npy"), npy)))
        return QStringLiteral("(could not write the test files)");
    const Result<Dataset> loaded = loadManifest(dir.filePath("manifest.json"));
    return loaded.ok() ? QStringLiteral("(loaded without error)") : loaded.error();
}

// The bytes of values written as a little-endian float32 .npy file.
QByteArray npyBytes(const Eigen::MatrixXd &values, NpyOptions options = {})
{
    QTemporaryDir dir;
    const QString path = dir.filePath("m.npy");
    if (!dir.isValid() || !writeNpy(path, values, NpyDtype::Float32, options).ok())
        return {};
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Modality 'price' (line 7 of the base manifest) replaced by a vectors modality.
const QString kPriceModality = QStringLiteral("{\"name\": \"price\", \"kind\": \"numeric\", \"columns\": [\"price\"]}");
const QString kClipModality = QStringLiteral("{\"name\": \"clip\", \"kind\": \"vectors\", \"file\": \"clip.npy\"}");

} // namespace

class TestManifest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shopFixture()
    {
        const QString folder = kFixtures + "/shop";
        const Result<Dataset> loaded = loadManifest(folder + "/manifest.json");
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        const Dataset &d = *loaded;
        const QString dir = QDir::cleanPath(folder);

        QCOMPARE(d.name, QStringLiteral("Fixture shop"));
        QCOMPARE(d.sourcePath, QFileInfo(folder + "/manifest.json").absoluteFilePath());
        QCOMPARE(d.itemIds, QStringList({"i1", "i2", "i3", "i4", "i5"}));
        QCOMPARE(d.itemTitles, QStringList({"Red mug", "Desk \"pro\" lamp", "Notebook", "i4", "Kettle"}));
        QCOMPARE(d.itemCategories, QStringList({"kitchen", "office", "office", "", "kitchen"}));

        QCOMPARE(d.userIds, QStringList({"u7", "u3", "u9"}));
        QCOMPARE(d.interactionUser, std::vector<int>({0, 1, 0, 2, 1}));
        QCOMPARE(d.interactionItem, std::vector<int>({1, 0, 0, 3, 4}));
        QCOMPARE(d.rating.size(), Eigen::Index(5));
        const double ratings[] = {4, 5, 3.5, 1, 2};
        for (int i = 0; i < 5; ++i)
            QCOMPARE(d.rating[i], ratings[i]);
        QCOMPARE(d.timestamp, std::vector<qint64>({1000, 1001, 1483228800, 1003, 1005}));
        QCOMPARE(d.ratingMean(), 3.1);

        QCOMPARE(int(d.modalities.size()), 4);
        const ModalitySource *text = d.modality("text");
        QVERIFY(text);
        QCOMPARE(text->kind, ModalityKind::Text);
        QCOMPARE(text->origin, QStringLiteral("items.csv: title_en, description_en, title_zh"));
        QCOMPARE(text->texts, QStringList({QString::fromUtf8("Red mug\nCeramic mug, 350 ml\n红色马克杯"),
                                           QString::fromUtf8("Desk \"pro\" lamp\nLED lamp\nwith two arms\n台灯"),
                                           QString::fromUtf8("Notebook\n笔记本"), QString(),
                                           QString::fromUtf8("Kettle\nBoils water\n水壶")}));
        QCOMPARE(text->missing, std::vector<bool>({false, false, false, true, false}));
        QCOMPARE(text->missingCount(), 1);

        const ModalitySource *image = d.modality("image");
        QVERIFY(image);
        QCOMPARE(image->kind, ModalityKind::Image);
        QCOMPARE(image->origin, QStringLiteral("items.csv: images/{category}/{item_id}.png"));
        QCOMPARE(image->imagePaths, QStringList({dir + "/images/kitchen/i1.png", dir + "/images/office/i2.png",
                                                 dir + "/images/office/i3.png", QString(),
                                                 dir + "/images/kitchen/i5.png"}));
        // The fixture has no image files: every item is missing its image, though the paths stay.
        QCOMPARE(image->missingCount(), 5);

        const ModalitySource *cover = d.modality("cover");
        QVERIFY(cover);
        QCOMPARE(cover->origin, QStringLiteral("items.csv: cover"));
        QCOMPARE(cover->imagePaths, QStringList({dir + "/covers/mug.jpg", QString(), dir + "/covers/notebook.png",
                                                 "https://example.com/c4.jpg", dir + "/kettle.jpg"}));
        QCOMPARE(cover->missing, std::vector<bool>(5, true));

        const ModalitySource *price = d.modality("price");
        QVERIFY(price);
        QCOMPARE(price->kind, ModalityKind::Numeric);
        QCOMPARE(price->origin, QStringLiteral("items.csv: price, weight"));
        QCOMPARE(price->values.rows(), Eigen::Index(5));
        QCOMPARE(price->values.cols(), Eigen::Index(2));
        // i3's empty price leaves a row of zeros, i4's NaN a row of NaN (the file held NaN or inf).
        Eigen::MatrixXd expected(5, 2);
        expected << 12.5, 0.4, 39, 1.2, 0, 0, 0, 0, -25, 1.5;
        QVERIFY(price->values.row(3).array().isNaN().all());
        Eigen::MatrixXd finite = price->values;
        finite.row(3).setZero();
        QCOMPARE(finite, expected);
        QCOMPARE(price->missing, std::vector<bool>({false, false, true, true, false}));
        QCOMPARE(price->missingCount(), 2);
    }

    void implicitFeedbackLatin1WithoutHeader()
    {
        const Result<Dataset> loaded = loadDataset(kFixtures + "/implicit");
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        const Dataset &d = *loaded;
        QCOMPARE(d.name, QStringLiteral("implicit"));
        QCOMPARE(d.itemIds, QStringList({"a1", "a2", QString::fromUtf8("été")}));
        QCOMPARE(d.itemTitles, QStringList({QString::fromUtf8("Café crème"), QString::fromUtf8("Naïve"),
                                            QString::fromUtf8("été")}));
        QVERIFY(d.itemCategories.isEmpty());
        // Both files are Latin-1: the id "été" must match across them after decoding.
        QCOMPARE(d.userIds, QStringList({"bob", QString::fromUtf8("Zoë")}));
        QCOMPARE(d.interactionUser, std::vector<int>({0, 1, 0, 1}));
        QCOMPARE(d.interactionItem, std::vector<int>({1, 0, 0, 2}));
        QCOMPARE(d.rating, Eigen::VectorXd::Ones(4).eval());
        QVERIFY(d.timestamp.empty());
        QVERIFY(d.modalities.empty());
    }

    void goodbooksAsAManifest()
    {
        const QString books = QStringLiteral(FUSIONLAB_SHARED_DIR "/data/goodbooks-10k/books.csv");
        const QString ratings = QStringLiteral(FUSIONLAB_SHARED_DIR "/data/goodbooks-10k/samples/ratings.csv");
        if (!QFile::exists(books) || !QFile::exists(ratings))
            QSKIP("goodbooks-10k is not available on this machine");
        // A manifest's tables must be inside its folder: the two files are copied beside it.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QFile::copy(books, dir.filePath("books.csv")));
        QVERIFY(QFile::copy(ratings, dir.filePath("ratings.csv")));
        const QString manifest = QStringLiteral(
            "{\"fusionlab_manifest\": 1, \"name\": \"goodbooks\",\n"
            " \"items\": {\"file\": \"%1\", \"id\": \"book_id\", \"title\": \"title\", \"category\": \"language_code\"},\n"
            " \"interactions\": {\"file\": \"%2\", \"user\": \"user_id\", \"item\": \"book_id\", \"rating\": \"rating\"},\n"
            " \"modalities\": [{\"name\": \"text\", \"kind\": \"text\", \"columns\": [\"title\", \"authors\"]},\n"
            "   {\"name\": \"cover\", \"kind\": \"image\", \"column\": \"image_url\"},\n"
            "   {\"name\": \"stats\", \"kind\": \"numeric\", \"columns\": [\"average_rating\", \"isbn13\", "
            "\"original_publication_year\"]}]}\n").arg(QStringLiteral("books.csv"), QStringLiteral("ratings.csv"));
        QVERIFY(writeFile(dir.filePath("manifest.json"), manifest.toUtf8()));

        const Result<Dataset> loaded = loadDataset(dir.path());
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        const Dataset &d = *loaded;
        QCOMPARE(d.itemCount(), 10000);
        QCOMPARE(d.itemIds.first(), QStringLiteral("1"));
        QCOMPARE(d.itemIds.last(), QStringLiteral("10000"));
        QCOMPARE(d.itemTitles[0], QStringLiteral("The Hunger Games (The Hunger Games, #1)"));
        QCOMPARE(d.itemCategories[0], QStringLiteral("eng"));
        QCOMPARE(d.interactionCount(), 99);
        QCOMPARE(d.userIds, QStringList({"1", "2", "4", "6", "8"}));
        QCOMPARE(d.interactionItem[0], 257);                 // user 1 rated book_id 258
        QCOMPARE(d.rating.sum(), 402.0);

        const ModalitySource *text = d.modality("text");
        QVERIFY(text);
        QCOMPARE(text->texts[1], QString::fromUtf8("Harry Potter and the Sorcerer's Stone (Harry Potter, #1)\n"
                                                   "J.K. Rowling, Mary GrandPré"));
        const ModalitySource *cover = d.modality("cover");
        QVERIFY(cover);
        QCOMPARE(cover->imagePaths[0], QStringLiteral("https://images.gr-assets.com/books/1447303603m/2767052.jpg"));
        QCOMPARE(cover->missingCount(), 10000);   // URLs are not files FusionLab can read
        const ModalitySource *stats = d.modality("stats");
        QVERIFY(stats);
        QCOMPARE(stats->values(0, 0), 4.34);
        QCOMPARE(stats->values(0, 1), 9.78043902348e+12);
        QCOMPARE(stats->values(0, 2), 2008.0);
        // 585 books lack an ISBN-13 and 21 a publication year; 603 lack one or both (counted with Python).
        QCOMPARE(stats->missingCount(), 603);
        QVERIFY(stats->missing[105]);                        // Bossypants: empty isbn13
    }

    void builtInDemo()
    {
        if (!QFile::exists(kDemoManifestPath))
            QSKIP("the demo dataset has not been generated into resources/demo yet");
        const Result<Dataset> loaded = loadDataset("demo");
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        const Dataset &d = *loaded;
        QCOMPARE(d.sourcePath, kDemoManifestPath);
        QVERIFY(!d.name.isEmpty());
        QVERIFY(d.itemCount() > 0);
        QVERIFY(d.userCount() > 0);
        QVERIFY(d.interactionCount() > 0);
        QCOMPARE(d.itemTitles.size(), d.itemIds.size());
        QCOMPARE(Eigen::Index(d.interactionCount()), d.rating.size());
        for (int i = 0; i < d.interactionCount(); ++i) {
            QVERIFY(d.interactionUser[i] >= 0 && d.interactionUser[i] < d.userCount());
            QVERIFY(d.interactionItem[i] >= 0 && d.interactionItem[i] < d.itemCount());
            QVERIFY(std::isfinite(d.rating[i]));
        }
        // The demo's manifest (resources/demo) names these three modalities.
        QVERIFY(d.modality("text") && d.modality("image") && d.modality("price"));
        QCOMPARE(d.modality("price")->values.cols(), Eigen::Index(1));
        QVERIFY(d.modality("image")->imagePaths.first().startsWith(":/demo/images/"));
        for (const ModalitySource &m : d.modalities) {
            QCOMPARE(int(m.missing.size()), d.itemCount());
            if (m.kind == ModalityKind::Text)
                QCOMPARE(m.texts.size(), d.itemIds.size());
            if (m.kind == ModalityKind::Numeric)
                QCOMPARE(m.values.rows(), Eigen::Index(d.itemCount()));
            if (m.kind == ModalityKind::Image) {
                QCOMPARE(m.imagePaths.size(), d.itemIds.size());
                QCOMPARE(m.missingCount(), 0);   // every demo image is in the resources
                for (int i = 0; i < d.itemCount(); ++i) {
                    if (!m.missing[i])
                        QVERIFY2(QFile::exists(m.imagePaths[i]), qPrintable(m.imagePaths[i]));
                }
            }
        }
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("find");       // text in the base manifest to replace ("" = keep it)
        QTest::addColumn<QString>("replace");
        QTest::addColumn<QByteArray>("items");   // "" = the base items.csv
        QTest::addColumn<QByteArray>("ratings"); // "" = the base ratings.csv
        QTest::addColumn<QString>("message");    // expected part of the error

        const QString none;
        const QByteArray base;
        QTest::newRow("invalid JSON")
            << "\"items\": {" << "\"items\": {," << base << base
            << "manifest.json:3:14: invalid JSON: ";
        QTest::newRow("not an object") << kBaseManifest << "[1, 2]\n" << base << base
                                       << "manifest.json:1: expected a JSON object";
        QTest::newRow("no version") << "\"fusionlab_manifest\": 1," << "" << base << base
                                    << "manifest.json:1: missing required key \"fusionlab_manifest\"";
        QTest::newRow("wrong version") << "\"fusionlab_manifest\": 1" << "\"fusionlab_manifest\": 2" << base << base
                                       << "manifest.json:2: unsupported \"fusionlab_manifest\" version 2; this "
                                          "FusionLab reads version 1";
        QTest::newRow("version as a string") << "\"fusionlab_manifest\": 1" << "\"fusionlab_manifest\": \"1\"" << base
                                             << base << "manifest.json:2: fusionlab_manifest: expected the number 1 "
                                                        "but found a string";
        QTest::newRow("unknown key") << "\"modalities\"" << "\"modalites\"" << base << base
                                     << "manifest.json:5: unknown key \"modalites\" in the manifest; expected one "
                                        "of: fusionlab_manifest, name, items, interactions, modalities";
        QTest::newRow("renamed items") << "\"items\"" << "\"things\"" << base << base
                                       << "manifest.json:3: unknown key \"things\"";
        QTest::newRow("no items") << "  \"items\": {\"file\": \"items.csv\", \"id\": \"item_id\", \"title\": \"title\"},\n"
                                  << "" << base << base
                                  << "manifest.json:1: missing required key \"items\"; expected an object like";
        QTest::newRow("no item id") << "\"id\": \"item_id\", " << "" << base << base
                                    << "manifest.json:3: \"items\" is missing required key \"id\" (the column "
                                       "holding item ids)";
        QTest::newRow("no user column") << "\"user\": \"user_id\", " << "" << base << base
                                        << "manifest.json:4: \"interactions\" is missing required key \"user\"";
        QTest::newRow("bad delimiter") << "\"file\": \"items.csv\"" << "\"file\": \"items.csv\", \"delimiter\": \"::\""
                                       << base << base << "manifest.json:3: items.delimiter: expected \",\"";
        QTest::newRow("bad encoding") << "\"file\": \"items.csv\"" << "\"file\": \"items.csv\", \"encoding\": \"cp1252\""
                                      << base << base
                                      << "manifest.json:3: items.encoding: expected \"utf-8\" or \"latin-1\"";
        QTest::newRow("missing file") << "\"file\": \"ratings.csv\"" << "\"file\": \"votes.csv\"" << base << base
                                      << "manifest.json:4: interactions file \"votes.csv\" does not exist (looked for ";
        QTest::newRow("column not in header")
            << "\"title\": \"title\"" << "\"title\": \"name\"" << base << base
            << "items.csv:1: column \"name\" (named in ";
        QTest::newRow("column not in header lists the header")
            << "\"ts\"" << "\"time\"" << base << base
            << ", interactions.timestamp) is not in the header; the header has: user_id, item_id, rating, ts";
        QTest::newRow("modality column not in header")
            << "[\"price\"]" << "[\"price\", \"weight\"]" << base << base
            << "modalities[1].columns[1]) is not in the header; the header has: item_id, title, price";
        QTest::newRow("image pattern column not in header")
            << "\"kind\": \"text\", \"columns\": [\"title\"]" << "\"kind\": \"image\", \"path\": \"img/{sku}.png\""
            << base << base
            << "items.csv:1: column \"sku\" (named in ";
        QTest::newRow("image pattern without placeholder")
            << "\"kind\": \"text\", \"columns\": [\"title\"]" << "\"kind\": \"image\", \"path\": \"img/x.png\""
            << base << base << "manifest.json:6: modality 'text': the path pattern \"img/x.png\" has no {column}";
        QTest::newRow("modality without name") << "\"name\": \"text\", " << "" << base << base
                                               << "manifest.json:6: modality 1 has no \"name\"; expected a non-empty "
                                                  "string";
        QTest::newRow("unknown modality kind") << "\"kind\": \"numeric\"" << "\"kind\": \"audio\"" << base << base
                                               << "manifest.json:7: modality 'price' has unknown kind \"audio\"; "
                                                  "expected \"text\", \"image\", \"numeric\" or \"vectors\"";
        QTest::newRow("quote not a boolean") << "\"file\": \"items.csv\"" << "\"file\": \"items.csv\", \"quote\": \"no\""
                                             << base << base
                                             << "manifest.json:3: items.quote: expected true or false but found a string";
        QTest::newRow("duplicate modality names") << "\"name\": \"price\"" << "\"name\": \"text\"" << base << base
                                                  << "manifest.json:7: modality name 'text' is used twice (lines 6 "
                                                     "and 7)";
        QTest::newRow("duplicate item id")
            << none << none << QByteArray("item_id,title,price\na,Alpha,1\nb,Beta,2\n\"b\",Again,3\n") << base
            << "items.csv:4: duplicate item id \"b\" (also on line 3)";
        QTest::newRow("empty item id") << none << none << QByteArray("item_id,title,price\na,Alpha,1\n ,Blank,2\n")
                                       << base << "items.csv:3: empty item id in column \"item_id\"";
        QTest::newRow("wrong field count in items")
            << none << none << QByteArray("item_id,title,price\na,\"Al\npha\",1\nb,Beta\n") << base
            << "items.csv:4: expected 3 fields (header: item_id, title, price) but found 2";
        QTest::newRow("non-numeric modality value")
            << none << none << QByteArray("item_id,title,price\na,Alpha,1\nb,Beta,cheap\n") << base
            << "items.csv:3: column \"price\" (modality 'price') holds \"cheap\"; expected a number";
        QTest::newRow("no item rows") << none << none << QByteArray("item_id,title,price\n") << base
                                  << "items.csv:2: expected an item after the header";
        QTest::newRow("empty items file") << none << none << QByteArray("\n") << base
                                          << "items.csv is empty; expected a header line";
        QTest::newRow("unknown item")
            << none << none << base << QByteArray("user_id,item_id,rating,ts\nu1,a,5,1\nu1,zz,4,2\n")
            << "ratings.csv:3: item id \"zz\" in column \"item_id\" is not in items.csv";
        QTest::newRow("empty user id")
            << none << none << base << QByteArray("user_id,item_id,rating,ts\n,a,5,1\n")
            << "ratings.csv:2: empty user id in column \"user_id\"";
        QTest::newRow("non-numeric rating")
            << none << none << base << QByteArray("user_id,item_id,rating,ts\nu1,a,good,1\n")
            << "ratings.csv:2: rating \"good\" in column \"rating\" is not a number";
        QTest::newRow("empty rating")
            << none << none << base << QByteArray("user_id,item_id,rating,ts\nu1,a,5,1\nu1,b,,1\n")
            << "ratings.csv:3: empty rating in column \"rating\"; expected a number";
        QTest::newRow("rating NaN")
            << none << none << base << QByteArray("user_id,item_id,rating,ts\nu1,a,5,1\nu2,b,3,1\nu1,c,NaN,1\n")
            << "ratings.csv:4: rating \"NaN\" in column \"rating\" is not a finite number";
        QTest::newRow("rating inf") << none << none << base << QByteArray("user_id,item_id,rating,ts\nu1,a,-inf,1\n")
                                    << "ratings.csv:2: rating \"-inf\" in column \"rating\" is not a finite number";
        QTest::newRow("rating overflow") << none << none << base
                                         << QByteArray("user_id,item_id,rating,ts\nu1,a,1e999,1\n")
                                         << "ratings.csv:2: rating \"1e999\" in column \"rating\" is not a finite";
        QTest::newRow("rating beyond a million")
            << none << none << base << QByteArray("user_id,item_id,rating,ts\nu1,a,5,1\nu1,b,1e308,2\n")
            << "ratings.csv:3: rating \"1e308\" in column \"rating\" is outside −1,000,000 to 1,000,000";
        QTest::newRow("rating 2^31") << none << none << base << QByteArray("user_id,item_id,rating,ts\nu1,a,2147483648,1\n")
                                     << "ratings.csv:2: rating \"2147483648\" in column \"rating\" is outside";
        QTest::newRow("NUL in a user id")
            << none << none << base << QByteArray("user_id,item_id,rating,ts\nu1,a,5,1\nu1\0x,b,4,2\n", 46)
            << "ratings.csv:3: user id in column \"user_id\" contains the control character 0x00";
        QTest::newRow("control character in an item id")
            << none << none << base << QByteArray("user_id,item_id,rating,ts\nu1,a\x01,5,1\n")
            << "ratings.csv:2: item id in column \"item_id\" contains the control character 0x01";
        QTest::newRow("non-numeric timestamp")
            << none << none << base << QByteArray("user_id,item_id,rating,ts\nu1,a,5,yesterday\n")
            << "ratings.csv:2: timestamp \"yesterday\" in column \"ts\" is not a number";
        QTest::newRow("empty interactions") << none << none << base << QByteArray("user_id,item_id,rating,ts\r\n\r\n")
                                            << "ratings.csv:2: expected an interaction after the header but found "
                                               "the end of the file";
        QTest::newRow("invalid UTF-8 in interactions")
            << none << none << base << QByteArray("user_id,item_id,rating,ts\nu1,a,5,1\nJos\xE9,b,4,2\n")
            << "ratings.csv:3: expected UTF-8 text; set \"encoding\": \"latin-1\" in the manifest if the file is "
               "Latin-1";
    }

    void malformed()
    {
        QFETCH(QString, find);
        QFETCH(QString, replace);
        QFETCH(QByteArray, items);
        QFETCH(QByteArray, ratings);
        QFETCH(QString, message);
        const QString error = loadError(editedManifest(find, replace), items, ratings);
        QVERIFY2(error.contains(message), qPrintable("got: " + error));
    }

    // A vectors modality 'clip' in place of 'price' (line 7), with clip.npy as given ("" = no file).
    void malformedVectors_data()
    {
        QTest::addColumn<QString>("modality");
        QTest::addColumn<QByteArray>("npy");
        QTest::addColumn<QString>("message");
        const QByteArray threeRows = npyBytes(Eigen::MatrixXd::Ones(3, 2));
        QFile cube(QStringLiteral(FUSIONLAB_FIXTURES_DIR "/npy/f8_3d.npy"));
        QVERIFY(cube.open(QIODevice::ReadOnly));

        QTest::newRow("row count mismatch") << kClipModality << npyBytes(Eigen::MatrixXd::Ones(2, 4))
                                            << "manifest.json:7: modality 'clip': clip.npy has 2 rows but items.csv has "
                                               "3 items; expected one row per item, in the items file's order";
        QTest::newRow("missing file") << kClipModality << QByteArray()
                                      << "manifest.json:7: modality 'clip': file \"clip.npy\" does not exist (looked for ";
        QTest::newRow("3-D array") << kClipModality << cube.readAll()
                                   << "clip.npy: byte 60 (in the header): the array has 3 dimensions (shape (2, 3, 4)); "
                                      "expected 1 (one value per row) or 2 (rows × columns)";
        QTest::newRow("not a .npy file") << kClipModality << QByteArray("item_id,x\na,1\n")
                                         << "clip.npy: does not start with the .npy magic string \\x93NUMPY";
        QTest::newRow("truncated data") << kClipModality << threeRows.chopped(4)
                                        << "clip.npy: shape (3, 2) of '<f4' needs 24 bytes of data after the header "
                                           "(from byte 128) but the file has 20";
        QTest::newRow("no columns") << kClipModality << npyBytes(Eigen::MatrixXd(3, 0))
                                    << "manifest.json:7: modality 'clip': clip.npy has shape (3, 0) (no columns); "
                                       "expected at least one value per item";
        QTest::newRow("no file key") << "{\"name\": \"clip\", \"kind\": \"vectors\"}" << threeRows
                                     << "manifest.json:7: modality 'clip' is missing \"file\"; expected a NumPy .npy "
                                        "file with one row per item, such as \"file\": \"clip.npy\"";
        QTest::newRow("file not a string") << "{\"name\": \"clip\", \"kind\": \"vectors\", \"file\": 3}" << threeRows
                                           << "manifest.json:7: modalities[1].file: expected a .npy file name but "
                                              "found a number";
        QTest::newRow("columns on vectors")
            << "{\"name\": \"clip\", \"kind\": \"vectors\", \"file\": \"clip.npy\", \"columns\": [\"price\"]}" << threeRows
            << "manifest.json:7: unknown key \"columns\" in \"modalities[1]\"; expected one of: name, kind, file";
    }

    void malformedVectors()
    {
        QFETCH(QString, modality);
        QFETCH(QByteArray, npy);
        QFETCH(QString, message);
        const QString error = loadError(editedManifest(kPriceModality, modality), {}, {}, npy);
        QVERIFY2(error.contains(message), qPrintable("got: " + error));
    }

    // clip.npy: row i belongs to the i-th item of items.csv; a row with NaN or inf marks its item missing.
    void vectorsModality()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath("manifest.json"), editedManifest(kPriceModality, kClipModality).toUtf8()));
        QVERIFY(writeFile(dir.filePath("items.csv"), kBaseItems));
        QVERIFY(writeFile(dir.filePath("ratings.csv"), kBaseRatings));
        Eigen::MatrixXd clip(3, 4);
        clip << 0.5, -1, 2, 4, 1, std::nan(""), 3, 0, -0.25, 8, 16, 1024;
        QVERIFY(writeNpy(dir.filePath("clip.npy"), clip, NpyDtype::Float64, {true, true, 2, false}).ok());

        std::vector<double> fractions;
        const Result<Dataset> loaded = loadManifest(dir.filePath("manifest.json"), [&](double f) {
            fractions.push_back(f);
            return true;
        });
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QCOMPARE(loaded->itemIds, QStringList({"a", "b", "c"}));
        QCOMPARE(loaded->interactionCount(), 3);
        QCOMPARE(int(loaded->modalities.size()), 2);
        const ModalitySource *vectors = loaded->modality("clip");
        QVERIFY(vectors);
        QCOMPARE(vectors->kind, ModalityKind::Vectors);
        QCOMPARE(vectors->origin, QStringLiteral("clip.npy"));
        Eigen::MatrixXd expected(3, 4);
        expected << 0.5, -1, 2, 4, 0, 0, 0, 0, -0.25, 8, 16, 1024;
        QVERIFY(vectors->values.row(1).array().isNaN().all());   // the row that held NaN
        Eigen::MatrixXd finite = vectors->values;
        finite.row(1).setZero();
        QCOMPARE(finite, expected);
        QCOMPARE(vectors->missing, std::vector<bool>({false, true, false}));
        QCOMPARE(vectors->missingCount(), 1);
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        QCOMPARE(fractions.back(), 1.0);

        // A 1-D array is one value per item.
        QVERIFY(writeFile(dir.filePath("clip.npy"), npyBytes(Eigen::Vector3d(1, 2, 3), {false, false, 1, true})));
        const Result<Dataset> column = loadManifest(dir.filePath("manifest.json"));
        QVERIFY2(column.ok(), qPrintable(errorOf(column)));
        QCOMPARE(column->modality("clip")->values, Eigen::MatrixXd(Eigen::Vector3d(1, 2, 3)));
        QCOMPARE(column->modality("clip")->missingCount(), 0);
    }

    // An image file that does not exist or has no readable header is missing from the start, in the
    // dataset's counts and the Dataset page's coverage, with its path kept; the embedder's notes then
    // name the same items for the same reasons.
    void imagesThatDoNotExistOrDoNotDecodeAreMissing()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath("manifest.json"),
                          editedManifest(kPriceModality, QStringLiteral("{\"name\": \"photo\", \"kind\": \"image\", "
                                                                        "\"path\": \"img/{item_id}.png\"}")).toUtf8()));
        QVERIFY(writeFile(dir.filePath("items.csv"), "item_id,title\na,Alpha\nb,Beta\nc,Gamma\nd,Delta\n"));
        QVERIFY(writeFile(dir.filePath("ratings.csv"), "user_id,item_id,rating,ts\nu1,a,5,100\nu2,b,3,101\nu1,c,4,102\n"
                                                       "u2,d,2,103\n"));
        QVERIFY(QDir(dir.path()).mkpath("img"));
        QImage red(8, 8, QImage::Format_RGB32);
        red.fill(Qt::red);
        QVERIFY(red.save(dir.filePath("img/a.png")));
        QVERIFY(red.save(dir.filePath("img/d.png")));
        QVERIFY(writeFile(dir.filePath("img/c.png"), "this is not an image"));   // b.png does not exist
        const Result<Dataset> loaded = loadManifest(dir.filePath("manifest.json"));
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        const ModalitySource *photo = loaded->modality("photo");
        QVERIFY(photo);
        QCOMPARE(photo->missing, std::vector<bool>({false, true, true, false}));
        QCOMPARE(photo->imagePaths[1], QDir::cleanPath(dir.filePath("img/b.png")));
        QCOMPARE(probeImageFile(photo->imagePaths[0]), ImageFileState::Readable);
        QCOMPARE(probeImageFile(photo->imagePaths[1]), ImageFileState::NotFound);
        QCOMPARE(probeImageFile(photo->imagePaths[2]), ImageFileState::Unreadable);
        QCOMPARE(probeImageFile(QString()), ImageFileState::NoPath);

        const DatasetSummary summary = summarize(*loaded);
        const auto coverage = std::find_if(summary.coverage.begin(), summary.coverage.end(),
                                           [](const ModalityCoverage &c) { return c.name == QLatin1String("photo"); });
        QVERIFY(coverage != summary.coverage.end());
        QCOMPARE(coverage->present, 2);
        QCOMPARE(coverage->fraction, 0.5);

        const Result<ModalityMatrix> embedded = embedImages("photo", photo->imagePaths, photo->missing, {});
        QVERIFY2(embedded.ok(), qPrintable(embedded.ok() ? QString() : embedded.error()));
        QCOMPARE(embedded->missing, photo->missing);
        const QString notes = embedded->notes.join(QLatin1Char('\n'));
        QVERIFY2(notes.contains(QStringLiteral("1 of 4 image files were not found")) && notes.contains(QStringLiteral("img/b.png")),
                 qPrintable(notes));
        QVERIFY2(notes.contains(QStringLiteral("could not decode 1 of 4 images")) && notes.contains(QStringLiteral("img/c.png")),
                 qPrintable(notes));
        QVERIFY(embedded->values.row(0).isApprox(embedded->values.row(3)));   // both red

        // Marking is idempotent and leaves other kinds alone.
        ModalitySource again = *photo;
        const ImageProbeCounts counts = markUnreadableImages(again);
        QCOMPARE(counts.notFound + counts.unreadable, 0);
        QCOMPARE(again.missing, photo->missing);
        ModalitySource fresh = *photo;
        fresh.missing.assign(4, false);
        const ImageProbeCounts first = markUnreadableImages(fresh);
        QCOMPARE(first.notFound, 1);
        QCOMPARE(first.unreadable, 1);
        QCOMPARE(fresh.missing, photo->missing);
    }

    // A numeric value or a .npy row holding NaN or inf is missing, and the embedding's note says so
    // rather than counting it with the empty cells.
    void nonFiniteValuesNamedInTheNotes()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath("manifest.json"),
                          editedManifest(kPriceModality, kPriceModality + QStringLiteral(", ") + kClipModality).toUtf8()));
        QVERIFY(writeFile(dir.filePath("items.csv"), "item_id,title,price\na,Alpha,inf\nb,Beta,\nc,Gamma,NaN\nd,Delta,4\n"));
        QVERIFY(writeFile(dir.filePath("ratings.csv"), kBaseRatings));
        Eigen::MatrixXd clip(4, 2);
        clip << 1, 2, std::nan(""), 0, 3, -std::numeric_limits<double>::infinity(), 5, 6;
        QVERIFY(writeNpy(dir.filePath("clip.npy"), clip, NpyDtype::Float32).ok());
        const Result<Dataset> loaded = loadManifest(dir.filePath("manifest.json"));
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        auto shared = std::make_shared<const Dataset>(*loaded);
        FusionPipeline pipeline(shared);
        const PipelineConfig config = defaultPipelineConfig(*shared);
        const auto notesOf = [&](const QString &name) {
            for (const ModalityConfig &m : config.modalities) {
                if (m.name == name) {
                    const Result<std::shared_ptr<const ModalityMatrix>> e = pipeline.embedding(m);
                    return e ? (*e)->notes.join(QLatin1Char('\n')) + ((*e)->values.allFinite() ? "" : " (not finite!)")
                             : e.error();
                }
            }
            return QStringLiteral("(no modality %1)").arg(name);
        };
        QCOMPARE(notesOf("price"), QStringLiteral("price: 3 of 4 items have no value (NaN or inf in 2 of them); filled "
                                                  "with the column mean."));
        QCOMPARE(notesOf("clip"), QStringLiteral("clip: 2 of 4 items have no value (NaN or inf in 2 of them); filled "
                                                 "with the column mean."));
    }

    // "quote": false reads '"' as an ordinary character (inch marks, MovieLens-style titles).
    void quotingCanBeSwitchedOff()
    {
        const QByteArray items = "item_id,title,price\na,27\" screen,1.5\nb,\"Beta\",2\nc,Gamma,3\n";
        const QString error = loadError(kBaseManifest, items, {});
        QVERIFY2(error.startsWith("items.csv:2:"), qPrintable("got: " + error));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath("manifest.json"),
                          editedManifest("\"file\": \"items.csv\"", "\"file\": \"items.csv\", \"quote\": false").toUtf8()));
        QVERIFY(writeFile(dir.filePath("items.csv"), items));
        QVERIFY(writeFile(dir.filePath("ratings.csv"), kBaseRatings));
        const Result<Dataset> loaded = loadManifest(dir.filePath("manifest.json"));
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QCOMPARE(loaded->itemTitles, QStringList({"27\" screen", "\"Beta\"", "Gamma"}));
        QCOMPARE(loaded->modality("text")->texts, QStringList({"27\" screen", "\"Beta\"", "Gamma"}));
    }

    void baseOfTheMalformedCasesLoads()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath("manifest.json"), kBaseManifest.toUtf8()));
        QVERIFY(writeFile(dir.filePath("items.csv"), kBaseItems));
        QVERIFY(writeFile(dir.filePath("ratings.csv"), kBaseRatings));
        const Result<Dataset> loaded = loadManifest(dir.filePath("manifest.json"));
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QCOMPARE(loaded->itemCount(), 3);
        QCOMPARE(loaded->interactionCount(), 3);
        QCOMPARE(loaded->timestamp, std::vector<qint64>({100, 101, 102}));
    }

    void missingManifestAndFolders()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Result<Dataset> noManifest = loadManifest(dir.filePath("manifest.json"));
        QVERIFY(!noManifest.ok());
        QCOMPARE(noManifest.error(),
                 dir.filePath("manifest.json") + ": manifest not found; expected a FusionLab manifest.json");

        const Result<Dataset> emptyFolder = loadDataset(dir.path());
        QVERIFY(!emptyFolder.ok());
        QVERIFY2(emptyFolder.error().startsWith(dir.path() + ": no manifest.json in this folder"),
                 qPrintable(emptyFolder.error()));

        const Result<Dataset> nowhere = loadDataset(dir.filePath("nowhere"));
        QVERIFY(!nowhere.ok());
        QVERIFY(nowhere.error().startsWith(dir.filePath("nowhere") + ": no such file or folder"));

        QVERIFY(writeFile(dir.filePath("manifest.json"), "  \n"));
        const Result<Dataset> blank = loadDataset(dir.path());
        QVERIFY(!blank.ok());
        QVERIFY(blank.error().startsWith(dir.filePath("manifest.json") + " is empty"));
    }

    void progressReachesTheEndAndCanCancel()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath("manifest.json"), kBaseManifest.toUtf8()));
        QVERIFY(writeFile(dir.filePath("items.csv"), kBaseItems));
        QByteArray ratings = "user_id,item_id,rating,ts\n";
        for (int i = 0; i < 200000; ++i)
            ratings += "customer-" + QByteArray::number(i % 977) + "," + "abc"[i % 3] + "," + QByteArray::number(1 + i % 5)
                       + "," + QByteArray::number(i) + "\n";
        QVERIFY(writeFile(dir.filePath("ratings.csv"), ratings));

        std::vector<double> fractions;
        const Result<Dataset> loaded = loadManifest(dir.filePath("manifest.json"), [&](double f) {
            fractions.push_back(f);
            return true;
        });
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QCOMPARE(loaded->interactionCount(), 200000);
        QCOMPARE(loaded->userCount(), 977);
        QCOMPARE(loaded->userIds[976], QStringLiteral("customer-976"));
        for (int i = 0; i < loaded->interactionCount(); ++i) {
            if (loaded->interactionUser[i] != i % 977 || loaded->interactionItem[i] != i % 3)
                QFAIL(qPrintable(QString("interaction %1 has the wrong user or item").arg(i)));
        }
        QCOMPARE(loaded->rating.sum(), 200000.0 * 3.0);   // 1..5 repeat evenly
        QVERIFY(fractions.size() >= 3);
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        QCOMPARE(fractions.back(), 1.0);

        const Result<Dataset> cancelled = loadManifest(dir.filePath("manifest.json"), [](double f) { return f < 0.5; });
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error(), QStringLiteral("ratings.csv: reading cancelled"));
    }
};

QTEST_GUILESS_MAIN(TestManifest)
#include "test_manifest.moc"
