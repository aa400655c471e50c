// Why one file (about 1100 lines):
// The manifest format is read in one pass, key by key, with one error style (file, line, column, what was
// expected) and the manifest's own limits (paths inside the dataset, counts). Its parts (tables,
// modalities, .npy vectors, image patterns) share the reader's state and messages.

#include "engine/data/ManifestLoader.h"

#include "engine/data/CsvReader.h"
#include "engine/data/DatasetFiles.h"
#include "engine/data/ImageFiles.h"
#include "engine/data/Interactions.h"
#include "engine/data/Npy.h"
#include "engine/data/PathPattern.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace fl {

namespace {

constexpr qint64 kMaxManifestBytes = qint64(16) << 20;
const QString kKinds = QStringLiteral("\"text\", \"image\", \"numeric\" or \"vectors\"");

// The translation context of this file's messages; lupdate reads it from the macro.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(fl::ManifestLoader)
};

// Where each key and array element of a (valid) JSON text starts, so that messages about the
// manifest can name a line; QJsonDocument keeps no positions. Paths look like "items.file" or
// "modalities[1].kind".
class JsonPositions
{
public:
    explicit JsonPositions(const QByteArray &json)
        : m_json(json)
    {
        skipSpace();
        value(QString());
    }

    // The line of path, or of its closest ancestor that was found.
    int line(QString path) const
    {
        for (;;) {
            const auto found = m_offsets.constFind(path);
            if (found != m_offsets.constEnd())
                return lineOf(*found);
            const qsizetype cut = std::max(path.lastIndexOf(QLatin1Char('.')), path.lastIndexOf(QLatin1Char('[')));
            if (cut <= 0)
                return 1;
            path.truncate(cut);
        }
    }

    int lineOf(qsizetype offset) const
    {
        int line = 1;
        for (qsizetype i = 0; i < offset && i < m_json.size(); ++i) {
            if (m_json[i] == '\n')
                ++line;
        }
        return line;
    }

private:
    bool atEnd() const { return m_pos >= m_json.size(); }
    char peek() const { return atEnd() ? '\0' : m_json[m_pos]; }

    void skipSpace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++m_pos;
    }

    QString string()
    {
        ++m_pos;
        const qsizetype begin = m_pos;
        while (!atEnd() && peek() != '"') {
            if (peek() == '\\')
                ++m_pos;
            ++m_pos;
        }
        const QString text = QString::fromUtf8(m_json.constData() + begin, m_pos - begin);
        ++m_pos;
        return text;
    }

    void value(const QString &path)
    {
        skipSpace();
        const char c = peek();
        if (c == '{') {
            ++m_pos;
            for (;;) {
                skipSpace();
                if (atEnd() || peek() == '}')
                    break;
                if (peek() == ',') {
                    ++m_pos;
                    continue;
                }
                const qsizetype keyOffset = m_pos;
                const QString key = string();
                const QString child = path.isEmpty() ? key : path + QLatin1Char('.') + key;
                m_offsets.insert(child, keyOffset);
                skipSpace();
                if (peek() == ':')
                    ++m_pos;
                value(child);
            }
            ++m_pos;
        } else if (c == '[') {
            ++m_pos;
            int index = 0;
            for (;;) {
                skipSpace();
                if (atEnd() || peek() == ']')
                    break;
                if (peek() == ',') {
                    ++m_pos;
                    continue;
                }
                const QString child = QStringLiteral("%1[%2]").arg(path).arg(index++);
                m_offsets.insert(child, m_pos);
                value(child);
            }
            ++m_pos;
        } else if (c == '"') {
            string();
        } else {
            while (!atEnd() && peek() != ',' && peek() != '}' && peek() != ']' && peek() != ' '
                   && peek() != '\n' && peek() != '\r' && peek() != '\t')
                ++m_pos;
        }
    }

    QByteArray m_json;
    qsizetype m_pos = 0;
    QHash<QString, qsizetype> m_offsets;
};

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return Tr::tr("a boolean");
    case QJsonValue::Double: return Tr::tr("a number");
    case QJsonValue::String: return Tr::tr("a string");
    case QJsonValue::Array: return Tr::tr("a list");
    case QJsonValue::Object: return Tr::tr("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("nothing");
}

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

// A column named by the manifest, with the JSON key that named it (for messages).
struct ColumnRef
{
    QString name;
    QString key;
    bool isSet() const { return !key.isEmpty(); }
};

struct FileSpec
{
    QString name;                 // as written in the manifest
    QString path;                 // resolved
    QString key;                  // "items" or "interactions"
    CsvOptions options;
};

struct ModalitySpec
{
    QString name;
    QString key;                  // "modalities[2]"
    ModalityKind kind = ModalityKind::Text;
    std::vector<ColumnRef> columns;   // text, numeric
    QString pattern;                  // image: path pattern with {column} placeholders
    ColumnRef pathColumn;             // image: a column holding the path
    QString fileName;                 // vectors: the .npy file as written in the manifest
    QString filePath;                 // vectors: resolved
};

struct Manifest
{
    QString name;
    FileSpec items;
    ColumnRef itemId;
    ColumnRef itemTitle;
    ColumnRef itemCategory;
    // Item texts in several languages: "title_columns": {"en": "title_en", "zh": "title_zh"}, and
    // the same for descriptions and categories.
    struct LocalizedColumn
    {
        QString language;
        QStringList ItemTexts::*field;
        ColumnRef column;
    };
    std::vector<LocalizedColumn> localizedColumns;
    FileSpec interactions;
    ColumnRef user;
    ColumnRef item;
    ColumnRef rating;
    ColumnRef timestamp;
    std::vector<ModalitySpec> modalities;
};

