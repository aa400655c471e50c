// Fuzz target: the CSV reader (engine/data/CsvReader.h), which every importer reads through.
// Input: one options byte, then the file's bytes.
//   bits 0-1  delimiter: ',' '\t' ';' '|'
//   bit 2     Latin-1 (else UTF-8)
//   bit 3     no header row
//   bit 4     no quoting
//   bit 5     the delimiter is "::" (MovieLens .dat; implies no quoting)
//   bit 6     without a header: the columns are named a, b, c
//   bit 7     also read it as a file, whole and in two halves as Interactions.cpp does for large
//             files; where both halves succeed and the first ends exactly at the split, the records
//             must equal the whole file's (a wrong split would load a corrupt dataset silently).
#include "FuzzSupport.h"

#include "engine/data/CsvReader.h"

#include <cstdlib>
#include <vector>

namespace {

using Records = std::vector<QStringList>;

fl::Result<void> collect(fl::CsvReader &reader, Records &records)
{
    return reader.forEachRecord([&records](const fl::CsvRecord &record) -> fl::Result<void> {
        QStringList fields = record.texts();
        for (int i = 0; i < record.size(); ++i) {
            if (record.isEmpty(i) != record.bytes(i).isEmpty())
                std::abort();
        }
        records.push_back(std::move(fields));
        return {};
    });
}

void readInHalves(const QString &path, const fl::CsvOptions &options)
{
    fl::CsvReader whole(options);
    if (!whole.open(path))
        return;
    (void)whole.estimatedRecordCount();
    Records all;
    const bool wholeRead = bool(collect(whole, all));
    if (!whole.canSplit())
        return;
    const qsizetype body = whole.bodyStart();
    const qsizetype split = whole.lineStartAfter(body + (whole.byteSize() - body) / 2);
    if (split < 0)
        return;
    fl::CsvReader second(whole.options());
    if (!second.openPart(whole, split))
        return;
    Records firstRecords;
    Records secondRecords;
    whole.setEnd(split);
    const bool firstRead = bool(collect(whole, firstRecords));
    whole.setEnd(-1);
    const bool secondRead = bool(collect(second, secondRecords));
    if (!wholeRead || !firstRead || !secondRead || whole.lastRecordEnd() != split)
        return;
    firstRecords.insert(firstRecords.end(), secondRecords.begin(), secondRecords.end());
    if (firstRecords != all)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    fl::fuzz::ensureApplication();
    const uint8_t flags = data[0];
    const QByteArrayView text = fl::fuzz::inputView(data + 1, size - 1);

    fl::CsvOptions options;
    options.delimiter = ",\t;|"[flags & 3];
    options.encoding = flags & 4 ? fl::CsvEncoding::Latin1 : fl::CsvEncoding::Utf8;
    options.hasHeader = !(flags & 8);
    options.quoting = !(flags & 16);
    if (flags & 32) {
        options.delimiterSequence = "::";
        options.quoting = false;
    }
    if (!options.hasHeader && (flags & 64))
        options.columnNames = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    options.label = QStringLiteral("fuzz.csv");

    if (const fl::Result<fl::CsvTable> table = fl::parseCsv(text.toByteArray(), options); fl::fuzz::accepted(table)) {
        for (size_t i = 0; i < table->rows.size(); ++i) {
            if (table->rows[i].size() != table->header.size() || table->lines[i] < 1)
                std::abort();
        }
    }
    if (flags & 128) {
        const QString folder = fl::fuzz::freshFolder();
        if (fl::fuzz::writeFile(folder, QStringLiteral("fuzz.csv"), text))
            readInHalves(folder + QStringLiteral("/fuzz.csv"), options);
    }
    return 0;
}
