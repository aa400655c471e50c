#include "engine/data/Interactions.h"

#include "engine/core/MemoryBudget.h"
#include "engine/core/Worker.h"
#include "engine/data/DatasetFiles.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <atomic>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <thread>

namespace fl {

namespace {

// The translation context of this file's messages; lupdate reads it from the macro.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(fl::Interactions)
};

// The message for a rating cell that parseNumber() did not accept.
Error ratingError(const CsvRecord &record, const InteractionColumns &columns, NumberStatus status,
                  const QString &label)
{
    if (status == NumberStatus::Empty) {
        return makeError(Tr::tr("%1:%2: empty rating in column \"%3\"; expected a number such as 4 or 3.5")
                             .arg(label).arg(record.line()).arg(columns.ratingName));
    }
    const QString problem = status == NumberStatus::NotFinite
        ? Tr::tr("is not a finite number; expected a finite number")
        : Tr::tr("is not a number; expected a number such as 4 or 3.5");
    return makeError(Tr::tr("%1:%2: rating \"%3\" in column \"%4\" %5")
                         .arg(label).arg(record.line())
                         .arg(excerpt(record.text(columns.rating).trimmed()), columns.ratingName, problem));
}

Error controlCharacterError(const QString &label, int line, const QString &kind, const QString &column, int byte)
{
    return makeError(Tr::tr("%1:%2: %3 id in column \"%4\" contains the control character 0x%5; expected printable text")
                         .arg(label).arg(line).arg(kind, column)
                         .arg(QString::number(byte, 16).rightJustified(2, QLatin1Char('0')).toUpper()));
}

} // namespace

Result<qint64> timestampCell(const CsvRecord &record, int column, const QString &label, const QString &columnName)
{
    qint64 time = 0;
    if (parseTimestamp(record.bytes(column), time))
        return time;
    return makeError(Tr::tr("%1:%2: timestamp \"%3\" in column \"%4\" is not a number; expected seconds "
                            "since 1970 or an ISO 8601 date")
                         .arg(label).arg(record.line())
                         .arg(excerpt(record.text(column).trimmed()), columnName));
}

Result<void> checkIdCell(QByteArrayView cell, IdKind kind, const QString &label, int line, const QString &column)
{
    const QByteArrayView id = trimmedView(cell);
    if (id.isEmpty()) {
        return makeError(kind == IdKind::User
                             ? Tr::tr("%1:%2: empty user id in column \"%3\"; expected an id on every line").arg(label).arg(line).arg(column)
                             : Tr::tr("%1:%2: empty item id in column \"%3\"; expected an id on every line").arg(label).arg(line).arg(column));
    }
    return checkIdCharacters(std::string_view(id.data(), size_t(id.size())), kind, label, line, column);
}

Result<void> checkIdCharacters(std::string_view id, IdKind kind, const QString &label, int line, const QString &column)
{
    const int byte = controlCharacterIn(id);
    if (byte < 0)
        return {};
    return controlCharacterError(label, line, kind == IdKind::User ? Tr::tr("user") : Tr::tr("item"), column, byte);
}

int controlCharacterIn(std::string_view id)
{
    for (const char c : id) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F)
            return byte;
    }
    return -1;
}

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

bool detail::parseTimestampSlow(QByteArrayView text, qint64 &out)
{
    const QByteArrayView view = trimmedView(text);
    // Whole cell or nothing: "14457150\0 20" is not a time, however much of it parses.
    if (controlCharacterIn(std::string_view(view.data(), size_t(view.size()))) >= 0)
        return false;
    qint64 integer = 0;
    const auto [ptr, ec] = std::from_chars(view.data(), view.data() + view.size(), integer);
    if (ec == std::errc() && ptr == view.data() + view.size() && !view.isEmpty()) {
        out = integer;
        return true;
    }
    double number = 0;
    if (parseNumberSlow(view, number) == NumberStatus::Ok && std::abs(number) < 9.2e18) {
        out = qint64(std::llround(number));
        return true;
    }
    QDateTime date = QDateTime::fromString(QString::fromUtf8(view.data(), view.size()), Qt::ISODate);
    if (!date.isValid())
        return false;
    if (date.timeSpec() == Qt::LocalTime)
        date.setTimeSpec(Qt::UTC);
    out = date.toSecsSinceEpoch();
    return true;
}

