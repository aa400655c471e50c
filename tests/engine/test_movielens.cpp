#include "engine/data/MovieLensImporter.h"

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


// ml-latest(-small) / ml-25m layout: UTF-8, RFC 4180 quoting, titles with commas, tags, links.csv.
Files csvVariant()
{
    return {
        {"movies.csv", "movieId,title,genres\n"
                       "1,Toy Story (1995),Adventure|Animation|Children|Comedy|Fantasy\n"
                       "11,\"American President, The (1995)\",Comedy|Drama|Romance\n"
                       "73,\"Mis\xC3\xA9rables, Les (1995)\",Drama|War\n"
                       "148,\"Blue Velvet \"\"Director's Cut\"\" (1986) \",Drama\n"
                       "176279,Babylon 5,(no genres listed)\n"},
        {"ratings.csv", "userId,movieId,rating,timestamp\n"
                        "1,1,4.0,964982703\n"
                        "1,11,4.0,964981247\n"
                        "1,73,5.0,964982224\n"
                        "2,1,3.5,1445714835\n"
                        "2,176279,0.5,1445715000\n"},
        {"tags.csv", "userId,movieId,tag,timestamp\n"
                     "2,1,pixar,1445714994\n"
                     "2,1,fun,1445714996\n"
                     "7,1,pixar,1439472355\n"
                     "18,73,\"musical, epic\",1455209816\n"},
        {"links.csv", "movieId,imdbId,tmdbId\n1,0114709,862\n"},
    };
}

// ml-1m layout: "::" separators, Latin-1, no quoting (a title may start with '"'), single ':' in titles.
Files datVariant()
{
    return {
        {"movies.dat", "1::Toy Story (1995)::Animation|Children's|Comedy\n"
                       "73::Mis\xE9rables, Les (1995)::Drama|Musical\n"
                       "260::Star Wars: Episode IV - A New Hope (1977)::Action|Adventure|Fantasy|Sci-Fi\n"
                       "2826::\"13th Warrior, The\" (1999)::Action|Adventure\n"},
        {"ratings.dat", "1::1::5::978824268\n"
                        "1::260::4::978300760\n"
                        "6040::2826::3::956703977\n"
                        "6040::73::1::956703954\n"},
        {"users.dat", "1::F::1::10::48067\n6040::M::25::6::11106\n"},
    };
}

QByteArray hundredKGenres()
{
    return "unknown|0\nAction|1\nAdventure|2\nAnimation|3\nChildren's|4\nComedy|5\nCrime|6\nDocumentary|7\n"
           "Drama|8\nFantasy|9\nFilm-Noir|10\nHorror|11\nMusical|12\nMystery|13\nRomance|14\nSci-Fi|15\n"
           "Thriller|16\nWar|17\nWestern|18\n\n";
}

// ml-100k layout: u.data tab-separated, u.item '|'-separated Latin-1 with 19 genre flags, u.genre.
Files hundredKVariant()
{
    return {
        {"u.item", "1|Toy Story (1995)|01-Jan-1995||http://us.imdb.com/M/title-exact?Toy%20Story%20(1995)"
                   "|0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0\n"
                   "267|unknown||||1|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0\n"
                   "1185|Mis\xE9rables, Les (1995)|01-Jan-1995||http://us.imdb.com/M/title-exact?Mis%E9rables%2C%20Les%20%281995%29"
                   "|0|0|0|0|0|0|0|0|1|0|0|0|1|0|0|0|0|1|0\n"},
        {"u.data", "196\t1\t3\t881250949\n186\t1185\t3\t891717742\n196\t267\t1\t878887116\n"},
        {"u.genre", hundredKGenres()},
        {"u.user", "1|24|M|technician|85711\n"},
    };
}

std::vector<double> ratingsOf(const Dataset &d)
{
    return std::vector<double>(d.rating.data(), d.rating.data() + d.rating.size());
}

std::vector<double> rowOf(const ModalitySource &m, int row)
{
    std::vector<double> values;
    for (Eigen::Index c = 0; c < m.values.cols(); ++c)
        values.push_back(m.values(row, c));
    return values;
}

} // namespace

