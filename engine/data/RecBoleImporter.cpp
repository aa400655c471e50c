#include "engine/data/RecBoleImporter.h"

#include "engine/data/CsvReader.h"
#include "engine/data/DatasetFiles.h"
#include "engine/data/Interactions.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <optional>
#include <string_view>
#include <vector>

namespace fl {

namespace {

// The translation context of this file's messages; lupdate reads it from the macro.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(fl::RecBoleImporter)
};

enum class FieldType { Token, TokenSeq, Float, FloatSeq };

struct Field
{
    QString name;
    QString header;               // "name:type", as written
    FieldType type = FieldType::Token;
    int column = -1;
};

const QStringList kAtomicSuffixes = {"inter", "item", "user", "kg", "link", "net"};

CsvOptions atomicOptions(const QString &fileName)
{
    CsvOptions options;
    options.delimiter = '\t';
    options.quoting = false;
    options.label = fileName;
    options.encodingHint = Tr::tr("RecBole's atomic files are UTF-8 (its \"encoding\" setting defaults to utf-8)");
    return options;
}

// The dataset's folder and NAME.inter: NAME is the folder's name, or the stem of the atomic file the path
// names, or the stem of the folder's only .inter file.
struct Location
{
    QDir folder;
    QString name;
    QString interFile() const { return name + QStringLiteral(".inter"); }
    QString itemFile() const { return name + QStringLiteral(".item"); }
};

Location locate(const QString &path)
{
    Location location;
    const QFileInfo info(path);
    location.folder = QDir(datasetFolder(path));
    if (!info.isDir() && kAtomicSuffixes.contains(info.suffix()))
        location.name = info.completeBaseName();
    else
        location.name = location.folder.dirName();
    if (!location.folder.exists(location.interFile())) {
        const QStringList inters = location.folder.entryList({QStringLiteral("*.inter")}, QDir::Files);
        if (inters.size() == 1)
            location.name = QFileInfo(inters.first()).completeBaseName();
    }
    return location;
}

// The header's name:type fields; a field without a known type is an error.
Result<std::vector<Field>> parseHeader(const CsvReader &reader)
{
    std::vector<Field> fields;
    const QStringList &header = reader.header();
    for (int i = 0; i < header.size(); ++i) {
        const QString &text = header[i];
        const qsizetype colon = text.indexOf(QLatin1Char(':'));
        if (colon < 0) {
            return makeError(Tr::tr("%1:1: field %2 \"%3\" has no type; expected name:type with the type token, token_seq, "
                                "float or float_seq (e.g. user_id:token), as in RecBole's atomic files")
                                 .arg(reader.label()).arg(i + 1).arg(excerpt(text)));
        }
        Field field;
        field.name = text.left(colon).trimmed();
        field.header = text;
        field.column = i;
        const QString type = text.mid(colon + 1).trimmed();
        if (type == QLatin1String("token"))
            field.type = FieldType::Token;
        else if (type == QLatin1String("token_seq"))
            field.type = FieldType::TokenSeq;
        else if (type == QLatin1String("float"))
            field.type = FieldType::Float;
        else if (type == QLatin1String("float_seq"))
            field.type = FieldType::FloatSeq;
        else {
            return makeError(Tr::tr("%1:1: field %2 \"%3\" has type \"%4\"; expected token, token_seq, float or float_seq")
                                 .arg(reader.label()).arg(i + 1).arg(excerpt(text), excerpt(type)));
        }
        if (field.name.isEmpty()) {
            return makeError(Tr::tr("%1:1: field %2 \"%3\" has no name; expected name:type (e.g. item_id:token)")
                                 .arg(reader.label()).arg(i + 1).arg(excerpt(text)));
        }
        fields.push_back(field);
    }
    return fields;
}

QString fieldList(const std::vector<Field> &fields)
{
    QStringList names;
    for (const Field &field : fields)
        names.append(field.header);
    return excerpt(names.join(QStringLiteral(", ")), 300);
}

// user_id:token (or item_id:token), else the only token field whose name contains `word`.
Result<const Field *> idField(const CsvReader &reader, const std::vector<Field> &fields, const QString &word)
{
    const QString standard = word + QStringLiteral("_id");
    std::vector<const Field *> candidates;
    for (const Field &field : fields) {
        if (field.type != FieldType::Token)
            continue;
        if (field.name == standard)
            return &field;
        if (field.name.contains(word, Qt::CaseInsensitive))
            candidates.push_back(&field);
    }
    if (candidates.size() == 1)
        return candidates.front();
    return makeError(Tr::tr("%1:1: no %2 field; expected %3:token (RecBole's default) or exactly one token field whose "
                        "name contains \"%2\", but the header has: %4")
                         .arg(reader.label(), word, standard, fieldList(fields)));
}

// The optional rating:float or timestamp:float field; -1 if absent.
Result<int> floatField(const CsvReader &reader, const std::vector<Field> &fields, const QString &name)
{
    for (const Field &field : fields) {
        if (field.name != name)
            continue;
        if (field.type != FieldType::Float) {
            return makeError(Tr::tr("%1:1: field \"%2\" has the wrong type; expected %3:float")
                                 .arg(reader.label(), field.header, name));
        }
        return field.column;
    }
    return -1;
}

bool nameHasAny(const QString &name, std::initializer_list<const char *> words)
{
    return std::any_of(words.begin(), words.end(),
                       [&](const char *word) { return name.contains(QLatin1String(word), Qt::CaseInsensitive); });
}

// One float_seq field read into a Vectors modality.
struct VectorField
{
    const Field *field = nullptr;
    int width = -1;               // from the first non-empty row
    int widthLine = 0;
    std::vector<double> values;
    std::vector<bool> missing;
};

// Reads NAME.item into the registry, titles, categories and modalities.
class ItemReader
{
public:
    ItemReader(CsvReader &reader, std::vector<Field> fields, const Field &id)
        : m_reader(reader)
        , m_fields(std::move(fields))
        , m_id(id)
    {
        for (const Field &field : m_fields) {
            if (field.column == m_id.column)
                continue;
            switch (field.type) {
            case FieldType::Token:
            case FieldType::TokenSeq:
                m_textFields.push_back(&field);
                if (m_titleColumn < 0 && nameHasAny(field.name, {"title", "name"}))
                    m_titleColumn = field.column;
                if (m_categoryColumn < 0 && nameHasAny(field.name, {"class", "categor", "genre"}))
                    m_categoryColumn = field.column;
                break;
            case FieldType::Float:
                m_floatFields.push_back(&field);
                break;
            case FieldType::FloatSeq:
                m_vectorFields.push_back(VectorField{&field, -1, 0, {}, {}});
                break;
            }
        }
    }

