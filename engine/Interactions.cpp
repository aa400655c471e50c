#include "Interactions.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <charconv>
#include <cmath>
#include <limits>

namespace fl {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fl::Interactions", text);
}

// The message for a rating cell that parseNumber() did not accept.
Error ratingError(const CsvRecord &record, const InteractionColumns &columns, NumberStatus status,
                  const QString &label)
{
    if (status == NumberStatus::Empty) {
        return makeError(tr("%1:%2: empty rating in column \"%3\"; expected a number such as 4 or 3.5")
                             .arg(label).arg(record.line()).arg(columns.ratingName));
    }
    const QString problem = status == NumberStatus::NotFinite
        ? tr("is not a finite number; expected a finite number")
        : tr("is not a number; expected a number such as 4 or 3.5");
    return makeError(tr("%1:%2: rating \"%3\" in column \"%4\" %5")
                         .arg(label).arg(record.line())
                         .arg(record.text(columns.rating).trimmed(), columns.ratingName, problem));
}

} // namespace

NumberStatus detail::parseNumberSlow(QByteArrayView text, double &out)
{
    QByteArrayView view = trimmedView(text);
    if (view.isEmpty())
        return NumberStatus::Empty;
    if (view[0] == '+')
        view = view.sliced(1);
    const char *begin = view.data();
    const char *end = begin + view.size();
    const auto [ptr, ec] = std::from_chars(begin, end, out);
    if (ec == std::errc::result_out_of_range) {
        out = std::numeric_limits<double>::infinity();
        return NumberStatus::NotFinite;
    }
    if (ec != std::errc() || ptr != end || view.isEmpty())
        return NumberStatus::NotNumber;
    return std::isfinite(out) ? NumberStatus::Ok : NumberStatus::NotFinite;
}

std::optional<qint64> detail::parseTimestampSlow(QByteArrayView text)
{
    const QByteArrayView view = trimmedView(text);
    qint64 integer = 0;
    const auto [ptr, ec] = std::from_chars(view.data(), view.data() + view.size(), integer);
    if (ec == std::errc() && ptr == view.data() + view.size() && !view.isEmpty())
        return integer;
    double number = 0;
    if (parseNumberSlow(view, number) == NumberStatus::Ok && std::abs(number) < 9.2e18)
        return qint64(std::llround(number));
    QDateTime date = QDateTime::fromString(QString::fromUtf8(view.data(), view.size()), Qt::ISODate);
    if (!date.isValid())
        return std::nullopt;
    if (date.timeSpec() == Qt::LocalTime)
        date.setTimeSpec(Qt::UTC);
    return date.toSecsSinceEpoch();
}