// Turns the JSON into a Manifest, checking every key and type; nothing is read from the data files.
class ManifestParser
{
public:
    ManifestParser(QString label, QString folder, const QByteArray &json, QJsonObject root)
        : m_label(std::move(label))
        , m_folder(std::move(folder))
        , m_positions(json)
        , m_root(std::move(root))
    {
    }

    Result<Manifest> parse()
    {
        Manifest manifest;
        if (Result<void> ok = checkKeys(m_root, QString(), {"fusionlab_manifest", "name", "items", "interactions", "modalities"}); !ok)
            return makeError(ok.error());

        const QJsonValue version = m_root.value(QLatin1String("fusionlab_manifest"));
        if (version.isUndefined()) {
            return error(QString(), Tr::tr("missing required key \"fusionlab_manifest\"; expected "
                                                   "\"fusionlab_manifest\": %1 to mark a FusionLab manifest")
                                        .arg(kManifestVersion));
        }
        if (!version.isDouble())
            return typeError(QStringLiteral("fusionlab_manifest"), QStringLiteral("the number %1").arg(kManifestVersion), version);
        if (version.toDouble() != kManifestVersion) {
            return error(QStringLiteral("fusionlab_manifest"),
                         Tr::tr("unsupported \"fusionlab_manifest\" version %1; this FusionLab reads "
                                        "version %2")
                             .arg(version.toDouble())
                             .arg(kManifestVersion));
        }

        const QJsonValue name = m_root.value(QLatin1String("name"));
        if (!name.isUndefined() && !name.isString())
            return typeError(QStringLiteral("name"), QStringLiteral("a string"), name);
        manifest.name = name.toString();

        Result<QJsonObject> items = object(m_root, QStringLiteral("items"),
                                           QStringLiteral("{\"file\": \"items.csv\", \"id\": \"item_id\"}"));
        if (!items)
            return makeError(items.error());
        if (Result<void> ok = checkKeys(*items, QStringLiteral("items"),
                                        {"file", "delimiter", "encoding", "header", "quote", "id", "title", "category",
                                         "title_columns", "description_columns", "category_columns"});
            !ok)
            return makeError(ok.error());
        if (Result<FileSpec> spec = fileSpec(*items, QStringLiteral("items")); spec)
            manifest.items = std::move(*spec);
        else
            return makeError(spec.error());

        Result<QJsonObject> interactions = object(m_root, QStringLiteral("interactions"),
            QStringLiteral("{\"file\": \"ratings.csv\", \"user\": \"user_id\", \"item\": \"item_id\"}"));
        if (!interactions)
            return makeError(interactions.error());
        if (Result<void> ok = checkKeys(*interactions, QStringLiteral("interactions"),
                                        {"file", "delimiter", "encoding", "header", "quote", "user", "item", "rating", "timestamp"});
            !ok)
            return makeError(ok.error());
        if (Result<FileSpec> spec = fileSpec(*interactions, QStringLiteral("interactions")); spec)
            manifest.interactions = std::move(*spec);
        else
            return makeError(spec.error());

        struct Wanted
        {
            const QJsonObject *object;
            QString section;
            const char *key;
            bool required;
            const char *meaning;
            ColumnRef *target;
        };
        const Wanted wanted[] = {
            {&*items, QStringLiteral("items"), "id", true, "the column holding item ids", &manifest.itemId},
            {&*items, QStringLiteral("items"), "title", false, "", &manifest.itemTitle},
            {&*items, QStringLiteral("items"), "category", false, "", &manifest.itemCategory},
            {&*interactions, QStringLiteral("interactions"), "user", true, "the column holding user ids", &manifest.user},
            {&*interactions, QStringLiteral("interactions"), "item", true, "the column holding item ids", &manifest.item},
            {&*interactions, QStringLiteral("interactions"), "rating", false, "", &manifest.rating},
            {&*interactions, QStringLiteral("interactions"), "timestamp", false, "", &manifest.timestamp},
        };
        for (const Wanted &w : wanted) {
            Result<ColumnRef> column = columnKey(*w.object, w.section, QLatin1String(w.key));
            if (!column)
                return makeError(column.error());
            if (!column->isSet() && w.required) {
                return error(w.section, Tr::tr("\"%1\" is missing required key \"%2\" (%3)")
                                            .arg(w.section, QLatin1String(w.key), QLatin1String(w.meaning)));
            }
            *w.target = std::move(*column);
        }

        const std::pair<const char *, QStringList ItemTexts::*> localized[] = {
            {"title_columns", &ItemTexts::titles},
            {"description_columns", &ItemTexts::descriptions},
            {"category_columns", &ItemTexts::categories},
        };
        for (const auto &[key, field] : localized) {
            const QString path = QStringLiteral("items.") + QLatin1String(key);
            const QJsonValue value = items->value(QLatin1String(key));
            if (value.isUndefined())
                continue;
            if (!value.isObject())
                return typeError(path, Tr::tr("an object of a column per language, like {\"en\": \"title_en\", \"zh\": \"title_zh\"}"), value);
            const QJsonObject columns = value.toObject();
            for (auto it = columns.begin(); it != columns.end(); ++it) {
                if (QLocale(it.key()).language() == QLocale::C) {
                    return error(path + QLatin1Char('.') + it.key(),
                                 Tr::tr("\"%1\" is not a language code; expected one such as \"en\" or \"zh\"").arg(it.key()));
                }
                Result<ColumnRef> column = columnValue(it.value(), path + QLatin1Char('.') + it.key());
                if (!column)
                    return makeError(column.error());
                manifest.localizedColumns.push_back({it.key(), field, std::move(*column)});
            }
        }

        Result<std::vector<ModalitySpec>> modalities = modalityList();
        if (!modalities)
            return makeError(modalities.error());
        manifest.modalities = std::move(*modalities);
        return manifest;
    }

