#include "engine/data/MovieLensImporter.h"

#include "engine/data/CsvReader.h"
#include "engine/data/DatasetFiles.h"
#include "engine/data/Interactions.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fl {

namespace {

// The translation context of this file's messages; lupdate reads it from the macro.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(fl::MovieLensImporter)
};

enum class Variant { Csv, Dat, Hundred };

// One file of a variant: its name in the folder, how it is read and the columns an importer needs.
struct FileSpec
{
    QString name;
    CsvOptions options;
    QStringList columns;          // the needed columns, by header name or CsvOptions::columnNames
    QString expectedHeader;       // for the message when a needed column is missing
};

struct Layout
{
    Variant variant = Variant::Csv;
    QDir folder;
    FileSpec ratings;
    FileSpec movies;
    std::optional<FileSpec> tags;
    std::optional<FileSpec> genres;   // ml-100k's u.genre

    QString path(const FileSpec &spec) const { return folder.filePath(spec.name); }
};

// ml-100k's README: the 19 genre flags of u.item, in order, when u.genre is absent.
const char *const kHundredKGenres[] = {"unknown", "Action", "Adventure", "Animation", "Children's", "Comedy",
                                       "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror",
                                       "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western"};
constexpr int kHundredKGenreCount = 19;
constexpr int kHundredKFixedColumns = 5;   // movie id, title, release date, video release date, IMDb URL

QString csvEncodingHint()
{
    return Tr::tr("MovieLens CSV files are UTF-8 (was the file saved again in another encoding?)");
}

FileSpec csvFile(const QString &name, const QStringList &columns)
{
    FileSpec spec;
    spec.name = name;
    spec.options.label = name;
    spec.options.encodingHint = csvEncodingHint();
    spec.columns = columns;
    spec.expectedHeader = columns.join(QLatin1Char(','));
    return spec;
}

// A headerless Latin-1 file without quoting: ml-1m's "::" files and ml-100k's u.* files.
FileSpec plainFile(const QString &name, const QByteArray &separator, const QStringList &columns)
{
    FileSpec spec;
    spec.name = name;
    spec.options.label = name;
    spec.options.encoding = CsvEncoding::Latin1;
    spec.options.quoting = false;
    spec.options.hasHeader = false;
    if (separator.size() == 1)
        spec.options.delimiter = separator[0];
    else
        spec.options.delimiterSequence = separator;
    spec.options.columnNames = columns;
    spec.columns = columns;
    spec.expectedHeader = columns.join(QString::fromLatin1(separator));
    return spec;
}

