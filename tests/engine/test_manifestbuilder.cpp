#include "engine/data/ManifestBuilder.h"
#include "engine/data/ManifestLoader.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace fl;

namespace {

const QString kImport = QStringLiteral(FUSIONLAB_FIXTURES_DIR "/import");
const QString kGoodbooks = QStringLiteral(FUSIONLAB_SHARED_DIR "/data/goodbooks-10k");

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    return file.write(data) == data.size();
}

FilePrefix prefixOf(const QString &path)
{
    Result<FilePrefix> prefix = readFilePrefix(path);
    return prefix ? *prefix : FilePrefix{};
}

FilePrefix memoryPrefix(const QByteArray &data)
{
    FilePrefix prefix;
    prefix.data = data;
    prefix.wholeFile = true;
    prefix.fileSize = data.size();
    return prefix;
}

// A table as the dialog sets it up: sniffed options, previewed header.
ImportTable sniffedTable(const QString &path, CsvPreview *preview)
{
    ImportTable table;
    table.path = QFileInfo(path).absoluteFilePath();
    const FilePrefix prefix = prefixOf(path);
    const CsvSniff sniff = sniffCsv(prefix, path);
    table.options.delimiter = sniff.delimiter;
    table.options.encoding = sniff.encoding;
    table.options.hasHeader = sniff.hasHeader;
    table.options.quoting = sniff.quoting;
    table.options.label = QFileInfo(path).fileName();
    *preview = previewCsv(prefix, table.options);
    table.header = preview->header;
    return table;
}

// Copies the files below `from` into `to` (made as needed): data a test may save a manifest beside.
bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = QDir(to).filePath(QDir(from).relativeFilePath(source));
        if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::copy(source, target))
            return false;
    }
    return true;
}

QString errorOf(const Result<Dataset> &result)
{
    return result.ok() ? QStringLiteral("(loaded)") : result.error();
}

QStringList messages(const std::vector<ImportProblem> &problems)
{
    QStringList list;
    for (const ImportProblem &problem : problems)
        list.append(problem.message);
    return list;
}

// A valid spec of the shop fixture, guessed.
struct Shop
{
    ImportSpec spec;
    CsvPreview ratings;
    CsvPreview items;
};

Shop shopSpec()
{
    Shop shop;
    shop.spec.name = QStringLiteral("shop");
    shop.spec.items = sniffedTable(kImport + "/shop/items.csv", &shop.items);
    shop.spec.itemRoles = ManifestBuilder::guessItemRoles(shop.items);
    shop.spec.interactions = sniffedTable(kImport + "/shop/ratings.csv", &shop.ratings);
    shop.spec.interactionRoles = ManifestBuilder::guessInteractionRoles(shop.ratings, QStringLiteral("item_id"));
    return shop;
}

} // namespace

class TestManifestBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sniff_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<char>("delimiter");
        QTest::addColumn<bool>("latin1");
        QTest::addColumn<bool>("header");
        QTest::addColumn<bool>("quoting");
        QTest::addColumn<int>("columns");
        QTest::newRow("comma, quoted line break") << "comma.csv" << ',' << false << true << true << 5;
        QTest::newRow("tab, no header") << "tab.tsv" << '\t' << false << false << true << 4;
        QTest::newRow("semicolon, commas in text") << "semicolon.csv" << ';' << false << true << true << 5;
        QTest::newRow("Latin-1") << "latin1.csv" << ',' << true << true << true << 5;
        QTest::newRow("shop items") << "shop/items.csv" << ',' << false << true << true << 5;
    }

    void sniff()
    {
        QFETCH(QString, file);
        QFETCH(char, delimiter);
        QFETCH(bool, latin1);
        QFETCH(bool, header);
        QFETCH(bool, quoting);
        QFETCH(int, columns);
        const FilePrefix prefix = prefixOf(kImport + "/" + file);
        QVERIFY(prefix.wholeFile);
        const CsvSniff sniff = sniffCsv(prefix, file);
        QCOMPARE(sniff.delimiter, delimiter);
        QCOMPARE(sniff.encoding == CsvEncoding::Latin1, latin1);
        QCOMPARE(sniff.validUtf8, !latin1);
        QCOMPARE(sniff.hasHeader, header);
        QCOMPARE(sniff.quoting, quoting);

        CsvOptions options;
        options.delimiter = sniff.delimiter;
        options.encoding = sniff.encoding;
        options.hasHeader = sniff.hasHeader;
        options.quoting = sniff.quoting;
        const CsvPreview preview = previewCsv(prefix, options);
        QVERIFY2(preview.error.isEmpty(), qPrintable(preview.error));
        QCOMPARE(preview.columnCount(), columns);
        QVERIFY(preview.wholeFile);
    }

    void sniffStrayQuotesTurnQuotingOff()
    {
        // MovieLens u.item style: pipes, quotes that are part of the text.
        const QByteArray data = "1|Toy Story (1995)|Animation\n2|The \"Real\" Thing|Drama\n3|Heat|Action\n";
        const CsvSniff sniff = sniffCsv(memoryPrefix(data), QStringLiteral("u.item"));
        QCOMPARE(sniff.delimiter, '|');
        QCOMPARE(sniff.quoting, false);
        QCOMPARE(sniff.hasHeader, false);
    }

    void sniffTextOnlyHeader()
    {
        const QByteArray withHeader = "name,colour\nmug,red\nlamp,blue\n";
        QCOMPARE(sniffCsv(memoryPrefix(withHeader), QStringLiteral("x.csv")).hasHeader, true);
        const QByteArray repeated = "mug,red\nlamp,red\n";
        QCOMPARE(sniffCsv(memoryPrefix(repeated), QStringLiteral("x.csv")).hasHeader, false);
    }

    void previewValuesAndLines()
    {
        CsvOptions options;
        options.label = QStringLiteral("comma.csv");
        const CsvPreview preview = previewCsv(prefixOf(kImport + "/comma.csv"), options);
        QCOMPARE(preview.header, QStringList({"user_id", "item_id", "rating", "timestamp", "note"}));
        QCOMPARE(int(preview.rows.size()), 4);
        QCOMPARE(preview.rows[0], QStringList({"u1", "a", "5", "1000", "good, cheap"}));
        QCOMPARE(preview.rows[1][4], QStringLiteral("said \"ok\"\nthen left"));
        QCOMPARE(preview.lines, std::vector<int>({2, 3, 5, 6}));

        // The wrong delimiter shows as one column, not as an error.
        options.delimiter = ';';
        const CsvPreview semicolon = previewCsv(prefixOf(kImport + "/comma.csv"), options);
        QCOMPARE(semicolon.columnCount(), 1);
    }

    void previewReadsABoundedPrefix()
    {
        // 5,000 records with quoted line breaks: far more than 64 KiB.
        QByteArray data = "id,text\n";
        for (int i = 0; i < 5000; ++i)
            data += QByteArray::number(i) + ",\"first line\nsecond line of record " + QByteArray::number(i) + "\"\n";
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("big.csv");
        QVERIFY(writeFile(path, data));

        const Result<FilePrefix> prefix = readFilePrefix(path);
        QVERIFY(prefix.ok());
        QCOMPARE(prefix->data.size(), kPreviewBytes);
        QVERIFY(!prefix->wholeFile);
        QCOMPARE(prefix->fileSize, qint64(data.size()));

        const CsvPreview preview = previewCsv(*prefix, CsvOptions{});
        QVERIFY2(preview.error.isEmpty(), qPrintable(preview.error));
        QCOMPARE(int(preview.rows.size()), kPreviewRows);
        QCOMPARE(preview.rows[49], QStringList({"49", "first line\nsecond line of record 49"}));
        QCOMPARE(preview.lines[49], 2 + 49 * 2);
        QVERIFY(!preview.wholeFile);

        // All rows of the prefix: the record the 64 KiB limit cuts through is left out, not an error.
        const CsvPreview all = previewCsv(*prefix, CsvOptions{}, 100000);
        QVERIFY2(all.error.isEmpty(), qPrintable(all.error));
        QVERIFY(all.rows.size() > 1000 && all.rows.size() < 5000);
        QCOMPARE(all.rows.back()[1], QStringLiteral("first line\nsecond line of record %1").arg(all.rows.size() - 1));
    }

    void previewReportsARealProblem()
    {
        CsvOptions options;
        options.label = QStringLiteral("bad.csv");
        const CsvPreview preview = previewCsv(memoryPrefix("a,b\n1,2\n3\n"), options);
        QCOMPARE(int(preview.rows.size()), 1);
        QCOMPARE(preview.error, QStringLiteral("bad.csv:3: expected 2 fields (header: a, b) but found 1"));
    }

    void guessInteractions_data()
    {
        QTest::addColumn<QStringList>("header");
        QTest::addColumn<QString>("expected");   // one letter per column: U I R T - (ignore)
        QTest::newRow("MovieLens") << QStringList{"userId", "movieId", "rating", "timestamp"} << "UIRT";
        QTest::newRow("snake case") << QStringList{"user_id", "item_id", "stars", "date"} << "UIRT";
        QTest::newRow("itemID") << QStringList{"itemID", "user", "time"} << "IUT";
        QTest::newRow("goodbooks") << QStringList{"user_id", "book_id", "rating"} << "UIR";
        QTest::newRow("extra columns") << QStringList{"session", "user", "asin", "overall", "summary"} << "-UIR-";
        QTest::newRow("second user column ignored") << QStringList{"user_id", "user_name", "item_id"} << "U-I";
    }

    void guessInteractions()
    {
        QFETCH(QStringList, header);
        QFETCH(QString, expected);
        CsvPreview preview;
        preview.header = header;
        QStringList row;
        for (int i = 0; i < header.size(); ++i)
            row.append(QString::number(i + 1));
        preview.rows.push_back(row);
        preview.lines.push_back(2);
        const std::vector<InteractionRole> roles = ManifestBuilder::guessInteractionRoles(preview);
        QString letters;
        for (InteractionRole role : roles)
            letters += QLatin1Char("-UIRT"[int(role)]);
        QCOMPARE(letters, expected);
    }

    void guessHeaderlessInteractions()
    {
        CsvPreview preview;
        CsvOptions options;
        options.delimiter = '\t';
        options.hasHeader = false;
        preview = previewCsv(prefixOf(kImport + "/tab.tsv"), options);
        QCOMPARE(preview.header, QStringList({"1", "2", "3", "4"}));
        const std::vector<InteractionRole> roles = ManifestBuilder::guessInteractionRoles(preview);
        QCOMPARE(roles, std::vector<InteractionRole>({InteractionRole::User, InteractionRole::Item,
                                                      InteractionRole::Rating, InteractionRole::Timestamp}));
    }

    void guessItems()
    {
        CsvPreview latin;
        sniffedTable(kImport + "/latin1.csv", &latin);
        QCOMPARE(latin.rows[0][1], QString::fromUtf8("Café crème"));
        QCOMPARE(ManifestBuilder::guessItemRoles(latin),
                 std::vector<ItemRole>({ItemRole::Id, ItemRole::Title, ItemRole::Category, ItemRole::Numeric,
                                        ItemRole::Text}));

        // The shop: an image path column whose cells are paths; "n/a" keeps price from being numeric.
        const Shop shop = shopSpec();
        QCOMPARE(shop.spec.itemRoles, std::vector<ItemRole>({ItemRole::Id, ItemRole::Title, ItemRole::Category,
                                                             ItemRole::Ignore, ItemRole::ImagePath}));
        QCOMPARE(shop.spec.interactionRoles,
                 std::vector<InteractionRole>({InteractionRole::User, InteractionRole::Item, InteractionRole::Rating,
                                               InteractionRole::Timestamp}));
    }

    void guessGoodbooks()
    {
        if (!QFile::exists(kGoodbooks + "/books.csv"))
            QSKIP("goodbooks-10k is not available on this machine");
        CsvPreview books;
        const ImportTable table = sniffedTable(kGoodbooks + "/books.csv", &books);
        QCOMPARE(table.options.delimiter, ',');
        QCOMPARE(table.options.encoding, CsvEncoding::Utf8);
        QVERIFY(table.options.hasHeader);
        QCOMPARE(int(books.rows.size()), kPreviewRows);
        const std::vector<ItemRole> roles = ManifestBuilder::guessItemRoles(books);
        QHash<QString, ItemRole> byName;
        for (int c = 0; c < books.columnCount(); ++c)
            byName.insert(books.header[c], roles[size_t(c)]);
        QCOMPARE(byName["book_id"], ItemRole::Id);
        QCOMPARE(byName["goodreads_book_id"], ItemRole::Ignore);
        QCOMPARE(byName["isbn"], ItemRole::Ignore);          // "043965548X" further down is not a number
        QCOMPARE(byName["isbn13"], ItemRole::Ignore);
        QCOMPARE(byName["title"], ItemRole::Title);
        QCOMPARE(byName["original_title"], ItemRole::Text);
        QCOMPARE(byName["authors"], ItemRole::Text);
        QCOMPARE(byName["language_code"], ItemRole::Ignore);
        QCOMPARE(byName["average_rating"], ItemRole::Numeric);
        QCOMPARE(byName["ratings_count"], ItemRole::Numeric);
        QCOMPARE(byName["ratings_5"], ItemRole::Numeric);
        QCOMPARE(byName["original_publication_year"], ItemRole::Numeric);
        QCOMPARE(byName["image_url"], ItemRole::Ignore);     // URLs, not files next to the data
    }

    void validShopHasNoProblems()
    {
        const Shop shop = shopSpec();
        const auto problems = ManifestBuilder::validate(shop.spec, &shop.ratings, &shop.items);
        QVERIFY2(problems.empty(), qPrintable(messages(problems).join('\n')));
    }

    void problems_data()
    {
        QTest::addColumn<int>("edit");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("table");
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("row");
        QTest::newRow("no user") << 0 << QString::fromUtf8("No user column in ratings.csv: set one column's role to “User id”.")
                                 << int(ImportTableKind::Interactions) << -1 << -1;
        QTest::newRow("two item ids") << 1 << QString::fromUtf8("Two item id columns in items.csv (“item_id” and “title”); keep one.")
                                      << int(ImportTableKind::Items) << -1 << -1;
        QTest::newRow("numeric not a number")
            << 2 << QString::fromUtf8("items.csv, line 5, column “price”: “n/a” is not a number; set the column's role to “Text” or “Ignore”")
            << int(ImportTableKind::Items) << 3 << 3;
        QTest::newRow("no items file")
            << 3 << QStringLiteral("Choose an items file: the manifest format needs an items table with an id column, so the "
                                   "item ids cannot come from the interactions file alone.")
            << int(ImportTableKind::Items) << -1 << -1;
        QTest::newRow("rating not a number")
            << 4 << QString::fromUtf8("ratings.csv, line 2, column “userId”: “u1” is not a rating; expected a number (without "
                                      "a rating column the data is implicit feedback)")
            << int(ImportTableKind::Interactions) << 0 << 0;
        QTest::newRow("timestamp not a time")
            << 8 << QString::fromUtf8("ratings.csv, line 2, column “itemId”: “a” is not a timestamp; expected seconds since "
                                      "1970 or an ISO 8601 date such as 2024-05-01T12:00:00Z")
            << int(ImportTableKind::Interactions) << 1 << 0;
        QTest::newRow("pattern names no column")
            << 5 << QStringLiteral("Image folder pattern: {sku} is not a column of items.csv; the columns are: item_id, title, "
                                   "category, price, image")
            << int(ImportTableKind::Items) << -1 << -1;
        QTest::newRow("custom delimiter")
            << 6 << QString::fromUtf8("ratings.csv: the manifest format reads only comma, tab, semicolon or pipe as the "
                                      "delimiter, not “:”; save the file with one of those")
            << int(ImportTableKind::Interactions) << -1 << -1;
        QTest::newRow("nothing to learn")
            << 7 << QStringLiteral("Nothing to learn from: give the items at least one text, numeric or image column, an image "
                                   "folder pattern, or a vectors file.")
            << int(ImportTableKind::Items) << -1 << -1;
    }

    void problems()
    {
        QFETCH(int, edit);
        QFETCH(QString, message);
        QFETCH(int, table);
        QFETCH(int, column);
        QFETCH(int, row);
        Shop shop = shopSpec();
        ImportSpec &spec = shop.spec;
        switch (edit) {
        case 0: spec.interactionRoles[0] = InteractionRole::Ignore; break;
        case 1: spec.itemRoles[1] = ItemRole::Id; break;
        case 2: spec.itemRoles[3] = ItemRole::Numeric; break;
        case 3: spec.items = ImportTable{}; spec.itemRoles.clear(); break;
        case 4: spec.interactionRoles = {InteractionRole::Rating, InteractionRole::User, InteractionRole::Item,
                                         InteractionRole::Ignore}; break;
        case 5: spec.itemRoles[4] = ItemRole::Ignore; spec.imagePattern = QStringLiteral("images/{sku}.png"); break;
        case 6: spec.interactions.options.delimiter = ':'; break;
        case 8: spec.interactionRoles = {InteractionRole::User, InteractionRole::Timestamp, InteractionRole::Item,
                                         InteractionRole::Ignore}; break;
        case 7: spec.titleInText = false; spec.itemRoles = {ItemRole::Id, ItemRole::Title, ItemRole::Category,
                                                            ItemRole::Ignore, ItemRole::Ignore}; break;
        }
        const auto problems = ManifestBuilder::validate(spec, &shop.ratings, edit == 3 ? nullptr : &shop.items);
        QVERIFY(!problems.empty());
        QCOMPARE(problems.front().message, message);
        QCOMPARE(int(problems.front().table), table);
        QCOMPARE(problems.front().column, column);
        QCOMPARE(problems.front().row, row);
    }

    void duplicateAndEmptyItemIds()
    {
        ImportSpec spec;
        CsvOptions options;
        options.label = QStringLiteral("items.csv");
        const CsvPreview items = previewCsv(memoryPrefix("id,name,size\na,A,1\nb,B,2\na,C,3\n,D,4\n"), options);
        const CsvPreview ratings = previewCsv(memoryPrefix("user,item\nu,a\n"), options);
        spec.items.path = QStringLiteral("/data/items.csv");
        spec.items.header = items.header;
        spec.itemRoles = ManifestBuilder::guessItemRoles(items);
        spec.interactions.path = QStringLiteral("/data/ratings.csv");
        spec.interactions.header = ratings.header;
        spec.interactionRoles = ManifestBuilder::guessInteractionRoles(ratings);
        QCOMPARE(messages(ManifestBuilder::validate(spec, &ratings, &items)),
                 QStringList({QString::fromUtf8("items.csv, line 4: item id “a” in column “id” is also on line 2; item ids "
                                                "must be unique"),
                              QString::fromUtf8("items.csv, line 5: empty item id in column “id”; every item needs an id")}));
    }

    void imagePatternCountsFiles()
    {
        const Shop shop = shopSpec();
        const ImagePatternCheck check = ManifestBuilder::checkImagePattern(QStringLiteral("images/{item_id}.png"),
                                                                           kImport + "/shop", shop.items);
        QCOMPARE(check.placeholders, QStringList({"item_id"}));
        QVERIFY(check.unknownColumns.isEmpty());
        QVERIFY(check.syntaxError.isEmpty());
        QCOMPARE(check.checked, 4);
        QCOMPARE(check.found, 3);
        QCOMPARE(check.firstMissing, QStringLiteral("images/d.png"));

        const ImagePatternCheck broken = ManifestBuilder::checkImagePattern(QStringLiteral("images/{item_id.png"),
                                                                            kImport + "/shop", shop.items);
        QCOMPARE(broken.syntaxError, QString::fromUtf8("Image folder pattern: the “{” at character 8 is never closed; "
                                                       "expected {column} placeholders such as images/{item_id}.jpg"));
    }

    void manifestTextForTheShop()
    {
        Shop shop = shopSpec();
        shop.spec.itemRoles[4] = ItemRole::Ignore;
        shop.spec.imagePattern = QStringLiteral("images/{item_id}.png");
        const QString folder = ManifestBuilder::defaultManifestFolder(shop.spec);
        QCOMPARE(folder, QFileInfo(kImport + "/shop").absoluteFilePath());
        const QByteArray json = ManifestBuilder::manifestJson(shop.spec, folder);
        QCOMPARE(QString::fromUtf8(json),
                 QStringLiteral("{\n"
                                "  \"fusionlab_manifest\": 1,\n"
                                "  \"name\": \"shop\",\n"
                                "  \"items\": {\"file\": \"items.csv\", \"id\": \"item_id\", \"title\": \"title\", "
                                "\"category\": \"category\"},\n"
                                "  \"interactions\": {\"file\": \"ratings.csv\", \"user\": \"userId\", \"item\": "
                                "\"itemId\", \"rating\": \"rating\", \"timestamp\": \"time\"},\n"
                                "  \"modalities\": [\n"
                                "    {\"name\": \"text\", \"kind\": \"text\", \"columns\": [\"title\"]},\n"
                                "    {\"name\": \"image\", \"kind\": \"image\", \"path\": \"images/{item_id}.png\"}\n"
                                "  ]\n"
                                "}\n"));

        // A manifest may only name files inside its own folder: saving it beside other data is refused.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString manifest = dir.filePath("manifest.json");
        const Result<void> elsewhere = ManifestBuilder::writeManifest(shop.spec, manifest);
        QVERIFY(!elsewhere.ok());
        QVERIFY2(elsewhere.error().contains(QStringLiteral("lies outside")), qPrintable(elsewhere.error()));
        QVERIFY(!QFile::exists(manifest));

        // Saved in a folder above the data: every path, the pattern too, is relative to the manifest.
        QVERIFY(copyTree(kImport + "/shop", dir.filePath("data/shop")));
        shop.spec.items.path = dir.filePath("data/shop/items.csv");
        shop.spec.interactions.path = dir.filePath("data/shop/") + QFileInfo(shop.spec.interactions.path).fileName();
        QVERIFY(ManifestBuilder::writeManifest(shop.spec, manifest).ok());
        QFile written(manifest);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QByteArray text = written.readAll();
        QVERIFY2(text.contains("\"path\": \"data/shop/images/{item_id}.png\""), text.constData());
        const Result<Dataset> loaded = loadManifest(manifest);
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QCOMPARE(loaded->itemIds, QStringList({"a", "b", "c", "d"}));
        QCOMPARE(loaded->userIds, QStringList({"u1", "u2", "u3"}));
        QCOMPARE(loaded->interactionCount(), 5);
        QCOMPARE(loaded->rating.sum(), 15.0);
        QCOMPARE(loaded->timestamp, std::vector<qint64>({1000, 1001, 1002, 1003, 1004}));
        const ModalitySource *image = loaded->modality("image");
        QVERIFY(image);
        QCOMPARE(image->imagePaths[1], QFileInfo(dir.filePath("data/shop/images/b.png")).absoluteFilePath());
        QVERIFY(QFileInfo::exists(image->imagePaths[0]));
    }

    void manifestOptionsAreWrittenWhenNotDefault()
    {
        ImportSpec spec;
        spec.interactions.path = QStringLiteral("/data/raw/u.data");
        spec.interactions.options.delimiter = '\t';
        spec.interactions.options.hasHeader = false;
        spec.interactions.header = QStringList({"1", "2", "3", "4"});
        spec.interactionRoles = {InteractionRole::User, InteractionRole::Item, InteractionRole::Rating,
                                 InteractionRole::Timestamp};
        spec.items.path = QStringLiteral("/data/raw/u.item");
        spec.items.options.delimiter = '|';
        spec.items.options.encoding = CsvEncoding::Latin1;
        spec.items.options.hasHeader = false;
        spec.items.options.quoting = false;
        spec.items.header = QStringList({"1", "2", "3"});
        spec.itemRoles = {ItemRole::Id, ItemRole::Title, ItemRole::Numeric};
        spec.titleInText = false;
        spec.vectors.push_back({QStringLiteral("clip"), QStringLiteral("/data/emb/clip.npy")});
        QCOMPARE(ManifestBuilder::defaultManifestFolder(spec), QStringLiteral("/data/raw"));
        QCOMPARE(QString::fromUtf8(ManifestBuilder::manifestJson(spec, QStringLiteral("/data"))),
                 QStringLiteral("{\n"
                                "  \"fusionlab_manifest\": 1,\n"
                                "  \"items\": {\"file\": \"raw/u.item\", \"delimiter\": \"|\", \"encoding\": \"latin-1\", "
                                "\"header\": false, \"quote\": false, \"id\": \"1\", \"title\": \"2\"},\n"
                                "  \"interactions\": {\"file\": \"raw/u.data\", \"delimiter\": \"\\t\", \"header\": false, "
                                "\"user\": \"1\", \"item\": \"2\", \"rating\": \"3\", \"timestamp\": \"4\"},\n"
                                "  \"modalities\": [\n"
                                "    {\"name\": \"numeric\", \"kind\": \"numeric\", \"columns\": [\"3\"]},\n"
                                "    {\"name\": \"clip\", \"kind\": \"vectors\", \"file\": \"emb/clip.npy\"}\n"
                                "  ]\n"
                                "}\n"));
    }

    void latin1ItemsLoad()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QFile::copy(kImport + "/latin1.csv", dir.filePath("items.csv")));
        QVERIFY(writeFile(dir.filePath("ratings.csv"), "user,item,rating\nann,1,5\nbob,3,4\n"));
        ImportSpec spec;
        CsvPreview items;
        CsvPreview ratings;
        spec.items = sniffedTable(dir.filePath("items.csv"), &items);
        spec.itemRoles = ManifestBuilder::guessItemRoles(items);
        spec.interactions = sniffedTable(dir.filePath("ratings.csv"), &ratings);
        spec.interactionRoles = ManifestBuilder::guessInteractionRoles(ratings, QStringLiteral("ItemID"));
        QVERIFY(ManifestBuilder::validate(spec, &ratings, &items).empty());
        const QByteArray json = ManifestBuilder::manifestJson(spec, dir.path());
        QVERIFY(json.contains("\"encoding\": \"latin-1\""));
        QVERIFY(ManifestBuilder::writeManifest(spec, dir.filePath("manifest.json")).ok());
        const Result<Dataset> loaded = loadManifest(dir.filePath("manifest.json"));
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QCOMPARE(loaded->itemTitles, QStringList({QString::fromUtf8("Café crème"), QString::fromUtf8("Crème brûlée"),
                                                  QString::fromUtf8("Grüße")}));
        QCOMPARE(loaded->itemCategories[0], QStringLiteral("Food|Drink"));
        const ModalitySource *numeric = loaded->modality("numeric");
        QVERIFY(numeric);
        QCOMPARE(numeric->values(2, 0), 1.25);
        const ModalitySource *text = loaded->modality("text");
        QVERIFY(text);
        QCOMPARE(text->texts[0], QString::fromUtf8("Café crème\nUn café à Paris"));
        QCOMPARE(loaded->interactionItem, std::vector<int>({0, 2}));
    }

    void goodbooksManifestLoads()
    {
        const QString booksPath = kGoodbooks + "/books.csv";
        const QString ratingsPath = kGoodbooks + "/samples/ratings.csv";
        if (!QFile::exists(booksPath) || !QFile::exists(ratingsPath))
            QSKIP("goodbooks-10k is not available on this machine");
        ImportSpec spec;
        spec.name = QStringLiteral("goodbooks-10k");
        CsvPreview books;
        CsvPreview ratings;
        spec.items = sniffedTable(booksPath, &books);
        spec.itemRoles = ManifestBuilder::guessItemRoles(books);
        spec.interactions = sniffedTable(ratingsPath, &ratings);
        spec.interactionRoles = ManifestBuilder::guessInteractionRoles(ratings, QStringLiteral("book_id"));
        QCOMPARE(spec.interactionRoles, std::vector<InteractionRole>({InteractionRole::User, InteractionRole::Item,
                                                                      InteractionRole::Rating}));
        const auto problems = ManifestBuilder::validate(spec, &ratings, &books);
        QVERIFY2(problems.empty(), qPrintable(messages(problems).join('\n')));
        QCOMPARE(ManifestBuilder::defaultManifestFolder(spec), QFileInfo(kGoodbooks).absoluteFilePath());

        // The shared folder is read-only and a manifest may only name files inside its own folder: the
        // data is copied where the manifest can go.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString manifest = dir.filePath("manifest.json");
        QVERIFY(!ManifestBuilder::writeManifest(spec, manifest).ok());
        QVERIFY(QDir().mkpath(dir.filePath("samples")));
        QVERIFY(QFile::copy(booksPath, dir.filePath("books.csv")));
        QVERIFY(QFile::copy(ratingsPath, dir.filePath("samples/ratings.csv")));
        spec.items.path = dir.filePath("books.csv");
        spec.interactions.path = dir.filePath("samples/ratings.csv");
        QVERIFY(ManifestBuilder::writeManifest(spec, manifest).ok());
        QFile file(manifest);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString json = QString::fromUtf8(file.readAll());
        const QString relativeBooks = QStringLiteral("books.csv");
        QVERIFY2(json.contains(QStringLiteral("\"items\": {\"file\": \"%1\", \"id\": \"book_id\", \"title\": \"title\"}")
                                   .arg(relativeBooks)),
                 qPrintable(json));
        QVERIFY2(json.contains(QStringLiteral("{\"name\": \"text\", \"kind\": \"text\", \"columns\": [\"title\", "
                                              "\"authors\", \"original_title\"]}")),
                 qPrintable(json));

        const Result<Dataset> loaded = loadManifest(manifest);
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        const Dataset &d = *loaded;
        QCOMPARE(d.name, QStringLiteral("goodbooks-10k"));
        QCOMPARE(d.itemCount(), 10000);
        QCOMPARE(d.interactionCount(), 99);
        QCOMPARE(d.userIds, QStringList({"1", "2", "4", "6", "8"}));
        QCOMPARE(d.interactionItem[0], 257);                 // user 1 rated book_id 258
        QCOMPARE(d.rating.sum(), 402.0);
        QCOMPARE(d.itemTitles[0], QStringLiteral("The Hunger Games (The Hunger Games, #1)"));
        const ModalitySource *text = d.modality("text");
        QVERIFY(text);
        QCOMPARE(text->texts[1], QString::fromUtf8("Harry Potter and the Sorcerer's Stone (Harry Potter, #1)\n"
                                                   "J.K. Rowling, Mary GrandPré\n"
                                                   "Harry Potter and the Philosopher's Stone"));
        const ModalitySource *numeric = d.modality("numeric");
        QVERIFY(numeric);
        // books_count, original_publication_year, average_rating, ratings_count, work_ratings_count,
        // work_text_reviews_count, ratings_1 … ratings_5
        QCOMPARE(numeric->values.cols(), Eigen::Index(11));
        QCOMPARE(numeric->values(0, 2), 4.34);               // average_rating of The Hunger Games
        QCOMPARE(numeric->values(0, 3), 4780653.0);          // its ratings_count
        QCOMPARE(numeric->missingCount(), 21);               // the 21 books without a publication year
        QCOMPARE(int(d.modalities.size()), 2);
    }

    void npyHeader()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QByteArray header = "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }";
        while ((10 + header.size() + 1) % 64 != 0)
            header += ' ';
        header += '\n';
        QByteArray npy("\x93NUMPY\x01\x00", 8);
        npy += char(header.size() & 0xff);
        npy += char(header.size() >> 8);
        npy += header;
        npy += QByteArray(3 * 2 * 4, '\0');
        QVERIFY(writeFile(dir.filePath("v.npy"), npy));
        const Result<NpyInfo> info = ManifestBuilder::readNpyHeader(dir.filePath("v.npy"));
        QVERIFY2(info.ok(), qPrintable(info.ok() ? QString() : info.error()));
        QCOMPARE(info->dtype, QStringLiteral("<f4"));
        QCOMPARE(info->shape, std::vector<qint64>({3, 2}));
        QVERIFY(!info->fortranOrder);

        QVERIFY(writeFile(dir.filePath("not.npy"), "a,b\n1,2\n"));
        const Result<NpyInfo> bad = ManifestBuilder::readNpyHeader(dir.filePath("not.npy"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error(), QStringLiteral("not.npy: not a NumPy .npy file (it does not start with \\x93NUMPY)"));
    }
};

QTEST_GUILESS_MAIN(TestManifestBuilder)
#include "test_manifestbuilder.moc"