    Result<void> read(ItemRegistry &registry, Dataset &dataset, const ProgressFn &progress)
    {
        return m_reader.forEachRecord(
            [&](const CsvRecord &record) -> Result<void> {
                Result<int> item = registry.add(record, m_id.column, m_reader.label(), m_id.header, dataset);
                if (!item)
                    return makeError(item.error());
                const QString title = m_titleColumn >= 0 ? record.text(m_titleColumn).trimmed() : QString();
                dataset.itemTitles.append(title.isEmpty() ? dataset.itemIds.last() : title);
                if (m_categoryColumn >= 0)
                    dataset.itemCategories.append(record.text(m_categoryColumn).trimmed().section(QLatin1Char(' '), 0, 0));

                QStringList parts;
                for (const Field *field : m_textFields) {
                    const QString text = record.text(field->column).simplified();
                    if (!text.isEmpty())
                        parts.append(text);
                }
                m_texts.append(parts.join(QLatin1Char('\n')));

                if (Result<void> ok = readFloats(record); !ok)
                    return ok;
                for (VectorField &vector : m_vectorFields) {
                    if (Result<void> ok = readVector(record, vector); !ok)
                        return ok;
                }
                return {};
            },
            progress);
    }

    // The modalities for the items read, padded as missing up to itemCount.
    void addModalities(Dataset &dataset) const
    {
        const QString &label = m_reader.label();
        auto origin = [&](const std::vector<const Field *> &fields) {
            QStringList names;
            for (const Field *field : fields)
                names.append(field->name);
            return QStringLiteral("%1: %2").arg(label, names.join(QStringLiteral(", ")));
        };
        std::vector<ModalitySource> modalities;
        if (!m_textFields.empty())
            modalities.push_back(textModality(QStringLiteral("text"), origin(m_textFields), m_texts));
        if (!m_floatFields.empty()) {
            modalities.push_back(matrixModality(QStringLiteral("numeric"), ModalityKind::Numeric, origin(m_floatFields),
                                                m_floatValues, int(m_floatFields.size()), m_floatMissing));
        }
        for (const VectorField &vector : m_vectorFields) {
            if (vector.width <= 0)
                continue;
            const QString &name = vector.field->name;
            const bool taken = name == QLatin1String("text") || name == QLatin1String("numeric");
            modalities.push_back(matrixModality(taken ? name + QStringLiteral("_seq") : name, ModalityKind::Vectors,
                                                origin({vector.field}), vector.values, vector.width, vector.missing));
        }
        for (ModalitySource &modality : modalities) {
            padModality(modality, dataset.itemCount());
            dataset.modalities.push_back(std::move(modality));
        }
    }

private:
    Result<void> readFloats(const CsvRecord &record)
    {
        bool missing = false;
        const size_t rowStart = m_floatValues.size();
        for (const Field *field : m_floatFields) {
            double value = 0.0;
            const NumberStatus status = parseNumber(record.bytes(field->column), value);
            if (status == NumberStatus::NotNumber) {
                return makeError(Tr::tr("%1:%2: field \"%3\" holds \"%4\"; expected a number (an empty cell marks the item "
                                    "missing)")
                                     .arg(m_reader.label()).arg(record.line())
                                     .arg(field->header, excerpt(record.text(field->column))));
            }
            missing = missing || status != NumberStatus::Ok;
            m_floatValues.push_back(status == NumberStatus::Ok ? value : 0.0);
        }
        if (missing)
            std::fill(m_floatValues.begin() + qsizetype(rowStart), m_floatValues.end(), 0.0);
        m_floatMissing.push_back(missing);
        return {};
    }