// The variant whose files are in the folder; a variant with one of its two required files missing is
// an error that names the other.
Result<Layout> findLayout(const QString &path)
{
    Layout layout;
    layout.folder = QDir(datasetFolder(path));
    auto has = [&](const char *name) { return layout.folder.exists(QLatin1String(name)); };
    const QString label = QDir::toNativeSeparators(layout.folder.path());
    struct Pair
    {
        Variant variant;
        const char *ratings;
        const char *movies;
        const char *releases;
    };
    const Pair pairs[] = {{Variant::Csv, "ratings.csv", "movies.csv", "ml-latest, ml-latest-small, ml-20m, ml-25m, ml-32m"},
                          {Variant::Dat, "ratings.dat", "movies.dat", "ml-1m, ml-10m"},
                          {Variant::Hundred, "u.data", "u.item", "ml-100k"}};
    const Pair *found = nullptr;
    for (const Pair &pair : pairs) {
        if (has(pair.ratings) || has(pair.movies)) {
            found = &pair;
            break;
        }
    }
    if (!found) {
        return makeError(Tr::tr("%1: not a MovieLens folder; expected ratings.csv and movies.csv (ml-latest, ml-20m, "
                            "ml-25m, ml-32m), ratings.dat and movies.dat (ml-1m) or u.data and u.item (ml-100k)")
                             .arg(label));
    }
    for (const auto &[present, absent] : {std::pair(found->ratings, found->movies), std::pair(found->movies, found->ratings)}) {
        if (!has(absent)) {
            return makeError(Tr::tr("%1: found %2 but not %3; a MovieLens folder (%4) has both (looked for %5)")
                                 .arg(label, QLatin1String(present), QLatin1String(absent),
                                      QLatin1String(found->releases),
                                      QDir::toNativeSeparators(layout.folder.filePath(QLatin1String(absent)))));
        }
    }

    layout.variant = found->variant;
    switch (found->variant) {
    case Variant::Csv:
        layout.ratings = csvFile(QStringLiteral("ratings.csv"), {"userId", "movieId", "rating", "timestamp"});
        layout.movies = csvFile(QStringLiteral("movies.csv"), {"movieId", "title", "genres"});
        if (has("tags.csv"))
            layout.tags = csvFile(QStringLiteral("tags.csv"), {"userId", "movieId", "tag", "timestamp"});
        break;
    case Variant::Dat:
        layout.ratings = plainFile(QStringLiteral("ratings.dat"), "::", {"UserID", "MovieID", "Rating", "Timestamp"});
        layout.movies = plainFile(QStringLiteral("movies.dat"), "::", {"MovieID", "Title", "Genres"});
        if (has("tags.dat"))
            layout.tags = plainFile(QStringLiteral("tags.dat"), "::", {"UserID", "MovieID", "Tag", "Timestamp"});
        break;
    case Variant::Hundred: {
        layout.ratings = plainFile(QStringLiteral("u.data"), "\t", {"user id", "item id", "rating", "timestamp"});
        QStringList columns = {"movie id", "movie title", "release date", "video release date", "IMDb URL"};
        for (const char *genre : kHundredKGenres)
            columns.append(QLatin1String(genre));
        layout.movies = plainFile(QStringLiteral("u.item"), "|", columns);
        if (has("u.genre"))
            layout.genres = plainFile(QStringLiteral("u.genre"), "|", {"genre", "number"});
        break;
    }
    }
    // A file that is a link out of the folder is refused when it is opened.
    for (FileSpec *spec : {&layout.ratings, &layout.movies, layout.tags ? &*layout.tags : nullptr,
                           layout.genres ? &*layout.genres : nullptr}) {
        if (spec)
            spec->options.folder = layout.folder.absolutePath();
    }
    return layout;
}

// Opens one of the layout's files and finds its needed columns.
Result<std::vector<int>> openFile(CsvReader &reader, const Layout &layout, const FileSpec &spec)
{
    if (Result<void> opened = reader.open(layout.path(spec)); !opened)
        return makeError(opened.error());
    return requireColumns(reader, spec.columns, spec.expectedHeader);
}

// What the movies (and tags) files say about each movie.
struct Movies
{
    ItemRegistry registry;
    QStringList genreNames;                 // in order of first appearance
    QHash<QString, int> genreIndex;
    std::vector<std::vector<int>> genres;   // per movie
    std::vector<std::string> tags;          // per movie: its distinct tags in file order, UTF-8, ", "-joined
    IdIndex tagPairs;                       // (tag, movie) pairs seen

    void addGenre(int movie, const QString &name)
    {
        auto found = genreIndex.constFind(name);
        if (found == genreIndex.constEnd()) {
            found = genreIndex.insert(name, int(genreNames.size()));
            genreNames.append(name);
        }
        genres[size_t(movie)].push_back(*found);
    }

    // Registers the record's movie with its title; the caller adds its genres.
    Result<int> add(const CsvRecord &record, const CsvReader &reader, int idColumn, int titleColumn, Dataset &dataset)
    {
        Result<int> movie = registry.add(record, idColumn, reader.label(), reader.header()[idColumn], dataset);
        if (!movie)
            return movie;
        const QString title = record.text(titleColumn).trimmed();
        dataset.itemTitles.append(title.isEmpty() ? dataset.itemIds.last() : title);
        genres.emplace_back();
        tags.emplace_back();
        return movie;
    }
};

