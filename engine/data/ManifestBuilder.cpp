// Why one file (about 1000 lines):
// Sniffing, previewing, guessing roles, checking and writing a manifest are the Import dialog's pure half,
// one step feeding the next over the same ImportSpec; the guessing rules and the checks must agree with
// each other and with ManifestLoader, which is easier to keep in one file.

#include "engine/data/ManifestBuilder.h"

#include "engine/data/DatasetFiles.h"

#include "engine/core/SaveFile.h"
#include "engine/data/Interactions.h"
#include "engine/data/ManifestLoader.h"
#include "engine/data/PathPattern.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QStringDecoder>

#include <algorithm>
#include <array>
#include <utility>

namespace fl {

namespace {

// The prefix up to and including its last line end outside quotes; the whole prefix if it is the
// whole file. A record that the byte limit cut in two is dropped, never shown as malformed.
QByteArray completeRecords(const FilePrefix &prefix, bool quoting)
{
    if (prefix.wholeFile)
        return prefix.data;
    const QByteArray &data = prefix.data;
    bool inQuotes = false;
    qsizetype lastEnd = -1;
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data[i];
        if (quoting && c == '"')
            inQuotes = !inQuotes;
        else if (!inQuotes && (c == '\n' || c == '\r'))
            lastEnd = i;
    }
    return lastEnd >= 0 ? data.left(lastEnd + 1) : data;
}

bool isUtf8(const FilePrefix &prefix)
{
    // A stateful decoder keeps a sequence that the byte limit cut short instead of flagging it.
    QStringDecoder decoder(QStringConverter::Utf8);
    const QString text = decoder.decode(prefix.data);
    Q_UNUSED(text);
    return !decoder.hasError();
}

NumberStatus numberStatus(const QString &cell)
{
    double value = 0.0;
    const QByteArray bytes = cell.toUtf8();
    return parseNumber(QByteArrayView(bytes), value);
}

bool looksNumeric(const CsvPreview &preview, int column)
{
    int numbers = 0;
    for (const QStringList &row : preview.rows) {
        const NumberStatus status = numberStatus(row[column]);
        if (status == NumberStatus::NotNumber)
            return false;
        numbers += status == NumberStatus::Ok ? 1 : 0;
    }
    return numbers > 0;
}

// Records parsed with a consistent field count (the first one's), and that count.
std::pair<int, int> consistency(const QByteArray &data, char delimiter, bool quoting)
{
    CsvOptions options;
    options.delimiter = delimiter;
    options.encoding = CsvEncoding::Latin1;      // every byte decodes; encoding is sniffed separately
    options.hasHeader = false;
    options.quoting = quoting;
    CsvReader reader(options);
    if (!reader.setData(data))
        return {0, 0};
    int records = 0;
    const Result<void> walked = reader.forEachRecord([&](const CsvRecord &) -> Result<void> {
        if (++records >= kPreviewRows)
            return makeError(QString());
        return {};
    });
    Q_UNUSED(walked);
    return {records, reader.columnCount()};
}

// "userId" → {"user", "id"}, "ratings_1" → {"ratings", "1"}, "ISBN13" → {"isbn", "13"}.
QStringList nameTokens(const QString &name)
{
    QStringList tokens;
    QString current;
    auto flush = [&] {
        if (!current.isEmpty())
            tokens.append(current.toLower());
        current.clear();
    };
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name[i];
        if (!c.isLetterOrNumber()) {
            flush();
            continue;
        }
        if (!current.isEmpty()) {
            const QChar previous = current.back();
            const bool lowerToUpper = previous.isLower() && c.isUpper();
            const bool letterDigit = previous.isLetter() != c.isLetter();
            // "IDs" stays whole; "XMLFile" splits before "File".
            const bool acronymEnd = previous.isUpper() && c.isUpper() && i + 1 < name.size() && name[i + 1].isLower()
                                    && current.size() > 1;
            if (lowerToUpper || letterDigit || acronymEnd)
                flush();
        }
        current.append(c);
    }
    flush();
    return tokens;
}

bool anyOf(const QStringList &tokens, std::initializer_list<const char *> words)
{
    for (const char *word : words) {
        if (tokens.contains(QLatin1String(word)))
            return true;
    }
    return false;
}

const std::initializer_list<const char *> kItemWords = {
    "item", "itemid", "iid", "movie", "movieid", "book", "bookid", "product", "productid", "asin", "song", "track",
    "artist", "article", "business", "video", "game", "recipe", "anime", "restaurant", "news", "post", "sku"};
const std::initializer_list<const char *> kUserWords = {"user", "userid", "uid", "customer", "reviewer", "member",
                                                        "visitor", "account", "client"};
const std::initializer_list<const char *> kRatingWords = {"rating", "ratings", "stars", "star", "score", "rate",
                                                          "rated", "overall"};
const std::initializer_list<const char *> kTimeWords = {"timestamp", "time", "date", "datetime", "ts", "unixtime",
                                                        "unixreviewtime", "created", "when"};
const std::initializer_list<const char *> kCategoryWords = {"genre", "genres", "category", "categories", "cat",
                                                            "department", "section"};