Result<void> readInteractions(CsvReader &reader, const InteractionColumns &columns, IdIndex &userIndex,
                              IdIndex &itemIndex, const InteractionOptions &options, Dataset &dataset,
                              const ProgressFn &progress)
{
    const QString &label = reader.label();
    const bool utf8 = reader.options().encoding == CsvEncoding::Utf8;
    const bool withTimestamps = columns.timestamp >= 0;
    const bool withSplit = columns.split >= 0;
    const size_t before = dataset.interactionItem.size();
    // Reserved from the reader's estimate, so that the arrays are not copied while they grow; pages of
    // an over-estimate are never touched. The ratings are written straight into the Eigen vector.
    const size_t capacity = before + size_t(std::max<qsizetype>(0, reader.estimatedRecordCount()));
    dataset.interactionUser.reserve(capacity);
    dataset.interactionItem.reserve(capacity);
    if (withTimestamps)
        dataset.timestamp.reserve(capacity);
    if (withSplit)
        dataset.interactionSplit.reserve(capacity);
    dataset.rating.conservativeResize(Eigen::Index(capacity));
    size_t count = before;
    const bool itemsHaveCategories = !dataset.itemCategories.isEmpty();

    // Keys are UTF-8 bytes; a UTF-8 file is looked up without copying the cell.
    QByteArray userStorage;
    QByteArray itemStorage;
    auto key = [utf8](const CsvRecord &record, int column, QByteArray &storage) -> std::string_view {
        QByteArrayView view = trimmedView(record.bytes(column));
        if (!utf8) {
            storage = record.text(column).trimmed().toUtf8();
            view = storage;
        }
        return std::string_view(view.data(), size_t(view.size()));
    };

    auto unknownItem = [&](int line, const QString &id) {
        return makeError(tr("%1:%2: item id \"%3\" in column \"%4\" is not in %5; expected one of the items file's ids")
                             .arg(label).arg(line).arg(id, columns.itemName, options.itemsFile));
    };
    auto addItem = [&](std::string_view itemKey, const QString &id) {
        bool added = false;
        const int item = itemIndex.insert(itemKey, added);
        dataset.itemIds.append(id);
        dataset.itemTitles.append(id);
        if (itemsHaveCategories)
            dataset.itemCategories.append(QString());
        return item;
    };

    // Item ids that are plain numbers are looked up in batches: in a large catalogue the lookup of an
    // item is a cache miss, and a batch of independent lookups overlaps them (a third faster on
    // MovieLens 25M). Their slots in interactionItem hold -1 until then.
    struct PendingItem
    {
        qint64 number;
        size_t slot;
        int line;
    };
    constexpr size_t kItemBatch = 64;
    std::vector<PendingItem> pending;
    pending.reserve(kItemBatch);
    auto resolvePending = [&]() -> Result<void> {
        for (const PendingItem &p : pending)
            itemIndex.prefetch(p.number);
        for (const PendingItem &p : pending) {
            int item = itemIndex.findDirect(p.number);
            if (item < 0) {
                const QByteArray id = QByteArray::number(p.number);
                const std::string_view itemKey(id.constData(), size_t(id.size()));
                item = itemIndex.find(itemKey);
                if (item < 0) {
                    if (options.unknownItems == UnknownItems::Reject) {
                        pending.clear();
                        return unknownItem(p.line, QString::fromLatin1(id));
                    }
                    item = addItem(itemKey, QString::fromLatin1(id));
                }
            }
            dataset.interactionItem[p.slot] = item;
        }
        pending.clear();
        return {};
    };

    // Interaction files are often sorted by user: skip the lookup while the user stays the same.
    std::string lastUserKey;
    int lastUser = -1;
    auto readRecord = [&](const CsvRecord &record) -> Result<void> {
        const std::string_view userKey = key(record, columns.user, userStorage);
        if (userKey.empty()) {
            return makeError(tr("%1:%2: empty user id in column \"%3\"; expected an id on every line")
                                 .arg(label).arg(record.line()).arg(columns.userName));
        }
        const std::string_view itemKey = key(record, columns.item, itemStorage);
        const qint64 itemNumber = IdIndex::directNumber(itemKey);
        int item = -1;
        if (itemNumber >= 0) {
            pending.push_back({itemNumber, dataset.interactionItem.size(), record.line()});
        } else {
            if (Result<void> ok = resolvePending(); !ok)
                return ok;
            item = itemIndex.find(itemKey);
            if (item < 0) {
                if (itemKey.empty()) {
                    return makeError(tr("%1:%2: empty item id in column \"%3\"; expected an id on every line")
                                         .arg(label).arg(record.line()).arg(columns.itemName));
                }
                const QString id = record.text(columns.item).trimmed();
                if (options.unknownItems == UnknownItems::Reject)
                    return unknownItem(record.line(), id);
                item = addItem(itemKey, id);
            }
        }
        if (lastUser < 0 || userKey != lastUserKey) {
            bool newUser = false;
            lastUser = userIndex.insert(userKey, newUser);
            lastUserKey.assign(userKey);
            if (newUser)
                dataset.userIds.append(record.text(columns.user).trimmed());
        }

        double rating = 1.0;
        if (columns.rating >= 0) {
            const NumberStatus status = parseNumber(record.bytes(columns.rating), rating);
            if (status != NumberStatus::Ok)
                return ratingError(record, columns, status, label);
        }
        if (withTimestamps) {
            const std::optional<qint64> time = parseTimestamp(record.bytes(columns.timestamp));
            if (!time) {
                return makeError(tr("%1:%2: timestamp \"%3\" in column \"%4\" is not a number; expected seconds "
                                    "since 1970 or an ISO 8601 date")
                                     .arg(label).arg(record.line())
                                     .arg(record.text(columns.timestamp).trimmed(), columns.timestampName));
            }
            dataset.timestamp.push_back(*time);
        }
        if (withSplit) {
            const QByteArrayView cell = trimmedView(record.bytes(columns.split));
            if (cell.size() != 1 || cell[0] < '0' || cell[0] > '2') {
                return makeError(tr("%1:%2: split label \"%3\" in column \"%4\" is not 0, 1 or 2; expected 0 "
                                    "(train), 1 (validation) or 2 (test)")
                                     .arg(label).arg(record.line())
                                     .arg(record.text(columns.split).trimmed(), columns.splitName));
            }
            dataset.interactionSplit.push_back(qint8(cell[0] - '0'));
        }
        dataset.interactionUser.push_back(lastUser);
        dataset.interactionItem.push_back(item);
        if (count == size_t(dataset.rating.size()))
            dataset.rating.conservativeResize(Eigen::Index(count + count / 2 + 1024));
        dataset.rating[Eigen::Index(count)] = rating;
        ++count;
        if (pending.size() == kItemBatch)
            return resolvePending();
        return {};
    };
    Result<void> done = reader.forEachRecord(
        [&](const CsvRecord &record) -> Result<void> {
            Result<void> read = readRecord(record);
            if (!read) {
                // A pending item on an earlier line may be the first error; this line's is dropped.
                if (!pending.empty() && pending.back().slot == dataset.interactionItem.size())
                    pending.pop_back();
                if (Result<void> earlier = resolvePending(); !earlier)
                    return earlier;
            }
            return read;
        },
        progress);
    if (!done) {
        if (Result<void> earlier = resolvePending(); !earlier)
            done = earlier;
    } else {
        done = resolvePending();
    }
    if (done && count == before) {
        done = makeError(tr("%1:%2: expected an interaction after the header but found the end of the file; a "
                            "dataset needs at least one interaction")
                             .arg(label).arg(reader.firstDataLine()));
    }
    dataset.rating.conservativeResize(Eigen::Index(count));
    return done;
}

