#pragma once

// RFC-4180 CSV reading for every FusionLab importer (after PlotJuggler's csv_parser: options in, a
// table or per-record callbacks out, a progress callback that can cancel). The file is read once
// (memory-mapped when possible) and parsed as bytes; fields are decoded only when asked for, so the
// streaming form can read millions of interactions without building a string per cell.
//
// Accepted: a configurable one-byte delimiter, quoted fields with "" escapes and embedded line breaks,
// CRLF, LF or CR line ends, a UTF-8 byte-order mark (skipped), UTF-8 (validated) or Latin-1 text, and
// an optional header row. Blank lines are skipped. Header names are trimmed; data cells are not.
// Every malformed record is an error naming the file and the line: the reader never guesses.

#include "Dataset.h"
#include "Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QFile>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace fl {

enum class CsvEncoding { Utf8, Latin1 };

struct CsvOptions
{
    char delimiter = ',';
    CsvEncoding encoding = CsvEncoding::Utf8;
    bool hasHeader = true;        // false: columns are named "1", "2", … by position
    bool quoting = true;          // false: '"' is an ordinary character (MovieLens .dat and u.item files)
    QString label;                // the file's name in messages; empty: the path (or "<memory>")
};

// One data record, valid only during the callback that receives it.
class CsvRecord
{
public:
    int line() const { return m_line; }                  // 1-based line where the record starts
    int size() const { return int(m_spans->size()); }
    QByteArrayView bytes(int field) const;              // unescaped, still in the file's encoding
    QString text(int field) const;                      // decoded
    bool isEmpty(int field) const { return (*m_spans)[field].length == 0; }

private:
    friend class CsvReader;
    struct Span
    {
        qsizetype offset;
        qsizetype length;
        bool inScratch;
    };
    const char *m_data = nullptr;
    const char *m_scratch = nullptr;
    const std::vector<Span> *m_spans = nullptr;
    CsvEncoding m_encoding = CsvEncoding::Utf8;
    int m_line = 0;
};

// A whole file in memory: fine for item tables; interactions should stream through CsvReader.
struct CsvTable
{
    QString label;
    QStringList header;
    std::vector<QStringList> rows;
    std::vector<int> lines;       // per row: the 1-based line where it starts

    int rowCount() const { return int(rows.size()); }
    int columnCount() const { return int(header.size()); }
    int columnIndex(const QString &name) const { return int(header.indexOf(name)); }
};

// Streaming reader: open() reads the file and its header, forEachRecord() walks the data records.
class CsvReader
{
public:
    // Returning an error stops the walk; forEachRecord() then returns that error unchanged.
    using RecordFn = std::function<Result<void>(const CsvRecord &)>;

    explicit CsvReader(CsvOptions options = {});
    ~CsvReader();
    CsvReader(const CsvReader &) = delete;
    CsvReader &operator=(const CsvReader &) = delete;

    Result<void> open(const QString &path);             // a file or a Qt resource (":/…")
    Result<void> setData(QByteArray data);              // parse from memory (tests, generated text)

    const QString &label() const { return m_options.label; }
    const CsvOptions &options() const { return m_options; }
    int firstDataLine() const { return m_bodyLine; }   // where the first record after the header may start
    const QStringList &header() const { return m_header; }
    int columnCount() const { return int(m_header.size()); }
    int columnIndex(const QString &name) const { return int(m_header.indexOf(name)); }
    qsizetype byteSize() const { return m_size; }
    // An upper bound on the data records (line ends after the header), for reserving memory.
    qsizetype maxRecordCount() const;

    Result<void> forEachRecord(const RecordFn &onRecord, const ProgressFn &progress = {});

    // "expected 3 fields (header: a, b, c)", the start of every field-count message.
    QString expectation() const;

private:
    enum class Outcome { Record, End, StrayQuote, TextAfterQuote, Unterminated };
    struct Parsed
    {
        Outcome outcome = Outcome::End;
        int startLine = 0;
        int problemLine = 0;      // where a quote problem was seen
        int problemField = 0;     // 1-based field with the problem
    };

    Result<void> start();
    Parsed parseRecord(qsizetype &pos, int &line);
    QString describeProblem(const Parsed &parsed, const QString &expected) const;

    CsvOptions m_options;
    std::unique_ptr<QFile> m_file;
    QByteArray m_owned;
    const char *m_data = nullptr;
    qsizetype m_size = 0;
    qsizetype m_bodyStart = 0;    // first byte after the header (or the BOM)
    int m_bodyLine = 1;
    int m_firstRecordLine = 1;
    bool m_ready = false;
    QStringList m_header;
    bool m_special[256] = {};
    std::vector<CsvRecord::Span> m_spans;
    std::vector<char> m_scratch;
};

// Reads a whole file into a table.
Result<CsvTable> readCsv(const QString &path, const CsvOptions &options = {},
                         const ProgressFn &progress = {});
// Parses bytes already in memory (label from options, "<memory>" if empty).
Result<CsvTable> parseCsv(QByteArray data, const CsvOptions &options = {},
                          const ProgressFn &progress = {});

// The delimiter for a file name when none is given: tab for .tsv/.tab, else comma.
char defaultCsvDelimiter(const QString &fileName);

} // namespace fl