    QString at(const QString &key) const
    {
        return QStringLiteral("%1:%2").arg(m_label).arg(m_positions.line(key));
    }

    // Names and values quoted from the manifest keep their control characters escaped.
    Error error(const QString &key, const QString &what) const
    {
        return makeError(at(key) + QStringLiteral(": ") + excerpt(what, int(what.size())));
    }

private:
    Error typeError(const QString &key, const QString &expected, const QJsonValue &found) const
    {
        return error(key, Tr::tr("%1: expected %2 but found %3").arg(key, expected, jsonTypeName(found)));
    }

    Result<void> checkKeys(const QJsonObject &object, const QString &section, std::initializer_list<const char *> known) const
    {
        QStringList allowed;
        for (const char *key : known)
            allowed.append(QLatin1String(key));
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!allowed.contains(it.key())) {
                const QString where = section.isEmpty() ? Tr::tr("the manifest") : quoted(section);
                const QString key = section.isEmpty() ? it.key() : section + QLatin1Char('.') + it.key();
                return error(key, Tr::tr("unknown key \"%1\" in %2; expected one of: %3")
                                      .arg(it.key(), where, allowed.join(QStringLiteral(", "))));
            }
        }
        return {};
    }

    Result<QJsonObject> object(const QJsonObject &parent, const QString &key, const QString &example) const
    {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined())
            return error(QString(), Tr::tr("missing required key \"%1\"; expected an object like %2").arg(key, example));
        if (!value.isObject())
            return typeError(key, Tr::tr("an object like ") + example, value);
        return value.toObject();
    }

    Result<FileSpec> fileSpec(const QJsonObject &object, const QString &section) const
    {
        FileSpec spec;
        spec.key = section;
        const QJsonValue file = object.value(QLatin1String("file"));
        if (file.isUndefined())
            return error(section, Tr::tr("\"%1\" is missing required key \"file\" (the table's file name, "
                                                 "relative to the manifest)").arg(section));
        if (!file.isString() || file.toString().trimmed().isEmpty())
            return typeError(section + QStringLiteral(".file"), QStringLiteral("a file name"), file);
        spec.name = file.toString().trimmed();
        Result<QString> path = resolve(spec.name, section + QStringLiteral(".file"));
        if (!path)
            return makeError(path.error());
        spec.path = *path;
        spec.options.label = spec.name;
        spec.options.folder = m_folder;
        spec.options.delimiter = defaultCsvDelimiter(spec.name);

        const QString delimiterKey = section + QStringLiteral(".delimiter");
        const QJsonValue delimiter = object.value(QLatin1String("delimiter"));
        if (!delimiter.isUndefined()) {
            const QString text = delimiter.toString();
            if (text == QLatin1String(",") || text == QLatin1String(";") || text == QLatin1String("|"))
                spec.options.delimiter = text[0].toLatin1();
            else if (text == QLatin1String("\t") || text.compare(QLatin1String("tab"), Qt::CaseInsensitive) == 0)
                spec.options.delimiter = '\t';
            else
                return error(delimiterKey, Tr::tr("%1: expected \",\", \"\\t\" (or \"tab\"), \";\" or \"|\"")
                                               .arg(delimiterKey));
        }

        const QString encodingKey = section + QStringLiteral(".encoding");
        const QJsonValue encoding = object.value(QLatin1String("encoding"));
        if (!encoding.isUndefined()) {
            const QString text = encoding.toString().toLower();
            if (text == QLatin1String("utf-8") || text == QLatin1String("utf8"))
                spec.options.encoding = CsvEncoding::Utf8;
            else if (text == QLatin1String("latin-1") || text == QLatin1String("latin1") || text == QLatin1String("iso-8859-1"))
                spec.options.encoding = CsvEncoding::Latin1;
            else
                return error(encodingKey, Tr::tr("%1: expected \"utf-8\" or \"latin-1\"").arg(encodingKey));
        }

        const QJsonValue header = object.value(QLatin1String("header"));
        if (!header.isUndefined()) {
            if (!header.isBool())
                return typeError(section + QStringLiteral(".header"), QStringLiteral("true or false"), header);
            spec.options.hasHeader = header.toBool();
        }

        const QJsonValue quote = object.value(QLatin1String("quote"));
        if (!quote.isUndefined()) {
            if (!quote.isBool())
                return typeError(section + QStringLiteral(".quote"), QStringLiteral("true or false"), quote);
            spec.options.quoting = quote.toBool();
        }
        return spec;
    }

    // The file a path key names, checked to stay inside the manifest's folder before anything is opened.
    Result<QString> resolve(const QString &name, const QString &key) const
    {
        Result<QString> path = resolveInsideFolder(m_folder, name, quoted(key));
        if (!path)
            return error(key, path.error());
        if (const FileKind kind = fileKind(*path); kind != FileKind::Regular && kind != FileKind::Missing) {
            return error(key, Tr::tr("%1 is \"%2\", %3; expected a regular file")
                                  .arg(quoted(key), excerpt(name, 200), fileKindName(kind)));
        }
        return path;
    }

    // A column name: a string, or a 1-based position (a number) for files without a header.
    Result<ColumnRef> columnValue(const QJsonValue &value, const QString &key) const
    {
        ColumnRef column;
        column.key = key;
        if (value.isString() && !value.toString().trimmed().isEmpty()) {
            column.name = value.toString().trimmed();
            return column;
        }
        if (value.isDouble() && value.toDouble() >= 1 && value.toDouble() == std::floor(value.toDouble())) {
            column.name = QString::number(qint64(value.toDouble()));
            return column;
        }
        return typeError(key, Tr::tr("a column name"), value);
    }

    Result<ColumnRef> columnKey(const QJsonObject &object, const QString &section, const QString &key) const
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            return ColumnRef{};
        return columnValue(value, section + QLatin1Char('.') + key);
    }

    Result<std::vector<ModalitySpec>> modalityList() const
    {
        std::vector<ModalitySpec> list;
        const QJsonValue value = m_root.value(QLatin1String("modalities"));
        if (value.isUndefined())
            return list;
        if (!value.isArray())
            return typeError(QStringLiteral("modalities"), QStringLiteral("a list of modalities"), value);
        const QJsonArray array = value.toArray();
        if (array.size() > kMaxModalities) {
            return error(QStringLiteral("modalities"),
                         Tr::tr("\"modalities\" lists %1 modalities; expected at most %2")
                             .arg(array.size()).arg(kMaxModalities));
        }
        QHash<QString, QString> keyByName;
        for (int i = 0; i < array.size(); ++i) {
            const QString key = QStringLiteral("modalities[%1]").arg(i);
            if (!array[i].isObject())
                return typeError(key, Tr::tr("an object like {\"name\": \"text\", \"kind\": \"text\", ...}"), array[i]);
            Result<ModalitySpec> spec = modality(array[i].toObject(), key, i + 1);
            if (!spec)
                return makeError(spec.error());
            if (keyByName.contains(spec->name)) {
                return error(key, Tr::tr("modality name '%1' is used twice (lines %2 and %3); modality names "
                                                 "must be unique")
                                      .arg(spec->name)
                                      .arg(m_positions.line(keyByName[spec->name] + QStringLiteral(".name")))
                                      .arg(m_positions.line(key + QStringLiteral(".name"))));
            }
            keyByName.insert(spec->name, key);
            list.push_back(std::move(*spec));
        }
        return list;
    }

    Result<std::vector<ColumnRef>> columnList(const QJsonObject &object, const QString &key, const QString &modality) const
    {
        const QString columnsKey = key + QStringLiteral(".columns");
        const QJsonValue value = object.value(QLatin1String("columns"));
        if (value.isUndefined()) {
            return error(key, Tr::tr("modality '%1' is missing \"columns\"; expected a list of column names")
                                  .arg(modality));
        }
        if (!value.isArray() || value.toArray().isEmpty())
            return typeError(columnsKey, Tr::tr("a non-empty list of column names"), value);
        std::vector<ColumnRef> columns;
        const QJsonArray array = value.toArray();
        if (array.size() > kMaxColumns) {
            return error(columnsKey, Tr::tr("modality '%1' lists %2 columns; expected at most %3")
                                         .arg(modality).arg(array.size()).arg(kMaxColumns));
        }
        for (int i = 0; i < array.size(); ++i) {
            Result<ColumnRef> column = columnValue(array[i], QStringLiteral("%1[%2]").arg(columnsKey).arg(i));
            if (!column)
                return makeError(column.error());
            columns.push_back(std::move(*column));
        }
        return columns;
    }

    Result<ModalitySpec> modality(const QJsonObject &object, const QString &key, int number) const
    {
        ModalitySpec spec;
        spec.key = key;
        const QJsonValue name = object.value(QLatin1String("name"));
        if (!name.isString() || name.toString().trimmed().isEmpty())
            return error(key, Tr::tr("modality %1 has no \"name\"; expected a non-empty string").arg(number));
        spec.name = name.toString().trimmed();

        const QJsonValue kind = object.value(QLatin1String("kind"));
        const QString kindKey = key + QStringLiteral(".kind");
        const QString kindText = kind.toString();
        if (kind.isUndefined())
            return error(key, Tr::tr("modality '%1' has no \"kind\"; expected %2").arg(spec.name, kKinds));
        if (kindText == QLatin1String("vectors")) {
            spec.kind = ModalityKind::Vectors;
            if (Result<void> ok = checkKeys(object, key, {"name", "kind", "file"}); !ok)
                return makeError(ok.error());
            const QJsonValue file = object.value(QLatin1String("file"));
            if (file.isUndefined()) {
                return error(key, Tr::tr("modality '%1' is missing \"file\"; expected a NumPy .npy file with one row per "
                                     "item, such as \"file\": \"clip.npy\"")
                                      .arg(spec.name));
            }
            if (!file.isString() || file.toString().trimmed().isEmpty())
                return typeError(key + QStringLiteral(".file"), Tr::tr("a .npy file name"), file);
            spec.fileName = file.toString().trimmed();
            Result<QString> path = resolve(spec.fileName, key + QStringLiteral(".file"));
            if (!path)
                return makeError(path.error());
            spec.filePath = *path;
        } else if (kindText == QLatin1String("text") || kindText == QLatin1String("numeric")) {
            spec.kind = kindText == QLatin1String("text") ? ModalityKind::Text : ModalityKind::Numeric;
            if (Result<void> ok = checkKeys(object, key, {"name", "kind", "columns"}); !ok)
                return makeError(ok.error());
            Result<std::vector<ColumnRef>> columns = columnList(object, key, spec.name);
            if (!columns)
                return makeError(columns.error());
            spec.columns = std::move(*columns);
        } else if (kindText == QLatin1String("image")) {
            spec.kind = ModalityKind::Image;
            if (Result<void> ok = checkKeys(object, key, {"name", "kind", "path", "column"}); !ok)
                return makeError(ok.error());
            const QJsonValue path = object.value(QLatin1String("path"));
            const QJsonValue column = object.value(QLatin1String("column"));
            if (path.isUndefined() == column.isUndefined()) {
                return error(key, Tr::tr("modality '%1': expected either \"path\" (a pattern such as "
                                                 "\"images/{item_id}.png\") or \"column\" (a column holding each "
                                                 "item's image path), exactly one of them")
                                      .arg(spec.name));
            }
            if (!path.isUndefined()) {
                if (!path.isString() || path.toString().trimmed().isEmpty())
                    return typeError(key + QStringLiteral(".path"), QStringLiteral("a path pattern"), path);
                spec.pattern = path.toString().trimmed();
                if (Result<QString> inside = resolve(spec.pattern, key + QStringLiteral(".path")); !inside)
                    return makeError(inside.error());
            } else {
                Result<ColumnRef> ref = columnValue(column, key + QStringLiteral(".column"));
                if (!ref)
                    return makeError(ref.error());
                spec.pathColumn = std::move(*ref);
            }
        } else {
            return error(kind.isString() ? kindKey : key,
                         Tr::tr("modality '%1' has unknown kind %2; expected %3")
                             .arg(spec.name, kind.isString() ? quoted(kindText) : jsonTypeName(kind), kKinds));
        }
        return spec;
    }

    QString m_label;
    QString m_folder;
    JsonPositions m_positions;
    QJsonObject m_root;
};