    Result<void> readVector(const CsvRecord &record, VectorField &vector)
    {
        const Field &field = *vector.field;
        const QByteArrayView cell = record.bytes(field.column);
        std::vector<double> row;
        for (qsizetype begin = 0; begin < cell.size();) {
            qsizetype end = begin;
            while (end < cell.size() && cell[end] != ' ')
                ++end;
            if (end > begin) {
                double value = 0.0;
                if (parseNumber(cell.sliced(begin, end - begin), value) != NumberStatus::Ok) {
                    return makeError(Tr::tr("%1:%2: field \"%3\" holds \"%4\" at position %5; expected space-separated "
                                        "finite numbers")
                                         .arg(m_reader.label()).arg(record.line())
                                         .arg(field.header, excerpt(QString::fromUtf8(cell.sliced(begin, end - begin))))
                                         .arg(row.size() + 1));
                }
                row.push_back(value);
            }
            begin = end + 1;
        }
        if (!row.empty()) {
            if (vector.width < 0) {
                vector.width = int(row.size());
                vector.widthLine = record.line();
                vector.values.assign(vector.missing.size() * row.size(), 0.0);
            } else if (int(row.size()) != vector.width) {
                return makeError(Tr::tr("%1:%2: field \"%3\" has %4 values; expected %5 like line %6 (every item's vector "
                                    "needs the same length; an empty cell marks the item missing)")
                                     .arg(m_reader.label()).arg(record.line())
                                     .arg(field.header).arg(row.size()).arg(vector.width).arg(vector.widthLine));
            }
            vector.values.insert(vector.values.end(), row.begin(), row.end());
        } else if (vector.width > 0) {
            vector.values.resize(vector.values.size() + size_t(vector.width), 0.0);
        }
        vector.missing.push_back(row.empty());
        return {};
    }

    CsvReader &m_reader;
    std::vector<Field> m_fields;
    Field m_id;
    std::vector<const Field *> m_textFields;
    std::vector<const Field *> m_floatFields;
    std::vector<VectorField> m_vectorFields;
    int m_titleColumn = -1;
    int m_categoryColumn = -1;
    QStringList m_texts;
    std::vector<double> m_floatValues;
    std::vector<bool> m_floatMissing;
};

} // namespace