const std::initializer_list<const char *> kTextWords = {
    "description", "desc", "text", "author", "authors", "summary", "overview", "plot", "review", "abstract",
    "keywords", "tags", "content", "body", "synopsis", "comment", "comments", "subtitle", "director", "cast",
    "brand", "publisher", "title", "name", "titles", "names", "storyline", "blurb"};
const std::initializer_list<const char *> kImageWords = {"image", "images", "img", "cover", "picture", "photo",
                                                         "thumbnail", "thumb", "poster", "pic", "imagepath"};
const std::initializer_list<const char *> kIdLikeWords = {"id", "ids", "isbn", "ean", "upc", "code", "url",
                                                          "uri", "link", "href", "zip", "phone", "email", "uuid",
                                                          "guid", "hash", "key"};

bool isItemIdName(const QStringList &tokens)
{
    if (tokens == QStringList{QStringLiteral("id")})
        return true;
    if (tokens.size() == 1 && anyOf(tokens, {"itemid", "movieid", "bookid", "productid", "asin", "iid"}))
        return true;
    return tokens.size() == 2 && tokens[1] == QLatin1String("id") && anyOf(tokens.mid(0, 1), kItemWords);
}

// "title", "name", "title_en", "name_zh": a display title.
bool isTitleName(const QStringList &tokens)
{
    if (tokens.isEmpty() || !(tokens[0] == QLatin1String("title") || tokens[0] == QLatin1String("name")))
        return false;
    return tokens.size() == 1 || (tokens.size() == 2 && tokens[1].size() == 2 && tokens[1][0].isLetter());
}

bool cellsLookLikeUrls(const CsvPreview &preview, int column)
{
    for (const QStringList &row : preview.rows) {
        if (row[column].contains(QLatin1String("://")))
            return true;
    }
    return false;
}

bool cellsEmpty(const CsvPreview &preview, int column)
{
    return std::all_of(preview.rows.begin(), preview.rows.end(),
                       [&](const QStringList &row) { return row[column].trimmed().isEmpty(); });
}

QString quotedName(const QString &name)
{
    return QStringLiteral("\u201C%1\u201D").arg(name);
}

QString fileNameOf(const QString &path)
{
    return QFileInfo(path).fileName();
}

QString jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

QString jsonStringList(const QStringList &list)
{
    QStringList parts;
    for (const QString &item : list)
        parts.append(jsonString(item));
    return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
}

// {"key": value, …} in the order given; values are JSON text already.
QString jsonObject(const std::vector<std::pair<QString, QString>> &entries)
{
    QStringList parts;
    for (const auto &[key, value] : entries)
        parts.append(jsonString(key) + QStringLiteral(": ") + value);
    return QLatin1Char('{') + parts.join(QStringLiteral(", ")) + QLatin1Char('}');
}

QString relativePath(const QString &folder, const QString &path)
{
    if (path.isEmpty())
        return path;
    return QDir::fromNativeSeparators(QDir(folder).relativeFilePath(path));
}

void addTableOptions(std::vector<std::pair<QString, QString>> &entries, const ImportTable &table,
                     const QString &fileName)
{
    const CsvOptions &options = table.options;
    if (options.delimiter != defaultCsvDelimiter(fileName))
        entries.emplace_back(QStringLiteral("delimiter"), jsonString(QString(QLatin1Char(options.delimiter))));
    if (options.encoding == CsvEncoding::Latin1)
        entries.emplace_back(QStringLiteral("encoding"), jsonString(QStringLiteral("latin-1")));
    if (!options.hasHeader)
        entries.emplace_back(QStringLiteral("header"), QStringLiteral("false"));
    if (!options.quoting)
        entries.emplace_back(QStringLiteral("quote"), QStringLiteral("false"));
}

template<typename Role>
QStringList columnsWith(const QStringList &header, const std::vector<Role> &roles, Role role)
{
    QStringList names;
    for (size_t i = 0; i < roles.size() && int(i) < header.size(); ++i) {
        if (roles[i] == role)
            names.append(header[int(i)]);
    }
    return names;
}

template<typename Role>
std::vector<int> indicesWith(const std::vector<Role> &roles, Role role)
{
    std::vector<int> indices;
    for (size_t i = 0; i < roles.size(); ++i) {
        if (roles[i] == role)
            indices.push_back(int(i));
    }
    return indices;
}

QString textModalityName() { return QStringLiteral("text"); }
QString imageModalityName() { return QStringLiteral("image"); }
QString numericModalityName() { return QStringLiteral("numeric"); }

// The text columns in the order written: the title first (when it feeds the text), then the rest.
QStringList textColumns(const ImportSpec &spec)
{
    QStringList columns;
    const QStringList &header = spec.items.header;
    if (spec.titleInText)
        columns += columnsWith(header, spec.itemRoles, ItemRole::Title);
    columns += columnsWith(header, spec.itemRoles, ItemRole::Text);
    return columns;
}

QStringList modalityNames(const ImportSpec &spec)
{
    QStringList names;
    if (!textColumns(spec).isEmpty())
        names.append(textModalityName());
    if (!columnsWith(spec.items.header, spec.itemRoles, ItemRole::ImagePath).isEmpty() || !spec.imagePattern.trimmed().isEmpty())
        names.append(imageModalityName());
    if (!columnsWith(spec.items.header, spec.itemRoles, ItemRole::Numeric).isEmpty())
        names.append(numericModalityName());
    for (const VectorsFile &vectors : spec.vectors)
        names.append(vectors.name.trimmed());
    return names;
}

} // namespace

