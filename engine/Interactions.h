#pragma once

// Reading interactions (user, item, rating, timestamp) from a delimited file into a Dataset, shared by
// every importer: the manifest loader, MovieLens, MMRec and RecBole. Cells are parsed as bytes viewed
// in the file, ids are mapped to dense indices without allocating, and every bad cell is an error
// naming the file, the line, the column and what was expected.

#include "CsvReader.h"
#include "Dataset.h"
#include "Result.h"

#include <QByteArrayView>
#include <QString>

#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fl {

// Maps id bytes to dense indices 0, 1, … in order of insertion. Open addressing; ids of up to 8 bytes
// (most ids) live inside the slot, so a lookup usually touches one cache line and never allocates: the
// interactions loop looks up cells viewed straight in the mapped file. (With QHash<QByteArray, int>,
// loading 5M interactions took 2.5x as long here, mostly in its AES-based hash.)
class IdIndex
{
public:
    int size() const { return m_size; }

    int find(std::string_view key) const
    {
        if (m_slots.empty())
            return -1;
        const Slot probe = makeSlot(key);
        for (size_t i = probe.hash & m_mask;; i = (i + 1) & m_mask) {
            const Slot &slot = m_slots[i];
            if (slot.index < 0)
                return -1;
            if (matches(slot, probe, key))
                return slot.index;
        }
    }

    // The index of key, adding it at the end if it is new; `added` tells which.
    int insert(std::string_view key, bool &added)
    {
        if (size_t(m_size + 1) * 2 > m_slots.size())
            grow();
        Slot probe = makeSlot(key);
        size_t i = probe.hash & m_mask;
        for (;; i = (i + 1) & m_mask) {
            const Slot &slot = m_slots[i];
            if (slot.index < 0)
                break;
            if (matches(slot, probe, key)) {
                added = false;
                return slot.index;
            }
        }
        if (key.size() > sizeof(quint64)) {
            probe.key = m_arena.size();
            m_arena.append(key);
        }
        probe.index = m_size++;
        m_slots[i] = probe;
        added = true;
        return probe.index;
    }

private:
    struct Slot
    {
        size_t hash = 0;
        quint64 key = 0;          // the bytes themselves if length <= 8, else an offset into m_arena
        qint32 index = -1;
        quint32 length = 0;
    };

    static Slot makeSlot(std::string_view key)
    {
        Slot slot;
        slot.hash = std::hash<std::string_view>{}(key);
        slot.length = quint32(key.size());
        if (key.size() <= sizeof(quint64))
            std::memcpy(&slot.key, key.data(), key.size());
        return slot;
    }

    bool matches(const Slot &slot, const Slot &probe, std::string_view key) const
    {
        if (slot.hash != probe.hash || slot.length != probe.length)
            return false;
        if (slot.length <= sizeof(quint64))
            return slot.key == probe.key;
        return std::string_view(m_arena).substr(size_t(slot.key), slot.length) == key;
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

    std::vector<Slot> m_slots;
    size_t m_mask = 0;
    int m_size = 0;
    std::string m_arena;
};

// Spaces and tabs trimmed from both ends.
QByteArrayView trimmedView(QByteArrayView view);

enum class NumberStatus { Ok, Empty, NotNumber, NotFinite };

// Locale-independent: "1.5", "-2e3", "+4"; "nan"/"inf" are numbers but not finite.
NumberStatus parseNumber(QByteArrayView text, double &out);

// Seconds since the epoch: an integer, a finite number, or an ISO 8601 date (UTC unless it says).
std::optional<qint64> parseTimestamp(QByteArrayView text);

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
};

// Appends the reader's records to dataset: interactionUser/Item, rating, timestamp (if a column is
// given), interactionSplit (if a column is given), and new users to userIds (userIndex maps their ids,
// so several files can share it). An empty file is an error: a dataset needs interactions.
Result<void> readInteractions(CsvReader &reader, const InteractionColumns &columns, IdIndex &userIndex,
                              IdIndex &itemIndex, const InteractionOptions &options, Dataset &dataset,
                              const ProgressFn &progress = {});

} // namespace fl
