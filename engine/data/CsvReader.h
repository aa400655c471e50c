#pragma once

// RFC-4180 CSV reading for every FusionLab importer (after PlotJuggler's csv_parser: options in, a
// table or per-record callbacks out, a progress callback that can cancel). Files are read in chunks of a
// few megabytes (a record longer than a chunk grows it), so streaming a large interactions file costs
// the arrays it fills and not the file's size in memory; bytes are parsed as they are and fields are
// decoded only when asked for, so millions of interactions load without building a string per cell.
//
// Accepted: a configurable one-byte delimiter (or a multi-byte one such as MovieLens' "::"), quoted
// fields with "" escapes and embedded line breaks (or no quoting at all), CRLF, LF or CR line ends, a
// UTF-8 byte-order mark (skipped), UTF-8 (validated) or Latin-1 text, and an optional header row. Blank
// lines are skipped. Header names are trimmed; data cells are not. Every malformed record is an error
// naming the file and the line: the reader never guesses.

#include "engine/core/Result.h"
#include "engine/data/Dataset.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QFile>
#include <QString>
#include <QStringList>

#include <functional>
#include <limits>
#include <memory>
#include <utility>
#include <vector>

namespace fl {

// Bounds on what a file may ask of the reader, so that a hostile or broken file is refused quickly with a
// message instead of filling memory: a record (one line, or several inside quotes; so also any field) of
// at most kMaxRecordBytes, and at most kMaxColumns fields per record.
inline constexpr qsizetype kMaxRecordBytes = qsizetype(16) << 20;
inline constexpr int kMaxColumns = 4096;

enum class CsvEncoding { Utf8, Latin1 };

struct CsvOptions
{
    char delimiter = ',';
    CsvEncoding encoding = CsvEncoding::Utf8;
    bool hasHeader = true;        // false: columns are named "1", "2", … by position
    bool quoting = true;          // false: '"' is an ordinary character (MovieLens .dat and u.item files)
    // Non-empty: the delimiter is this byte sequence (MovieLens .dat files: "::") and `delimiter` is
    // ignored. It is replaced in memory by the byte 0x1F, which must not occur in the file. Needs
    // quoting = false. For a repeated byte, a longer run ends with the delimiter: "Title:::Drama" is
    // "Title:" and "Drama".
    QByteArray delimiterSequence;
    // Without a header: the columns' names, for messages and columnIndex(); every record must have
    // this many fields. Empty: the columns are named "1", "2", … and the first record sets the count.
    QStringList columnNames;
    QString label;                // the file's name in messages; empty: the path (or "<memory>")
    // What the message about text that is not UTF-8 advises; empty: the manifest's "encoding" key.
    QString encodingHint;
    // Non-empty: open() refuses a file that resolves (symbolic links followed) outside this folder, the
    // dataset's. Whatever it is set to, open() refuses anything but a regular file before opening it.
    QString folder;
};

// One data record, valid only during the callback that receives it.
class CsvRecord
{
public:
    int line() const { return m_line; }                  // 1-based line where the record starts
    int size() const { return int(m_spans->size()); }
    QByteArrayView bytes(int field) const               // unescaped, still in the file's encoding
    {
        const Span &span = (*m_spans)[size_t(field)];
        return QByteArrayView((span.inScratch ? m_scratch : m_data) + span.offset, span.length);
    }
    QString text(int field) const;                      // decoded
    QStringList texts() const;                          // every field, decoded
    bool isEmpty(int field) const { return (*m_spans)[size_t(field)].length == 0; }

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

// Streaming reader: open() reads the header, forEachRecord() walks the data records (again from the
// start if called again).
class CsvReader
{
    Q_DECLARE_TR_FUNCTIONS(fl::CsvReader)

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
    qsizetype byteSize() const { return m_size; }      // the whole file's
    // The number of data records to reserve memory for: exact (line ends after the header) when the
    // whole file is in memory, else extrapolated from the first chunk with a 10% margin.
    qsizetype estimatedRecordCount() const;

    // For reading one file's two halves on two threads (files only, without delimiterSequence):
    // the start of the first line after offset (-1 if there is none or the file cannot be split),
    bool canSplit() const { return m_file && m_options.delimiterSequence.isEmpty(); }
    qsizetype lineStartAfter(qsizetype offset) const;
    qsizetype bodyStart() const { return m_bodyStart; }
    // a reader of whole's file from `from` (a line start) to its end, with whole's options and header
    // (its line numbers count from 1 at `from`),
    Result<void> openPart(const CsvReader &whole, qsizetype from);
    // records starting at or after `offset` are not read (-1: read to the end),
    void setEnd(qsizetype offset) { m_end = offset < 0 ? std::numeric_limits<qsizetype>::max() : offset; }
    // and the file offset just after the last record read by the last walk.
    qsizetype lastRecordEnd() const { return m_lastRecordEnd; }