Result<FilePrefix> readFilePrefix(const QString &path, qsizetype maxBytes)
{
    QFile file(path);
    if (!file.exists())
        return makeError(ManifestBuilder::tr("%1: file not found").arg(path));
    if (QFileInfo(path).isDir())
        return makeError(ManifestBuilder::tr("%1: is a folder; expected a CSV or TSV file").arg(path));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ManifestBuilder::tr("%1: cannot open: %2").arg(path, file.errorString()));
    FilePrefix prefix;
    prefix.fileSize = file.size();
    prefix.data = file.read(maxBytes);
    prefix.wholeFile = file.atEnd() && qint64(prefix.data.size()) >= prefix.fileSize;
    return prefix;
}

CsvSniff sniffCsv(const FilePrefix &prefix, const QString &fileName)
{
    CsvSniff sniff;
    sniff.validUtf8 = isUtf8(prefix);
    sniff.encoding = sniff.validUtf8 ? CsvEncoding::Utf8 : CsvEncoding::Latin1;

    // The delimiter (and quoting) under which the most leading records agree on their field count;
    // ties go to more fields, then to quoting on, then to the order , tab ; |.
    constexpr std::array<char, 4> candidates = {',', '\t', ';', '|'};
    int bestRecords = 0;
    int bestColumns = 0;
    sniff.delimiter = defaultCsvDelimiter(fileName);
    for (const bool quoting : {true, false}) {
        const QByteArray data = completeRecords(prefix, quoting);
        for (const char delimiter : candidates) {
            const auto [records, columns] = consistency(data, delimiter, quoting);
            if (columns < 2)
                continue;
            if (records > bestRecords || (records == bestRecords && columns > bestColumns)) {
                bestRecords = records;
                bestColumns = columns;
                sniff.delimiter = delimiter;
                sniff.quoting = quoting;
            }
        }
    }

    // A header row: names, not numbers, above columns whose cells differ in kind from them.
    CsvOptions options;
    options.delimiter = sniff.delimiter;
    options.encoding = sniff.encoding;
    options.quoting = sniff.quoting;
    options.hasHeader = false;
    const CsvPreview rows = previewCsv(prefix, options);
    if (rows.rows.empty())
        return sniff;
    const QStringList &first = rows.rows.front();
    for (const QString &cell : first) {
        if (numberStatus(cell) == NumberStatus::Ok) {
            sniff.hasHeader = false;
            return sniff;
        }
    }
    if (rows.rows.size() < 2)
        return sniff;
    CsvPreview body;
    body.header = rows.header;
    body.rows.assign(rows.rows.begin() + 1, rows.rows.end());
    for (int c = 0; c < first.size(); ++c) {
        if (looksNumeric(body, c))
            return sniff;
    }
    // All text: a header if no first-row cell repeats below it in its column and the names are distinct.
    const QSet<QString> distinct(first.begin(), first.end());
    if (distinct.size() != first.size()) {
        sniff.hasHeader = false;
        return sniff;
    }
    for (const QStringList &row : body.rows) {
        for (int c = 0; c < first.size(); ++c) {
            if (row[c] == first[c]) {
                sniff.hasHeader = false;
                return sniff;
            }
        }
    }
    return sniff;
}

CsvPreview previewCsv(const FilePrefix &prefix, const CsvOptions &options, int maxRows)
{
    CsvPreview preview;
    CsvReader reader(options);
    if (Result<void> opened = reader.setData(completeRecords(prefix, options.quoting)); !opened) {
        preview.error = opened.error();
        return preview;
    }
    preview.header = reader.header();
    bool stopped = false;
    const Result<void> walked = reader.forEachRecord([&](const CsvRecord &record) -> Result<void> {
        if (int(preview.rows.size()) >= maxRows) {
            stopped = true;
            return makeError(QString());
        }
        preview.rows.push_back(record.texts());
        preview.lines.push_back(record.line());
        return {};
    });
    if (!walked && !stopped)
        preview.error = walked.error();
    preview.wholeFile = prefix.wholeFile && !stopped && walked.ok();
    return preview;
}