Result<int> ItemRegistry::add(const CsvRecord &record, int column, const QString &label, const QString &columnName,
                              Dataset &dataset)
{
    const QString id = record.text(column).trimmed();
    if (id.isEmpty()) {
        return makeError(tr("%1:%2: empty item id in column \"%3\"; expected an id on every line")
                             .arg(label).arg(record.line()).arg(columnName));
    }
    const QByteArray key = id.toUtf8();
    bool added = false;
    const int item = index.insert(std::string_view(key.constData(), size_t(key.size())), added);
    if (!added) {
        return makeError(tr("%1:%2: duplicate item id \"%3\" in column \"%4\" (also on line %5); expected each item "
                            "once")
                             .arg(label).arg(record.line()).arg(id, columnName).arg(lines[size_t(item)]));
    }
    lines.push_back(record.line());
    dataset.itemIds.append(id);
    return item;
}

Result<std::vector<int>> requireColumns(const CsvReader &reader, const QStringList &names,
                                        const QString &expectedHeader)
{
    std::vector<int> columns;
    for (const QString &name : names) {
        const int index = reader.columnIndex(name);
        if (index < 0) {
            return makeError(tr("%1:1: no column \"%2\"; expected the header %3 but found: %4")
                                 .arg(reader.label(), name, expectedHeader,
                                      reader.header().join(QStringLiteral(", "))));
        }
        columns.push_back(index);
    }
    return columns;
}

InteractionColumns interactionColumns(const CsvReader &reader, int user, int item, int rating, int timestamp)
{
    InteractionColumns columns;
    columns.user = user;
    columns.item = item;
    columns.rating = rating;
    columns.timestamp = timestamp;
    const QStringList &header = reader.header();
    columns.userName = header.value(user);
    columns.itemName = header.value(item);
    columns.ratingName = header.value(rating);
    columns.timestampName = header.value(timestamp);
    return columns;
}

ModalitySource textModality(const QString &name, const QString &origin, QStringList texts)
{
    ModalitySource modality;
    modality.name = name;
    modality.kind = ModalityKind::Text;
    modality.origin = origin;
    for (const QString &text : texts)
        modality.missing.push_back(text.isEmpty());
    modality.texts = std::move(texts);
    return modality;
}

ModalitySource matrixModality(const QString &name, ModalityKind kind, const QString &origin,
                              const std::vector<double> &rowMajor, int width, std::vector<bool> missing)
{
    ModalitySource modality;
    modality.name = name;
    modality.kind = kind;
    modality.origin = origin;
    modality.values = Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
        rowMajor.data(), Eigen::Index(missing.size()), width);
    modality.missing = std::move(missing);
    return modality;
}

void padModality(ModalitySource &modality, int itemCount)
{
    const Eigen::Index before = Eigen::Index(modality.missing.size());
    if (itemCount <= before)
        return;
    modality.missing.resize(size_t(itemCount), true);
    switch (modality.kind) {
    case ModalityKind::Text:
        while (modality.texts.size() < itemCount)
            modality.texts.append(QString());
        break;
    case ModalityKind::Image:
        while (modality.imagePaths.size() < itemCount)
            modality.imagePaths.append(QString());
        break;
    case ModalityKind::Numeric:
    case ModalityKind::Vectors:
        modality.values.conservativeResize(itemCount, Eigen::NoChange);
        modality.values.bottomRows(itemCount - before).setZero();
        break;
    }
}

QString datasetFolder(const QString &path)
{
    const QFileInfo info(path);
    return info.isDir() ? info.absoluteFilePath() : info.absolutePath();
}

bool firstLineStartsWith(const QString &path, const QByteArray &prefix)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QByteArray line = file.readLine(4096);
    if (line.startsWith("\xEF\xBB\xBF"))
        line.remove(0, 3);
    return line.startsWith(prefix);
}

ProgressFn progressPart(const ProgressFn &progress, double from, double to)
{
    if (!progress)
        return {};
    return [progress, from, to](double fraction) { return progress(fraction >= 1.0 ? to : from + fraction * (to - from)); };
}

} // namespace fl
