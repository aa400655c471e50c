#include "engine/data/CsvReader.h"
#include "engine/data/Interactions.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace fl;

namespace {

// Reads user,item,rating,ts interactions from path with readInteractions(); with `catalogue`, items
// must be its numbers 0..catalogue-1, else they are added.
Result<Dataset> loadInteractions(const QString &path, bool parallel, int catalogue = 0)
{
    CsvOptions o;
    o.label = QStringLiteral("big.csv");
    CsvReader reader(o);
    if (Result<void> opened = reader.open(path); !opened)
        return makeError(opened.error());
    IdIndex users;
    IdIndex items;
    Dataset dataset;
    for (int i = 0; i < catalogue; ++i) {
        bool added = false;
        const QByteArray id = QByteArray::number(i);
        items.insert(std::string_view(id.constData(), size_t(id.size())), added);
        dataset.itemIds.append(QString::fromLatin1(id));
    }
    InteractionOptions interactionOptions;
    interactionOptions.unknownItems = catalogue > 0 ? UnknownItems::Reject : UnknownItems::Add;
    interactionOptions.itemsFile = QStringLiteral("items.csv");
    interactionOptions.parallel = parallel;
    InteractionColumns columns = interactionColumns(reader, 0, 1, 2, 3);
    if (Result<void> read = readInteractions(reader, columns, users, items, interactionOptions, dataset); !read)
        return makeError(read.error());
    return dataset;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

CsvOptions options(char delimiter = ',', bool header = true, CsvEncoding encoding = CsvEncoding::Utf8)
{
    CsvOptions o;
    o.delimiter = delimiter;
    o.hasHeader = header;
    o.encoding = encoding;
    o.label = QStringLiteral("t.csv");
    return o;
}

} // namespace

class TestCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void simpleTable()
    {
        const Result<CsvTable> table = parseCsv("id,name\n1,apple\n2,pear", options());
        QVERIFY2(table.ok(), qPrintable(table.ok() ? QString() : table.error()));
        QCOMPARE(table->header, QStringList({"id", "name"}));
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->rows[0], QStringList({"1", "apple"}));
        QCOMPARE(table->rows[1], QStringList({"2", "pear"}));
        QCOMPARE(table->lines, std::vector<int>({2, 3}));
        QCOMPARE(table->columnIndex("name"), 1);
        QCOMPARE(table->columnIndex("missing"), -1);
    }

    void quotedFields()
    {
        const Result<CsvTable> table =
            parseCsv("a,b,c\n\"x, y\",\"he said \"\"hi\"\"\",\"\"\n\"\"\"\",,plain\n", options());
        QVERIFY(table.ok());
        QCOMPARE(table->rows[0], QStringList({"x, y", "he said \"hi\"", ""}));
        QCOMPARE(table->rows[1], QStringList({"\"", "", "plain"}));
    }

    void embeddedNewlinesKeepLineNumbers()
    {
        const QByteArray data = "h1,h2\n"
                                "\"line one\nline two\",b\n"   // lines 2-3
                                "c,d\n"                         // line 4
                                "\"p\n\nq\",r\n"                // lines 5-7
                                "\n"                            // line 8, blank: skipped
                                "last,row\n";                   // line 9
        const Result<CsvTable> table = parseCsv(data, options());
        QVERIFY(table.ok());
        QCOMPARE(table->rowCount(), 4);
        QCOMPARE(table->rows[0], QStringList({"line one\nline two", "b"}));
        QCOMPARE(table->rows[2], QStringList({"p\n\nq", "r"}));
        QCOMPARE(table->rows[3], QStringList({"last", "row"}));
        QCOMPARE(table->lines, std::vector<int>({2, 4, 5, 9}));
    }

    void crlfLineEnds()
    {
        const Result<CsvTable> table = parseCsv("a,b\r\n1,2\r\n\"x\r\ny\",3\r\n\r\n4,5", options());
        QVERIFY(table.ok());
        QCOMPARE(table->header, QStringList({"a", "b"}));
        QCOMPARE(table->rows[0], QStringList({"1", "2"}));
        QCOMPARE(table->rows[1], QStringList({"x\ny", "3"}));   // CRLF inside quotes becomes '\n'
        QCOMPARE(table->rows[2], QStringList({"4", "5"}));
        QCOMPARE(table->lines, std::vector<int>({2, 3, 6}));
    }

    void byteOrderMarkIsSkipped()
    {
        const Result<CsvTable> table = parseCsv("\xEF\xBB\xBFid,name\n1,x\n", options());
        QVERIFY(table.ok());
        QCOMPARE(table->header.first(), QStringLiteral("id"));
        QCOMPARE(table->columnIndex("id"), 0);
    }

    void utf8Text()
    {
        const Result<CsvTable> table = parseCsv("title\n\xE7\x94\xB5\xE5\xAD\x90\xE4\xBA\xA7\xE5\x93\x81\n", options());
        QVERIFY(table.ok());
        QCOMPARE(table->rows[0][0], QString::fromUtf8("电子产品"));
    }

    void latin1Text()
    {
        const QByteArray data = "name;note\ncaf\xE9;na\xEFve\n";
        const Result<CsvTable> table = parseCsv(data, options(';', true, CsvEncoding::Latin1));
        QVERIFY(table.ok());
        QCOMPARE(table->rows[0], QStringList({QString::fromUtf8("café"), QString::fromUtf8("naïve")}));

        const Result<CsvTable> asUtf8 = parseCsv(data, options(';'));
        QVERIFY(!asUtf8.ok());
        QCOMPARE(asUtf8.error(), QStringLiteral("t.csv:2: expected UTF-8 text; set \"encoding\": \"latin-1\" in the "
                                                "manifest if the file is Latin-1"));
    }

    void delimiters_data()
    {
        QTest::addColumn<char>("delimiter");
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("comma") << ',' << QByteArray("a,b\n\"1,5\",x;y|z\tw\n");
        QTest::newRow("tab") << '\t' << QByteArray("a\tb\n\"1\t5\"\tx;y|z,w\n");
        QTest::newRow("semicolon") << ';' << QByteArray("a;b\n\"1;5\";x|y,z\tw\n");
        QTest::newRow("pipe") << '|' << QByteArray("a|b\n\"1|5\"|x;y,z\tw\n");
    }

    void delimiters()
    {
        QFETCH(char, delimiter);
        QFETCH(QByteArray, data);
        const Result<CsvTable> table = parseCsv(data, options(delimiter));
        QVERIFY2(table.ok(), qPrintable(table.ok() ? QString() : table.error()));
        QCOMPARE(table->header, QStringList({"a", "b"}));
        QCOMPARE(table->rows.size(), size_t(1));
        QCOMPARE(table->rows[0][0], QString("1") + QLatin1Char(delimiter) + QString("5"));
        QCOMPARE(table->rows[0][1].size(), 7);
    }

    void defaultDelimiterFollowsTheSuffix()
    {
        QCOMPARE(defaultCsvDelimiter("ratings.tsv"), '\t');
        QCOMPARE(defaultCsvDelimiter("dir/ratings.TAB"), '\t');
        QCOMPARE(defaultCsvDelimiter("ratings.csv"), ',');
        QCOMPARE(defaultCsvDelimiter("ratings.txt"), ',');
    }

    void withoutHeader()
    {
        const Result<CsvTable> table = parseCsv("x,1\ny,2\n", options(',', false));
        QVERIFY(table.ok());
        QCOMPARE(table->header, QStringList({"1", "2"}));
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->rows[0], QStringList({"x", "1"}));
        QCOMPARE(table->lines, std::vector<int>({1, 2}));
    }

    void emptyFieldsAndTrailingDelimiter()
    {
        const Result<CsvTable> table = parseCsv("a,b,c\n,,\n1,2,\n", options());
        QVERIFY(table.ok());
        QCOMPARE(table->rows[0], QStringList({"", "", ""}));
        QCOMPARE(table->rows[1], QStringList({"1", "2", ""}));
    }

    void headerNamesAreTrimmed()
    {
        const Result<CsvTable> table = parseCsv(" id , name \n 1 , x \n", options());
        QVERIFY(table.ok());
        QCOMPARE(table->header, QStringList({"id", "name"}));
        QCOMPARE(table->rows[0], QStringList({" 1 ", " x "}));   // data cells are kept as written
    }

    void headerOnly()
    {
        const Result<CsvTable> table = parseCsv("a,b\n", options());
        QVERIFY(table.ok());
        QCOMPARE(table->columnCount(), 2);
        QCOMPARE(table->rowCount(), 0);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<bool>("header");
        QTest::addColumn<QString>("message");
        const QString abc = QStringLiteral("expected 3 fields (header: a, b, c)");
        QTest::newRow("too few fields") << QByteArray("a,b,c\n1,2,3\n4,5\n") << true
                                        << QString("t.csv:3: %1 but found 2").arg(abc);
        QTest::newRow("too many fields") << QByteArray("a,b,c\n1,2,3,4\n") << true
                                         << QString("t.csv:2: %1 but found 4").arg(abc);
        QTest::newRow("count after a multi-line record")
            << QByteArray("a,b,c\n\"x\ny\",2,3\n\n4,5\n") << true << QString("t.csv:5: %1 but found 2").arg(abc);
        QTest::newRow("crlf line count") << QByteArray("a,b,c\r\n1,2,3\r\n4\r\n") << true
                                         << QString("t.csv:3: %1 but found 1").arg(abc);
        QTest::newRow("unterminated quote")
            << QByteArray("a,b,c\n1,2,3\n4,\"5,6\n7,8,9\n") << true
            << QString("t.csv:3: %1 but found 2, the last one a quoted field whose quote (line 3) is never closed "
                       "before the end of the file").arg(abc);
        QTest::newRow("unterminated quote opened on a later line")
            << QByteArray("a,b,c\n\"x\ny\",\"z\n") << true
            << QString("t.csv:2: %1 but found 2, the last one a quoted field whose quote (line 3) is never closed "
                       "before the end of the file").arg(abc);
        QTest::newRow("stray quote")
            << QByteArray("a,b,c\n1,2 \"inch\",3\n") << true
            << QString("t.csv:2: %1 but found a stray quote (\") inside unquoted field 2; a field that contains "
                       "quotes must be quoted as a whole, with each inner quote doubled").arg(abc);
        QTest::newRow("text after closing quote")
            << QByteArray("a,b,c\n\"x\"y,2,3\n") << true
            << QString("t.csv:2: %1 but found text after the closing quote of field 1; expected the delimiter ',' "
                       "or the end of the line").arg(abc);
        QTest::newRow("stray quote in the header")
            << QByteArray("a,b\"c\n1,2\n") << true
            << QString("t.csv:1: expected a header line but found a stray quote (\") inside unquoted field 2; a "
                       "field that contains quotes must be quoted as a whole, with each inner quote doubled");
        QTest::newRow("empty file") << QByteArray() << true << QString("t.csv is empty; expected a header line");
        QTest::newRow("only a BOM and blank lines")
            << QByteArray("\xEF\xBB\xBF\r\n\n") << true << QString("t.csv is empty; expected a header line");
        QTest::newRow("empty file without header")
            << QByteArray("\n") << false << QString("t.csv is empty; expected at least one record");
        QTest::newRow("no header, wrong count")
            << QByteArray("1,2\n3\n") << false << QString("t.csv:2: expected 2 fields (as on line 1) but found 1");
        const QString utf8 = QStringLiteral(": expected UTF-8 text; set \"encoding\": \"latin-1\" in the manifest if "
                                            "the file is Latin-1");
        QTest::newRow("invalid byte") << QByteArray("a\nok\n\xFF\n") << true << QString("t.csv:3") + utf8;
        QTest::newRow("overlong encoding") << QByteArray("a\n\xC0\xAF\n") << true << QString("t.csv:2") + utf8;
        QTest::newRow("surrogate") << QByteArray("a\nx\n\xED\xA0\x80\n") << true << QString("t.csv:3") + utf8;
        QTest::newRow("truncated sequence") << QByteArray("a\n\xE7\x94") << true << QString("t.csv:2") + utf8;
        QTest::newRow("invalid byte after a multi-line field")
            << QByteArray("a,b\n\"1\r\n2\",3\r\n\xE9t\xE9,4\r\n") << true << QString("t.csv:4") + utf8;
        QTest::newRow("utf-16")
            << QByteArray("\xFF\xFE" "a\0,\0b\0", 8) << true
            << QString("t.csv: the file is UTF-16 text; expected UTF-8 or Latin-1 (save it as UTF-8)");
    }

    void malformed()
    {
        QFETCH(QByteArray, data);
        QFETCH(bool, header);
        QFETCH(QString, message);
        const Result<CsvTable> table = parseCsv(data, options(',', header));
        QVERIFY(!table.ok());
        QCOMPARE(table.error(), message);
    }

    void withoutQuoting()
    {
        CsvOptions o = options('|', false, CsvEncoding::Latin1);
        o.quoting = false;
        const Result<CsvTable> table = parseCsv("1|\"Heavyweights\" (1994)|x\n2|12\" Singles \"|\"a\n", o);
        QVERIFY2(table.ok(), qPrintable(table.ok() ? QString() : table.error()));
        QCOMPARE(table->rows[0], QStringList({"1", "\"Heavyweights\" (1994)", "x"}));
        QCOMPARE(table->rows[1], QStringList({"2", "12\" Singles \"", "\"a"}));

        // A quoted delimiter is a delimiter and a quoted line break a line break.
        CsvOptions comma = options();
        comma.quoting = false;
        const Result<CsvTable> split = parseCsv("a,b\n\"x,y\"\n\"p\nq\"\n", comma);
        QVERIFY(!split.ok());
        QCOMPARE(split.error(), QStringLiteral("t.csv:3: expected 2 fields (header: a, b) but found 1"));
        const Result<CsvTable> first = parseCsv("a,b\n\"x,y\"\n", comma);
        QVERIFY(first.ok());
        QCOMPARE(first->rows[0], QStringList({"\"x", "y\""}));
    }

    void delimiterSequenceAndColumnNames()
    {
        CsvOptions o = options(',', false, CsvEncoding::Latin1);
        o.quoting = false;
        o.delimiterSequence = "::";
        o.columnNames = QStringList({"MovieID", "Title", "Genres"});
        const Result<CsvTable> table =
            parseCsv("1::Star Wars: Episode IV (1977)::Action|Sci-Fi\r\n\n2::Dots:::Drama\n3::\"Quoted\" (1999)::\n", o);
        QVERIFY2(table.ok(), qPrintable(table.ok() ? QString() : table.error()));
        QCOMPARE(table->header, QStringList({"MovieID", "Title", "Genres"}));
        QCOMPARE(table->rows[0], QStringList({"1", "Star Wars: Episode IV (1977)", "Action|Sci-Fi"}));
        QCOMPARE(table->rows[1], QStringList({"2", "Dots:", "Drama"}));   // a longer run ends with the delimiter
        QCOMPARE(table->rows[2], QStringList({"3", "\"Quoted\" (1999)", ""}));
        QCOMPARE(table->lines, std::vector<int>({1, 3, 4}));

        const Result<CsvTable> short_ = parseCsv("1::A::B\n2::A\n", o);
        QVERIFY(!short_.ok());
        QCOMPARE(short_.error(), QStringLiteral("t.csv:2: expected 3 fields separated by '::' (MovieID, Title, Genres) "
                                                "but found 2"));
        const Result<CsvTable> firstWrong = parseCsv("1,A,B\n", o);
        QVERIFY(!firstWrong.ok());
        QCOMPARE(firstWrong.error(), QStringLiteral("t.csv:1: expected 3 fields separated by '::' (MovieID, Title, "
                                                    "Genres) but found 1"));
        const Result<CsvTable> control = parseCsv("1::A::B\n2::A\x1F::B\n", o);
        QVERIFY(!control.ok());
        QCOMPARE(control.error(), QStringLiteral("t.csv:2: found the control character 0x1F; expected text with fields "
                                                 "separated by '::'"));
        o.quoting = true;
        const Result<CsvTable> quoting = parseCsv("1::A::B\n", o);
        QVERIFY(!quoting.ok());
        QCOMPARE(quoting.error(), QStringLiteral("t.csv: a multi-byte delimiter needs quoting switched off"));
    }

    void byteOrderMarkWithoutHeader()
    {
        const Result<CsvTable> table = parseCsv("\xEF\xBB\xBFx,1\ny,2\n", options(',', false));
        QVERIFY(table.ok());
        QCOMPARE(table->rows[0], QStringList({"x", "1"}));
    }

    void encodingHint()
    {
        CsvOptions o = options();
        o.encodingHint = QStringLiteral("MovieLens CSV files are UTF-8");
        const Result<CsvTable> table = parseCsv("a\n\xE9\n", o);
        QVERIFY(!table.ok());
        QCOMPARE(table.error(), QStringLiteral("t.csv:2: expected UTF-8 text; MovieLens CSV files are UTF-8"));
    }

    // Files are read in chunks of 8 MB: records, quoted line breaks, "::" and messages across chunk ends.
    void largeFileAcrossChunks()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("big.csv");
        QByteArray data = "id,text\n";
        const int rows = 300000;   // ~13 MB, a third of the records over two lines
        for (int i = 0; i < rows; ++i) {
            if (i % 3 == 1)
                data += QByteArray::number(i) + ",\"multi\nline, with \"\"quotes\"\" and a long tail\"\n";
            else
                data += QByteArray::number(i) + ",plain text of some length to fill the file\n";
        }
        QVERIFY(data.size() > 10 * (1 << 20));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QCOMPARE(file.write(data), qint64(data.size()));
        }
        CsvReader reader(options());
        QVERIFY(reader.open(path).ok());
        QVERIFY(reader.estimatedRecordCount() >= rows);
        QVERIFY(reader.estimatedRecordCount() < rows * 2);
        for (int pass = 0; pass < 2; ++pass) {   // a second walk reads the file again from its start
            int count = 0;
            int line = 2;
            const Result<void> done = reader.forEachRecord([&](const CsvRecord &record) -> Result<void> {
                if (record.line() != line || record.bytes(0) != QByteArray::number(count))
                    return makeError(QStringLiteral("record %1 at line %2").arg(count).arg(record.line()));
                const bool multi = count % 3 == 1;
                if (multi && record.text(1) != QStringLiteral("multi\nline, with \"quotes\" and a long tail"))
                    return makeError(QStringLiteral("record %1: %2").arg(count).arg(record.text(1)));
                line += multi ? 2 : 1;
                ++count;
                return {};
            });
            QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error()));
            QCOMPARE(count, rows);
        }

        // An error far into the file names its line.
        QByteArray bad = data;
        bad.append("oops\n");
        bad.append("\xFF\n");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bad);
        file.close();
        const int lastLine = 1 + rows + (rows + 1) / 3;   // header + records + their extra lines
        const Result<CsvTable> table = readCsv(path, options());
        QVERIFY(!table.ok());
        QCOMPARE(table.error(), QString("t.csv:%1: expected UTF-8 text; set \"encoding\": \"latin-1\" in the manifest if "
                                        "the file is Latin-1").arg(lastLine + 2));
        bad.chop(2);
        bad.append("ok\n");
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bad);
        file.close();
        const Result<CsvTable> again = readCsv(path, options());
        QVERIFY(!again.ok());
        QCOMPARE(again.error(), QString("t.csv:%1: expected 2 fields (header: id, text) but found 1").arg(lastLine + 1));
    }

    void timestampsAndNumbers()
    {
        const std::pair<const char *, qint64> times[] = {
            {"0", 0}, {"12345678", 12345678}, {"1445714835", 1445714835}, {"978300760", 978300760},
            {"123456789012345678", 123456789012345678}, {" 42 ", 42}, {"-5", -5}, {"1.5e9", 1500000000},
            {"2017-01-01T00:00:00Z", 1483228800}, {"2017-01-01T02:00:00+02:00", 1483228800}};
        for (const auto &[text, expected] : times) {
            qint64 value = -1;
            QVERIFY2(parseTimestamp(QByteArrayView(text), value), text);
            QCOMPARE(value, expected);
        }
        for (const char *text : {"", "12a45678", "abcdefgh90", "1445714835x", "yesterday"}) {
            qint64 value = 0;
            QVERIFY2(!parseTimestamp(QByteArrayView(text), value), text);
        }
        const std::pair<const char *, double> numbers[] = {
            {"4", 4}, {"3.5", 3.5}, {"0.1", 0.1}, {"+4", 4}, {"-2e3", -2000}, {" 5 ", 5}, {"123456789012345", 123456789012345.0},
            {"0.30000000000000004", 0.30000000000000004}, {"1.7976931348623157e308", 1.7976931348623157e308}};
        for (const auto &[text, expected] : numbers) {
            double value = 0;
            QCOMPARE(parseNumber(QByteArrayView(text), value), NumberStatus::Ok);
            QCOMPARE(value, expected);
        }
        double value = 0;
        QCOMPARE(parseNumber(QByteArrayView(""), value), NumberStatus::Empty);
        QCOMPARE(parseNumber(QByteArrayView("4.0.1"), value), NumberStatus::NotNumber);
        QCOMPARE(parseNumber(QByteArrayView("nan"), value), NumberStatus::NotFinite);
        QCOMPARE(parseNumber(QByteArrayView("1e999"), value), NumberStatus::NotFinite);
    }

    // Interaction files of 32 MB or more are read as two halves on two threads: the same dataset (users
    // and items in order of first appearance) and the same messages as one thread.
    void interactionsInTwoHalves()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("big.csv");
        QByteArray data = "user,item,rating,ts\n";
        const int rows = 1500000;
        for (int i = 0; i < rows; ++i) {
            // String user ids (hashed) with runs, numeric item ids (direct), some items that are words.
            const QByteArray item = i % 97 == 0 ? "w" + QByteArray::number(i % 1000) : QByteArray::number(qint64(i) * 7919 % 50000);
            data += "u" + QByteArray::number((i / 37) % 20000) + "," + item + "," + QByteArray::number((i % 10) / 2.0)
                    + "," + QByteArray::number(1000000000 + i) + "\n";
        }
        QVERIFY(data.size() > 34 * (1 << 20));
        QVERIFY(writeFile(path, data));
        auto same = [](const Dataset &a, const Dataset &b) {
            return a.userIds == b.userIds && a.itemIds == b.itemIds && a.itemTitles == b.itemTitles
                && a.interactionUser == b.interactionUser && a.interactionItem == b.interactionItem
                && a.rating == b.rating && a.timestamp == b.timestamp;
        };
        const Result<Dataset> one = loadInteractions(path, false);
        const Result<Dataset> two = loadInteractions(path, true);
        QVERIFY(one.ok() && two.ok());
        QCOMPARE(two->interactionCount(), rows);
        QCOMPARE(two->userCount(), 20000);
        QVERIFY(same(*one, *two));
        QCOMPARE(two->rating[rows - 1], double(((rows - 1) % 10) / 2.0));
        QCOMPARE(two->timestamp.back(), qint64(1000000000 + rows - 1));

        // Items from a catalogue: the item index is shared, read-only, by both threads.
        QByteArray numeric = data;
        numeric.replace(",w", ",1");
        QVERIFY(writeFile(path, numeric));
        const Result<Dataset> catalogueOne = loadInteractions(path, false, 50000);
        const Result<Dataset> catalogueTwo = loadInteractions(path, true, 50000);
        QVERIFY2(catalogueTwo.ok(), qPrintable(catalogueTwo.ok() ? QString() : catalogueTwo.error()));
        QVERIFY(same(*catalogueOne, *catalogueTwo));

        // Errors in either half name the right line.
        QByteArray late = numeric;
        const qsizetype at = late.lastIndexOf("\nu") + 1;    // the last record, line rows + 1
        late.insert(at, "u1,50001,4,1\n");
        QVERIFY(writeFile(path, late));
        const Result<Dataset> unknown = loadInteractions(path, true, 50000);
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error(), QString("big.csv:%1: item id \"50001\" in column \"item\" is not in items.csv; "
                                          "expected one of the items file's ids").arg(rows + 1));
        QByteArray early = numeric;
        early.insert(early.indexOf('\n', 1000) + 1, "u1,1,x,1\n");
        QVERIFY(writeFile(path, early));
        const Result<Dataset> rating = loadInteractions(path, true, 50000);
        QVERIFY(!rating.ok());
        QVERIFY2(rating.error().endsWith(": rating \"x\" in column \"rating\" is not a number; expected a number "
                                         "such as 4 or 3.5"), qPrintable(rating.error()));
        QCOMPARE(rating.error(), loadInteractions(path, false, 50000).error());

        // Records over several lines: the middle of the file falls inside a quoted field.
        QByteArray quoted = "user,item,rating,ts,note\n";
        for (int i = 0; i < 800000; ++i) {
            quoted += "u" + QByteArray::number(i % 5000) + "," + QByteArray::number(i % 3000) + ",4,1,\"a\nb\nc\nd\nthe "
                      "rest of a long note\"\n";
        }
        QVERIFY(quoted.size() > 33 * (1 << 20));
        QVERIFY(writeFile(path, quoted));
        const Result<Dataset> quotedOne = loadInteractions(path, false);
        const Result<Dataset> quotedTwo = loadInteractions(path, true);
        QVERIFY2(quotedTwo.ok(), qPrintable(quotedTwo.ok() ? QString() : quotedTwo.error()));
        QCOMPARE(quotedTwo->interactionCount(), 800000);
        QVERIFY(same(*quotedOne, *quotedTwo));
    }

    void longHeaderIsAbbreviated()
    {
        QByteArray data;
        for (int i = 1; i <= 40; ++i)
            data += (i > 1 ? "," : "") + QByteArray::number(i * 10);
        data += "\n1\n";
        const Result<CsvTable> table = parseCsv(data, options());
        QVERIFY(!table.ok());
        QVERIFY2(table.error().startsWith("t.csv:2: expected 40 fields (header: 10, 20, 30,"), qPrintable(table.error()));
        QVERIFY2(table.error().endsWith(", 300, … (40 columns)) but found 1"), qPrintable(table.error()));
    }

    void streamingRecords()
    {
        CsvReader reader(options('|'));
        QVERIFY(reader.setData("user|item\n u1 |\"a\"\"b\"\nu2|c\n").ok());
        QCOMPARE(reader.header(), QStringList({"user", "item"}));
        QCOMPARE(reader.firstDataLine(), 2);
        QStringList seen;
        const Result<void> done = reader.forEachRecord([&](const CsvRecord &record) -> Result<void> {
            seen.append(QString::number(record.line()) + ":" + QString::fromUtf8(record.bytes(0).toByteArray())
                        + "=" + record.text(1));
            return {};
        });
        QVERIFY(done.ok());
        QCOMPARE(seen, QStringList({"2: u1 =a\"b", "3:u2=c"}));

        const Result<void> stopped = reader.forEachRecord([](const CsvRecord &record) -> Result<void> {
            return makeError(QStringLiteral("stopped at %1").arg(record.line()));
        });
        QVERIFY(!stopped.ok());
        QCOMPARE(stopped.error(), QStringLiteral("stopped at 2"));
    }

    void progressAndCancel()
    {
        QByteArray data = "id,text\n";
        for (int i = 0; i < 100000; ++i)
            data += QByteArray::number(i) + ",\"some text, with a comma\"\n";
        QVERIFY(data.size() > 3 * (1 << 20));

        std::vector<double> fractions;
        const Result<CsvTable> table = parseCsv(data, options(), [&](double f) {
            fractions.push_back(f);
            return true;
        });
        QVERIFY(table.ok());
        QCOMPARE(table->rowCount(), 100000);
        QCOMPARE(table->rows[99999][0], QStringLiteral("99999"));
        QCOMPARE(table->lines.back(), 100001);
        QVERIFY(fractions.size() >= 3);
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        QCOMPARE(fractions.back(), 1.0);

        int calls = 0;
        const Result<CsvTable> cancelled = parseCsv(data, options(), [&](double) { return ++calls < 2; });
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error(), QStringLiteral("t.csv: reading cancelled"));
        QCOMPARE(calls, 2);
    }

    void readsFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("items.tsv");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("id\ttitle\n7\t\"Tea\tpot\"\n");
        file.close();

        CsvOptions tsv;
        tsv.delimiter = defaultCsvDelimiter(path);
        const Result<CsvTable> table = readCsv(path, tsv);
        QVERIFY(table.ok());
        QCOMPARE(table->label, path);
        QCOMPARE(table->rows[0], QStringList({"7", "Tea\tpot"}));

        QFile empty(dir.filePath("empty.csv"));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        const Result<CsvTable> none = readCsv(dir.filePath("empty.csv"));
        QVERIFY(!none.ok());
        QCOMPARE(none.error(), dir.filePath("empty.csv") + " is empty; expected a header line");

        const Result<CsvTable> missing = readCsv(dir.filePath("nope.csv"));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error(), QString("%1: file not found (looked for %1)").arg(dir.filePath("nope.csv")));
    }

    void readsFixtureFiles()
    {
        const QString dir = QStringLiteral(FUSIONLAB_FIXTURES_DIR "/csv/");
        const Result<CsvTable> crlf = readCsv(dir + "bom_crlf.csv");
        QVERIFY2(crlf.ok(), qPrintable(crlf.ok() ? QString() : crlf.error()));
        QCOMPARE(crlf->header, QStringList({"id", "note"}));
        QCOMPARE(crlf->rows[0], QStringList({"1", "first line\nsecond line"}));
        QCOMPARE(crlf->rows[1], QStringList({"2", "plain"}));
        QCOMPARE(crlf->lines, std::vector<int>({2, 4}));

        CsvOptions latin1;
        latin1.delimiter = '|';
        latin1.encoding = CsvEncoding::Latin1;
        latin1.label = "latin1_pipe.csv";
        const Result<CsvTable> people = readCsv(dir + "latin1_pipe.csv", latin1);
        QVERIFY(people.ok());
        QCOMPARE(people->rows[0], QStringList({QString::fromUtf8("Müller, J."), QString::fromUtf8("Köln")}));
        QCOMPARE(people->rows[1], QStringList({QString::fromUtf8("Léa"), QString::fromUtf8("Genève")}));

        latin1.encoding = CsvEncoding::Utf8;
        const Result<CsvTable> wrong = readCsv(dir + "latin1_pipe.csv", latin1);
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error(), QStringLiteral("latin1_pipe.csv:2: expected UTF-8 text; set \"encoding\": "
                                               "\"latin-1\" in the manifest if the file is Latin-1"));
    }

    void readsQtResources()
    {
        if (!QFile::exists(":/demo/items.csv"))
            QSKIP("the demo dataset is not in the resources yet");
        const Result<CsvTable> table = readCsv(":/demo/items.csv");
        QVERIFY2(table.ok(), qPrintable(table.ok() ? QString() : table.error()));
        QVERIFY(table->rowCount() > 0);
        QVERIFY(table->columnIndex("item_id") >= 0);
        for (const QStringList &row : table->rows)
            QCOMPARE(row.size(), table->columnCount());
    }

    void goodbooks()
    {
        const QString path = QStringLiteral(FUSIONLAB_SHARED_DIR "/data/goodbooks-10k/books.csv");
        if (!QFile::exists(path))
            QSKIP("goodbooks-10k is not available on this machine");
        CsvOptions o;
        o.label = "books.csv";
        const Result<CsvTable> table = readCsv(path, o);
        QVERIFY2(table.ok(), qPrintable(table.ok() ? QString() : table.error()));
        QCOMPARE(table->rowCount(), 10000);
        QCOMPARE(table->columnCount(), 23);
        QCOMPARE(table->header.first(), QStringLiteral("book_id"));
        QCOMPARE(table->header.last(), QStringLiteral("small_image_url"));
        const int isbn = table->columnIndex("isbn");
        const int isbn13 = table->columnIndex("isbn13");
        const int authors = table->columnIndex("authors");
        const int title = table->columnIndex("title");
        const int original = table->columnIndex("original_title");

        const QStringList &first = table->rows[0];
        QCOMPARE(first[isbn13], QStringLiteral("9.78043902348e+12"));
        QCOMPARE(first[title], QStringLiteral("The Hunger Games (The Hunger Games, #1)"));
        QCOMPARE(table->rows[1][authors], QString::fromUtf8("J.K. Rowling, Mary GrandPré"));
        QCOMPARE(table->rows[220][original], QStringLiteral("A Child Called \"It\": One Child's Courage to Survive"));
        QCOMPARE(table->rows[105][isbn], QString());     // Bossypants has no ISBN
        QCOMPARE(table->rows[105][title], QStringLiteral("Bossypants"));

        int emptyIsbn = 0;
        for (int i = 0; i < table->rowCount(); ++i) {
            QCOMPARE(table->rows[i].size(), 23);
            QCOMPARE(table->rows[i][0], QString::number(i + 1));
            QCOMPARE(table->lines[i], i + 2);            // no record in books.csv spans lines
            emptyIsbn += table->rows[i][isbn].isEmpty() ? 1 : 0;
        }
        QCOMPARE(emptyIsbn, 700);
    }
};

QTEST_GUILESS_MAIN(TestCsv)
#include "test_csv.moc"