std::vector<InteractionRole> ManifestBuilder::guessInteractionRoles(const CsvPreview &preview, const QString &itemIdHint)
{
    const int n = preview.columnCount();
    std::vector<InteractionRole> roles(size_t(n), InteractionRole::Ignore);
    bool taken[5] = {};
    auto assign = [&](int column, InteractionRole role) {
        if (taken[int(role)] || roles[size_t(column)] != InteractionRole::Ignore)
            return;
        roles[size_t(column)] = role;
        taken[int(role)] = true;
    };

    bool positional = n > 0;
    for (int c = 0; c < n; ++c)
        positional = positional && preview.header[c] == QString::number(c + 1);
    if (positional) {
        // No header row: MovieLens order (user, item, rating, timestamp) where the cells allow it.
        if (n >= 2) {
            assign(0, InteractionRole::User);
            assign(1, InteractionRole::Item);
        }
        if (n >= 3 && looksNumeric(preview, 2))
            assign(2, InteractionRole::Rating);
        if (n >= 4 && looksNumeric(preview, 3))
            assign(3, InteractionRole::Timestamp);
        return roles;
    }

    if (!itemIdHint.isEmpty()) {
        for (int c = 0; c < n; ++c) {
            if (preview.header[c].compare(itemIdHint, Qt::CaseInsensitive) == 0)
                assign(c, InteractionRole::Item);
        }
    }
    for (int c = 0; c < n; ++c) {
        const QStringList tokens = nameTokens(preview.header[c]);
        if (anyOf(tokens, kUserWords))
            assign(c, InteractionRole::User);
        else if (anyOf(tokens, kItemWords))
            assign(c, InteractionRole::Item);
        else if (anyOf(tokens, kRatingWords) && looksNumeric(preview, c))
            assign(c, InteractionRole::Rating);
        else if (anyOf(tokens, kTimeWords))
            assign(c, InteractionRole::Timestamp);
    }
    return roles;
}

std::vector<ItemRole> ManifestBuilder::guessItemRoles(const CsvPreview &preview, const QString &itemIdHint)
{
    const int n = preview.columnCount();
    std::vector<ItemRole> roles(size_t(n), ItemRole::Ignore);
    if (n == 0)
        return roles;
    std::vector<QStringList> tokens;
    for (int c = 0; c < n; ++c)
        tokens.push_back(nameTokens(preview.header[c]));

    bool positional = true;
    for (int c = 0; c < n; ++c)
        positional = positional && preview.header[c] == QString::number(c + 1);

    // The id: the other table's item column by name, else an id-shaped name, else (no header) column 1.
    int id = -1;
    for (int c = 0; c < n && id < 0 && !itemIdHint.isEmpty(); ++c) {
        if (preview.header[c].compare(itemIdHint, Qt::CaseInsensitive) == 0)
            id = c;
    }
    for (int c = 0; c < n && id < 0; ++c) {
        if (isItemIdName(tokens[size_t(c)]))
            id = c;
    }
    if (id < 0 && positional)
        id = 0;
    if (id >= 0)
        roles[size_t(id)] = ItemRole::Id;

    bool haveTitle = false;
    bool haveCategory = false;
    bool haveImage = false;
    for (int c = 0; c < n; ++c) {
        if (c == id)
            continue;
        const QStringList &t = tokens[size_t(c)];
        ItemRole role = ItemRole::Ignore;
        if (!haveImage && anyOf(t, kImageWords) && !cellsLookLikeUrls(preview, c) && !cellsEmpty(preview, c)
            && !looksNumeric(preview, c)) {
            role = ItemRole::ImagePath;
            haveImage = true;
        } else if (anyOf(t, kIdLikeWords) || anyOf(t, kImageWords)) {
            role = ItemRole::Ignore;
        } else if (!haveTitle && isTitleName(t)) {
            role = ItemRole::Title;
            haveTitle = true;
        } else if (!haveCategory && anyOf(t, kCategoryWords)) {
            role = ItemRole::Category;
            haveCategory = true;
        } else if (looksNumeric(preview, c)) {
            role = ItemRole::Numeric;     // before text words: "work_text_reviews_count" is a count
        } else if (anyOf(t, kTextWords) || anyOf(t, kCategoryWords)) {
            role = ItemRole::Text;
        }
        roles[size_t(c)] = role;
    }
    return roles;
}

