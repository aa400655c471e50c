// Why one file (about 700 lines):
// The RFC-4180 state machine, the chunked reader, the two-thread pipeline and the field decoding share the
// parser's state; they are one reader.

#include "engine/data/CsvReader.h"

#include "engine/data/DatasetFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cstring>

namespace fl {

namespace {

constexpr qsizetype kChunkSize = qsizetype(8) << 20;
constexpr char kSequenceByte = '\x1F';   // stands for CsvOptions::delimiterSequence in memory
constexpr int kMaxHeaderNamesShown = 30;

// Offset of the first byte that is not part of well-formed UTF-8 (Unicode table 3-7), or -1.
qsizetype firstInvalidUtf8(const char *data, qsizetype size)
{
    const auto *p = reinterpret_cast<const unsigned char *>(data);
    qsizetype i = 0;
    while (i < size) {
        if (i + 8 <= size) {
            quint64 word;
            std::memcpy(&word, p + i, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        const unsigned c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned low = 0x80;
        unsigned high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c == 0xE0) {
            length = 3;
            low = 0xA0;
        } else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
            length = 3;
        } else if (c == 0xED) {
            length = 3;
            high = 0x9F;
        } else if (c == 0xF0) {
            length = 4;
            low = 0x90;
        } else if (c >= 0xF1 && c <= 0xF3) {
            length = 4;
        } else if (c == 0xF4) {
            length = 4;
            high = 0x8F;
        } else {
            return i;
        }
        if (i + length > size || p[i + 1] < low || p[i + 1] > high)
            return i;
        for (int k = 2; k < length; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return i;
        }
        i += length;
    }
    return -1;
}

// Line ends in data[from, to), counting CRLF, LF and a lone CR as one each.
int lineEndsIn(const char *data, qsizetype from, qsizetype to)
{
    int count = 0;
    for (qsizetype i = from; i < to; ++i) {
        if (data[i] == '\n')
            ++count;
        else if (data[i] == '\r' && !(i + 1 < to && data[i + 1] == '\n'))
            ++count;
    }
    return count;
}

QString listNames(const QStringList &names)
{
    QStringList shown;
    for (int i = 0; i < names.size() && i < kMaxHeaderNamesShown; ++i)
        shown.append(names[i].isEmpty() ? QStringLiteral("\"\"") : excerpt(names[i], 60));
    QString text = shown.join(QStringLiteral(", "));
    if (names.size() > kMaxHeaderNamesShown)
        text += QStringLiteral(", … (%1 columns)").arg(names.size());
    return text;
}

QString decode(const char *data, qsizetype length, CsvEncoding encoding)
{
    if (length == 0)
        return QString();
    return encoding == CsvEncoding::Utf8 ? QString::fromUtf8(data, length)
                                         : QString::fromLatin1(data, length);
}

} // namespace

QStringList CsvRecord::texts() const
{
    QStringList fields;
    fields.reserve(size());
    for (int i = 0; i < size(); ++i)
        fields.append(text(i));
    return fields;
}

QString CsvRecord::text(int field) const
{
    const QByteArrayView view = bytes(field);
    return decode(view.data(), view.size(), m_encoding);
}

CsvReader::CsvReader(CsvOptions options)
    : m_options(std::move(options))
{
    m_delimiter = m_options.delimiterSequence.isEmpty() ? m_options.delimiter : kSequenceByte;
    m_special[uchar(m_delimiter)] = true;
    m_special[uchar('"')] = m_options.quoting;
    m_special[uchar('\r')] = true;
    m_special[uchar('\n')] = true;
}

CsvReader::~CsvReader() = default;

Result<void> CsvReader::open(const QString &path)
{
    if (m_options.label.isEmpty())
        m_options.label = path;
    const QString &label = m_options.label;
    m_file = std::make_unique<QFile>(path);
    // Looked at before opening: opening a FIFO blocks, and a device or a folder cannot be read as text.
    switch (const FileKind kind = fileKind(path)) {
    case FileKind::Regular:
        break;
    case FileKind::Missing:
        return makeError(CsvReader::tr("%1: file not found (looked for %2)").arg(label, path));
    case FileKind::Folder:
        return makeError(CsvReader::tr("%1: is a folder; expected a CSV file").arg(label));
    default:
        return makeError(CsvReader::tr("%1: is %2, not a regular file; expected a CSV file").arg(label, fileKindName(kind)));
    }
    if (!m_options.folder.isEmpty() && !resolvesInside(m_options.folder, path)) {
        return makeError(CsvReader::tr("%1: leads outside the dataset folder %2 (to %3); expected a file inside it")
                             .arg(label, QDir::toNativeSeparators(m_options.folder),
                                  QDir::toNativeSeparators(QFileInfo(path).canonicalFilePath())));
    }
    if (!m_file->open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return makeError(CsvReader::tr("%1: cannot open: %2").arg(label, m_file->errorString()));
    m_size = qsizetype(m_file->size());
    m_buffer.clear();
    return start();
}

Result<void> CsvReader::setData(QByteArray data)
{
    if (m_options.label.isEmpty())
        m_options.label = QStringLiteral("<memory>");
    m_file.reset();
    m_buffer = std::move(data);
    m_size = m_buffer.size();
    return start();
}

QString CsvReader::delimiterName() const
{
    if (!m_options.delimiterSequence.isEmpty())
        return QStringLiteral("'%1'").arg(QString::fromLatin1(m_options.delimiterSequence));
    if (m_delimiter == '\t')
        return QStringLiteral("tab");
    return QStringLiteral("'%1'").arg(QLatin1Char(m_delimiter));
}

Result<void> CsvReader::refill(qsizetype keepFrom, int keepLine)
{
    if (!m_file) {
        // All the data is in memory: prepare it once.
        m_fill = m_buffer.size();
        m_atEnd = true;
        return prepareWindow(m_fill, keepFrom, keepLine);
    }
    if (keepFrom > 0) {
        std::memmove(m_buffer.data(), m_buffer.constData() + keepFrom, size_t(m_fill - keepFrom));
        m_fill -= keepFrom;
        m_offset += keepFrom;
        m_window = std::max<qsizetype>(0, m_window - keepFrom);
        m_validated = std::max<qsizetype>(0, m_validated - keepFrom);
        keepFrom = 0;
    }
    for (;;) {
        if (m_fill == m_buffer.size()) {
            // The buffer is full and holds the record that starts at its start: the record has no end in
            // sight (no line end, or a quote that does not close). Refuse it rather than hold the whole file.
            if (m_fill >= kMaxRecordBytes) {
                return makeError(CsvReader::tr("%1:%2: a record longer than %3 MB (no line end, or a quoted field that does "
                                        "not close); expected lines of at most %3 MB")
                                     .arg(m_options.label).arg(keepLine).arg(kMaxRecordBytes >> 20));
            }
            m_buffer.resize(std::max(kChunkSize, 2 * m_buffer.size()));
        }
        const qsizetype wanted = m_buffer.size() - m_fill;
        const qint64 got = m_file->read(m_buffer.data() + m_fill, wanted);
        if (got < 0)
            return makeError(CsvReader::tr("%1: cannot read: %2").arg(m_options.label, m_file->errorString()));
        const qsizetype searchFrom = std::max(m_window, m_fill);
        m_fill += qsizetype(got);
        if (got < wanted) {
            m_atEnd = true;
            return prepareWindow(m_fill, keepFrom, keepLine);
        }
        // The window ends after the last line end; the rest waits for the next chunk.
        const char *data = m_buffer.constData();
        for (qsizetype i = m_fill; i > searchFrom; --i) {
            if (data[i - 1] == '\n')
                return prepareWindow(i, keepFrom, keepLine);
        }
    }
}

Result<void> CsvReader::prepareWindow(qsizetype end, qsizetype keepFrom, int keepLine)
{
    const QString &label = m_options.label;
    char *data = m_buffer.data();
    if (m_offset == 0 && m_validated == 0) {
        if (m_fill >= 3 && std::memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
            m_validated = 3;
        } else if (m_fill >= 2 && (std::memcmp(data, "\xFF\xFE", 2) == 0 || std::memcmp(data, "\xFE\xFF", 2) == 0)) {
            return makeError(CsvReader::tr("%1: the file is UTF-16 text; expected UTF-8 or Latin-1 (save it as UTF-8)").arg(label));
        }
    }
    auto lineOf = [&](qsizetype offset) { return keepLine + lineEndsIn(data, keepFrom, offset); };
    if (m_options.encoding == CsvEncoding::Utf8) {
        const qsizetype bad = firstInvalidUtf8(data + m_validated, end - m_validated);
        if (bad >= 0) {
            const QString hint = m_options.encodingHint.isEmpty()
                ? CsvReader::tr("set \"encoding\": \"latin-1\" in the manifest if the file is Latin-1")
                : m_options.encodingHint;
            return makeError(CsvReader::tr("%1:%2: expected UTF-8 text; %3").arg(label).arg(lineOf(m_validated + bad)).arg(hint));
        }
    }
    const QByteArray &sequence = m_options.delimiterSequence;
    if (!sequence.isEmpty()) {
        // Each delimiter sequence becomes the one byte kSequenceByte; line ends stay where they were.
        const char first = sequence[0];
        const qsizetype length = sequence.size();
        const bool repeated = sequence.count(first) == length;
        qsizetype write = m_validated;
        for (qsizetype read = m_validated; read < end;) {
            const char c = data[read];
            if (c == kSequenceByte) {
                return makeError(CsvReader::tr("%1:%2: found the control character 0x1F; expected text with fields separated "
                                    "by %3")
                                     .arg(label).arg(lineOf(read)).arg(delimiterName()));
            }
            if (c == first && repeated) {
                qsizetype run = 1;
                while (read + run < end && data[read + run] == first)
                    ++run;
                const qsizetype literal = run >= length ? run - length : run;
                for (qsizetype k = 0; k < literal; ++k)
                    data[write++] = first;
                if (run >= length)
                    data[write++] = kSequenceByte;
                read += run;
            } else if (c == first && read + length <= end
                       && std::memcmp(data + read, sequence.constData(), size_t(length)) == 0) {
                data[write++] = kSequenceByte;
                read += length;
            } else {
                data[write++] = c;
                ++read;
            }
        }
        if (write < end) {
            std::memmove(data + write, data + end, size_t(m_fill - end));
            m_fill -= end - write;
            end = write;
        }
    }
    m_validated = end;
    m_window = end;
    return {};
}

Result<void> CsvReader::start()
{
    m_ready = false;
    const QString &label = m_options.label;
    if (!m_options.delimiterSequence.isEmpty()) {
        if (m_options.quoting)
            return makeError(CsvReader::tr("%1: a multi-byte delimiter needs quoting switched off").arg(label));
    } else if (m_delimiter == '"' || m_delimiter == '\r' || m_delimiter == '\n' || m_delimiter == '\0') {
        return makeError(CsvReader::tr("%1: invalid delimiter; expected ',', tab, ';' or '|'").arg(label));
    }

    if (m_file && !m_file->seek(0))
        return makeError(CsvReader::tr("%1: cannot read: %2").arg(label, m_file->errorString()));
    m_fill = m_file ? 0 : m_buffer.size();
    m_window = 0;
    m_validated = 0;
    m_offset = 0;
    m_atEnd = false;
    if (Result<void> ok = refill(0, 1); !ok)
        return ok;
    const qsizetype bom = m_validated > 0 && m_window >= 3 && std::memcmp(m_buffer.constData(), "\xEF\xBB\xBF", 3) == 0
        ? 3 : 0;

    m_pos = bom;
    m_line = 1;
    Parsed first;
    for (;;) {
        first = parseRecord(m_pos, m_line);
        if (first.outcome != Outcome::NeedMore)
            break;
        if (Result<void> ok = refill(m_pos, m_line); !ok)
            return ok;
        m_pos = 0;
    }
    const QString expected = m_options.hasHeader ? CsvReader::tr("expected a header line") : CsvReader::tr("expected a record");
    if (first.outcome == Outcome::End) {
        return makeError(CsvReader::tr("%1 is empty; %2").arg(label, m_options.hasHeader ? CsvReader::tr("expected a header line")
                                                                              : CsvReader::tr("expected at least one record")));
    }
    if (first.outcome != Outcome::Record)
        return makeError(describeProblem(first, expected));

    m_header.clear();
    if (m_options.hasHeader) {
        for (const CsvRecord::Span &span : m_spans) {
            const char *base = span.inScratch ? m_scratch.data() : m_buffer.constData();
            m_header.append(decode(base + span.offset, span.length, m_options.encoding).trimmed());
        }
        m_bodyStart = m_offset + m_pos;
        m_bodyLine = m_line;
    } else {
        if (!m_options.columnNames.isEmpty()) {
            m_header = m_options.columnNames;
        } else {
            for (int i = 1; i <= int(m_spans.size()); ++i)
                m_header.append(QString::number(i));
        }
        m_bodyStart = bom;
        m_bodyLine = 1;
        m_firstRecordLine = first.startLine;
    }

    // Records to reserve for: exact if the whole file is in memory, else extrapolated from this chunk.
    const qsizetype bodyInBuffer = std::clamp<qsizetype>(m_bodyStart - m_offset, 0, m_window);
    const qsizetype lineEnds = qsizetype(std::count(m_buffer.constData() + bodyInBuffer, m_buffer.constData() + m_window, '\n'));
    if (m_atEnd) {
        m_estimate = lineEnds + 1;
    } else {
        const double perByte = double(lineEnds + 1) / double(std::max<qsizetype>(1, m_window - bodyInBuffer));
        m_estimate = qsizetype(perByte * double(std::max<qsizetype>(0, m_size - m_bodyStart)) * 1.1) + 16;
    }
    m_ready = true;
    return {};
}

Result<void> CsvReader::rewind()
{
    if (!m_ready)
        return makeError(CsvReader::tr("%1: nothing to read; open the file first").arg(m_options.label));
    if (m_bodyStart < m_offset || m_bodyStart > m_offset + m_window) {
        // Another chunk is in the buffer: read the file again from the first record (from its start if
        // delimiterSequence rewriting makes offsets differ from the file's).
        const qsizetype from = m_options.delimiterSequence.isEmpty() ? m_bodyStart : 0;
        if (!m_file->seek(from))
            return makeError(CsvReader::tr("%1: cannot read: %2").arg(m_options.label, m_file->errorString()));
        m_fill = 0;
        m_window = 0;
        m_validated = 0;
        m_offset = from;
        m_atEnd = false;
        if (Result<void> ok = refill(0, from == m_bodyStart ? m_bodyLine : 1); !ok)
            return ok;
        while (m_offset + m_window <= m_bodyStart && !m_atEnd) {
            if (Result<void> ok = refill(m_window, 1); !ok)
                return ok;
        }
    }
    m_pos = m_bodyStart - m_offset;
    m_line = m_bodyLine;
    m_lastReport = m_bodyStart;
    m_lastRecordEnd = m_bodyStart;
    return {};
}

qsizetype CsvReader::lineStartAfter(qsizetype offset) const
{
    if (!canSplit() || !m_ready)
        return -1;
    QFile file(m_file->fileName());
    if (!file.open(QIODevice::ReadOnly) || !file.seek(offset))
        return -1;
    const QByteArray block = file.read(qsizetype(1) << 16);
    const qsizetype newline = block.indexOf('\n');
    if (newline < 0 || offset + newline + 1 >= m_size)
        return -1;
    return offset + newline + 1;
}

Result<void> CsvReader::openPart(const CsvReader &whole, qsizetype from)
{
    m_file = std::make_unique<QFile>(whole.m_file->fileName());
    if (!m_file->open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return makeError(CsvReader::tr("%1: cannot open: %2").arg(m_options.label, m_file->errorString()));
    m_size = whole.m_size;
    m_header = whole.m_header;
    m_firstRecordLine = whole.m_firstRecordLine;
    m_bodyStart = from;
    m_bodyLine = 1;
    m_estimate = qsizetype(double(whole.m_estimate) * double(m_size - from)
                           / double(std::max<qsizetype>(1, m_size - whole.m_bodyStart))) + 16;
    m_buffer.clear();
    m_fill = 0;
    m_window = 0;
    m_validated = 0;
    m_offset = 0;
    m_atEnd = false;
    m_ready = true;
    return {};
}

qsizetype CsvReader::estimatedRecordCount() const
{
    return m_ready ? m_estimate : 0;
}

QString CsvReader::headerText() const
{
    return listNames(m_header);
}

QString CsvReader::expectation() const
{
    if (m_options.hasHeader) {
        return CsvReader::tr("expected %1 fields (header: %2)").arg(m_header.size()).arg(listNames(m_header));
    }
    if (!m_options.columnNames.isEmpty()) {
        return CsvReader::tr("expected %1 fields separated by %2 (%3)")
            .arg(m_header.size()).arg(delimiterName(), listNames(m_header));
    }
    return CsvReader::tr("expected %1 fields (as on line %2)").arg(m_header.size()).arg(m_firstRecordLine);
}

QString CsvReader::describeProblem(const Parsed &parsed, const QString &expected) const
{
    const QString &label = m_options.label;
    switch (parsed.outcome) {
    case Outcome::StrayQuote:
        return CsvReader::tr("%1:%2: %3 but found a stray quote (\") inside unquoted field %4; a field that contains quotes "
                  "must be quoted as a whole, with each inner quote doubled")
            .arg(label).arg(parsed.problemLine).arg(expected).arg(parsed.problemField);
    case Outcome::TextAfterQuote:
        return CsvReader::tr("%1:%2: %3 but found text after the closing quote of field %4; expected the delimiter %5 or the "
                  "end of the line")
            .arg(label).arg(parsed.problemLine).arg(expected).arg(parsed.problemField).arg(delimiterName());
    case Outcome::Unterminated:
        return CsvReader::tr("%1:%2: %3 but found %4, the last one a quoted field whose quote (line %5) is never closed "
                  "before the end of the file")
            .arg(label).arg(parsed.startLine).arg(expected).arg(parsed.problemField).arg(parsed.problemLine);
    case Outcome::TooManyFields:
        return CsvReader::tr("%1:%2: more than %3 fields; expected at most %3 columns")
            .arg(label).arg(parsed.startLine).arg(kMaxColumns);
    case Outcome::Record:
    case Outcome::End:
    case Outcome::NeedMore:
        break;
    }
    return QStringLiteral("%1:%2: %3").arg(label).arg(parsed.startLine).arg(expected);
}

CsvReader::Parsed CsvReader::parseRecord(qsizetype &pos, int &line)
{
    Parsed result;
    m_spans.clear();
    m_scratch.clear();
    const char *d = m_buffer.constData();
    const qsizetype n = m_window;
    const char delimiter = m_delimiter;
    const bool quoting = m_options.quoting;

    while (pos < n && (d[pos] == '\n' || d[pos] == '\r')) {
        if (d[pos] == '\r' && pos + 1 < n && d[pos + 1] == '\n')
            ++pos;
        ++pos;
        ++line;
    }
    if (m_offset + pos >= m_end) {
        result.outcome = Outcome::End;
        return result;
    }
    if (pos >= n) {
        result.outcome = m_atEnd ? Outcome::End : Outcome::NeedMore;
        return result;
    }
    result.startLine = line;
    const qsizetype recordStart = pos;
    // The record goes on past this chunk: start it again once more of the file is in the buffer.
    auto needMore = [&]() {
        pos = recordStart;
        line = result.startLine;
        result.outcome = Outcome::NeedMore;
        return result;
    };

    for (;;) {
        if (quoting && pos < n && d[pos] == '"') {
            const int quoteLine = line;
            const qsizetype begin = ++pos;
            bool needsCopy = false;
            for (;;) {
                if (pos >= n) {
                    if (!m_atEnd)
                        return needMore();
                    result.outcome = Outcome::Unterminated;
                    result.problemLine = quoteLine;
                    result.problemField = int(m_spans.size()) + 1;
                    return result;
                }
                const char c = d[pos];
                if (c == '"') {
                    if (pos + 1 < n && d[pos + 1] == '"') {
                        needsCopy = true;
                        pos += 2;
                        continue;
                    }
                    break;
                }
                if (c == '\n') {
                    ++line;
                } else if (c == '\r') {
                    needsCopy = true;
                    if (!(pos + 1 < n && d[pos + 1] == '\n'))
                        ++line;
                }
                ++pos;
            }
            const qsizetype end = pos++;
            if (!needsCopy) {
                m_spans.push_back({begin, end - begin, false});
            } else {
                // Unescape "" and turn CRLF / lone CR inside the field into '\n'.
                const qsizetype offset = qsizetype(m_scratch.size());
                for (qsizetype i = begin; i < end; ++i) {
                    const char c = d[i];
                    if (c == '"') {
                        m_scratch.push_back('"');
                        ++i;
                    } else if (c == '\r') {
                        if (!(i + 1 < end && d[i + 1] == '\n'))
                            m_scratch.push_back('\n');
                    } else {
                        m_scratch.push_back(c);
                    }
                }
                m_spans.push_back({offset, qsizetype(m_scratch.size()) - offset, true});
            }
            if (pos < n && d[pos] != delimiter && d[pos] != '\n' && d[pos] != '\r') {
                result.outcome = Outcome::TextAfterQuote;
                result.problemLine = line;
                result.problemField = int(m_spans.size());
                return result;
            }
        } else {
            const qsizetype begin = pos;
            while (pos < n && !m_special[uchar(d[pos])])
                ++pos;
            if (quoting && pos < n && d[pos] == '"') {
                result.outcome = Outcome::StrayQuote;
                result.problemLine = line;
                result.problemField = int(m_spans.size()) + 1;
                return result;
            }
            m_spans.push_back({begin, pos - begin, false});
        }

        if (pos >= n) {
            if (!m_atEnd)
                return needMore();
            result.outcome = Outcome::Record;
            return result;
        }
        if (d[pos] == delimiter) {
            if (m_spans.size() >= size_t(kMaxColumns)) {
                result.outcome = Outcome::TooManyFields;
                result.problemLine = line;
                return result;
            }
            ++pos;
            continue;
        }
        if (d[pos] == '\r' && pos + 1 < n && d[pos + 1] == '\n')
            ++pos;
        ++pos;
        ++line;
        result.outcome = Outcome::Record;
        return result;
    }
}

CsvReader::Step CsvReader::nextRecord(CsvRecord &record)
{
    for (;;) {
        const Parsed parsed = parseRecord(m_pos, m_line);
        switch (parsed.outcome) {
        case Outcome::Record:
            break;
        case Outcome::End:
            return Step::End;
        case Outcome::NeedMore:
            if (Result<void> ok = refill(m_pos, m_line); !ok) {
                m_error = ok.error();
                return Step::Failed;
            }
            m_pos = 0;
            continue;
        case Outcome::StrayQuote:
        case Outcome::TextAfterQuote:
        case Outcome::Unterminated:
        case Outcome::TooManyFields:
            m_error = describeProblem(parsed, expectation());
            return Step::Failed;
        }
        if (m_spans.size() != size_t(m_header.size())) {
            m_error = CsvReader::tr("%1:%2: %3 but found %4").arg(m_options.label).arg(parsed.startLine).arg(expectation())
                          .arg(m_spans.size());
            return Step::Failed;
        }
        record.m_data = m_buffer.constData();
        record.m_scratch = m_scratch.data();
        record.m_line = parsed.startLine;
        m_lastRecordEnd = m_offset + m_pos;
        return Step::Record;
    }
}

bool CsvReader::reportProgress(const ProgressFn &progress)
{
    m_lastReport = m_offset + m_pos;
    if (progress(std::min(1.0, double(m_lastReport) / double(std::max<qsizetype>(1, m_size)))))
        return true;
    m_error = CsvReader::tr("%1: reading cancelled").arg(m_options.label);
    return false;
}

namespace {

Result<CsvTable> readTable(CsvReader &reader, const ProgressFn &progress)
{
    CsvTable table;
    table.label = reader.label();
    table.header = reader.header();
    Result<void> done = reader.forEachRecord(
        [&](const CsvRecord &record) -> Result<void> {
            table.rows.push_back(record.texts());
            table.lines.push_back(record.line());
            return {};
        },
        progress);
    if (!done)
        return makeError(done.error());
    return table;
}

} // namespace

Result<CsvTable> readCsv(const QString &path, const CsvOptions &options, const ProgressFn &progress)
{
    CsvReader reader(options);
    if (Result<void> opened = reader.open(path); !opened)
        return makeError(opened.error());
    return readTable(reader, progress);
}

Result<CsvTable> parseCsv(QByteArray data, const CsvOptions &options, const ProgressFn &progress)
{
    CsvReader reader(options);
    if (Result<void> opened = reader.setData(std::move(data)); !opened)
        return makeError(opened.error());
    return readTable(reader, progress);
}

char defaultCsvDelimiter(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    return (suffix == QLatin1String("tsv") || suffix == QLatin1String("tab")) ? '\t' : ',';
}

} // namespace fl
