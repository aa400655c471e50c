#include "engine/data/MmrecImporter.h"

#include "engine/data/CsvReader.h"
#include "engine/data/DatasetFiles.h"
#include "engine/data/Interactions.h"
#include "engine/data/Npy.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <limits>
#include <string_view>

namespace fl {

namespace {

// The translation context of this file's messages; lupdate reads it from the macro.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(fl::MmrecImporter)
};

const QString kUserColumn = QStringLiteral("userID");
const QString kItemColumn = QStringLiteral("itemID");
const QString kRatingColumn = QStringLiteral("rating");
const QString kTimestampColumn = QStringLiteral("timestamp");
const QString kSplitColumn = QStringLiteral("x_label");
const QString kFeatureSuffix = QStringLiteral("_feat.npy");
const QString kItemMapping = QStringLiteral("i_id_mapping.csv");

// The .inter file: path itself, or the only one in the folder path.
Result<QString> findInterFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        return makeError(Tr::tr("%1: no such file or folder; expected an MMRec dataset folder (NAME.inter and "
                            "*_feat.npy files) or its .inter file")
                             .arg(path));
    }
    if (info.isFile()) {
        if (info.suffix() != QLatin1String("inter"))
            return makeError(Tr::tr("%1: expected an MMRec .inter file or a folder holding one").arg(path));
        return info.absoluteFilePath();
    }
    const QStringList found = QDir(path).entryList({QStringLiteral("*.inter")}, QDir::Files, QDir::Name);
    if (found.isEmpty()) {
        return makeError(Tr::tr("%1: no .inter file in this folder; expected one NAME.inter (tab-separated userID, itemID, "
                            "rating, timestamp, x_label) as MMRec publishes its datasets")
                             .arg(path));
    }
    if (found.size() > 1) {
        return makeError(Tr::tr("%1: %2 .inter files (%3); expected exactly one, or open the .inter file itself")
                             .arg(path).arg(found.size()).arg(found.join(QStringLiteral(", "))));
    }
    return QDir(path).absoluteFilePath(found.first());
}

// The header fields of a tab-separated file (first line only).
QStringList headerFields(const QString &path)
{
    if (fileKind(path) != FileKind::Regular)
        return {};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray line = file.readLine(4096);
    if (line.startsWith("\xEF\xBB\xBF"))
        line.remove(0, 3);
    QStringList fields = QString::fromUtf8(line.trimmed()).split(QLatin1Char('\t'));
    for (QString &field : fields)
        field = field.trimmed();
    return fields;
}

// A feature file must be a regular file inside the dataset's folder, not a link out of it.
Result<void> checkInside(const QDir &folder, const QString &name)
{
    const QString path = folder.filePath(name);
    if (Result<void> ok = requireRegularFile(path, name, Tr::tr("a NumPy .npy file")); !ok)
        return ok;
    if (!resolvesInside(folder.absolutePath(), path)) {
        return makeError(Tr::tr("%1: leads outside the dataset folder %2 (to %3); expected a file inside it")
                             .arg(name, QDir::toNativeSeparators(folder.absolutePath()),
                                  QDir::toNativeSeparators(QFileInfo(path).canonicalFilePath())));
    }
    return {};
}

bool interHeaderMatches(const QString &interPath)
{
    const QStringList fields = headerFields(interPath);
    return fields.size() >= 2 && fields[0] == kUserColumn && fields[1] == kItemColumn;
}

// Item titles from i_id_mapping.csv (asin → itemID), where the folder has one.
Result<void> readItemMapping(const QString &path, const IdIndex &itemIndex, Dataset &dataset)
{
    CsvOptions options;
    options.delimiter = '\t';
    options.label = kItemMapping;
    options.folder = QFileInfo(path).absolutePath();
    Result<CsvTable> table = readCsv(path, options);
    if (!table)
        return makeError(table.error());
    const int asin = table->columnIndex(QStringLiteral("asin"));
    const int item = table->columnIndex(kItemColumn);
    if (asin < 0 || item < 0) {
        return makeError(Tr::tr("%1:1: expected the columns asin and itemID (tab-separated); the header has: %2")
                             .arg(kItemMapping, excerpt(table->header.join(QStringLiteral(", ")), 300)));
    }
    std::vector<int> mappedOnLine(size_t(dataset.itemCount()), 0);
    for (int r = 0; r < table->rowCount(); ++r) {
        const QStringList &row = table->rows[size_t(r)];
        const int line = table->lines[size_t(r)];
        const QByteArray id = row[item].trimmed().toUtf8();
        const int index = itemIndex.find(std::string_view(id.constData(), size_t(id.size())));
        if (index < 0) {
            return makeError(Tr::tr("%1:%2: itemID \"%3\" is not an item of the feature files; expected 0 to %4")
                                 .arg(kItemMapping).arg(line).arg(excerpt(row[item].trimmed())).arg(dataset.itemCount() - 1));
        }
        if (mappedOnLine[size_t(index)] > 0) {
            return makeError(Tr::tr("%1:%2: itemID %3 is mapped twice (also on line %4); expected each item once")
                                 .arg(kItemMapping).arg(line).arg(index).arg(mappedOnLine[size_t(index)]));
        }
        mappedOnLine[size_t(index)] = line;
        const QString original = row[asin].trimmed();
        if (!original.isEmpty())
            dataset.itemTitles[index] = original;
    }
    return {};
}

} // namespace