std::vector<ImportProblem> ManifestBuilder::validate(const ImportSpec &spec, const CsvPreview *interactions,
                                                     const CsvPreview *items)
{
    std::vector<ImportProblem> problems;
    auto add = [&](ImportTableKind table, QString message, int column = -1, int row = -1) {
        problems.push_back({std::move(message), table, column, row});
    };
    auto checkTable = [&](ImportTableKind kind, const ImportTable &table, const CsvPreview *preview) {
        const QString file = fileNameOf(table.path);
        if (preview && !preview->error.isEmpty())
            add(kind, preview->error);
        if (!manifestSupportsDelimiter(table.options.delimiter)) {
            add(kind, tr("%1: the manifest format reads only comma, tab, semicolon or pipe as the delimiter, "
                         "not %2; save the file with one of those")
                          .arg(file, delimiterName(table.options.delimiter)));
        }
    };
    // A column the manifest names must have a unique, non-empty name in the header.
    auto checkNamed = [&](ImportTableKind kind, const ImportTable &table, const std::vector<int> &columns) {
        const QString file = fileNameOf(table.path);
        for (int c : columns) {
            if (c >= table.header.size())
                continue;
            const QString &name = table.header[c];
            if (name.isEmpty()) {
                add(kind, tr("%1: column %2 has no name in the header row, so the manifest cannot name it; "
                             "give it a name in the file or set its role to Ignore")
                              .arg(file).arg(c + 1),
                    c);
                continue;
            }
            const int first = int(table.header.indexOf(name));
            if (first != c) {
                add(kind, tr("%1: columns %2 and %3 are both named %4 in the header; rename one in the file or "
                             "set this one's role to Ignore")
                              .arg(file).arg(first + 1).arg(c + 1).arg(quotedName(name)),
                    c);
            }
        }
    };
    auto countRole = [&](ImportTableKind kind, const QString &file, const QStringList &names, bool required,
                         const QString &missing, const QString &twice) {
        if (names.isEmpty() && required)
            add(kind, missing.arg(file));
        else if (names.size() > 1)
            add(kind, twice.arg(file, quotedName(names[0]), quotedName(names[1])));
    };

    // Interactions.
    const ImportTable &in = spec.interactions;
    if (in.path.isEmpty()) {
        add(ImportTableKind::Interactions, tr("Choose an interactions file: one row per user and item."));
    } else {
        const QString file = fileNameOf(in.path);
        checkTable(ImportTableKind::Interactions, in, interactions);
        const auto &roles = spec.interactionRoles;
        countRole(ImportTableKind::Interactions, file, columnsWith(in.header, roles, InteractionRole::User), true,
                  tr("No user column in %1: set one column's role to \u201CUser id\u201D."),
                  tr("Two user id columns in %1 (%2 and %3); keep one."));
        countRole(ImportTableKind::Interactions, file, columnsWith(in.header, roles, InteractionRole::Item), true,
                  tr("No item column in %1: set one column's role to \u201CItem id\u201D."),
                  tr("Two item id columns in %1 (%2 and %3); keep one."));
        countRole(ImportTableKind::Interactions, file, columnsWith(in.header, roles, InteractionRole::Rating), false,
                  QString(), tr("Two rating columns in %1 (%2 and %3); keep one."));
        countRole(ImportTableKind::Interactions, file, columnsWith(in.header, roles, InteractionRole::Timestamp), false,
                  QString(), tr("Two timestamp columns in %1 (%2 and %3); keep one."));
        std::vector<int> named;
        for (size_t c = 0; c < roles.size(); ++c) {
            if (roles[c] != InteractionRole::Ignore)
                named.push_back(int(c));
        }
        checkNamed(ImportTableKind::Interactions, in, named);
        if (interactions) {
            for (size_t r = 0; r < interactions->rows.size(); ++r) {
                const QStringList &row = interactions->rows[r];
                const int line = interactions->lines[r];
                for (int c = 0; c < int(roles.size()) && c < row.size(); ++c) {
                    const InteractionRole role = roles[size_t(c)];
                    if ((role == InteractionRole::User || role == InteractionRole::Item) && row[c].trimmed().isEmpty()) {
                        add(ImportTableKind::Interactions,
                            (role == InteractionRole::User ? tr("%1, line %2: empty user id in column %3")
                                                           : tr("%1, line %2: empty item id in column %3"))
                                .arg(file).arg(line).arg(quotedName(in.header[c])),
                            c, int(r));
                    } else if (role == InteractionRole::Timestamp && !parseTimestamp(QByteArrayView(row[c].toUtf8()))) {
                        add(ImportTableKind::Interactions,
                            tr("%1, line %2, column %3: %4 is not a timestamp; expected seconds since 1970 or an "
                               "ISO 8601 date such as 2024-05-01T12:00:00Z")
                                .arg(file).arg(line).arg(quotedName(in.header[c]), quotedName(row[c])),
                            c, int(r));
                    } else if (role == InteractionRole::Rating && numberStatus(row[c]) != NumberStatus::Ok) {
                        add(ImportTableKind::Interactions,
                            tr("%1, line %2, column %3: %4 is not a rating; expected a number (without a rating "
                               "column the data is implicit feedback)")
                                .arg(file).arg(line).arg(quotedName(in.header[c]), quotedName(row[c])),
                            c, int(r));
                    }
                }
            }
        }
    }

    // Items.
    const ImportTable &it = spec.items;
    if (it.path.isEmpty()) {
        add(ImportTableKind::Items,
            tr("Choose an items file: the manifest format needs an items table with an id column, so the item "
               "ids cannot come from the interactions file alone."));
    } else {
        const QString file = fileNameOf(it.path);
        checkTable(ImportTableKind::Items, it, items);
        const auto &roles = spec.itemRoles;
        countRole(ImportTableKind::Items, file, columnsWith(it.header, roles, ItemRole::Id), true,
                  tr("No item id column in %1: set one column's role to \u201CItem id\u201D."),
                  tr("Two item id columns in %1 (%2 and %3); keep one."));
        countRole(ImportTableKind::Items, file, columnsWith(it.header, roles, ItemRole::Title), false, QString(),
                  tr("Two title columns in %1 (%2 and %3); keep one, make the other \u201CText\u201D."));
        countRole(ImportTableKind::Items, file, columnsWith(it.header, roles, ItemRole::Category), false, QString(),
                  tr("Two category columns in %1 (%2 and %3); keep one."));
        const QStringList imageColumns = columnsWith(it.header, roles, ItemRole::ImagePath);
        countRole(ImportTableKind::Items, file, imageColumns, false, QString(),
                  tr("Two image path columns in %1 (%2 and %3); keep one."));
        std::vector<int> named;
        for (size_t c = 0; c < roles.size(); ++c) {
            if (roles[c] != ItemRole::Ignore)
                named.push_back(int(c));
        }
        checkNamed(ImportTableKind::Items, it, named);

        const QString pattern = spec.imagePattern.trimmed();
        if (!pattern.isEmpty()) {
            if (!imageColumns.isEmpty()) {
                add(ImportTableKind::Items, tr("Use either the image path column %1 or the image folder pattern, "
                                               "not both.")
                                                .arg(quotedName(imageColumns[0])));
            }
            const ImagePatternCheck check = checkImagePattern(pattern, QString(), items ? *items : CsvPreview{});
            if (!check.syntaxError.isEmpty())
                add(ImportTableKind::Items, check.syntaxError);
            for (const QString &unknown : check.unknownColumns) {
                add(ImportTableKind::Items, tr("Image folder pattern: {%1} is not a column of %2; the columns are: %3")
                                                .arg(unknown, file, it.header.join(QStringLiteral(", "))));
            }
        }

        if (items) {
            const std::vector<int> ids = indicesWith(roles, ItemRole::Id);
            const std::vector<int> numeric = indicesWith(roles, ItemRole::Numeric);
            QHash<QString, int> lineOfId;
            for (size_t r = 0; r < items->rows.size(); ++r) {
                const QStringList &row = items->rows[r];
                const int line = items->lines[r];
                if (ids.size() == 1 && ids[0] < row.size()) {
                    const int c = ids[0];
                    const QString id = row[c].trimmed();
                    if (id.isEmpty()) {
                        add(ImportTableKind::Items, tr("%1, line %2: empty item id in column %3; every item needs an id")
                                                        .arg(file).arg(line).arg(quotedName(it.header[c])),
                            c, int(r));
                    } else if (lineOfId.contains(id)) {
                        add(ImportTableKind::Items, tr("%1, line %2: item id %3 in column %4 is also on line %5; item "
                                                       "ids must be unique")
                                                        .arg(file).arg(line).arg(quotedName(id), quotedName(it.header[c]))
                                                        .arg(lineOfId.value(id)),
                            c, int(r));
                    } else {
                        lineOfId.insert(id, line);
                    }
                }
                for (int c : numeric) {
                    if (c < row.size() && numberStatus(row[c]) == NumberStatus::NotNumber) {
                        add(ImportTableKind::Items,
                            tr("%1, line %2, column %3: %4 is not a number; set the column's role to \u201CText\u201D "
                               "or \u201CIgnore\u201D")
                                .arg(file).arg(line).arg(quotedName(it.header[c]), quotedName(row[c])),
                            c, int(r));
                        break;
                    }
                }
            }
        }
    }

    // Vectors and modality names.
    for (size_t v = 0; v < spec.vectors.size(); ++v) {
        const VectorsFile &vectors = spec.vectors[v];
        if (vectors.name.trimmed().isEmpty())
            add(ImportTableKind::Vectors, tr("The vectors file %1 needs a modality name.").arg(fileNameOf(vectors.path)), -1,
                int(v));
        if (Result<NpyInfo> header = readNpyHeader(vectors.path); !header)
            add(ImportTableKind::Vectors, header.error(), -1, int(v));
    }
    const QStringList names = modalityNames(spec);
    for (int i = 0; i < names.size(); ++i) {
        if (!names[i].isEmpty() && names.indexOf(names[i]) != i) {
            add(ImportTableKind::Vectors, tr("Two modalities are named %1; rename the vectors file's modality.")
                                              .arg(quotedName(names[i])));
        }
    }
    if (!it.path.isEmpty() && names.isEmpty()) {
        add(ImportTableKind::Items, tr("Nothing to learn from: give the items at least one text, numeric or image "
                                       "column, an image folder pattern, or a vectors file."));
    }
    return problems;
}