// An image path pattern split into literal text and column placeholders.
struct PatternPiece
{
    QString literal;
    int column = -1;
};

struct ModalityBuild
{
    const ModalitySpec *spec = nullptr;
    std::vector<int> columns;
    std::vector<PatternPiece> pieces;
    int pathColumn = -1;
    std::vector<double> values;   // numeric, row-major
    NpyHeader npy;                // vectors
    ModalitySource source;
};

// Reads the files a Manifest names into a Dataset.
class DatasetBuilder
{
public:
    DatasetBuilder(const Manifest &manifest, const ManifestParser &parser, QString folder)
        : m_manifest(manifest)
        , m_parser(parser)
        , m_folder(std::move(folder))
        , m_items(manifest.items.options)
        , m_interactions(manifest.interactions.options)
    {
    }

    Result<Dataset> build(Dataset dataset, const ProgressFn &progress)
    {
        if (Result<void> ok = openFile(m_items, m_manifest.items); !ok)
            return makeError(ok.error());
        if (Result<void> ok = openFile(m_interactions, m_manifest.interactions); !ok)
            return makeError(ok.error());
        if (Result<void> ok = resolveColumns(); !ok)
            return makeError(ok.error());

        // Progress in proportion to bytes: the items file, the interactions file, then the .npy files.
        double vectorBytes = 0;
        for (const ModalityBuild &build : m_modalities)
            vectorBytes += build.spec->kind == ModalityKind::Vectors ? double(QFileInfo(build.spec->filePath).size()) : 0.0;
        const double total = std::max(1.0, double(m_items.byteSize()) + double(m_interactions.byteSize()) + vectorBytes);
        double start = 0;
        auto part = [&](double bytes) {
            const double from = start / total;
            start += bytes;
            return progressPart(progress, from, start / total);
        };
        const ProgressFn itemProgress = part(double(m_items.byteSize()));
        const ProgressFn interactionProgress = part(double(m_interactions.byteSize()));

        if (Result<void> ok = readItems(dataset, itemProgress); !ok)
            return makeError(ok.error());
        if (Result<void> ok = checkVectorRows(dataset); !ok)
            return makeError(ok.error());
        InteractionColumns columns;
        columns.user = m_userColumn;
        columns.item = m_itemColumn;
        columns.rating = m_ratingColumn;
        columns.timestamp = m_timestampColumn;
        columns.userName = m_manifest.user.name;
        columns.itemName = m_manifest.item.name;
        columns.ratingName = m_manifest.rating.name;
        columns.timestampName = m_manifest.timestamp.name;
        InteractionOptions options;
        options.itemsFile = m_manifest.items.name;
        IdIndex userIndex;
        if (Result<void> ok = readInteractions(m_interactions, columns, userIndex, m_itemIndex, options, dataset,
                                               interactionProgress);
            !ok)
            return makeError(ok.error());

        for (ModalityBuild &build : m_modalities) {
            if (build.spec->kind == ModalityKind::Numeric) {
                const int width = int(build.columns.size());
                build.source.values = Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
                    build.values.data(), dataset.itemCount(), width);
            }
            if (build.spec->kind == ModalityKind::Vectors) {
                Result<NpyArray> array = readNpy(build.spec->filePath, part(double(QFileInfo(build.spec->filePath).size())),
                                                 build.spec->fileName);
                if (!array)
                    return makeError(array.error());
                build.source = vectorsModality(build.spec->name, build.source.origin, std::move(array->values));
            }
            if (build.spec->kind == ModalityKind::Image)
                markUnreadableImages(build.source);
            dataset.modalities.push_back(std::move(build.source));
        }
        return dataset;
    }