// movies.csv and movies.dat: id, title and '|'-separated genre names ("(no genres listed)": none).
Result<void> readGenreListMovies(CsvReader &reader, const std::vector<int> &columns, Movies &movies,
                                 Dataset &dataset, const ProgressFn &progress)
{
    return reader.forEachRecord(
        [&](const CsvRecord &record) -> Result<void> {
            Result<int> movie = movies.add(record, reader, columns[0], columns[1], dataset);
            if (!movie)
                return makeError(movie.error());
            for (const QString &genre : record.text(columns[2]).split(QLatin1Char('|'))) {
                const QString name = genre.trimmed();
                if (!name.isEmpty() && name != QLatin1String("(no genres listed)"))
                    movies.addGenre(*movie, name);
            }
            return {};
        },
        progress);
}

// u.genre: "name|number" for the numbers 0 to 18, the order of u.item's flags.
Result<QStringList> readHundredKGenreNames(const Layout &layout)
{
    if (!layout.genres) {
        QStringList names;
        for (const char *genre : kHundredKGenres)
            names.append(QLatin1String(genre));
        return names;
    }
    CsvReader reader(layout.genres->options);
    Result<std::vector<int>> columns = openFile(reader, layout, *layout.genres);
    if (!columns)
        return makeError(columns.error());
    QStringList names(kHundredKGenreCount);
    Result<void> done = reader.forEachRecord([&](const CsvRecord &record) -> Result<void> {
        bool ok = false;
        const int number = record.text(1).trimmed().toInt(&ok);
        const QString name = record.text(0).trimmed();
        if (!ok || number < 0 || number >= kHundredKGenreCount || name.isEmpty() || !names[number].isEmpty()) {
            return makeError(Tr::tr("%1:%2: \"%3\" is not a genre name and a new number; expected name|number with the "
                                "numbers 0 to %4 once each")
                                 .arg(reader.label()).arg(record.line())
                                 .arg(excerpt(record.text(0) + QLatin1Char('|') + record.text(1)))
                                 .arg(kHundredKGenreCount - 1));
        }
        names[number] = name;
        return {};
    });
    if (!done)
        return makeError(done.error());
    const qsizetype missing = names.indexOf(QString());
    if (missing >= 0) {
        return makeError(Tr::tr("%1: genre number %2 is missing; expected the numbers 0 to %3, one per genre flag of "
                            "u.item")
                             .arg(reader.label()).arg(missing).arg(kHundredKGenreCount - 1));
    }
    return names;
}

// u.item: id|title|release date|video release date|IMDb URL|19 flags (0 or 1); "unknown" is no genre.
Result<void> readHundredKMovies(CsvReader &reader, const QStringList &genreNames, Movies &movies,
                                Dataset &dataset, const ProgressFn &progress)
{
    return reader.forEachRecord(
        [&](const CsvRecord &record) -> Result<void> {
            Result<int> movie = movies.add(record, reader, 0, 1, dataset);
            if (!movie)
                return makeError(movie.error());
            for (int g = 0; g < kHundredKGenreCount; ++g) {
                const int column = kHundredKFixedColumns + g;
                const QByteArrayView flag = trimmedView(record.bytes(column));
                if (flag != "0" && flag != "1") {
                    return makeError(Tr::tr("%1:%2: genre flag \"%3\" (field %4, %5) is not 0 or 1; expected 0 or 1")
                                         .arg(reader.label()).arg(record.line())
                                         .arg(excerpt(record.text(column))).arg(column + 1).arg(genreNames[g]));
                }
                if (flag == "1" && g > 0)
                    movies.addGenre(*movie, genreNames[g]);
            }
            return {};
        },
        progress);
}