ImagePatternCheck ManifestBuilder::checkImagePattern(const QString &pattern, const QString &baseFolder,
                                                     const CsvPreview &items)
{
    ImagePatternCheck check;
    const PathPattern parsed = parsePathPattern(pattern);
    if (parsed.unclosedAt >= 0) {
        check.syntaxError = tr("Image folder pattern: the \u201C{\u201D at character %1 is never closed; expected "
                               "{column} placeholders such as images/{item_id}.jpg")
                                .arg(parsed.unclosedAt + 1);
        return check;
    }
    struct Piece
    {
        QString literal;
        int column = -1;
    };
    std::vector<Piece> pieces;
    for (const PathPatternPiece &piece : parsed.pieces) {
        if (piece.placeholder.isEmpty()) {
            pieces.push_back({piece.literal, -1});
            continue;
        }
        check.placeholders.append(piece.placeholder);
        const int column = int(items.header.indexOf(piece.placeholder));
        if (column < 0)
            check.unknownColumns.append(piece.placeholder);
        pieces.push_back({QString(), column});
    }
    if (check.placeholders.isEmpty()) {
        check.syntaxError = tr("Image folder pattern: no {column} placeholder, so every item would get the same "
                               "image; expected something like images/{item_id}.jpg");
        return check;
    }
    if (!check.unknownColumns.isEmpty() || baseFolder.isEmpty())
        return check;
    for (const QStringList &row : items.rows) {
        QString path;
        bool complete = true;
        for (const Piece &piece : pieces) {
            if (piece.column < 0) {
                path += piece.literal;
                continue;
            }
            const QString value = row[piece.column].trimmed();
            complete = complete && !value.isEmpty();
            path += value;
        }
        if (!complete)
            continue;
        ++check.checked;
        const QString resolved = QDir::isAbsolutePath(path) ? path : QDir(baseFolder).filePath(path);
        if (QFileInfo::exists(resolved))
            ++check.found;
        else if (check.firstMissing.isEmpty())
            check.firstMissing = path;
    }
    return check;
}