private:
    // One row per item, in the items file's order; checked before the interactions and the data are read.
    Result<void> checkVectorRows(const Dataset &dataset) const
    {
        for (const ModalityBuild &build : m_modalities) {
            if (build.spec->kind != ModalityKind::Vectors)
                continue;
            const ModalitySpec &spec = *build.spec;
            if (build.npy.rows() != dataset.itemCount()) {
                return m_parser.error(spec.key + QStringLiteral(".file"),
                                      Tr::tr("modality '%1': %2 has %3 rows but %4 has %5 items; expected one row per "
                                         "item, in the items file's order")
                                          .arg(spec.name, spec.fileName).arg(build.npy.rows())
                                          .arg(m_manifest.items.name).arg(dataset.itemCount()));
            }
            if (build.npy.cols() == 0) {
                return m_parser.error(spec.key + QStringLiteral(".file"),
                                      Tr::tr("modality '%1': %2 has shape %3 (no columns); expected at least one value "
                                         "per item")
                                          .arg(spec.name, spec.fileName)
                                          .arg(QStringLiteral("(%1, 0)").arg(build.npy.rows())));
            }
        }
        return {};
    }


    Result<void> openFile(CsvReader &reader, const FileSpec &spec)
    {
        if (!QFileInfo::exists(spec.path)) {
            return m_parser.error(spec.key + QStringLiteral(".file"),
                                  Tr::tr("%1 file \"%2\" does not exist (looked for %3)")
                                      .arg(spec.key, spec.name, QDir::toNativeSeparators(spec.path)));
        }
        return reader.open(spec.path);
    }

    Result<int> column(const CsvReader &reader, const ColumnRef &ref)
    {
        const int index = reader.columnIndex(ref.name);
        const QString namedBy = QStringLiteral("%1, %2").arg(m_parser.at(ref.key), ref.key);
        if (index < 0) {
            if (!reader.options().hasHeader) {
                return makeError(Tr::tr("%1: column %2 (named in %3) does not exist; the file has %4 columns, "
                                                "named 1 to %4 by position because \"header\" is false")
                                     .arg(reader.label(), quoted(excerpt(ref.name)), namedBy)
                                     .arg(reader.columnCount()));
            }
            return makeError(Tr::tr("%1:1: column %2 (named in %3) is not in the header; the header has: %4")
                                 .arg(reader.label(), quoted(excerpt(ref.name)), namedBy, reader.headerText()));
        }
        const int again = int(reader.header().indexOf(ref.name, index + 1));
        if (again >= 0) {
            return makeError(Tr::tr("%1:1: column %2 (named in %3) appears twice in the header (columns %4 "
                                            "and %5); rename one of them")
                                 .arg(reader.label(), quoted(ref.name), namedBy)
                                 .arg(index + 1)
                                 .arg(again + 1));
        }
        return index;
    }

    Result<void> resolveColumns()
    {
        auto resolve = [&](const CsvReader &reader, const ColumnRef &ref, int &target) -> Result<void> {
            target = -1;
            if (!ref.isSet())
                return {};
            Result<int> index = column(reader, ref);
            if (!index)
                return makeError(index.error());
            target = *index;
            return {};
        };
        const std::pair<const ColumnRef *, int *> itemColumns[] = {
            {&m_manifest.itemId, &m_idColumn}, {&m_manifest.itemTitle, &m_titleColumn},
            {&m_manifest.itemCategory, &m_categoryColumn}};
        for (const auto &[ref, target] : itemColumns) {
            if (Result<void> ok = resolve(m_items, *ref, *target); !ok)
                return ok;
        }
        m_localizedColumns.assign(m_manifest.localizedColumns.size(), -1);
        for (size_t i = 0; i < m_localizedColumns.size(); ++i) {
            if (Result<void> ok = resolve(m_items, m_manifest.localizedColumns[i].column, m_localizedColumns[i]); !ok)
                return ok;
        }
        const std::pair<const ColumnRef *, int *> interactionColumns[] = {
            {&m_manifest.user, &m_userColumn}, {&m_manifest.item, &m_itemColumn},
            {&m_manifest.rating, &m_ratingColumn}, {&m_manifest.timestamp, &m_timestampColumn}};
        for (const auto &[ref, target] : interactionColumns) {
            if (Result<void> ok = resolve(m_interactions, *ref, *target); !ok)
                return ok;
        }

        for (const ModalitySpec &spec : m_manifest.modalities) {
            ModalityBuild build;
            build.spec = &spec;
            build.source.name = spec.name;
            build.source.kind = spec.kind;
            QStringList originParts;
            for (const ColumnRef &ref : spec.columns) {
                int index = -1;
                if (Result<void> ok = resolve(m_items, ref, index); !ok)
                    return ok;
                build.columns.push_back(index);
                originParts.append(ref.name);
            }
            if (spec.pathColumn.isSet()) {
                if (Result<void> ok = resolve(m_items, spec.pathColumn, build.pathColumn); !ok)
                    return ok;
                originParts.append(spec.pathColumn.name);
            }
            if (!spec.pattern.isEmpty()) {
                if (Result<void> ok = splitPattern(spec, build.pieces); !ok)
                    return ok;
                originParts.append(spec.pattern);
            }
            build.source.origin = QStringLiteral("%1: %2").arg(m_manifest.items.name, originParts.join(QStringLiteral(", ")));
            if (spec.kind == ModalityKind::Vectors) {
                if (!QFileInfo::exists(spec.filePath)) {
                    return m_parser.error(spec.key + QStringLiteral(".file"),
                                          Tr::tr("modality '%1': file \"%2\" does not exist (looked for %3)")
                                              .arg(spec.name, spec.fileName, QDir::toNativeSeparators(spec.filePath)));
                }
                if (const FileKind kind = fileKind(spec.filePath); kind != FileKind::Regular) {
                    return m_parser.error(spec.key + QStringLiteral(".file"),
                                          Tr::tr("modality '%1': \"%2\" is %3, not a regular file; expected a NumPy .npy file")
                                              .arg(spec.name, spec.fileName, fileKindName(kind)));
                }
                Result<NpyHeader> header = readNpyHeader(spec.filePath, spec.fileName);
                if (!header)
                    return makeError(header.error());
                build.npy = std::move(*header);
                build.source.origin = spec.fileName;
            }
            m_modalities.push_back(std::move(build));
        }
        return {};
    }

    Result<void> splitPattern(const ModalitySpec &spec, std::vector<PatternPiece> &pieces)
    {
        const QString &pattern = spec.pattern;
        const QString key = spec.key + QStringLiteral(".path");
        const PathPattern parsed = parsePathPattern(pattern);
        if (parsed.unclosedAt >= 0) {
            return m_parser.error(key, Tr::tr("modality '%1': the path pattern \"%2\" has a \"{\" without a "
                                          "closing \"}\"; expected {column} placeholders")
                                           .arg(spec.name, pattern));
        }
        if (parsed.placeholders.isEmpty()) {
            return m_parser.error(key, Tr::tr("modality '%1': the path pattern \"%2\" has no {column} "
                                          "placeholder, so every item would get the same image")
                                           .arg(spec.name, pattern));
        }
        for (const PathPatternPiece &piece : parsed.pieces) {
            if (piece.placeholder.isEmpty()) {
                pieces.push_back({piece.literal, -1});
                continue;
            }
            Result<int> found = column(m_items, ColumnRef{piece.placeholder, key});
            if (!found)
                return makeError(found.error());
            pieces.push_back({QString(), *found});
        }
        return {};
    }

    // An item's image file, which must stay inside the dataset's folder like every path the manifest names.
    // A URL is kept as it is: it names no local file, so the item counts as missing its image.
    Result<QString> resolveImagePath(const ModalityBuild &build, const CsvRecord &record, const QString &path) const
    {
        static const QRegularExpression scheme(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]+://"));
        if (scheme.match(path).hasMatch())
            return path;
        Result<QString> resolved = resolveInsideFolder(
            m_folder, path, Tr::tr("the image path of modality '%1'").arg(build.spec->name));
        if (!resolved)
            return makeError(QStringLiteral("%1:%2: %3").arg(m_items.label()).arg(record.line()).arg(resolved.error()));
        return resolved;
    }

    Result<void> readItems(Dataset &dataset, const ProgressFn &progress)
    {
        const QString &label = m_items.label();
        std::vector<int> lineOfItem;
        Result<void> done = m_items.forEachRecord(
            [&](const CsvRecord &record) -> Result<void> {
                const QString id = record.text(m_idColumn).trimmed();
                if (id.isEmpty()) {
                    return makeError(Tr::tr("%1:%2: empty item id in column \"%3\"; expected an id on every line")
                                         .arg(label).arg(record.line()).arg(m_manifest.itemId.name));
                }
                const QByteArray key = id.toUtf8();
                if (Result<void> ok = checkIdCharacters(std::string_view(key.constData(), size_t(key.size())), IdKind::Item,
                                                        label, record.line(), m_manifest.itemId.name);
                    !ok)
                    return ok;
                bool added = false;
                const int item = m_itemIndex.insert(std::string_view(key.constData(), size_t(key.size())), added);
                if (!added) {
                    return makeError(Tr::tr("%1:%2: duplicate item id \"%3\" (also on line %4); expected each "
                                                    "item once")
                                         .arg(label).arg(record.line()).arg(excerpt(id)).arg(lineOfItem[size_t(item)]));
                }
                lineOfItem.push_back(record.line());
                dataset.itemIds.append(id);
                QString title = m_titleColumn >= 0 ? record.text(m_titleColumn).trimmed() : QString();
                dataset.itemTitles.append(title.isEmpty() ? id : title);
                if (m_categoryColumn >= 0)
                    dataset.itemCategories.append(record.text(m_categoryColumn).trimmed());
                for (size_t i = 0; i < m_localizedColumns.size(); ++i) {
                    const Manifest::LocalizedColumn &localized = m_manifest.localizedColumns[i];
                    (dataset.itemTexts[localized.language].*localized.field).append(record.text(m_localizedColumns[i]).trimmed());
                }
                for (ModalityBuild &build : m_modalities) {
                    if (Result<void> ok = addModalityItem(build, record); !ok)
                        return ok;
                }
                return {};
            },
            progress);
        if (!done)
            return done;
        if (dataset.itemCount() == 0) {
            return makeError(Tr::tr("%1:%2: expected an item after the header but found the end of the file")
                                 .arg(label).arg(m_items.firstDataLine()));
        }
        return {};
    }

    Result<void> addModalityItem(ModalityBuild &build, const CsvRecord &record)
    {
        ModalitySource &source = build.source;
        switch (build.spec->kind) {
        case ModalityKind::Text: {
            QStringList parts;
            for (int column : build.columns) {
                const QString text = record.text(column).trimmed();
                if (!text.isEmpty())
                    parts.append(text);
            }
            source.texts.append(parts.join(QLatin1Char('\n')));
            source.missing.push_back(parts.isEmpty());
            break;
        }
        case ModalityKind::Image: {
            QString path;
            bool missing = false;
            if (build.pathColumn >= 0) {
                path = record.text(build.pathColumn).trimmed();
                missing = path.isEmpty();
            } else {
                for (const PatternPiece &piece : build.pieces) {
                    if (piece.column < 0) {
                        path += piece.literal;
                        continue;
                    }
                    const QString value = record.text(piece.column).trimmed();
                    missing = missing || value.isEmpty();
                    path += value;
                }
            }
            QString resolved;
            if (!missing) {
                Result<QString> inside = resolveImagePath(build, record, path);
                if (!inside)
                    return makeError(inside.error());
                resolved = *inside;
            }
            source.imagePaths.append(resolved);
            source.missing.push_back(missing);
            break;
        }
        case ModalityKind::Numeric: {
            bool missing = false;
            bool nonFinite = false;
            const size_t rowStart = build.values.size();
            for (size_t c = 0; c < build.columns.size(); ++c) {
                double value = 0.0;
                const NumberStatus status = parseNumber(record.bytes(build.columns[c]), value);
                if (status == NumberStatus::NotNumber) {
                    return makeError(Tr::tr("%1:%2: column \"%3\" (modality '%4') holds \"%5\"; expected a "
                                                    "number (an empty cell, NaN or inf marks the item as missing)")
                                         .arg(m_items.label())
                                         .arg(record.line())
                                         .arg(build.spec->columns[c].name, build.spec->name,
                                              excerpt(record.text(build.columns[c]))));
                }
                missing = missing || status != NumberStatus::Ok;
                nonFinite = nonFinite || status == NumberStatus::NotFinite;
                build.values.push_back(status == NumberStatus::Ok ? value : 0.0);
            }
            // A missing item's row: NaN when the file held NaN or inf (so notes can say so), else zeros.
            if (missing)
                std::fill(build.values.begin() + qsizetype(rowStart), build.values.end(),
                          nonFinite ? std::numeric_limits<double>::quiet_NaN() : 0.0);
            source.missing.push_back(missing);
            break;
        }
        case ModalityKind::Vectors:
            break;
        }
        return {};
    }

    const Manifest &m_manifest;
    const ManifestParser &m_parser;
    QString m_folder;
    CsvReader m_items;
    CsvReader m_interactions;
    int m_idColumn = -1;
    int m_titleColumn = -1;
    int m_categoryColumn = -1;
    std::vector<int> m_localizedColumns;   // parallel to Manifest::localizedColumns
    int m_userColumn = -1;
    int m_itemColumn = -1;
    int m_ratingColumn = -1;
    int m_timestampColumn = -1;
    std::vector<ModalityBuild> m_modalities;
    IdIndex m_itemIndex;
};