bool looksLikeRecBole(const QString &path)
{
    if (!QFileInfo::exists(path))
        return false;
    const Location location = locate(path);
    const QString inter = location.folder.filePath(location.interFile());
    if (fileKind(inter) != FileKind::Regular)
        return false;
    QFile file(inter);
    return file.open(QIODevice::ReadOnly) && file.readLine(1 << 16).contains(":token");
}

Result<Dataset> importRecBole(const QString &path, const ProgressFn &progress)
{
    if (!QFileInfo::exists(path))
        return makeError(Tr::tr("%1: no such file or folder; expected a RecBole dataset folder").arg(path));
    const Location location = locate(path);
    const QString interPath = location.folder.filePath(location.interFile());
    if (!QFileInfo::exists(interPath)) {
        return makeError(Tr::tr("%1: no %2; expected RecBole atomic files NAME/NAME.inter (and optionally NAME.item) "
                            "(looked for %3)")
                             .arg(QDir::toNativeSeparators(location.folder.path()), location.interFile(),
                                  QDir::toNativeSeparators(interPath)));
    }

    Dataset dataset;
    dataset.name = location.name;
    dataset.sourcePath = location.folder.absolutePath();

    CsvOptions interOptions = atomicOptions(location.interFile());
    interOptions.folder = location.folder.absolutePath();
    CsvReader inter(interOptions);
    if (Result<void> opened = inter.open(interPath); !opened)
        return makeError(opened.error());
    Result<std::vector<Field>> interFields = parseHeader(inter);
    if (!interFields)
        return makeError(interFields.error());
    Result<const Field *> user = idField(inter, *interFields, QStringLiteral("user"));
    if (!user)
        return makeError(user.error());
    Result<const Field *> item = idField(inter, *interFields, QStringLiteral("item"));
    if (!item)
        return makeError(item.error());
    Result<int> rating = floatField(inter, *interFields, QStringLiteral("rating"));
    if (!rating)
        return makeError(rating.error());
    Result<int> timestamp = floatField(inter, *interFields, QStringLiteral("timestamp"));
    if (!timestamp)
        return makeError(timestamp.error());

    const QString itemPath = location.folder.filePath(location.itemFile());
    const bool hasItems = QFileInfo::exists(itemPath);
    const double itemBytes = hasItems ? double(QFileInfo(itemPath).size()) : 0.0;
    const double itemShare = itemBytes / std::max(1.0, itemBytes + double(inter.byteSize()));

    ItemRegistry registry;
    std::optional<CsvReader> items;
    std::optional<ItemReader> itemReader;
    if (hasItems) {
        CsvOptions itemOptions = atomicOptions(location.itemFile());
        itemOptions.folder = location.folder.absolutePath();
        items.emplace(itemOptions);
        if (Result<void> opened = items->open(itemPath); !opened)
            return makeError(opened.error());
        Result<std::vector<Field>> itemFields = parseHeader(*items);
        if (!itemFields)
            return makeError(itemFields.error());
        const auto id = std::find_if(itemFields->begin(), itemFields->end(), [&](const Field &field) {
            return field.name == (*item)->name && field.type == FieldType::Token;
        });
        if (id == itemFields->end()) {
            return makeError(Tr::tr("%1:1: no field %2:token; expected the item field of %3, but the header has: %4")
                                 .arg(items->label(), (*item)->name, location.interFile(), fieldList(*itemFields)));
        }
        const Field itemId = *id;
        itemReader.emplace(*items, std::move(*itemFields), itemId);
        if (Result<void> ok = itemReader->read(registry, dataset, progressPart(progress, 0.0, itemShare)); !ok)
            return makeError(ok.error());
    }

    InteractionOptions options;
    options.unknownItems = UnknownItems::Add;
    IdIndex userIndex;
    if (Result<void> done = readInteractions(inter,
                                             interactionColumns(inter, (*user)->column, (*item)->column, *rating,
                                                                *timestamp),
                                             userIndex, registry.index, options, dataset,
                                             progressPart(progress, itemShare, 1.0));
        !done)
        return makeError(done.error());
    if (itemReader)
        itemReader->addModalities(dataset);
    return dataset;
}

} // namespace fl