namespace {

// readInteractions() on one thread, without the check for an empty file.
Result<void> readSequentially(CsvReader &reader, const InteractionColumns &columns, IdIndex &userIndex,
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
        return makeError(Tr::tr("%1:%2: item id \"%3\" in column \"%4\" is not in %5; expected one of the items file's ids")
                             .arg(label).arg(line).arg(excerpt(id), columns.itemName, options.itemsFile));
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
            return makeError(Tr::tr("%1:%2: empty user id in column \"%3\"; expected an id on every line")
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
                    return makeError(Tr::tr("%1:%2: empty item id in column \"%3\"; expected an id on every line")
                                         .arg(label).arg(record.line()).arg(columns.itemName));
                }
                if (const int byte = controlCharacterIn(itemKey); byte >= 0)
                    return controlCharacterError(label, record.line(), Tr::tr("item"), columns.itemName, byte);
                const QString id = QString::fromUtf8(itemKey.data(), qsizetype(itemKey.size()));
                if (options.unknownItems == UnknownItems::Reject)
                    return unknownItem(record.line(), id);
                item = addItem(itemKey, id);
            }
        }
        if (lastUser < 0 || userKey != lastUserKey) {
            if (const int byte = controlCharacterIn(userKey); byte >= 0)
                return controlCharacterError(label, record.line(), Tr::tr("user"), columns.userName, byte);
            bool newUser = false;
            lastUser = userIndex.insert(userKey, newUser);
            lastUserKey.assign(userKey);
            if (newUser)
                dataset.userIds.append(QString::fromUtf8(userKey.data(), qsizetype(userKey.size())));
        }

        double rating = 1.0;
        if (columns.rating >= 0) {
            const NumberStatus status = parseNumber(record.bytes(columns.rating), rating);
            if (status != NumberStatus::Ok)
                return ratingError(record, columns, status, label);
            if (std::abs(rating) > kMaxAbsRating) {
                return makeError(Tr::tr("%1:%2: rating \"%3\" in column \"%4\" is outside −1,000,000 to 1,000,000; "
                                        "expected a rating such as 4 or 3.5")
                                     .arg(label).arg(record.line())
                                     .arg(excerpt(record.text(columns.rating).trimmed()), columns.ratingName));
            }
        }
        if (withTimestamps) {
            qint64 time = 0;
            if (!parseTimestamp(record.bytes(columns.timestamp), time)) {
                Result<qint64> failed = timestampCell(record, columns.timestamp, label, columns.timestampName);
                return makeError(failed ? QString() : failed.error());
            }
            dataset.timestamp.push_back(time);
        }
        if (withSplit) {
            const QByteArrayView cell = trimmedView(record.bytes(columns.split));
            if (cell.size() != 1 || cell[0] < '0' || cell[0] > '2') {
                return makeError(Tr::tr("%1:%2: split label \"%3\" in column \"%4\" is not 0, 1 or 2; expected 0 "
                                    "(train), 1 (validation) or 2 (test)")
                                     .arg(label).arg(record.line())
                                     .arg(excerpt(record.text(columns.split).trimmed()), columns.splitName));
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
    dataset.rating.conservativeResize(Eigen::Index(count));
    return done;
}


// The sizes of what readInteractions() appends to, to undo a read.
struct DatasetSizes
{
    explicit DatasetSizes(const Dataset &d)
        : interactions(d.interactionItem.size())
        , timestamps(d.timestamp.size())
        , splits(d.interactionSplit.size())
        , users(d.userIds.size())
        , items(d.itemIds.size())
        , titles(d.itemTitles.size())
        , categories(d.itemCategories.size())
    {
    }

    void restore(Dataset &d) const
    {
        d.interactionUser.resize(interactions);
        d.interactionItem.resize(interactions);
        d.rating.conservativeResize(Eigen::Index(interactions));
        d.timestamp.resize(timestamps);
        d.interactionSplit.resize(splits);
        d.userIds.resize(users);
        d.itemIds.resize(items);
        d.itemTitles.resize(titles);
        d.itemCategories.resize(categories);
    }

    size_t interactions;
    size_t timestamps;
    size_t splits;
    qsizetype users;
    qsizetype items;
    qsizetype titles;
    qsizetype categories;
};

template<typename T>
void appendAndFree(std::vector<T> &to, std::vector<T> &from)
{
    to.insert(to.end(), from.begin(), from.end());
    std::vector<T>().swap(from);
}

// Appends the second half's interactions (part, read with its own user index and, when items are added,
// its own item index) to dataset: its users and items join userIndex and itemIndex in their order of
// first appearance, as if one thread had read the whole file.
void appendPart(Dataset &dataset, Dataset &part, IdIndex &userIndex, IdIndex &itemIndex, bool addItems)
{
    auto merge = [](IdIndex &index, const QStringList &ids, const std::function<void(const QString &)> &onNew) {
        std::vector<int> map(size_t(ids.size()));
        for (qsizetype j = 0; j < ids.size(); ++j) {
            const QByteArray key = ids[j].toUtf8();
            bool added = false;
            map[size_t(j)] = index.insert(std::string_view(key.constData(), size_t(key.size())), added);
            if (added)
                onNew(ids[j]);
        }
        return map;
    };
    const std::vector<int> users = merge(userIndex, part.userIds, [&](const QString &id) { dataset.userIds.append(id); });
    for (int &user : part.interactionUser)
        user = users[size_t(user)];
    if (addItems) {
        const bool categories = !dataset.itemCategories.isEmpty();
        const std::vector<int> items = merge(itemIndex, part.itemIds, [&](const QString &id) {
            dataset.itemIds.append(id);
            dataset.itemTitles.append(id);
            if (categories)
                dataset.itemCategories.append(QString());
        });
        for (int &item : part.interactionItem)
            item = items[size_t(item)];
    }
    const Eigen::Index before = dataset.rating.size();
    dataset.rating.conservativeResize(before + part.rating.size());
    dataset.rating.tail(part.rating.size()) = part.rating;
    part.rating.resize(0);
    appendAndFree(dataset.interactionUser, part.interactionUser);
    appendAndFree(dataset.interactionItem, part.interactionItem);
    appendAndFree(dataset.timestamp, part.timestamp);
    appendAndFree(dataset.interactionSplit, part.interactionSplit);
}

// Files from this size on are read as two halves on two threads (when two cores are there).
constexpr qsizetype kParallelBytes = qsizetype(32) << 20;

// Reads the reader's file as two halves on two threads and returns true, or returns false with the
// dataset and the indices as they were when the halves cannot be joined: the split fell inside a
// quoted field, or the second half has an error (the caller then reads the file on one thread, which
// names the error's line). An error in the first half is the file's first: it is returned.
Result<bool> readInHalves(CsvReader &reader, const InteractionColumns &columns, IdIndex &userIndex,
                          IdIndex &itemIndex, const InteractionOptions &options, Dataset &dataset,
                          const ProgressFn &progress)
{
    const qsizetype body = reader.bodyStart();
    const qsizetype split = reader.lineStartAfter(body + (reader.byteSize() - body) / 2);
    if (split < 0)
        return false;
    CsvReader second(reader.options());
    if (!second.openPart(reader, split))
        return false;

    const bool addItems = options.unknownItems == UnknownItems::Add;
    const DatasetSizes sizes(dataset);
    const IdIndex usersBefore = userIndex;
    std::optional<IdIndex> itemsBefore;
    if (addItems)
        itemsBefore = itemIndex;

    // The second half: its own users (and items, if they are added); with UnknownItems::Reject the item
    // index is only read, by both threads.
    Dataset part;
    IdIndex partUsers;
    IdIndex partItems;
    std::atomic<bool> stop{false};
    Result<void> secondDone;
    Worker worker([&] {
        secondDone = readSequentially(second, columns, partUsers, addItems ? partItems : itemIndex, options, part,
                                      [&stop](double) { return !stop.load(); });
    });
    const double half = double(split) / double(std::max<qsizetype>(1, reader.byteSize()));
    ProgressFn firstProgress;
    if (progress)
        firstProgress = [&](double fraction) { return progress(std::min(fraction, half)); };
    reader.setEnd(split);
    Result<void> firstDone = readSequentially(reader, columns, userIndex, itemIndex, options, dataset, firstProgress);
    reader.setEnd(-1);
    if (!firstDone)
        stop = true;
    worker.join();
    if (!firstDone)
        return makeError(firstDone.error());
    if (reader.lastRecordEnd() > split || !secondDone) {
        sizes.restore(dataset);
        userIndex = usersBefore;
        if (itemsBefore)
            itemIndex = *itemsBefore;
        return false;
    }
    appendPart(dataset, part, userIndex, itemIndex, addItems);
    if (progress && !progress(1.0))
        return makeError(Tr::tr("%1: reading cancelled").arg(reader.label()));
    return true;
}

} // namespace