class TestMovieLens : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void csvVariantReadsBack()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath("ml-latest-small");
        QVERIFY(writeFiles(folder, csvVariant()));
        QVERIFY(looksLikeMovieLens(folder));
        QVERIFY(looksLikeMovieLens(folder + "/links.csv"));

        const Result<Dataset> loaded = importMovieLens(folder + "/ratings.csv");
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        const Dataset &d = *loaded;
        QCOMPARE(d.name, QStringLiteral("ml-latest-small"));
        QCOMPARE(d.sourcePath, QDir(folder).absolutePath());
        QCOMPARE(d.itemIds, QStringList({"1", "11", "73", "148", "176279"}));
        QCOMPARE(d.itemTitles, QStringList({"Toy Story (1995)", "American President, The (1995)",
                                            QString::fromUtf8("Misérables, Les (1995)"),
                                            "Blue Velvet \"Director's Cut\" (1986)", "Babylon 5"}));
        QCOMPARE(d.itemCategories, QStringList({"Adventure", "Comedy", "Drama", "Drama", ""}));
        QCOMPARE(d.userIds, QStringList({"1", "2"}));
        QCOMPARE(d.interactionUser, std::vector<int>({0, 0, 0, 1, 1}));
        QCOMPARE(d.interactionItem, std::vector<int>({0, 1, 2, 0, 4}));
        QCOMPARE(ratingsOf(d), std::vector<double>({4.0, 4.0, 5.0, 3.5, 0.5}));
        QCOMPARE(d.timestamp, std::vector<qint64>({964982703, 964981247, 964982224, 1445714835, 1445715000}));

        QCOMPARE(int(d.modalities.size()), 3);
        const ModalitySource *text = d.modality("text");
        QVERIFY(text);
        QCOMPARE(text->kind, ModalityKind::Text);
        QCOMPARE(text->origin, QStringLiteral("movies.csv: title, genres; tags.csv: tags"));
        QCOMPARE(text->texts, QStringList({"Toy Story (1995)\nAdventure Animation Children Comedy Fantasy\npixar, fun",
                                           "American President, The (1995)\nComedy Drama Romance",
                                           QString::fromUtf8("Misérables, Les (1995)\nDrama War\nmusical, epic"),
                                           "Blue Velvet \"Director's Cut\" (1986)\nDrama", "Babylon 5"}));
        QCOMPARE(text->missingCount(), 0);

        const ModalitySource *genres = d.modality("genres");
        QVERIFY(genres);
        QCOMPARE(genres->kind, ModalityKind::Numeric);
        QCOMPARE(genres->origin, QStringLiteral("movies.csv: genres"));
        // Columns in order of first appearance: Adventure Animation Children Comedy Fantasy Drama Romance War.
        QCOMPARE(genres->values.cols(), Eigen::Index(8));
        QCOMPARE(rowOf(*genres, 0), std::vector<double>({1, 1, 1, 1, 1, 0, 0, 0}));
        QCOMPARE(rowOf(*genres, 1), std::vector<double>({0, 0, 0, 1, 0, 1, 1, 0}));
        QCOMPARE(rowOf(*genres, 2), std::vector<double>({0, 0, 0, 0, 0, 1, 0, 1}));
        QCOMPARE(rowOf(*genres, 4), std::vector<double>({0, 0, 0, 0, 0, 0, 0, 0}));
        QCOMPARE(genres->missing, std::vector<bool>({false, false, false, false, true}));

        const ModalitySource *year = d.modality("year");
        QVERIFY(year);
        QCOMPARE(year->values.cols(), Eigen::Index(1));
        QCOMPARE(rowOf(*year, 0), std::vector<double>({1995}));
        QCOMPARE(rowOf(*year, 3), std::vector<double>({1986}));
        QCOMPARE(rowOf(*year, 4), std::vector<double>({0}));
        QCOMPARE(year->missing, std::vector<bool>({false, false, false, false, true}));
    }

    void datVariantReadsBack()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath("ml-1m");
        QVERIFY(writeFiles(folder, datVariant()));
        QVERIFY(looksLikeMovieLens(folder + "/users.dat"));

        std::vector<double> fractions;
        const Result<Dataset> loaded = importMovieLens(folder, [&](double f) {
            fractions.push_back(f);
            return true;
        });
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        const Dataset &d = *loaded;
        QCOMPARE(d.itemIds, QStringList({"1", "73", "260", "2826"}));
        QCOMPARE(d.itemTitles, QStringList({"Toy Story (1995)", QString::fromUtf8("Misérables, Les (1995)"),
                                            "Star Wars: Episode IV - A New Hope (1977)", "\"13th Warrior, The\" (1999)"}));
        QCOMPARE(d.itemCategories, QStringList({"Animation", "Drama", "Action", "Action"}));
        QCOMPARE(d.userIds, QStringList({"1", "6040"}));
        QCOMPARE(d.interactionUser, std::vector<int>({0, 0, 1, 1}));
        QCOMPARE(d.interactionItem, std::vector<int>({0, 2, 3, 1}));
        QCOMPARE(ratingsOf(d), std::vector<double>({5, 4, 3, 1}));
        QCOMPARE(d.timestamp, std::vector<qint64>({978824268, 978300760, 956703977, 956703954}));

        const ModalitySource *text = d.modality("text");
        QVERIFY(text);
        QCOMPARE(text->origin, QStringLiteral("movies.dat: title, genres"));
        QCOMPARE(text->texts[0], QStringLiteral("Toy Story (1995)\nAnimation Children's Comedy"));
        QCOMPARE(text->texts[1], QString::fromUtf8("Misérables, Les (1995)\nDrama Musical"));
        const ModalitySource *genres = d.modality("genres");
        QVERIFY(genres);
        QCOMPARE(genres->origin, QStringLiteral("movies.dat: Genres"));
        // Animation Children's Comedy Drama Musical Action Adventure Fantasy Sci-Fi
        QCOMPARE(genres->values.cols(), Eigen::Index(9));
        QCOMPARE(rowOf(*genres, 3), std::vector<double>({0, 0, 0, 0, 0, 1, 1, 0, 0}));
        const ModalitySource *year = d.modality("year");
        QVERIFY(year);
        QCOMPARE(rowOf(*year, 2), std::vector<double>({1977}));
        QCOMPARE(rowOf(*year, 3), std::vector<double>({1999}));
        QCOMPARE(year->missingCount(), 0);

        QVERIFY(!fractions.empty());
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        QCOMPARE(fractions.back(), 1.0);
    }

    void hundredKVariantReadsBack()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath("ml-100k");
        QVERIFY(writeFiles(folder, hundredKVariant()));
        QVERIFY(looksLikeMovieLens(folder));

        const Result<Dataset> loaded = importMovieLens(folder);
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        const Dataset &d = *loaded;
        QCOMPARE(d.itemIds, QStringList({"1", "267", "1185"}));
        QCOMPARE(d.itemTitles, QStringList({"Toy Story (1995)", "unknown", QString::fromUtf8("Misérables, Les (1995)")}));
        QCOMPARE(d.itemCategories, QStringList({"Animation", "", "Drama"}));
        QCOMPARE(d.userIds, QStringList({"196", "186"}));
        QCOMPARE(d.interactionUser, std::vector<int>({0, 1, 0}));
        QCOMPARE(d.interactionItem, std::vector<int>({0, 2, 1}));
        QCOMPARE(ratingsOf(d), std::vector<double>({3, 3, 1}));
        QCOMPARE(d.timestamp, std::vector<qint64>({881250949, 891717742, 878887116}));

        const ModalitySource *text = d.modality("text");
        QVERIFY(text);
        QCOMPARE(text->texts, QStringList({"Toy Story (1995)\nAnimation Children's Comedy", "unknown",
                                           QString::fromUtf8("Misérables, Les (1995)\nDrama Musical War")}));
        const ModalitySource *genres = d.modality("genres");
        QVERIFY(genres);
        QCOMPARE(genres->origin, QStringLiteral("u.item: genre flags"));
        // Animation Children's Comedy Drama Musical War; "unknown" is no genre.
        QCOMPARE(genres->values.cols(), Eigen::Index(6));
        QCOMPARE(rowOf(*genres, 0), std::vector<double>({1, 1, 1, 0, 0, 0}));
        QCOMPARE(rowOf(*genres, 1), std::vector<double>({0, 0, 0, 0, 0, 0}));
        QCOMPARE(rowOf(*genres, 2), std::vector<double>({0, 0, 0, 1, 1, 1}));
        QCOMPARE(genres->missing, std::vector<bool>({false, true, false}));
        const ModalitySource *year = d.modality("year");
        QVERIFY(year);
        QCOMPARE(year->missing, std::vector<bool>({false, true, false}));

        // Without u.genre the README's genre names are used.
        QVERIFY(QFile::remove(folder + "/u.genre"));
        const Result<Dataset> again = importMovieLens(folder);
        QVERIFY2(again.ok(), qPrintable(errorOf(again)));
        QCOMPARE(again->modality("text")->texts, text->texts);
    }

    void notMovieLens()
    {
        QTemporaryDir dir;
        QVERIFY(writeFiles(dir.path(), {{"manifest.json", "{}"}, {"ratings.csv", "user_id,item_id\n"},
                                        {"movies.csv", "id,name\n"}}));
        QVERIFY(!looksLikeMovieLens(dir.path()));
        QVERIFY(!looksLikeMovieLens(dir.filePath("nope")));
        QTemporaryDir empty;
        QVERIFY(!looksLikeMovieLens(empty.path()));
        const Result<Dataset> none = importMovieLens(empty.path());
        QVERIFY(!none.ok());
        QCOMPARE(none.error(), QDir::toNativeSeparators(empty.path())
                                   + ": not a MovieLens folder; expected ratings.csv and movies.csv (ml-latest, "
                                     "ml-20m, ml-25m, ml-32m), ratings.dat and movies.dat (ml-1m) or u.data and "
                                     "u.item (ml-100k)");
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("variant");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("data");     // a null QByteArray deletes the file
        QTest::addColumn<QString>("message");     // %1: the folder

        const QString ratingsDat = "expected 4 fields separated by '::' (UserID, MovieID, Rating, Timestamp)";
        QTest::newRow("truncated line") << "dat" << "ratings.dat" << QByteArray("1::1::5::978824268\n1::260::4\n")
                                        << "ratings.dat:2: " + ratingsDat + " but found 3";
        QTest::newRow("wrong separator") << "dat" << "ratings.dat" << QByteArray("1,1,5,978824268\n")
                                         << "ratings.dat:1: " + ratingsDat + " but found 1";
        QTest::newRow("non-numeric rating")
            << "csv" << "ratings.csv" << QByteArray("userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,11,four,1\n")
            << "ratings.csv:3: rating \"four\" in column \"rating\" is not a number; expected a number such as 4 or 3.5";
        QTest::newRow("unknown movie id in ratings")
            << "csv" << "ratings.csv" << QByteArray("userId,movieId,rating,timestamp\n1,1,4.0,1\n1,11,4.0,2\n2,999,3.0,3\n")
            << "ratings.csv:4: item id \"999\" in column \"movieId\" is not in movies.csv; expected one of the items "
               "file's ids";
        QTest::newRow("unknown movie id in u.data")
            << "100k" << "u.data" << QByteArray("196\t1\t3\t881250949\n196\t2\t3\t881250950\n")
            << "u.data:2: item id \"2\" in column \"item id\" is not in u.item; expected one of the items file's ids";
        QTest::newRow("unknown movie id in tags")
            << "csv" << "tags.csv" << QByteArray("userId,movieId,tag,timestamp\n2,1,pixar,1\n2,5,fun,2\n")
            << "tags.csv:3: item id \"5\" in column \"movieId\" is not in movies.csv; expected one of the items "
               "file's ids";
        QTest::newRow("bad UTF-8 in movies.csv")
            << "csv" << "movies.csv" << QByteArray("movieId,title,genres\n1,Toy Story (1995),Comedy\n73,Mis\xE9rables (1995),Drama\n")
            << "movies.csv:3: expected UTF-8 text; MovieLens CSV files are UTF-8 (was the file saved again in another "
               "encoding?)";
        QTest::newRow("empty ratings file") << "csv" << "ratings.csv" << QByteArray("")
                                            << "ratings.csv is empty; expected a header line";
        QTest::newRow("ratings header only")
            << "csv" << "ratings.csv" << QByteArray("userId,movieId,rating,timestamp\n")
            << "ratings.csv:2: expected an interaction after the header but found the end of the file; a dataset "
               "needs at least one interaction";
        QTest::newRow("empty u.data") << "100k" << "u.data" << QByteArray("\n")
                                      << "u.data is empty; expected at least one record";
        QTest::newRow("duplicate movie id")
            << "csv" << "movies.csv" << QByteArray("movieId,title,genres\n1,Toy Story (1995),Comedy\n11,B (1995),Drama\n1,Again (1995),Drama\n")
            << "movies.csv:4: duplicate item id \"1\" in column \"movieId\" (also on line 2); expected each item once";
        QTest::newRow("duplicate movie id in movies.dat")
            << "dat" << "movies.dat" << QByteArray("1::A (1995)::Drama\n73::B (1995)::Drama\n260::C::Drama\n2826::D::Drama\n73::E::Drama\n")
            << "movies.dat:5: duplicate item id \"73\" in column \"MovieID\" (also on line 2); expected each item once";
        QTest::newRow("missing movies file")
            << "csv" << "movies.csv" << QByteArray()
            << "%1: found ratings.csv but not movies.csv; a MovieLens folder (ml-latest, ml-latest-small, ml-20m, "
               "ml-25m, ml-32m) has both (looked for %1/movies.csv)";
        QTest::newRow("missing ratings.dat")
            << "dat" << "ratings.dat" << QByteArray()
            << "%1: found movies.dat but not ratings.dat; a MovieLens folder (ml-1m, ml-10m) has both (looked for "
               "%1/ratings.dat)";
        QTest::newRow("wrong ratings header")
            << "csv" << "ratings.csv" << QByteArray("user,movie,rating,timestamp\n1,1,4.0,1\n")
            << "ratings.csv:1: no column \"userId\"; expected the header userId,movieId,rating,timestamp but found: "
               "user, movie, rating, timestamp";
        QTest::newRow("u.item with a field missing")
            << "100k" << "u.item" << QByteArray("1|Toy Story (1995)|01-Jan-1995||http://x|0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0\n")
            << "u.item:1: expected 24 fields separated by '|' (movie id, movie title, release date, video release "
               "date, IMDb URL, unknown, Action, Adventure, Animation, Children's, Comedy, Crime, Documentary, Drama, "
               "Fantasy, Film-Noir, Horror, Musical, Mystery, Romance, Sci-Fi, Thriller, War, Western) but found 23";
        QTest::newRow("genre flag not 0 or 1")
            << "100k" << "u.item" << QByteArray("1|Toy Story (1995)|01-Jan-1995||http://x|0|0|0|yes|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0\n")
            << "u.item:1: genre flag \"yes\" (field 9, Animation) is not 0 or 1; expected 0 or 1";
        QTest::newRow("u.genre number twice")
            << "100k" << "u.genre" << QByteArray("unknown|0\nAction|1\nAdventure|1\n")
            << "u.genre:3: \"Adventure|1\" is not a genre name and a new number; expected name|number with the "
               "numbers 0 to 18 once each";
        QTest::newRow("u.genre incomplete")
            << "100k" << "u.genre" << QByteArray("unknown|0\nAction|1\n\n")
            << "u.genre: genre number 2 is missing; expected the numbers 0 to 18, one per genre flag of u.item";
        QTest::newRow("non-numeric timestamp in ratings.dat")
            << "dat" << "ratings.dat" << QByteArray("1::1::5::978824268\n1::260::4::yesterday\n")
            << "ratings.dat:2: timestamp \"yesterday\" in column \"Timestamp\" is not a number; expected seconds since "
               "1970 or an ISO 8601 date";
        QTest::newRow("movies.dat without genres")
            << "dat" << "movies.dat" << QByteArray("1::Toy Story (1995)::Animation\n73::Les Mis\xE9rables (1995)\n")
            << "movies.dat:2: expected 3 fields separated by '::' (MovieID, Title, Genres) but found 2";
    }

    void malformed()
    {
        QFETCH(QString, variant);
        QFETCH(QString, file);
        QFETCH(QByteArray, data);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString folder = dir.filePath("ml");
        QVERIFY(writeFiles(folder, variant == "csv" ? csvVariant() : variant == "dat" ? datVariant() : hundredKVariant()));
        if (data.isNull())
            QVERIFY(QFile::remove(folder + "/" + file));
        else
            QVERIFY(writeFiles(folder, {{file, data}}));
        const Result<Dataset> loaded = importMovieLens(folder);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error(), message.arg(QDir::toNativeSeparators(folder)));
    }

    void realDataWhenPresent()
    {
        const QString folder = QStringLiteral(FUSIONLAB_SHARED_DIR "/data/ml-latest-small");
        if (!QFileInfo::exists(folder + "/ratings.csv"))
            QSKIP("ml-latest-small is not available on this machine");
        const Result<Dataset> loaded = importMovieLens(folder);
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QCOMPARE(loaded->interactionCount(), 100836);
        QCOMPARE(loaded->itemCount(), 9742);
        QCOMPARE(loaded->userCount(), 610);
    }
};

QTEST_GUILESS_MAIN(TestMovieLens)
#include "test_movielens.moc"
