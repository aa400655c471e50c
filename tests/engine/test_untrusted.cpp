// Datasets from strangers (issue 13, "Untrusted datasets"): paths that leave the dataset's folder,
// special files, unbounded counts, control characters in ids and timestamps, and weights whose fused
// features overflow. Every case must be refused quickly with a message naming the file, the key or
// line, and what was expected, and no message may carry the content of a file outside the dataset.

#include "engine/data/CsvReader.h"
#include "engine/data/DatasetFiles.h"
#include "engine/data/DatasetImport.h"
#include "engine/data/ManifestLoader.h"
#include "engine/data/MmrecImporter.h"
#include "engine/data/MovieLensImporter.h"
#include "engine/data/Npy.h"
#include "engine/data/RecBoleImporter.h"
#include "engine/fusion/FusionPipeline.h"

#include "tests/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

#include <cmath>
#include <limits>

using namespace fl;

namespace {

using fl::test::errorOf;
using fl::test::writeFile;

// Outside every dataset folder of these tests: nothing of it may appear in a message.
const QByteArray kSecret = "SECRET-CONTENT-7f3a,never,quote,me\nuser_id,item_id,rating\nu9,a,5\n";

const QByteArray kItems = "item_id,title\na,Alpha\nb,Beta\n";
const QByteArray kRatings = "user_id,item_id,rating\nu1,a,4\nu2,b,3\n";

QString manifestWith(const QString &itemsFile, const QString &ratingsFile, const QString &modalities = QString())
{
    return QStringLiteral("{\n"
                          "  \"fusionlab_manifest\": 1,\n"
                          "  \"items\": {\"file\": \"%1\", \"id\": \"item_id\", \"title\": \"title\"},\n"
                          "  \"interactions\": {\"file\": \"%2\", \"user\": \"user_id\", \"item\": \"item_id\", "
                          "\"rating\": \"rating\"},\n"
                          "  \"modalities\": [%3]\n"
                          "}\n")
        .arg(itemsFile, ratingsFile, modalities.isNull() ? QStringLiteral("{\"name\": \"text\", \"kind\": \"text\", \"columns\": [\"title\"]}") : modalities);
}

// root/secret.csv (outside) and root/data/ (the dataset folder, with items.csv and ratings.csv).
struct Sandbox
{
    QTemporaryDir root;
    QString data;
    QString secret;

    Sandbox()
    {
        data = root.filePath(QStringLiteral("data"));
        secret = root.filePath(QStringLiteral("secret.csv"));
        QDir().mkpath(data);
        writeFile(secret, kSecret);
        writeFile(data + QStringLiteral("/items.csv"), kItems);
        writeFile(data + QStringLiteral("/ratings.csv"), kRatings);
    }

    QString manifest(const QString &json) const
    {
        const QString path = data + QStringLiteral("/manifest.json");
        writeFile(path, json.toUtf8());
        return path;
    }
};

// Bytes of a literal, NULs included.
template<size_t N>
QByteArray bytes(const char (&text)[N])
{
    return QByteArray(text, qsizetype(N - 1));
}

bool makeFifo(const QString &path)
{
    return ::mkfifo(QFile::encodeName(path).constData(), 0600) == 0;
}

bool hasControlCharacter(const QString &text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x20 && c != QLatin1Char('\n'); });
}

} // namespace

