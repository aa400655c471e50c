#include "engine/data/RecBoleImporter.h"

#include "tests/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <map>

using namespace fl;

namespace {

using fl::test::writeFiles;
using fl::test::Files;
using fl::test::errorOf;


// RecBole's ml-100k atomic files (as its conversion script writes them), with a float, a float_seq and
// an item that only the .inter names.
Files baseFiles(const QString &name)
{
    return {
        {name + ".inter", "user_id:token\titem_id:token\trating:float\ttimestamp:float\n"
                          "196\t242\t3\t881250949\n"
                          "186\t302\t3\t891717742\n"
                          "22\t377\t1\t878887116\n"
                          "196\t999\t4\t881251000\n"},
        {name + ".item", "item_id:token\tmovie_title:token_seq\trelease_year:token\tclass:token_seq\tprice:float\t"
                         "popularity:float\temb:float_seq\n"
                         "242\tKolya\t1996\tComedy\t9.5\t0.25\t0.5 1.5 -2\n"
                         "302\tL.A. Confidential\t1997\tCrime Film-Noir Mystery Thriller\t12\t0.75\t1 2 3\n"
                         "377\t\"Heavyweights\"\t1994\tChildren's Comedy\t\t0.5\t\n"},
        {name + ".user", "user_id:token\tage:token\tgender:token\n196\t49\tM\n"},
        {name + ".kg", "head_id:token\trelation_id:token\ttail_id:token\nm.1\tfilm.genre\tm.2\n"},
        {name + ".link", "item_id:token\tentity_id:token\n242\tm.1\n"},
    };
}

Eigen::MatrixXd matrix(int rows, int cols, std::initializer_list<double> values)
{
    Eigen::MatrixXd m(rows, cols);
    auto it = values.begin();
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c)
            m(r, c) = *it++;
    }
    return m;
}

} // namespace