bool looksLikeMmrec(const QString &path)
{
    const Result<QString> inter = findInterFile(path);
    return inter.ok() && interHeaderMatches(*inter);
}

Result<Dataset> importMmrec(const QString &path, const ProgressFn &progress)
{
    Result<QString> found = findInterFile(path);
    if (!found)
        return makeError(found.error());
    const QString interPath = *found;
    const QFileInfo interInfo(interPath);
    const QString interName = interInfo.fileName();
    const QDir folder = interInfo.absoluteDir();

    // The feature files fix the items: their headers are checked before anything large is read.
    const QStringList features = folder.entryList({QLatin1Char('*') + kFeatureSuffix}, QDir::Files, QDir::Name);
    if (features.isEmpty()) {
        return makeError(Tr::tr("%1: no feature files (*_feat.npy) next to %2; expected image_feat.npy and/or "
                            "text_feat.npy with one row per item")
                             .arg(QDir::toNativeSeparators(folder.path()), interName));
    }
    qint64 itemCount = -1;
    double totalBytes = double(interInfo.size());
    for (const QString &feature : features) {
        if (Result<void> ok = checkInside(folder, feature); !ok)
            return makeError(ok.error());
        const Result<NpyHeader> header = readNpyHeader(folder.filePath(feature), feature);
        if (!header)
            return makeError(header.error());
        if (itemCount >= 0 && header->rows() != itemCount) {
            return makeError(Tr::tr("%1 has %2 rows but %3 has %4; expected every feature file to have one row per item "
                                "(row i is itemID i)")
                                 .arg(feature).arg(header->rows()).arg(features.first()).arg(itemCount));
        }
        itemCount = header->rows();
        totalBytes += double(QFileInfo(folder.filePath(feature)).size());
    }
    if (itemCount > std::numeric_limits<int>::max() / 2)
        return makeError(Tr::tr("%1 has %2 rows; expected at most %3 items").arg(features.first()).arg(itemCount)
                             .arg(std::numeric_limits<int>::max() / 2));

    Dataset dataset;
    dataset.name = interInfo.completeBaseName();
    dataset.sourcePath = QFileInfo(path).absoluteFilePath();
    IdIndex itemIndex;
    for (int i = 0; i < itemCount; ++i) {
        const QByteArray id = QByteArray::number(i);
        bool added = false;
        itemIndex.insert(std::string_view(id.constData(), size_t(id.size())), added);
        dataset.itemIds.append(QString::fromLatin1(id));
    }
    dataset.itemTitles = dataset.itemIds;
    if (const QString mapping = folder.filePath(kItemMapping); QFileInfo::exists(mapping)) {
        if (Result<void> ok = readItemMapping(mapping, itemIndex, dataset); !ok)
            return makeError(ok.error());
    }

    double doneBytes = 0;
    auto part = [&](double bytes) {
        const double from = doneBytes / totalBytes;
        doneBytes += bytes;
        return progressPart(progress, from, doneBytes / totalBytes);
    };

    CsvOptions options;
    options.delimiter = '\t';
    options.label = interName;
    options.folder = folder.absolutePath();
    CsvReader reader(options);
    if (Result<void> ok = reader.open(interPath); !ok)
        return makeError(ok.error());
    InteractionColumns columns;
    const std::pair<const QString *, int *> wanted[] = {{&kUserColumn, &columns.user}, {&kItemColumn, &columns.item},
                                                        {&kRatingColumn, &columns.rating},
                                                        {&kTimestampColumn, &columns.timestamp},
                                                        {&kSplitColumn, &columns.split}};
    for (const auto &[name, index] : wanted) {
        *index = reader.columnIndex(*name);
        const bool optional = name == &kRatingColumn || name == &kTimestampColumn;
        if (*index < 0 && !optional) {
            return makeError(Tr::tr("%1:1: the header has no column \"%2\"; expected MMRec's columns userID, itemID, "
                                "rating, timestamp and x_label, tab-separated (rating and timestamp may be absent); "
                                "the header has: %3")
                                 .arg(interName, *name, reader.headerText()));
        }
    }
    columns.userName = kUserColumn;
    columns.itemName = kItemColumn;
    columns.ratingName = kRatingColumn;
    columns.timestampName = kTimestampColumn;
    columns.splitName = kSplitColumn;
    InteractionOptions interactionOptions;
    interactionOptions.itemsFile = Tr::tr("%1 (%2 rows: item ids 0 to %3)")
                                       .arg(features.join(QStringLiteral(", "))).arg(itemCount).arg(itemCount - 1);
    IdIndex userIndex;
    if (Result<void> ok = readInteractions(reader, columns, userIndex, itemIndex, interactionOptions, dataset,
                                           part(double(interInfo.size())));
        !ok)
        return makeError(ok.error());

    for (const QString &feature : features) {
        const QString featurePath = folder.filePath(feature);
        Result<NpyArray> array = readNpy(featurePath, part(double(QFileInfo(featurePath).size())), feature);
        if (!array)
            return makeError(array.error());
        const QString name = feature.chopped(kFeatureSuffix.size());
        dataset.modalities.push_back(vectorsModality(name, feature, std::move(array->values)));
    }
    return dataset;
}

} // namespace fl