class TestUntrusted : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void excerptEscapesAndCuts()
    {
        QCOMPARE(excerpt(QStringLiteral("ab")), QStringLiteral("ab"));
        QCOMPARE(excerpt(QString::fromLatin1("14457150\0 20", 12)), QStringLiteral("14457150\\x00 20"));
        QCOMPARE(excerpt(QStringLiteral("a\tb\x1b[31m")), QStringLiteral("a\\x09b\\x1b[31m"));
        QCOMPARE(excerpt(QStringLiteral("abcdef"), 3), QStringLiteral("abc") + QChar(0x2026));
        QCOMPARE(excerpt(QString(500, QLatin1Char('x'))).size(), 81);
    }

    void manifestPathOutside_data()
    {
        QTest::addColumn<QString>("items");
        QTest::addColumn<QString>("ratings");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("written");     // "SECRET": the absolute path of the outside file
        QTest::newRow("absolute table") << "items.csv" << "SECRET" << "interactions.file" << "SECRET";
        QTest::newRow("etc passwd") << "/etc/passwd" << "ratings.csv" << "items.file" << "/etc/passwd";
        QTest::newRow("dot dot") << "items.csv" << "../secret.csv" << "interactions.file" << "../secret.csv";
        QTest::newRow("dot dot deep") << "items.csv" << "../../../../../../etc/passwd" << "interactions.file"
                                      << "../../../../../../etc/passwd";
        QTest::newRow("dot dot through a folder") << "sub/../../secret.csv" << "ratings.csv" << "items.file"
                                                  << "sub/../../secret.csv";
        QTest::newRow("dev zero") << "items.csv" << "/dev/zero" << "interactions.file" << "/dev/zero";
    }

    void manifestPathOutside()
    {
        QFETCH(QString, items);
        QFETCH(QString, ratings);
        QFETCH(QString, key);
        QFETCH(QString, written);
        Sandbox box;
        QVERIFY(box.root.isValid());
        QDir(box.data).mkdir(QStringLiteral("sub"));
        auto fill = [&](QString text) { return text == QLatin1String("SECRET") ? box.secret : text; };
        const QString manifest = box.manifest(manifestWith(fill(items), fill(ratings)));
        const Result<Dataset> loaded = loadManifest(manifest);
        QVERIFY(!loaded.ok());
        const QString message = loaded.error();
        QVERIFY2(message.startsWith(manifest + QStringLiteral(":3: ")) || message.startsWith(manifest + QStringLiteral(":4: ")),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("\"%1\" is \"%2\", outside the dataset folder; paths must be relative "
                                                 "and stay inside %3")
                                      .arg(key, fill(written), QDir::toNativeSeparators(box.data))),
                 qPrintable(message));
        QVERIFY2(!message.contains(QStringLiteral("SECRET-CONTENT")) && !message.contains(QStringLiteral("root:")),
                 qPrintable(message));
    }

    void manifestVectorsAndImagePatternOutside()
    {
        Sandbox box;
        QVERIFY(box.root.isValid());
        Eigen::MatrixXd values(2, 2);
        values << 1, 2, 3, 4;
        QVERIFY(writeNpy(box.root.filePath(QStringLiteral("clip.npy")), values, NpyDtype::Float64).ok());
        const Result<Dataset> vectors = loadManifest(box.manifest(manifestWith(
            QStringLiteral("items.csv"), QStringLiteral("ratings.csv"),
            QStringLiteral("{\"name\": \"clip\", \"kind\": \"vectors\", \"file\": \"../clip.npy\"}"))));
        QVERIFY(!vectors.ok());
        QVERIFY2(vectors.error().contains(QStringLiteral(":5: \"modalities[0].file\" is \"../clip.npy\", outside the "
                                                         "dataset folder")),
                 qPrintable(vectors.error()));

        const Result<Dataset> pattern = loadManifest(box.manifest(manifestWith(
            QStringLiteral("items.csv"), QStringLiteral("ratings.csv"),
            QStringLiteral("{\"name\": \"photo\", \"kind\": \"image\", \"path\": \"/usr/share/{item_id}.png\"}"))));
        QVERIFY(!pattern.ok());
        QVERIFY2(pattern.error().contains(QStringLiteral("\"modalities[0].path\" is \"/usr/share/{item_id}.png\", outside "
                                                         "the dataset folder")),
                 qPrintable(pattern.error()));

        // A pattern that stays inside, but whose cell climbs out: refused with the items file's line.
        writeFile(box.data + QStringLiteral("/items.csv"), "item_id,title,picture\na,Alpha,a.png\nb,Beta,../../b.png\n");
        const Result<Dataset> cell = loadManifest(box.manifest(manifestWith(
            QStringLiteral("items.csv"), QStringLiteral("ratings.csv"),
            QStringLiteral("{\"name\": \"photo\", \"kind\": \"image\", \"path\": \"images/{picture}\"}"))));
        QVERIFY(!cell.ok());
        QCOMPARE(cell.error(), QStringLiteral("items.csv:3: the image path of modality 'photo' is \"images/../../b.png\", "
                                              "outside the dataset folder; paths must be relative and stay inside %1")
                                   .arg(QDir::toNativeSeparators(box.data)));

        // An image column holding an absolute path.
        writeFile(box.data + QStringLiteral("/items.csv"), "item_id,title,picture\na,Alpha,/etc/passwd\nb,Beta,\n");
        const Result<Dataset> column = loadManifest(box.manifest(manifestWith(
            QStringLiteral("items.csv"), QStringLiteral("ratings.csv"),
            QStringLiteral("{\"name\": \"photo\", \"kind\": \"image\", \"column\": \"picture\"}"))));
        QVERIFY(!column.ok());
        QVERIFY2(column.error().startsWith(QStringLiteral("items.csv:2: the image path of modality 'photo' is "
                                                          "\"/etc/passwd\", outside")),
                 qPrintable(column.error()));
    }

    void symbolicLinks()
    {
        Sandbox box;
        QVERIFY(box.root.isValid());
        // A link out of the folder is refused, whatever it points at.
        QVERIFY(QFile::link(box.secret, box.data + QStringLiteral("/linked.csv")));
        const Result<Dataset> out = loadManifest(box.manifest(manifestWith(QStringLiteral("items.csv"), QStringLiteral("linked.csv"))));
        QVERIFY(!out.ok());
        QVERIFY2(out.error().contains(QStringLiteral("\"interactions.file\" is \"linked.csv\", a symbolic link that leads "
                                                     "outside the dataset folder")),
                 qPrintable(out.error()));
        QVERIFY(!out.error().contains(QStringLiteral("SECRET-CONTENT")));

        // A folder link out of it, too.
        QDir(box.root.path()).mkdir(QStringLiteral("elsewhere"));
        writeFile(box.root.filePath(QStringLiteral("elsewhere/ratings.csv")), kRatings);
        QVERIFY(QFile::link(box.root.filePath(QStringLiteral("elsewhere")), box.data + QStringLiteral("/tables")));
        const Result<Dataset> throughFolder = loadManifest(box.manifest(manifestWith(QStringLiteral("items.csv"), QStringLiteral("tables/ratings.csv"))));
        QVERIFY(!throughFolder.ok());
        QVERIFY2(throughFolder.error().contains(QStringLiteral("a symbolic link that leads outside")), qPrintable(throughFolder.error()));

        // A link to /dev/zero.
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), box.data + QStringLiteral("/zero.csv")));
        const Result<Dataset> zero = loadManifest(box.manifest(manifestWith(QStringLiteral("items.csv"), QStringLiteral("zero.csv"))));
        QVERIFY(!zero.ok());
        QVERIFY2(zero.error().contains(QStringLiteral("(to /dev/zero)")), qPrintable(zero.error()));

        // A link that stays inside is fine: the same data as the file itself.
        QDir(box.data).mkdir(QStringLiteral("tables2"));
        writeFile(box.data + QStringLiteral("/tables2/real.csv"), kRatings);
        QVERIFY(QFile::link(box.data + QStringLiteral("/tables2/real.csv"), box.data + QStringLiteral("/inside.csv")));
        const Result<Dataset> inside = loadManifest(box.manifest(manifestWith(QStringLiteral("items.csv"), QStringLiteral("inside.csv"))));
        QVERIFY2(inside.ok(), qPrintable(errorOf(inside)));
        QCOMPARE(inside->interactionCount(), 2);
        QCOMPARE(inside->rating.sum(), 7.0);

        // The dataset folder itself reached through a link: its files are inside it.
        const QString alias = box.root.filePath(QStringLiteral("alias"));
        QVERIFY(QFile::link(box.data, alias));
        const Result<Dataset> viaAlias = loadManifest(alias + QStringLiteral("/manifest.json"));
        QVERIFY2(viaAlias.ok(), qPrintable(errorOf(viaAlias)));
    }

    void specialFiles()
    {
        Sandbox box;
        QVERIFY(box.root.isValid());
        // A FIFO is never opened (opening it would block this test until its timeout).
        QVERIFY(makeFifo(box.data + QStringLiteral("/pipe.csv")));
        const Result<Dataset> fifo = loadManifest(box.manifest(manifestWith(QStringLiteral("items.csv"), QStringLiteral("pipe.csv"))));
        QVERIFY(!fifo.ok());
        QCOMPARE(fifo.error(), QStringLiteral("%1:4: \"interactions.file\" is \"pipe.csv\", a FIFO (named pipe); expected a "
                                              "regular file")
                                   .arg(box.data + QStringLiteral("/manifest.json")));

        QDir(box.data).mkdir(QStringLiteral("folder.csv"));
        const Result<Dataset> folder = loadManifest(box.manifest(manifestWith(QStringLiteral("folder.csv"), QStringLiteral("ratings.csv"))));
        QVERIFY(!folder.ok());
        QVERIFY2(folder.error().endsWith(QStringLiteral("\"items.file\" is \"folder.csv\", a folder; expected a regular file")),
                 qPrintable(folder.error()));

        // The reader itself, whatever calls it.
        CsvReader zero;
        const Result<void> opened = zero.open(QStringLiteral("/dev/zero"));
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error(), QStringLiteral("/dev/zero: is a character device, not a regular file; expected a CSV file"));
        CsvReader pipe;
        const Result<void> pipeOpened = pipe.open(box.data + QStringLiteral("/pipe.csv"));
        QVERIFY(!pipeOpened.ok());
        QVERIFY2(pipeOpened.error().endsWith(QStringLiteral("is a FIFO (named pipe), not a regular file; expected a CSV file")),
                 qPrintable(pipeOpened.error()));

        // A manifest that is a FIFO, and detection that meets one.
        QTemporaryDir other;
        QVERIFY(makeFifo(other.filePath(QStringLiteral("manifest.json"))));
        const Result<Dataset> manifestFifo = loadDataset(other.path());
        QVERIFY(!manifestFifo.ok());
        QVERIFY2(manifestFifo.error().contains(QStringLiteral("is a FIFO (named pipe), not a regular file; expected a "
                                                              "manifest.json file")),
                 qPrintable(manifestFifo.error()));
    }

    void importersRefuseLinksAndSpecialFiles()
    {
        QTemporaryDir root;
        QVERIFY(root.isValid());
        writeFile(root.filePath(QStringLiteral("outside.csv")), "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n");

        // MovieLens: ratings.csv a link out of the folder.
        const QString ml = root.filePath(QStringLiteral("ml"));
        QDir().mkpath(ml);
        writeFile(ml + QStringLiteral("/movies.csv"), "movieId,title,genres\n1,Toy Story (1995),Comedy\n");
        QVERIFY(QFile::link(root.filePath(QStringLiteral("outside.csv")), ml + QStringLiteral("/ratings.csv")));
        const Result<Dataset> linked = importMovieLens(ml);
        QVERIFY(!linked.ok());
        QVERIFY2(linked.error().startsWith(QStringLiteral("ratings.csv: leads outside the dataset folder")), qPrintable(linked.error()));

        // MovieLens: a FIFO for tags.csv is refused, and detection does not block on a FIFO ratings.csv.
        QFile::remove(ml + QStringLiteral("/ratings.csv"));
        writeFile(ml + QStringLiteral("/ratings.csv"), "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n");
        QVERIFY(makeFifo(ml + QStringLiteral("/tags.csv")));
        const Result<Dataset> tags = importMovieLens(ml);
        QVERIFY(!tags.ok());
        QCOMPARE(tags.error(), QStringLiteral("tags.csv: is a FIFO (named pipe), not a regular file; expected a CSV file"));
        const QString fifoFolder = root.filePath(QStringLiteral("ml-fifo"));
        QDir().mkpath(fifoFolder);
        writeFile(fifoFolder + QStringLiteral("/movies.csv"), "movieId,title,genres\n1,Toy Story (1995),Comedy\n");
        QVERIFY(makeFifo(fifoFolder + QStringLiteral("/ratings.csv")));
        QVERIFY(!looksLikeMovieLens(fifoFolder));
        QCOMPARE(detectDatasetFormat(fifoFolder), DatasetFormat::Auto);

        // MMRec: a feature file that links out of the folder.
        const QString mmrec = root.filePath(QStringLiteral("baby"));
        QDir().mkpath(mmrec);
        writeFile(mmrec + QStringLiteral("/baby.inter"), "userID\titemID\trating\ttimestamp\tx_label\n0\t0\t4\t1\t0\n0\t1\t5\t2\t2\n");
        Eigen::MatrixXd features(2, 2);
        features << 1, 2, 3, 4;
        QVERIFY(writeNpy(root.filePath(QStringLiteral("image_feat.npy")), features, NpyDtype::Float32).ok());
        QVERIFY(QFile::link(root.filePath(QStringLiteral("image_feat.npy")), mmrec + QStringLiteral("/image_feat.npy")));
        const Result<Dataset> feature = importMmrec(mmrec);
        QVERIFY(!feature.ok());
        QVERIFY2(feature.error().startsWith(QStringLiteral("image_feat.npy: leads outside the dataset folder")), qPrintable(feature.error()));
        // The same file copied in loads.
        QFile::remove(mmrec + QStringLiteral("/image_feat.npy"));
        QVERIFY(writeNpy(mmrec + QStringLiteral("/image_feat.npy"), features, NpyDtype::Float32).ok());
        const Result<Dataset> copied = importMmrec(mmrec);
        QVERIFY2(copied.ok(), qPrintable(errorOf(copied)));
        QCOMPARE(copied->interactionCount(), 2);

        // RecBole: a FIFO .inter is neither detected nor opened.
        const QString recbole = root.filePath(QStringLiteral("shop"));
        QDir().mkpath(recbole);
        QVERIFY(makeFifo(recbole + QStringLiteral("/shop.inter")));
        QVERIFY(!looksLikeRecBole(recbole));
        const Result<Dataset> inter = importRecBole(recbole);
        QVERIFY(!inter.ok());
        QCOMPARE(inter.error(), QStringLiteral("shop.inter: is a FIFO (named pipe), not a regular file; expected a CSV file"));
    }

    void boundedCounts()
    {
        Sandbox box;
        QVERIFY(box.root.isValid());
        auto modalities = [](int count) {
            QStringList list;
            for (int i = 0; i < count; ++i)
                list << QStringLiteral("{\"name\": \"m%1\", \"kind\": \"text\", \"columns\": [\"title\"]}").arg(i);
            return list.join(QStringLiteral(", "));
        };
        const Result<Dataset> many = loadManifest(box.manifest(manifestWith(QStringLiteral("items.csv"), QStringLiteral("ratings.csv"),
                                                                            modalities(kMaxModalities + 1))));
        QVERIFY(!many.ok());
        QCOMPARE(many.error(), QStringLiteral("%1:5: \"modalities\" lists 65 modalities; expected at most 64")
                                   .arg(box.data + QStringLiteral("/manifest.json")));
        const Result<Dataset> most = loadManifest(box.manifest(manifestWith(QStringLiteral("items.csv"), QStringLiteral("ratings.csv"),
                                                                            modalities(kMaxModalities))));
        QVERIFY2(most.ok(), qPrintable(errorOf(most)));
        QCOMPARE(int(most->modalities.size()), kMaxModalities);

        // Columns: a header of kMaxColumns + 1 fields is refused, kMaxColumns are read.
        auto header = [](int count) {
            QByteArrayList names;
            for (int i = 0; i < count; ++i)
                names << "c" + QByteArray::number(i);
            return names.join(',') + '\n';
        };
        CsvReader wide;
        const Result<void> tooWide = wide.setData(header(kMaxColumns + 1));
        QVERIFY(!tooWide.ok());
        QCOMPARE(tooWide.error(), QStringLiteral("<memory>:1: more than 4096 fields; expected at most 4096 columns"));
        CsvReader widest;
        QVERIFY(widest.setData(header(kMaxColumns)).ok());
        QCOMPARE(widest.columnCount(), kMaxColumns);
        // A data line with too many delimiters stops at the bound instead of collecting them all.
        const Result<CsvTable> line = parseCsv("a,b\n" + QByteArray(100000, ','));
        QVERIFY(!line.ok());
        QCOMPARE(line.error(), QStringLiteral("<memory>:2: more than 4096 fields; expected at most 4096 columns"));

        // A record without an end: refused once it passes kMaxRecordBytes, not read to the end of the file.
        const QString endless = box.data + QStringLiteral("/endless.csv");
        {
            QFile file(endless);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("id,text\n1,\"");
            const QByteArray block(1 << 20, 'x');
            for (qsizetype written = 0; written < kMaxRecordBytes + (qsizetype(12) << 20); written += block.size())
                file.write(block);
        }
        CsvReader reader;
        QVERIFY(reader.open(endless).ok());
        const Result<void> walked = reader.forEachRecord([](const CsvRecord &) -> Result<void> { return {}; });
        QVERIFY(!walked.ok());
        QCOMPARE(walked.error(), QStringLiteral("%1:2: a record longer than 16 MB (no line end, or a quoted field that does "
                                                "not close); expected lines of at most 16 MB")
                                     .arg(endless));
    }

    void controlCharactersAndNumbers_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("expected");
        QTest::newRow("tags timestamp with NUL")
            << "tags.csv" << bytes("userId,movieId,tag,timestamp\n1,1,funny,14457150\0 20\n")
            << "tags.csv:2: timestamp \"14457150\\x00 20\" in column \"timestamp\" is not a number; expected seconds since "
               "1970 or an ISO 8601 date";
        QTest::newRow("tags timestamp with garbage")
            << "tags.csv" << QByteArray("userId,movieId,tag,timestamp\n1,1,funny,1445715020x\n")
            << "tags.csv:2: timestamp \"1445715020x\" in column \"timestamp\" is not a number; expected seconds since "
               "1970 or an ISO 8601 date";
        QTest::newRow("tags user with NUL")
            << "tags.csv" << bytes("userId,movieId,tag,timestamp\n1\0,1,funny,1445715020\n")
            << "tags.csv:2: user id in column \"userId\" contains the control character 0x00; expected printable text";
        QTest::newRow("ratings timestamp with control")
            << "ratings.csv" << QByteArray("userId,movieId,rating,timestamp\n1,1,4.0,964982703\x01\n")
            << "ratings.csv:2: timestamp \"964982703\\x01\" in column \"timestamp\" is not a number; expected seconds since "
               "1970 or an ISO 8601 date";
        QTest::newRow("movie id with escape")
            << "movies.csv" << QByteArray("movieId,title,genres\n1\x1b,Toy Story (1995),Comedy\n")
            << "movies.csv:2: item id in column \"movieId\" contains the control character 0x1B; expected printable text";
        QTest::newRow("ratings.csv rating 1e308")
            << "ratings.csv" << QByteArray("userId,movieId,rating,timestamp\n1,1,1e308,964982703\n")
            << "ratings.csv:2: rating \"1e308\" in column \"rating\" is outside −1,000,000 to 1,000,000; expected a rating "
               "such as 4 or 3.5";
    }

    void controlCharactersAndNumbers()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, data);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(dir.filePath(QStringLiteral("ratings.csv")), "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n");
        writeFile(dir.filePath(QStringLiteral("movies.csv")), "movieId,title,genres\n1,Toy Story (1995),Comedy\n");
        writeFile(dir.filePath(file), data);
        const Result<Dataset> loaded = importMovieLens(dir.path());
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error(), expected);
        QVERIFY(!hasControlCharacter(loaded.error()));
    }

    void everyFormatChecksRatings_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ml-100k u.data") << "u.data" << QByteArray("1\t1\t2147483648\t881250949\n")
                                        << "u.data:1: rating \"2147483648\" in column \"rating\" is outside";
        QTest::newRow("ml-1m ratings.dat") << "ratings.dat" << QByteArray("1::1::-99999999999999::978300760\n")
                                           << "ratings.dat:1: rating \"-99999999999999\" in column \"Rating\" is outside";
        QTest::newRow("ml-1m ratings.dat inf") << "ratings.dat" << QByteArray("1::1::inf::978300760\n")
                                               << "ratings.dat:1: rating \"inf\" in column \"Rating\" is not a finite number";
        QTest::newRow("ml-1m timestamp") << "ratings.dat" << QByteArray("1::1::5::97830\x07""0760\n")
                                         << "ratings.dat:1: timestamp \"97830\\x070760\" in column \"Timestamp\" is not a number";
        QTest::newRow("mmrec") << "baby.inter" << QByteArray("userID\titemID\trating\ttimestamp\tx_label\n0\t0\t1.7e308\t1\t0\n")
                               << "baby.inter:2: rating \"1.7e308\" in column \"rating\" is outside";
        QTest::newRow("recbole") << "shop.inter"
                                 << QByteArray("user_id:token\titem_id:token\trating:float\ttimestamp:float\nu1\ti1\tnan\t1\n")
                                 << "shop.inter:2: rating \"nan\" in column \"rating:float\" is not a finite number";
        QTest::newRow("recbole timestamp")
            << "shop.inter" << QByteArray("user_id:token\titem_id:token\trating:float\ttimestamp:float\nu1\ti1\t3\t12ab\n")
            << "shop.inter:2: timestamp \"12ab\" in column \"timestamp:float\" is not a number";
    }

    void everyFormatChecksRatings()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, data);
        QFETCH(QString, expected);
        QTemporaryDir root;
        QVERIFY(root.isValid());
        const QString dir = root.filePath(QFileInfo(name).completeBaseName());
        QDir().mkpath(dir);
        writeFile(dir + QLatin1Char('/') + name, data);
        if (name == QLatin1String("u.data"))
            writeFile(dir + QStringLiteral("/u.item"), "1|Toy Story (1995)|01-Jan-1995||http://x|0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0\n");
        if (name == QLatin1String("ratings.dat"))
            writeFile(dir + QStringLiteral("/movies.dat"), "1::Toy Story (1995)::Animation|Comedy\n");
        if (name == QLatin1String("baby.inter")) {
            Eigen::MatrixXd features(1, 2);
            features << 1, 2;
            QVERIFY(writeNpy(dir + QStringLiteral("/image_feat.npy"), features, NpyDtype::Float32).ok());
        }
        const Result<Dataset> loaded = importDataset(dir);
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error().startsWith(expected), qPrintable(loaded.error()));
        QVERIFY(!hasControlCharacter(loaded.error()));
    }

    void manifestItemIdsAndCells()
    {
        Sandbox box;
        QVERIFY(box.root.isValid());
        writeFile(box.data + QStringLiteral("/items.csv"), bytes("item_id,title\na,Alpha\nb\0,Beta\n"));
        const Result<Dataset> nul = loadManifest(box.manifest(manifestWith(QStringLiteral("items.csv"), QStringLiteral("ratings.csv"))));
        QVERIFY(!nul.ok());
        QCOMPARE(nul.error(), QStringLiteral("items.csv:3: item id in column \"item_id\" contains the control character 0x00; "
                                             "expected printable text"));

        // A numeric cell full of control characters and noise is quoted short and escaped.
        writeFile(box.data + QStringLiteral("/items.csv"),
                  "item_id,title,price\na,Alpha,1\nb,Beta,\x1b[2J" + QByteArray(5000, 'z') + "\n");
        const Result<Dataset> noise = loadManifest(box.manifest(manifestWith(
            QStringLiteral("items.csv"), QStringLiteral("ratings.csv"),
            QStringLiteral("{\"name\": \"price\", \"kind\": \"numeric\", \"columns\": [\"price\"]}"))));
        QVERIFY(!noise.ok());
        QVERIFY2(noise.error().startsWith(QStringLiteral("items.csv:3: column \"price\" (modality 'price') holds \"\\x1b[2Jzzz")),
                 qPrintable(noise.error()));
        QVERIFY(!hasControlCharacter(noise.error()));
        QVERIFY2(noise.error().size() < 400, qPrintable(QString::number(noise.error().size())));
    }

    void manifestNamesAreEscaped()
    {
        Sandbox box;
        QVERIFY(box.root.isValid());
        QString json = manifestWith(QStringLiteral("items.csv"), QStringLiteral("ratings.csv"));
        json.replace(QStringLiteral("\"fusionlab_manifest\": 1,"), QStringLiteral("\"fusionlab_manifest\": 1, \"\\u001b[2J\": 0,"));
        const Result<Dataset> loaded = loadManifest(box.manifest(json));
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error().contains(QStringLiteral("unknown key \"\\x1b[2J\" in the manifest")), qPrintable(loaded.error()));
        QVERIFY(!hasControlCharacter(loaded.error()));
    }

    void overflowingWeightsAreNamed_data()
    {
        QTest::addColumn<double>("alpha");
        QTest::addColumn<double>("beta");
        QTest::addColumn<QString>("expected");   // empty: the problem is prepared
        QTest::newRow("1e308") << 1e308 << 1e308 << "overflows with α = 1e+308, β = 1e+308: the fused features are not "
                                                    "finite numbers (or their squares are not); lower α or β.";
        QTest::newRow("squares overflow") << 1e200 << 0.5 << "overflows with α = 1e+200: the fused features are not "
                                                             "finite numbers (or their squares are not); lower α.";
        QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN() << 0.5 << "overflows with α = nan";
        QTest::newRow("large but fine") << 1e6 << 1e6 << "";
    }

    void overflowingWeightsAreNamed()
    {
        QFETCH(double, alpha);
        QFETCH(double, beta);
        QFETCH(QString, expected);
        const std::shared_ptr<const Dataset> demo = fl::test::loadDemo();
        QVERIFY(demo);
        FusionPipeline pipeline(demo);
        PipelineConfig config = defaultPipelineConfig(*demo);
        QVERIFY(config.modalities.size() >= 2);
        config.modalities[0].weight = alpha;
        config.modalities[1].weight = beta;
        const Result<std::shared_ptr<const TrainingProblem>> problem = pipeline.prepare(config);
        if (expected.isEmpty()) {
            QVERIFY2(problem.ok(), qPrintable(problem.ok() ? QString() : problem.error()));
            QVERIFY(std::isfinite((*problem)->train.loss(Eigen::VectorXd::Zero((*problem)->dimension()))));
            return;
        }
        QVERIFY(!problem.ok());
        QVERIFY2(problem.error().contains(expected), qPrintable(problem.error()));
        QVERIFY2(problem.error().startsWith(fusionOpFormula(FusionOp::Sum, std::vector<int>{0, 1, 2}).mid(4)),
                 qPrintable(problem.error()));
        QVERIFY(!problem.error().contains(QStringLiteral("η")));
        // The same weights again come from the caches and fail the same way.
        const Result<FusedItems> again = pipeline.fuse(config);
        QVERIFY(!again.ok());
        QCOMPARE(again.error(), problem.error());
    }
};

QTEST_GUILESS_MAIN(TestUntrusted)
#include "test_untrusted.moc"