class TestRecBole : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void atomicFilesReadBack()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath("ml-100k");
        QVERIFY(writeFiles(folder, baseFiles("ml-100k")));
        QVERIFY(looksLikeRecBole(folder));
        QVERIFY(looksLikeRecBole(folder + "/ml-100k.item"));

        const Result<Dataset> loaded = importRecBole(folder);
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        const Dataset &d = *loaded;
        QCOMPARE(d.name, QStringLiteral("ml-100k"));
        QCOMPARE(d.sourcePath, QDir(folder).absolutePath());
        QCOMPARE(d.itemIds, QStringList({"242", "302", "377", "999"}));
        QCOMPARE(d.itemTitles, QStringList({"Kolya", "L.A. Confidential", "\"Heavyweights\"", "999"}));
        QCOMPARE(d.itemCategories, QStringList({"Comedy", "Crime", "Children's", ""}));
        QCOMPARE(d.userIds, QStringList({"196", "186", "22"}));
        QCOMPARE(d.interactionUser, std::vector<int>({0, 1, 2, 0}));
        QCOMPARE(d.interactionItem, std::vector<int>({0, 1, 2, 3}));
        QCOMPARE(d.rating, Eigen::VectorXd(Eigen::Vector4d(3, 3, 1, 4)));
        QCOMPARE(d.timestamp, std::vector<qint64>({881250949, 891717742, 878887116, 881251000}));

        QCOMPARE(int(d.modalities.size()), 3);
        const ModalitySource *text = d.modality("text");
        QVERIFY(text);
        QCOMPARE(text->kind, ModalityKind::Text);
        QCOMPARE(text->origin, QStringLiteral("ml-100k.item: movie_title, release_year, class"));
        QCOMPARE(text->texts, QStringList({"Kolya\n1996\nComedy", "L.A. Confidential\n1997\nCrime Film-Noir Mystery Thriller",
                                           "\"Heavyweights\"\n1994\nChildren's Comedy", ""}));
        QCOMPARE(text->missing, std::vector<bool>({false, false, false, true}));

        const ModalitySource *numeric = d.modality("numeric");
        QVERIFY(numeric);
        QCOMPARE(numeric->kind, ModalityKind::Numeric);
        QCOMPARE(numeric->origin, QStringLiteral("ml-100k.item: price, popularity"));
        QCOMPARE(numeric->values, matrix(4, 2, {9.5, 0.25, 12, 0.75, 0, 0, 0, 0}));
        QCOMPARE(numeric->missing, std::vector<bool>({false, false, true, true}));

        const ModalitySource *emb = d.modality("emb");
        QVERIFY(emb);
        QCOMPARE(emb->kind, ModalityKind::Vectors);
        QCOMPARE(emb->origin, QStringLiteral("ml-100k.item: emb"));
        QCOMPARE(emb->values, matrix(4, 3, {0.5, 1.5, -2, 1, 2, 3, 0, 0, 0, 0, 0, 0}));
        QCOMPARE(emb->missing, std::vector<bool>({false, false, true, true}));
    }

    void ownFieldNamesWithoutItemFile()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath("clicks");
        QVERIFY(writeFiles(folder, {{"clicks.inter", "visitor_user:token\tsession:token\tclicked_item:token\tlabel:float\n"
                                                     "u9\ts1\tp1\t1\n"
                                                     "u9\ts1\tp2\t0\n"
                                                     "u3\ts2\tp1\t1\n"}}));
        const Result<Dataset> loaded = importRecBole(folder + "/clicks.inter");
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        const Dataset &d = *loaded;
        QCOMPARE(d.name, QStringLiteral("clicks"));
        QCOMPARE(d.itemIds, QStringList({"p1", "p2"}));
        QCOMPARE(d.itemTitles, QStringList({"p1", "p2"}));
        QCOMPARE(d.userIds, QStringList({"u9", "u3"}));
        QCOMPARE(d.interactionItem, std::vector<int>({0, 1, 0}));
        QCOMPARE(d.rating, Eigen::VectorXd(Eigen::Vector3d(1, 1, 1)));   // implicit feedback: no rating field
        QVERIFY(d.timestamp.empty());
        QVERIFY(d.modalities.empty());
    }

    void onlyInterFileNamesTheDataset()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath("download");
        QVERIFY(writeFiles(folder, baseFiles("ml-100k")));
        QVERIFY(looksLikeRecBole(folder));
        const Result<Dataset> loaded = importRecBole(folder);
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QCOMPARE(loaded->name, QStringLiteral("ml-100k"));
        QCOMPARE(loaded->itemCount(), 4);
    }

    void notRecBole()
    {
        QTemporaryDir dir;
        QVERIFY(writeFiles(dir.path(), {{"ratings.csv", "userId,movieId,rating,timestamp\n"}}));
        QVERIFY(!looksLikeRecBole(dir.path()));
        QVERIFY(!looksLikeRecBole(dir.filePath("missing")));
        const Result<Dataset> none = importRecBole(dir.path());
        QVERIFY(!none.ok());
        const QString name = QDir(dir.path()).dirName();
        QCOMPARE(none.error(), QString("%1: no %2.inter; expected RecBole atomic files NAME/NAME.inter (and optionally "
                                       "NAME.item) (looked for %1/%2.inter)")
                                   .arg(QDir::toNativeSeparators(dir.path()), name));
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("file");       // in the folder "ml"
        QTest::addColumn<QByteArray>("data");    // a null QByteArray deletes the file
        QTest::addColumn<QString>("message");    // %1: the folder

        QTest::newRow("unknown type")
            << "ml.item" << QByteArray("item_id:token\ttitle:token_seq\tyear:int\n242\tKolya\t1996\n")
            << "ml.item:1: field 3 \"year:int\" has type \"int\"; expected token, token_seq, float or float_seq";
        QTest::newRow("header without types")
            << "ml.inter" << QByteArray("user_id\titem_id\trating\n196\t242\t3\n")
            << "ml.inter:1: field 1 \"user_id\" has no type; expected name:type with the type token, token_seq, float "
               "or float_seq (e.g. user_id:token), as in RecBole's atomic files";
        QTest::newRow("float_seq rows of different lengths")
            << "ml.item" << QByteArray("item_id:token\temb:float_seq\n242\t1 2 3\n302\t\n377\t4 5\n")
            << "ml.item:4: field \"emb:float_seq\" has 2 values; expected 3 like line 2 (every item's vector needs the "
               "same length; an empty cell marks the item missing)";
        QTest::newRow("float_seq with a word")
            << "ml.item" << QByteArray("item_id:token\temb:float_seq\n242\t1 x 3\n")
            << "ml.item:2: field \"emb:float_seq\" holds \"x\" at position 2; expected space-separated finite numbers";
        QTest::newRow("missing user_id field")
            << "ml.inter" << QByteArray("item_id:token\trating:float\n242\t3\n")
            << "ml.inter:1: no user field; expected user_id:token (RecBole's default) or exactly one token field whose "
               "name contains \"user\", but the header has: item_id:token, rating:float";
        QTest::newRow("two user fields")
            << "ml.inter" << QByteArray("buyer_user:token\tseller_user:token\titem_id:token\nb\ts\t242\n")
            << "ml.inter:1: no user field; expected user_id:token (RecBole's default) or exactly one token field whose "
               "name contains \"user\", but the header has: buyer_user:token, seller_user:token, item_id:token";
        QTest::newRow("rating not a float field")
            << "ml.inter" << QByteArray("user_id:token\titem_id:token\trating:token\n196\t242\t3\n")
            << "ml.inter:1: field \"rating:token\" has the wrong type; expected rating:float";
        QTest::newRow("non-numeric float")
            << "ml.item" << QByteArray("item_id:token\tprice:float\n242\t9.5\n302\tcheap\n")
            << "ml.item:3: field \"price:float\" holds \"cheap\"; expected a number (an empty cell marks the item "
               "missing)";
        QTest::newRow("non-numeric rating")
            << "ml.inter" << QByteArray("user_id:token\titem_id:token\trating:float\n196\t242\t3\n186\t302\tgood\n")
            << "ml.inter:3: rating \"good\" in column \"rating:float\" is not a number; expected a number such as 4 or 3.5";
        QTest::newRow("duplicate item id")
            << "ml.item" << QByteArray("item_id:token\ttitle:token_seq\n242\tKolya\n302\tL.A. Confidential\n242\tAgain\n")
            << "ml.item:4: duplicate item id \"242\" in column \"item_id:token\" (also on line 2); expected each item once";
        QTest::newRow("item file without the item field")
            << "ml.item" << QByteArray("id:token\ttitle:token_seq\n242\tKolya\n")
            << "ml.item:1: no field item_id:token; expected the item field of ml.inter, but the header has: id:token, "
               "title:token_seq";
        QTest::newRow("wrong field count")
            << "ml.inter" << QByteArray("user_id:token\titem_id:token\trating:float\n196\t242\t3\n186 302 3\n")
            << "ml.inter:3: expected 3 fields (header: user_id:token, item_id:token, rating:float) but found 1";
        QTest::newRow("bad UTF-8")
            << "ml.item" << QByteArray("item_id:token\ttitle:token_seq\n242\tMis\xE9rables\n")
            << "ml.item:2: expected UTF-8 text; RecBole's atomic files are UTF-8 (its \"encoding\" setting defaults "
               "to utf-8)";
        QTest::newRow("empty inter file")
            << "ml.inter" << QByteArray("user_id:token\titem_id:token\n")
            << "ml.inter:2: expected an interaction after the header but found the end of the file; a dataset needs at "
               "least one interaction";
        QTest::newRow("no inter file")
            << "ml.inter" << QByteArray()
            << "%1: no ml.inter; expected RecBole atomic files NAME/NAME.inter (and optionally NAME.item) (looked for "
               "%1/ml.inter)";
    }

    void malformed()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, data);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString folder = dir.filePath("ml");
        QVERIFY(writeFiles(folder, baseFiles("ml")));
        if (data.isNull())
            QVERIFY(QFile::remove(folder + "/" + file));
        else
            QVERIFY(writeFiles(folder, {{file, data}}));
        const Result<Dataset> loaded = importRecBole(folder);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error(), message.arg(QDir::toNativeSeparators(folder)));
    }
};

QTEST_GUILESS_MAIN(TestRecBole)
#include "test_recbole.moc"