Result<void> readInteractions(CsvReader &reader, const InteractionColumns &columns, IdIndex &userIndex,
                              IdIndex &itemIndex, const InteractionOptions &options, Dataset &dataset,
                              const ProgressFn &progress)
{
    // Refused before it allocates when it cannot fit: per interaction a user and an item index, a rating
    // and a timestamp, while the vectors grow (a doubling keeps the old and the new block at once).
    constexpr qint64 kBytesPerInteraction = 64;
    const qint64 expected = reader.estimatedRecordCount();
    if (Result<void> fits = requireMemory(expected * kBytesPerInteraction,
                                          Tr::tr("%1: about %L2 interactions").arg(reader.label()).arg(expected));
        !fits)
        return fits;
    const size_t before = dataset.interactionItem.size();
    bool read = false;
    if (options.parallel && reader.canSplit() && reader.byteSize() >= kParallelBytes
        && std::thread::hardware_concurrency() >= 2) {
        Result<bool> halves = readInHalves(reader, columns, userIndex, itemIndex, options, dataset, progress);
        if (!halves)
            return makeError(halves.error());
        read = *halves;
    }
    if (!read) {
        if (Result<void> done = readSequentially(reader, columns, userIndex, itemIndex, options, dataset, progress); !done)
            return done;
    }
    if (dataset.interactionItem.size() == before) {
        return makeError(Tr::tr("%1:%2: expected an interaction after the header but found the end of the file; a "
                            "dataset needs at least one interaction")
                             .arg(reader.label()).arg(reader.firstDataLine()));
    }
    return {};
}