// tags.csv / tags.dat: each tag joins its movie's text.
Result<void> readTags(CsvReader &reader, const std::vector<int> &columns, const QString &moviesFile, Movies &movies,
                      const ProgressFn &progress)
{
    const bool utf8 = reader.options().encoding == CsvEncoding::Utf8;
    std::string pairKey;
    return reader.forEachRecord(
        [&](const CsvRecord &record) -> Result<void> {
            if (Result<void> ok = checkIdCell(record.bytes(columns[0]), IdKind::User, reader.label(), record.line(),
                                              reader.header()[columns[0]]);
                !ok)
                return ok;
            if (Result<qint64> time = timestampCell(record, columns[3], reader.label(), reader.header()[columns[3]]); !time)
                return makeError(time.error());
            const QByteArrayView cell = trimmedView(record.bytes(columns[1]));
            const QByteArray converted = utf8 ? QByteArray() : record.text(columns[1]).trimmed().toUtf8();
            const QByteArrayView key = utf8 ? cell : QByteArrayView(converted);
            const int movie = movies.registry.index.find(std::string_view(key.data(), size_t(key.size())));
            if (movie < 0) {
                return makeError(Tr::tr("%1:%2: item id \"%3\" in column \"%4\" is not in %5; expected one of the items "
                                    "file's ids")
                                     .arg(reader.label()).arg(record.line())
                                     .arg(excerpt(record.text(columns[1]).trimmed()), reader.header()[columns[1]], moviesFile));
            }
            QByteArrayView tag = trimmedView(record.bytes(columns[2]));
            QByteArray tagUtf8;
            if (!utf8) {
                tagUtf8 = record.text(columns[2]).trimmed().toUtf8();
                tag = tagUtf8;
            }
            if (tag.isEmpty())
                return {};
            // A tag joins the movie's text once, however many users gave it.
            pairKey.assign(tag.data(), size_t(tag.size()));
            pairKey.push_back('\x1F');
            pairKey.append(reinterpret_cast<const char *>(&movie), sizeof(movie));
            bool added = false;
            movies.tagPairs.insert(pairKey, added);
            if (added) {
                std::string &text = movies.tags[size_t(movie)];
                if (!text.empty())
                    text += ", ";
                text.append(tag.data(), size_t(tag.size()));
            }
            return {};
        },
        progress);
}

// "text", "genres" and "year".
void addModalities(const Layout &layout, Movies &movies, Dataset &dataset)
{
    const int count = dataset.itemCount();
    const QString moviesFile = layout.movies.name;
    static const QRegularExpression yearPattern(QStringLiteral("\\((\\d{4})\\)\\s*$"));

    const QString textOrigin = layout.tags ? Tr::tr("%1: title, genres; %2: tags").arg(moviesFile, layout.tags->name)
                                           : Tr::tr("%1: title, genres").arg(moviesFile);
    QStringList texts;
    std::vector<double> genreValues(size_t(count) * size_t(movies.genreNames.size()), 0.0);
    std::vector<bool> genreMissing(size_t(count), true);
    std::vector<double> years(size_t(count), 0.0);
    std::vector<bool> yearMissing(size_t(count), true);
    for (int i = 0; i < count; ++i) {
        const QString &title = dataset.itemTitles[i];
        QStringList genreWords;
        for (int g : movies.genres[size_t(i)]) {
            genreWords.append(movies.genreNames[g]);
            genreValues[size_t(i) * size_t(movies.genreNames.size()) + size_t(g)] = 1.0;
        }
        genreMissing[size_t(i)] = genreWords.isEmpty();
        dataset.itemCategories.append(genreWords.value(0));

        const std::string &tags = movies.tags[size_t(i)];
        QStringList parts;
        for (const QString &part : {title == dataset.itemIds[i] ? QString() : title, genreWords.join(QLatin1Char(' ')),
                                    QString::fromUtf8(tags.data(), qsizetype(tags.size()))}) {
            if (!part.isEmpty())
                parts.append(part);
        }
        texts.append(parts.join(QLatin1Char('\n')));

        const QRegularExpressionMatch year = yearPattern.match(title);
        if (year.hasMatch()) {
            years[size_t(i)] = year.captured(1).toDouble();
            yearMissing[size_t(i)] = false;
        }
    }
    dataset.modalities.push_back(textModality(QStringLiteral("text"), textOrigin, std::move(texts)));
    if (!movies.genreNames.isEmpty()) {
        const QString origin = layout.variant == Variant::Hundred
            ? Tr::tr("%1: genre flags").arg(moviesFile)
            : Tr::tr("%1: %2").arg(moviesFile, layout.movies.columns[2]);
        dataset.modalities.push_back(matrixModality(QStringLiteral("genres"), ModalityKind::Numeric, origin,
                                                    genreValues, int(movies.genreNames.size()),
                                                    std::move(genreMissing)));
    }
    if (std::find(yearMissing.begin(), yearMissing.end(), false) != yearMissing.end()) {
        dataset.modalities.push_back(matrixModality(QStringLiteral("year"), ModalityKind::Numeric,
                                                    Tr::tr("%1: the year in the title").arg(moviesFile), years, 1,
                                                    std::move(yearMissing)));
    }
}

} // namespace