QString ManifestBuilder::defaultManifestFolder(const ImportSpec &spec)
{
    QStringList folders;
    for (const QString &path : {spec.interactions.path, spec.items.path}) {
        if (!path.isEmpty())
            folders.append(QFileInfo(path).absolutePath());
    }
    if (folders.isEmpty())
        return QString();
    QStringList common = folders[0].split(QLatin1Char('/'));
    for (int i = 1; i < folders.size(); ++i) {
        const QStringList parts = folders[i].split(QLatin1Char('/'));
        int same = 0;
        while (same < common.size() && same < parts.size() && common[same] == parts[same])
            ++same;
        common = common.mid(0, same);
    }
    const QString folder = common.join(QLatin1Char('/'));
    return folder.isEmpty() ? QStringLiteral("/") : folder;
}

QByteArray ManifestBuilder::manifestJson(const ImportSpec &spec, const QString &manifestFolder)
{
    QStringList lines;
    lines.append(QStringLiteral("  \"fusionlab_manifest\": %1").arg(kManifestVersion));
    if (!spec.name.trimmed().isEmpty())
        lines.append(QStringLiteral("  \"name\": ") + jsonString(spec.name.trimmed()));

    const ImportTable &items = spec.items;
    const QString itemsFile = relativePath(manifestFolder, items.path);
    std::vector<std::pair<QString, QString>> itemEntries{{QStringLiteral("file"), jsonString(itemsFile)}};
    addTableOptions(itemEntries, items, itemsFile);
    const std::pair<ItemRole, const char *> itemKeys[] = {
        {ItemRole::Id, "id"}, {ItemRole::Title, "title"}, {ItemRole::Category, "category"}};
    for (const auto &[role, key] : itemKeys) {
        const QStringList columns = columnsWith(items.header, spec.itemRoles, role);
        if (!columns.isEmpty())
            itemEntries.emplace_back(QLatin1String(key), jsonString(columns[0]));
    }
    lines.append(QStringLiteral("  \"items\": ") + jsonObject(itemEntries));

    const ImportTable &in = spec.interactions;
    const QString interactionsFile = relativePath(manifestFolder, in.path);
    std::vector<std::pair<QString, QString>> inEntries{{QStringLiteral("file"), jsonString(interactionsFile)}};
    addTableOptions(inEntries, in, interactionsFile);
    const std::pair<InteractionRole, const char *> inKeys[] = {{InteractionRole::User, "user"},
                                                               {InteractionRole::Item, "item"},
                                                               {InteractionRole::Rating, "rating"},
                                                               {InteractionRole::Timestamp, "timestamp"}};
    for (const auto &[role, key] : inKeys) {
        const QStringList columns = columnsWith(in.header, spec.interactionRoles, role);
        if (!columns.isEmpty())
            inEntries.emplace_back(QLatin1String(key), jsonString(columns[0]));
    }
    lines.append(QStringLiteral("  \"interactions\": ") + jsonObject(inEntries));

    QStringList modalities;
    const QStringList text = textColumns(spec);
    if (!text.isEmpty()) {
        modalities.append(jsonObject({{QStringLiteral("name"), jsonString(textModalityName())},
                                      {QStringLiteral("kind"), jsonString(QStringLiteral("text"))},
                                      {QStringLiteral("columns"), jsonStringList(text)}}));
    }
    const QStringList imageColumns = columnsWith(items.header, spec.itemRoles, ItemRole::ImagePath);
    const QString pattern = spec.imagePattern.trimmed();
    if (!pattern.isEmpty()) {
        // The pattern is typed relative to the items file; the manifest's paths are relative to itself.
        const QString absolute = QDir::isAbsolutePath(pattern)
                                     ? pattern
                                     : QDir::cleanPath(QFileInfo(items.path).absolutePath() + QLatin1Char('/') + pattern);
        modalities.append(jsonObject({{QStringLiteral("name"), jsonString(imageModalityName())},
                                      {QStringLiteral("kind"), jsonString(QStringLiteral("image"))},
                                      {QStringLiteral("path"), jsonString(relativePath(manifestFolder, absolute))}}));
    } else if (!imageColumns.isEmpty()) {
        modalities.append(jsonObject({{QStringLiteral("name"), jsonString(imageModalityName())},
                                      {QStringLiteral("kind"), jsonString(QStringLiteral("image"))},
                                      {QStringLiteral("column"), jsonString(imageColumns[0])}}));
    }
    const QStringList numeric = columnsWith(items.header, spec.itemRoles, ItemRole::Numeric);
    if (!numeric.isEmpty()) {
        modalities.append(jsonObject({{QStringLiteral("name"), jsonString(numericModalityName())},
                                      {QStringLiteral("kind"), jsonString(QStringLiteral("numeric"))},
                                      {QStringLiteral("columns"), jsonStringList(numeric)}}));
    }
    for (const VectorsFile &vectors : spec.vectors) {
        modalities.append(jsonObject({{QStringLiteral("name"), jsonString(vectors.name.trimmed())},
                                      {QStringLiteral("kind"), jsonString(QStringLiteral("vectors"))},
                                      {QStringLiteral("file"), jsonString(relativePath(manifestFolder, vectors.path))}}));
    }
    if (!modalities.isEmpty()) {
        lines.append(QStringLiteral("  \"modalities\": [\n    ") + modalities.join(QStringLiteral(",\n    "))
                     + QStringLiteral("\n  ]"));
    }
    return (QStringLiteral("{\n") + lines.join(QStringLiteral(",\n")) + QStringLiteral("\n}\n")).toUtf8();
}