    // onRecord(const CsvRecord &) -> Result<void>, called inline for each data record.
    template<typename Fn>
    Result<void> forEachRecord(Fn &&onRecord, const ProgressFn &progress = {});

    // "expected 3 fields (header: a, b, c)", the start of every field-count message.
    QString expectation() const;
    // The header's names for a message: the first 30, each cut short, control characters escaped.
    QString headerText() const;

private:
    enum class Outcome { Record, End, NeedMore, StrayQuote, TextAfterQuote, Unterminated, TooManyFields };
    enum class Step { Record, End, Failed };
    struct Parsed
    {
        Outcome outcome = Outcome::End;
        int startLine = 0;
        int problemLine = 0;      // where a quote problem was seen
        int problemField = 0;     // 1-based field with the problem
    };

    Result<void> start();
    Result<void> rewind();
    Result<void> refill(qsizetype keepFrom, int keepLine);
    Result<void> prepareWindow(qsizetype end, qsizetype keepFrom, int keepLine);
    QString delimiterName() const;
    Step nextRecord(CsvRecord &record);
    Parsed parseRecord(qsizetype &pos, int &line);
    QString describeProblem(const Parsed &parsed, const QString &expected) const;
    bool progressDue() const { return m_offset + m_pos - m_lastReport >= kProgressStep; }
    bool reportProgress(const ProgressFn &progress);

    static constexpr qsizetype kProgressStep = qsizetype(1) << 20;

    CsvOptions m_options;
    char m_delimiter = ',';       // as parsed: 0x1F when options.delimiterSequence is set
    std::unique_ptr<QFile> m_file;
    QByteArray m_buffer;          // the current chunk (or the whole data)
    qsizetype m_fill = 0;         // bytes of m_buffer read from the file
    qsizetype m_window = 0;       // bytes of m_buffer that end with a complete line (all at the end)
    qsizetype m_validated = 0;    // bytes of m_buffer checked (UTF-8) and rewritten (delimiterSequence)
    qsizetype m_offset = 0;       // file offset of m_buffer[0] (after delimiterSequence rewriting)
    bool m_atEnd = false;         // m_buffer holds the file's last byte
    qsizetype m_size = 0;
    qsizetype m_pos = 0;          // parse position in m_buffer
    int m_line = 1;
    qsizetype m_lastReport = 0;
    qsizetype m_bodyStart = 0;    // file offset of the first byte after the header (or the BOM)
    int m_bodyLine = 1;
    int m_firstRecordLine = 1;
    qsizetype m_estimate = 0;
    qsizetype m_end = std::numeric_limits<qsizetype>::max();
    qsizetype m_lastRecordEnd = 0;
    bool m_ready = false;
    QStringList m_header;
    bool m_special[256] = {};
    std::vector<CsvRecord::Span> m_spans;
    std::vector<char> m_scratch;
    QString m_error;
};

template<typename Fn>
Result<void> CsvReader::forEachRecord(Fn &&onRecord, const ProgressFn &progress)
{
    if (Result<void> ok = rewind(); !ok)
        return ok;
    CsvRecord record;
    record.m_spans = &m_spans;
    record.m_encoding = m_options.encoding;
    for (;;) {
        const Step step = nextRecord(record);
        if (step == Step::End)
            break;
        if (step == Step::Failed)
            return makeError(m_error);
        if (Result<void> accepted = onRecord(std::as_const(record)); !accepted)
            return accepted;
        if (progress && progressDue() && !reportProgress(progress))
            return makeError(m_error);
    }
    if (progress)
        progress(1.0);
    return {};
}

// Reads a whole file into a table.
Result<CsvTable> readCsv(const QString &path, const CsvOptions &options = {},
                         const ProgressFn &progress = {});
// Parses bytes already in memory (label from options, "<memory>" if empty).
Result<CsvTable> parseCsv(QByteArray data, const CsvOptions &options = {},
                          const ProgressFn &progress = {});

// The delimiter for a file name when none is given: tab for .tsv/.tab, else comma.
char defaultCsvDelimiter(const QString &fileName);

} // namespace fl
