#include "Interactions.h"

#include <QCoreApplication>
#include <QDateTime>

#include <charconv>
#include <cmath>
#include <limits>

namespace fl {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fl::Interactions", text);
}

} // namespace

QByteArrayView trimmedView(QByteArrayView view)
{
    qsizetype begin = 0;
    qsizetype end = view.size();
    while (begin < end && (view[begin] == ' ' || view[begin] == '\t'))
        ++begin;
    while (end > begin && (view[end - 1] == ' ' || view[end - 1] == '\t'))
        --end;
    return view.sliced(begin, end - begin);
}

NumberStatus parseNumber(QByteArrayView text, double &out)
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

std::optional<qint64> parseTimestamp(QByteArrayView text)
{
    const QByteArrayView view = trimmedView(text);
    qint64 integer = 0;
    const auto [ptr, ec] = std::from_chars(view.data(), view.data() + view.size(), integer);
    if (ec == std::errc() && ptr == view.data() + view.size() && !view.isEmpty())
        return integer;
    double number = 0;
    if (parseNumber(view, number) == NumberStatus::Ok && std::abs(number) < 9.2e18)
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
    const size_t estimate = dataset.interactionItem.size() + size_t(reader.maxRecordCount());
    std::vector<double> ratings(dataset.rating.data(), dataset.rating.data() + dataset.rating.size());
    ratings.reserve(estimate);
    dataset.interactionUser.reserve(estimate);
    dataset.interactionItem.reserve(estimate);
    if (columns.timestamp >= 0)
        dataset.timestamp.reserve(estimate);
    if (columns.split >= 0)
        dataset.interactionSplit.reserve(estimate);
    const bool itemsHaveCategories = !dataset.itemCategories.isEmpty();

    // Keys are UTF-8 bytes; a UTF-8 file is looked up without copying the cell.
    auto key = [&](const CsvRecord &record, int column, QByteArray &storage) -> std::string_view {
        QByteArrayView view = trimmedView(record.bytes(column));
        if (!utf8) {
            storage = record.text(column).trimmed().toUtf8();
            view = storage;
        }
        return std::string_view(view.data(), size_t(view.size()));
    };

    QByteArray userStorage;
    QByteArray itemStorage;
    // Interaction files are often sorted by user: skip the lookup while the user stays the same.
    std::string lastUserKey;
    int lastUser = -1;
    const size_t before = ratings.size();
    Result<void> done = reader.forEachRecord(
        [&](const CsvRecord &record) -> Result<void> {
            const std::string_view userKey = key(record, columns.user, userStorage);
            if (userKey.empty()) {
                return makeError(tr("%1:%2: empty user id in column \"%3\"; expected an id on every line")
                                     .arg(label).arg(record.line()).arg(columns.userName));
            }
            const std::string_view itemKey = key(record, columns.item, itemStorage);
            int item = itemIndex.find(itemKey);
            if (item < 0) {
                if (itemKey.empty()) {
                    return makeError(tr("%1:%2: empty item id in column \"%3\"; expected an id on every line")
                                         .arg(label).arg(record.line()).arg(columns.itemName));
                }
                if (options.unknownItems == UnknownItems::Reject) {
                    return makeError(tr("%1:%2: item id \"%3\" in column \"%4\" is not in %5; expected one "
                                        "of the items file's ids")
                                         .arg(label).arg(record.line())
                                         .arg(record.text(columns.item).trimmed(), columns.itemName,
                                              options.itemsFile));
                }
                bool added = false;
                item = itemIndex.insert(itemKey, added);
                const QString id = record.text(columns.item).trimmed();
                dataset.itemIds.append(id);
                dataset.itemTitles.append(id);
                if (itemsHaveCategories)
                    dataset.itemCategories.append(QString());
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
                if (status == NumberStatus::Empty) {
                    return makeError(tr("%1:%2: empty rating in column \"%3\"; expected a number such as 4 or 3.5")
                                         .arg(label).arg(record.line()).arg(columns.ratingName));
                }
                if (status != NumberStatus::Ok) {
                    const QString problem = status == NumberStatus::NotFinite
                        ? tr("is not a finite number; expected a finite number")
                        : tr("is not a number; expected a number such as 4 or 3.5");
                    return makeError(tr("%1:%2: rating \"%3\" in column \"%4\" %5")
                                         .arg(label).arg(record.line())
                                         .arg(record.text(columns.rating).trimmed(), columns.ratingName, problem));
                }
            }
            if (columns.timestamp >= 0) {
                const std::optional<qint64> time = parseTimestamp(record.bytes(columns.timestamp));
                if (!time) {
                    return makeError(tr("%1:%2: timestamp \"%3\" in column \"%4\" is not a number; expected "
                                        "seconds since 1970 or an ISO 8601 date")
                                         .arg(label).arg(record.line())
                                         .arg(record.text(columns.timestamp).trimmed(), columns.timestampName));
                }
                dataset.timestamp.push_back(*time);
            }
            if (columns.split >= 0) {
                const QByteArrayView cell = trimmedView(record.bytes(columns.split));
                if (cell.size() != 1 || cell[0] < '0' || cell[0] > '2') {
                    return makeError(tr("%1:%2: split label \"%3\" in column \"%4\" is not 0, 1 or 2; expected "
                                        "0 (train), 1 (validation) or 2 (test)")
                                         .arg(label).arg(record.line())
                                         .arg(record.text(columns.split).trimmed(), columns.splitName));
                }
                dataset.interactionSplit.push_back(qint8(cell[0] - '0'));
            }
            dataset.interactionUser.push_back(lastUser);
            dataset.interactionItem.push_back(item);
            ratings.push_back(rating);
            return {};
        },
        progress);
    if (!done)
        return done;
    if (ratings.size() == before) {
        return makeError(tr("%1:%2: expected an interaction after the header but found the end of the file; a "
                            "dataset needs at least one interaction")
                             .arg(label).arg(reader.firstDataLine()));
    }
    dataset.rating = Eigen::Map<const Eigen::VectorXd>(ratings.data(), Eigen::Index(ratings.size()));
    return {};
}

} // namespace fl