Result<void> ManifestBuilder::writeManifest(const ImportSpec &spec, const QString &manifestPath)
{
    const QString folder = QFileInfo(manifestPath).absolutePath();
    if (Result<void> ok = checkSaveTarget(manifestPath); !ok)
        return ok;
    QSaveFile file(manifestPath);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(tr("%1: cannot write: %2").arg(QDir::toNativeSeparators(manifestPath), file.errorString()));
    // The loader opens nothing outside a manifest's folder (DatasetFiles.h): refuse to write one that
    // would name a file there, rather than a manifest that cannot be opened.
    QStringList files{spec.items.path, spec.interactions.path};
    for (const VectorsFile &vectors : spec.vectors)
        files << vectors.path;
    for (const QString &path : files) {
        if (!path.isEmpty() && !resolvesInside(folder, QFileInfo(path).absoluteFilePath())) {
            file.cancelWriting();
            return makeError(tr("%1 lies outside %2, and a manifest may only name files inside its own folder. Save the "
                                "manifest in the data's folder or a folder above it (copy read-only data somewhere "
                                "writable first).")
                                 .arg(QDir::toNativeSeparators(path), QDir::toNativeSeparators(folder)));
        }
    }
    const QByteArray json = manifestJson(spec, folder);
    if (file.write(json) != json.size() || !file.commit())
        return makeError(tr("%1: cannot write: %2").arg(QDir::toNativeSeparators(manifestPath), file.errorString()));
    return {};
}

Result<NpyInfo> ManifestBuilder::readNpyHeader(const QString &path)
{
    const QString name = fileNameOf(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(tr("%1: cannot open: %2").arg(name, file.errorString()));
    const QByteArray start = file.read(12);
    if (start.size() < 10 || !start.startsWith("\x93NUMPY"))
        return makeError(tr("%1: not a NumPy .npy file (it does not start with \\x93NUMPY)").arg(name));
    const int major = uchar(start[6]);
    qint64 headerLength = 0;
    qint64 headerStart = 0;
    if (major == 1) {
        headerLength = uchar(start[8]) | (qint64(uchar(start[9])) << 8);
        headerStart = 10;
    } else if ((major == 2 || major == 3) && start.size() == 12) {
        for (int i = 0; i < 4; ++i)
            headerLength |= qint64(uchar(start[8 + i])) << (8 * i);
        headerStart = 12;
    } else {
        return makeError(tr("%1: .npy format version %2 is not supported; expected 1, 2 or 3").arg(name).arg(major));
    }
    if (headerLength <= 0 || headerLength > (qint64(1) << 20))
        return makeError(tr("%1: damaged .npy header").arg(name));
    file.seek(headerStart);
    const QString header = QString::fromLatin1(file.read(headerLength));
    static const QRegularExpression descr(QStringLiteral("'descr'\\s*:\\s*'([^']*)'"));
    static const QRegularExpression fortran(QStringLiteral("'fortran_order'\\s*:\\s*(True|False)"));
    static const QRegularExpression shape(QStringLiteral("'shape'\\s*:\\s*\\(([^)]*)\\)"));
    const QRegularExpressionMatch d = descr.match(header);
    const QRegularExpressionMatch f = fortran.match(header);
    const QRegularExpressionMatch s = shape.match(header);
    if (!d.hasMatch() || !f.hasMatch() || !s.hasMatch())
        return makeError(tr("%1: damaged .npy header").arg(name));
    NpyInfo info;
    info.dtype = d.captured(1);
    info.fortranOrder = f.captured(1) == QLatin1String("True");
    for (const QString &part : s.captured(1).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const qint64 value = part.trimmed().toLongLong(&ok);
        if (!ok)
            return makeError(tr("%1: damaged .npy header").arg(name));
        info.shape.push_back(value);
    }
    if (info.shape.size() != 2) {
        return makeError(tr("%1: holds an array of %2 dimensions; expected a matrix (one row of numbers per item)")
                             .arg(name).arg(info.shape.size()));
    }
    return info;
}

QString ManifestBuilder::delimiterName(char delimiter)
{
    switch (delimiter) {
    case ',': return tr("comma");
    case '\t': return tr("tab");
    case ';': return tr("semicolon");
    case '|': return tr("pipe");
    case ' ': return tr("space");
    default: break;
    }
    return QStringLiteral("\u201C%1\u201D").arg(QLatin1Char(delimiter));
}

bool ManifestBuilder::manifestSupportsDelimiter(char delimiter)
{
    return delimiter == ',' || delimiter == '\t' || delimiter == ';' || delimiter == '|';
}

} // namespace fl