QString folderOf(const QString &path)
{
    if (path.startsWith(QLatin1Char(':'))) {
        const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
        return slash > 0 ? path.left(slash) : QStringLiteral(":");
    }
    return QFileInfo(path).absolutePath();
}

} // namespace

Result<Dataset> loadManifest(const QString &manifestPath, const ProgressFn &progress)
{
    const QString &label = manifestPath;
    QFile file(manifestPath);
    if (!file.exists())
        return makeError(Tr::tr("%1: manifest not found; expected a FusionLab manifest.json").arg(label));
    if (QFileInfo(manifestPath).isDir())
        return makeError(Tr::tr("%1: is a folder; expected a manifest.json file").arg(label));
    if (const FileKind kind = fileKind(manifestPath); kind != FileKind::Regular)
        return makeError(Tr::tr("%1: is %2, not a regular file; expected a manifest.json file").arg(label, fileKindName(kind)));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Tr::tr("%1: cannot open: %2").arg(label, file.errorString()));
    if (file.size() > kMaxManifestBytes) {
        return makeError(Tr::tr("%1: %2 bytes is too large for a manifest; expected a small JSON file that "
                                        "names the data files")
                             .arg(label).arg(file.size()));
    }
    const QByteArray json = file.readAll();
    if (json.trimmed().isEmpty())
        return makeError(Tr::tr("%1 is empty; expected a JSON object with \"fusionlab_manifest\": %2")
                             .arg(label).arg(kManifestVersion));

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const qsizetype offset = std::clamp<qsizetype>(parseError.offset, 0, json.size());
        const qsizetype lineStart = json.lastIndexOf('\n', offset - 1) + 1;
        int line = 1;
        for (qsizetype i = 0; i < offset; ++i)
            line += json[i] == '\n' ? 1 : 0;
        return makeError(Tr::tr("%1:%2:%3: invalid JSON: %4 (at byte offset %5)")
                             .arg(label).arg(line).arg(offset - lineStart + 1)
                             .arg(parseError.errorString()).arg(offset));
    }
    if (!document.isObject())
        return makeError(Tr::tr("%1:1: expected a JSON object ({ … }) at the top level").arg(label));

    const QString folder = folderOf(manifestPath);
    ManifestParser parser(label, folder, json, document.object());
    Result<Manifest> manifest = parser.parse();
    if (!manifest)
        return makeError(manifest.error());

    Dataset dataset;
    dataset.name = manifest->name.isEmpty() ? QFileInfo(folder).fileName() : manifest->name;
    dataset.sourcePath = manifestPath.startsWith(QLatin1Char(':')) ? manifestPath : QFileInfo(manifestPath).absoluteFilePath();
    DatasetBuilder builder(*manifest, parser, folder);
    return builder.build(std::move(dataset), progress);
}

Result<Dataset> loadDataset(const QString &pathOrDemo, const ProgressFn &progress)
{
    if (pathOrDemo == QLatin1String("demo")) {
        if (!QFile::exists(kDemoManifestPath)) {
            return makeError(Tr::tr("%1: the built-in demo dataset is missing from this build; expected it "
                                            "in resources/demo")
                                 .arg(kDemoManifestPath));
        }
        return loadManifest(kDemoManifestPath, progress);
    }
    const QFileInfo info(pathOrDemo);
    if (!info.exists())
        return makeError(Tr::tr("%1: no such file or folder; expected a manifest.json, a folder holding one, "
                                        "or \"demo\"")
                             .arg(pathOrDemo));
    if (info.isDir()) {
        const QString manifest = QDir(pathOrDemo).filePath(QStringLiteral("manifest.json"));
        if (!QFileInfo::exists(manifest))
            return makeError(Tr::tr("%1: no manifest.json in this folder; expected a FusionLab manifest "
                                            "(see \"Dataset manifest\" in README.md)")
                                 .arg(pathOrDemo));
        return loadManifest(manifest, progress);
    }
    return loadManifest(pathOrDemo, progress);
}

} // namespace fl
