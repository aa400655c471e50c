#pragma once

// Reading interactions (user, item, rating, timestamp) from a delimited file into a Dataset, shared by
// every importer: the manifest loader, MovieLens, MMRec and RecBole. Cells are parsed as bytes viewed
// in the file, ids are mapped to dense indices without allocating, and every bad cell is an error
// naming the file, the line, the column and what was expected.

#include "engine/core/Result.h"
#include "engine/data/CsvReader.h"
#include "engine/data/Dataset.h"

#include <QByteArrayView>
#include <QString>

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fl {

// Maps id bytes to dense indices 0, 1, … in order of insertion, without allocating per lookup: the
// interactions loop looks up cells viewed straight in the file's buffer. Canonical decimal ids ("1",
// "209171"; no sign, no leading zero, below 2^24) index a plain array, so a lookup is one load; other
// ids go to an open-addressing table whose slots hold ids of up to 8 bytes inline. (With
// QHash<QByteArray, int>, loading 5M interactions took 2.5x as long; with every id in the hash table,
// the item lookup's cache miss was a third of the load time of MovieLens 25M.)
class IdIndex
{
public:
    int size() const { return m_size; }

    int find(std::string_view key) const
    {
        const qint64 number = directNumber(key);
        if (number >= 0) {
            const int index = findDirect(number);
            if (index >= 0 || m_hashed == 0)
                return index;
        }
        return findHashed(key, hashOf(key));
    }

    // The index of key, adding it at the end if it is new; `added` tells which.
    int insert(std::string_view key, bool &added)
    {
        const qint64 number = directNumber(key);
        if (number >= 0) {
            if (size_t(number) < m_direct.size() && m_direct[size_t(number)] >= 0) {
                added = false;
                return m_direct[size_t(number)];
            }
            if (m_hashed > 0) {
                const int found = findHashed(key, hashOf(key));
                if (found >= 0) {
                    added = false;
                    return found;
                }
            }
            // The array may cover up to 8 entries per id (or 1M entries): sparse numbers go to the table.
            if (number < std::max<qint64>(qint64(1) << 20, 8 * qint64(m_size + 1))) {
                if (size_t(number) >= m_direct.size())
                    m_direct.resize(std::max(size_t(number) + 1, m_direct.size() * 2), -1);
                m_direct[size_t(number)] = m_size;
                added = true;
                return m_size++;
            }
        }
        const size_t hash = hashOf(key);
        const int found = findHashed(key, hash);
        if (found >= 0) {
            added = false;
            return found;
        }
        if (size_t(m_hashed + 1) * 2 > m_slots.size())
            grow();
        size_t i = hash & m_mask;
        while (m_slots[i].index >= 0)
            i = (i + 1) & m_mask;
        Slot slot;
        slot.hash = hash;
        slot.length = quint32(key.size());
        if (key.size() <= sizeof(quint64)) {
            if (!key.empty())
                std::memcpy(&slot.key, key.data(), key.size());
        } else {
            slot.key = m_arena.size();
            m_arena.append(key);
        }
        slot.index = m_size++;
        m_slots[i] = slot;
        ++m_hashed;
        added = true;
        return slot.index;
    }

    // The value of a canonical decimal id below 2^24 ("0", "209171"; no sign or leading zero), else -1.
    static qint64 directNumber(std::string_view key)
    {
        if (key.empty() || key.size() > 8 || (key[0] == '0' && key.size() > 1))
            return -1;
        qint64 value = 0;
        for (char c : key) {
            if (c < '0' || c > '9')
                return -1;
            value = value * 10 + (c - '0');
        }
        return value < (qint64(1) << 24) ? value : -1;
    }

    // For a batch of keys whose directNumber() is >= 0: prefetch() each, then findDirect() each, so that
    // the batch's cache misses overlap. findDirect() returning -1 means: ask find().
    void prefetch(qint64 number) const
    {
        if (size_t(number) < m_direct.size())
            __builtin_prefetch(m_direct.data() + number);
    }
    int findDirect(qint64 number) const
    {
        return size_t(number) < m_direct.size() ? m_direct[size_t(number)] : -1;
    }

private:
    struct Slot
    {
        size_t hash = 0;
        quint64 key = 0;          // the bytes themselves if length <= 8, else an offset into m_arena
        qint32 index = -1;
        quint32 length = 0;
    };

    static size_t hashOf(std::string_view key)
    {
        quint64 h = 0x9e3779b97f4a7c15ULL ^ key.size();
        size_t i = 0;
        for (;; i += 8) {
            quint64 word = 0;
            const size_t n = std::min<size_t>(8, key.size() - i);
            if (n > 0)   // an empty key's data() may be null, which memcpy must not get even for 0 bytes
                std::memcpy(&word, key.data() + i, n);
            h = (h ^ word) * 0xbf58476d1ce4e5b9ULL;
            h ^= h >> 29;
            if (i + 8 >= key.size())
                break;
        }
        h *= 0x94d049bb133111ebULL;
        return size_t(h ^ (h >> 32));
    }

    int findHashed(std::string_view key, size_t hash) const
    {
        if (m_slots.empty())
            return -1;
        quint64 inlineKey = 0;
        if (!key.empty() && key.size() <= sizeof(quint64))
            std::memcpy(&inlineKey, key.data(), key.size());
        for (size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            const Slot &slot = m_slots[i];
            if (slot.index < 0)
                return -1;
            if (slot.hash != hash || slot.length != key.size())
                continue;
            if (key.size() <= sizeof(quint64) ? slot.key == inlineKey
                                              : std::string_view(m_arena).substr(size_t(slot.key), slot.length) == key)
                return slot.index;
        }
    }

    void grow()
    {
        const size_t capacity = std::max<size_t>(64, m_slots.size() * 2);
        std::vector<Slot> slots(capacity);
        const size_t mask = capacity - 1;
        for (const Slot &slot : m_slots) {
            if (slot.index < 0)
                continue;
            size_t i = slot.hash & mask;
            while (slots[i].index >= 0)
                i = (i + 1) & mask;
            slots[i] = slot;
        }
        m_slots = std::move(slots);
        m_mask = mask;
    }

    std::vector<qint32> m_direct;  // number -> index, -1 if absent
    std::vector<Slot> m_slots;
    size_t m_mask = 0;
    int m_size = 0;               // ids in both
    int m_hashed = 0;             // ids in m_slots
    std::string m_arena;
};

// Spaces and tabs trimmed from both ends.
inline QByteArrayView trimmedView(QByteArrayView view)
{
    qsizetype begin = 0;
    qsizetype end = view.size();
    while (begin < end && (view[begin] == ' ' || view[begin] == '\t'))
        ++begin;
    while (end > begin && (view[end - 1] == ' ' || view[end - 1] == '\t'))
        --end;
    return view.sliced(begin, end - begin);
}

enum class NumberStatus { Ok, Empty, NotNumber, NotFinite };

// Ratings are refused beyond ±10⁶ (file:line): sums and squares over any number of them stay finite,
// and a value like 1e308 or 2147483648 in a rating column is a broken file, not a rating.
inline constexpr double kMaxAbsRating = 1e6;

// The first control character (below 0x20, or 0x7F) in an id, or −1: a NUL inside "u1\0" would
// otherwise make a user of its own.
int controlCharacterIn(std::string_view id);

enum class IdKind { User, Item };
// An error naming the file, the line and the column when id holds a control character:
// "items.csv:4: item id in column "id" contains the control character 0x00; expected printable text".
Result<void> checkIdCharacters(std::string_view id, IdKind kind, const QString &label, int line, const QString &column);
// The same for an id cell (trimmed) that must also not be empty.
Result<void> checkIdCell(QByteArrayView cell, IdKind kind, const QString &label, int line, const QString &column);

namespace detail {
NumberStatus parseNumberSlow(QByteArrayView text, double &out);
bool parseTimestampSlow(QByteArrayView text, qint64 &out);
} // namespace detail

// Locale-independent: "1.5", "-2e3", "+4"; "nan"/"inf" are numbers but not finite. Spaces and tabs
// around the number are ignored.
inline NumberStatus parseNumber(QByteArrayView text, double &out)
{
    // Fast path for plain decimals ("4", "3.5") of at most 15 digits: N / 10^k with both exact doubles
    // is one correctly rounded division, the value std::from_chars gives.
    static constexpr double kPowersOf10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
                                             1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    quint64 mantissa = 0;
    int digits = 0;
    int fraction = -1;
    for (const char c : text) {
        const unsigned digit = unsigned(c - '0');
        if (digit < 10) {
            mantissa = mantissa * 10 + digit;
            ++digits;
            fraction += fraction >= 0 ? 1 : 0;
        } else if (c == '.' && fraction < 0) {
            fraction = 0;
        } else {
            return detail::parseNumberSlow(text, out);
        }
    }
    if (digits == 0 || digits > 15 || fraction == 0)
        return detail::parseNumberSlow(text, out);
    out = double(mantissa) / kPowersOf10[fraction < 0 ? 0 : fraction];
    return NumberStatus::Ok;
}

// Seconds since the epoch: an integer, a finite number, or an ISO 8601 date (UTC unless it says).
// Returns false if the text is none of these.
inline bool parseTimestamp(QByteArrayView text, qint64 &out)
{
    // Fast path for plain integers (10-digit Unix times): eight digits at a time (as in simdjson).
    if (text.isEmpty() || text.size() > 18)
        return detail::parseTimestampSlow(text, out);
    const char *p = text.data();
    const char *end = p + text.size();
    quint64 value = 0;
#if Q_BYTE_ORDER == Q_LITTLE_ENDIAN
    if (text.size() >= 8) {
        quint64 word;
        std::memcpy(&word, p, 8);
        if ((((word & 0xF0F0F0F0F0F0F0F0ULL) | (((word + 0x0606060606060606ULL) & 0xF0F0F0F0F0F0F0F0ULL) >> 4))
             != 0x3333333333333333ULL))
            return detail::parseTimestampSlow(text, out);
        word -= 0x3030303030303030ULL;
        word = word * 10 + (word >> 8);
        value = (((word & 0x000000FF000000FFULL) * (100 + (1000000ULL << 32)))
                 + (((word >> 16) & 0x000000FF000000FFULL) * (1 + (10000ULL << 32))))
            >> 32;
        p += 8;
    }
#endif
    for (; p < end; ++p) {
        const unsigned digit = unsigned(*p - '0');
        if (digit >= 10)
            return detail::parseTimestampSlow(text, out);
        value = value * 10 + digit;
    }
    out = qint64(value);
    return true;
}

inline std::optional<qint64> parseTimestamp(QByteArrayView text)
{
    qint64 value = 0;
    if (!parseTimestamp(text, value))
        return std::nullopt;
    return value;
}

// The timestamp in a record's cell, or the error readInteractions() gives for it (file, line, column).
Result<qint64> timestampCell(const CsvRecord &record, int column, const QString &label, const QString &columnName);

// Where the interaction fields are in the reader's records; names are the header's, for messages.
struct InteractionColumns
{
    int user = -1;
    int item = -1;
    int rating = -1;              // < 0: implicit feedback, every rating is 1
    int timestamp = -1;           // < 0: no timestamps
    int split = -1;               // < 0: none; else 0/1/2 = train/validation/test (MMRec's x_label)
    QString userName;
    QString itemName;
    QString ratingName;
    QString timestampName;
    QString splitName;
};

enum class UnknownItems {
    Reject,                       // an item id not in itemIndex is an error naming itemsFile
    Add,                          // it becomes a new item (its id as title); the caller extends modalities
};

struct InteractionOptions
{
    UnknownItems unknownItems = UnknownItems::Reject;
    QString itemsFile;            // for the message about an unknown item
    // A file of 32 MB or more is read as two halves on two threads (same result, same messages).
    bool parallel = true;
};

// Appends the reader's records to dataset: interactionUser/Item, rating, timestamp (if a column is
// given), interactionSplit (if a column is given), and new users to userIds (userIndex maps their ids,
// so several files can share it). An empty file is an error: a dataset needs interactions.
Result<void> readInteractions(CsvReader &reader, const InteractionColumns &columns, IdIndex &userIndex,
                              IdIndex &itemIndex, const InteractionOptions &options, Dataset &dataset,
                              const ProgressFn &progress = {});

// ---- Shared by the importers of published formats (MovieLens, RecBole) ----

// The items of an items file in file order: ids non-empty and unique.
struct ItemRegistry
{
    IdIndex index;
    std::vector<int> lines;       // per item: the line it was read from (0: added from interactions)

    // Appends the record's id (column `column`, trimmed) to dataset.itemIds and returns its index; an
    // empty or repeated id is an error naming the file and the line(s).
    Result<int> add(const CsvRecord &record, int column, const QString &label, const QString &columnName,
                    Dataset &dataset);
};

// The columns `names` of a reader (by header name, or by CsvOptions::columnNames), in that order; a
// missing one is an error that shows the expected header (e.g. "userId,movieId,rating,timestamp").
Result<std::vector<int>> requireColumns(const CsvReader &reader, const QStringList &names,
                                        const QString &expectedHeader);

// The interaction columns user, item, rating, timestamp at those indices of the reader's header.
InteractionColumns interactionColumns(const CsvReader &reader, int user, int item, int rating, int timestamp);

// A Text modality; an empty text marks its item missing.
ModalitySource textModality(const QString &name, const QString &origin, QStringList texts);

// A Numeric or Vectors modality from row-major values (one row of `width` per item; missing rows zero).
ModalitySource matrixModality(const QString &name, ModalityKind kind, const QString &origin,
                              const std::vector<double> &rowMajor, int width, std::vector<bool> missing);

// Extends a modality built for fewer items with missing entries up to itemCount (items that only the
// interactions named, UnknownItems::Add).
void padModality(ModalitySource &modality, int itemCount);

// The folder a dataset path names: the path itself if it is a folder, else the folder of the file.
QString datasetFolder(const QString &path);

// True if the file's first line (after a UTF-8 byte-order mark) starts with prefix.
bool firstLineStartsWith(const QString &path, const QByteArray &prefix);

// The progress of a part of a load that covers [from, to] of the whole; empty if progress is.
ProgressFn progressPart(const ProgressFn &progress, double from, double to);

} // namespace fl