Result<int> ItemRegistry::add(const CsvRecord &record, int column, const QString &label, const QString &columnName,
                              Dataset &dataset)
{
    const QString id = record.text(column).trimmed();
    if (id.isEmpty()) {
        return makeError(Tr::tr("%1:%2: empty item id in column \"%3\"; expected an id on every line")
                             .arg(label).arg(record.line()).arg(columnName));
    }
    const QByteArray key = id.toUtf8();
    if (Result<void> ok = checkIdCharacters(std::string_view(key.constData(), size_t(key.size())), IdKind::Item, label,
                                            record.line(), columnName);
        !ok)
        return makeError(ok.error());
    bool added = false;
    const int item = index.insert(std::string_view(key.constData(), size_t(key.size())), added);
    if (!added) {
        return makeError(Tr::tr("%1:%2: duplicate item id \"%3\" in column \"%4\" (also on line %5); expected each item "
                            "once")
                             .arg(label).arg(record.line()).arg(excerpt(id), columnName).arg(lines[size_t(item)]));
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
            return makeError(Tr::tr("%1:1: no column \"%2\"; expected the header %3 but found: %4")
                                 .arg(reader.label(), name, expectedHeader,
                                      reader.headerText()));
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
    if (fileKind(path) != FileKind::Regular)
        return false;
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