bool looksLikeMovieLens(const QString &path)
{
    if (!QFileInfo::exists(path))
        return false;
    const QDir folder(datasetFolder(path));
    if (folder.exists(QStringLiteral("ratings.csv")) && folder.exists(QStringLiteral("movies.csv"))) {
        return firstLineStartsWith(folder.filePath(QStringLiteral("ratings.csv")), "userId,movieId,rating")
            && firstLineStartsWith(folder.filePath(QStringLiteral("movies.csv")), "movieId,title,genres");
    }
    return (folder.exists(QStringLiteral("ratings.dat")) && folder.exists(QStringLiteral("movies.dat")))
        || (folder.exists(QStringLiteral("u.data")) && folder.exists(QStringLiteral("u.item")));
}

Result<Dataset> importMovieLens(const QString &path, const ProgressFn &progress)
{
    if (!QFileInfo::exists(path))
        return makeError(Tr::tr("%1: no such file or folder; expected a MovieLens folder").arg(path));
    Result<Layout> found = findLayout(path);
    if (!found)
        return makeError(found.error());
    const Layout &layout = *found;

    Dataset dataset;
    dataset.name = layout.folder.dirName();
    dataset.sourcePath = layout.folder.absolutePath();

    // Progress in proportion to the files' sizes.
    const double moviesBytes = double(QFileInfo(layout.path(layout.movies)).size());
    const double tagsBytes = layout.tags ? double(QFileInfo(layout.path(*layout.tags)).size()) : 0.0;
    const double total = std::max(1.0, moviesBytes + tagsBytes + double(QFileInfo(layout.path(layout.ratings)).size()));
    const double moviesEnd = moviesBytes / total;
    const double tagsEnd = (moviesBytes + tagsBytes) / total;

    Movies movies;
    {
        CsvReader reader(layout.movies.options);
        Result<std::vector<int>> columns = openFile(reader, layout, layout.movies);
        if (!columns)
            return makeError(columns.error());
        const ProgressFn part = progressPart(progress, 0.0, moviesEnd);
        Result<void> done;
        if (layout.variant == Variant::Hundred) {
            Result<QStringList> genreNames = readHundredKGenreNames(layout);
            if (!genreNames)
                return makeError(genreNames.error());
            done = readHundredKMovies(reader, *genreNames, movies, dataset, part);
        } else {
            done = readGenreListMovies(reader, *columns, movies, dataset, part);
        }
        if (!done)
            return makeError(done.error());
        if (dataset.itemCount() == 0) {
            return makeError(Tr::tr("%1:%2: expected a movie but found the end of the file")
                                 .arg(reader.label()).arg(reader.firstDataLine()));
        }
    }
    if (layout.tags) {
        CsvReader reader(layout.tags->options);
        Result<std::vector<int>> columns = openFile(reader, layout, *layout.tags);
        if (!columns)
            return makeError(columns.error());
        if (Result<void> done = readTags(reader, *columns, layout.movies.name, movies,
                                         progressPart(progress, moviesEnd, tagsEnd));
            !done)
            return makeError(done.error());
    }
    {
        CsvReader reader(layout.ratings.options);
        Result<std::vector<int>> columns = openFile(reader, layout, layout.ratings);
        if (!columns)
            return makeError(columns.error());
        const std::vector<int> &c = *columns;
        InteractionOptions options;
        options.itemsFile = layout.movies.name;
        IdIndex userIndex;
        if (Result<void> done = readInteractions(reader, interactionColumns(reader, c[0], c[1], c[2], c[3]), userIndex,
                                                 movies.registry.index, options, dataset,
                                                 progressPart(progress, tagsEnd, 1.0));
            !done)
            return makeError(done.error());
    }
    addModalities(layout, movies, dataset);
    return dataset;
}

} // namespace fl
