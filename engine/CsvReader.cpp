#include "CsvReader.h"

#include <QFileInfo>

#include <algorithm>
#include <cstring>

namespace fl {

namespace {

constexpr qsizetype kProgressStep = qsizetype(1) << 20;
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

// 1-based line of a byte offset, counting CRLF, LF and a lone CR as one line end each.
int lineAt(const char *data, qsizetype offset)
{
    int line = 1;
    for (qsizetype i = 0; i < offset; ++i) {
        if (data[i] == '\n')
            ++line;
        else if (data[i] == '\r' && !(i + 1 < offset && data[i + 1] == '\n'))
            ++line;
    }
    return line;
}

QString delimiterName(char delimiter)
{
    if (delimiter == '\t')
        return QStringLiteral("tab");
    return QStringLiteral("'%1'").arg(QLatin1Char(delimiter));
}

QString listNames(const QStringList &names)
{
    QStringList shown;
    for (int i = 0; i < names.size() && i < kMaxHeaderNamesShown; ++i)
        shown.append(names[i].isEmpty() ? QStringLiteral("\"\"") : names[i]);
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

QByteArrayView CsvRecord::bytes(int field) const
{
    const Span &span = (*m_spans)[field];
    return QByteArrayView((span.inScratch ? m_scratch : m_data) + span.offset, span.length);
}

QString CsvRecord::text(int field) const
{
    const QByteArrayView view = bytes(field);
    return decode(view.data(), view.size(), m_encoding);
}

CsvReader::CsvReader(CsvOptions options)
    : m_options(std::move(options))
{
    m_special[uchar(m_options.delimiter)] = true;
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
    if (!m_file->exists())
        return makeError(QStringLiteral("%1: file not found (looked for %2)").arg(label, path));
    if (QFileInfo(path).isDir())
        return makeError(QStringLiteral("%1: is a folder; expected a CSV file").arg(label));
    if (!m_file->open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("%1: cannot open: %2").arg(label, m_file->errorString()));
    const qint64 size = m_file->size();
    if (size > 0) {
        if (uchar *mapped = m_file->map(0, size)) {
            m_data = reinterpret_cast<const char *>(mapped);
            m_size = qsizetype(size);
            return start();
        }
    }
    m_owned = m_file->readAll();
    m_data = m_owned.constData();
    m_size = m_owned.size();
    return start();
}

Result<void> CsvReader::setData(QByteArray data)
{
    if (m_options.label.isEmpty())
        m_options.label = QStringLiteral("<memory>");
    m_file.reset();
    m_owned = std::move(data);
    m_data = m_owned.constData();
    m_size = m_owned.size();
    return start();
}

Result<void> CsvReader::start()
{
    m_ready = false;
    const QString &label = m_options.label;
    const char delimiter = m_options.delimiter;
    if (delimiter == '"' || delimiter == '\r' || delimiter == '\n' || delimiter == '\0')
        return makeError(QStringLiteral("%1: invalid delimiter; expected ',', tab, ';' or '|'").arg(label));

    qsizetype pos = 0;
    if (m_size >= 3 && std::memcmp(m_data, "\xEF\xBB\xBF", 3) == 0)
        pos = 3;
    else if (m_size >= 2 && (std::memcmp(m_data, "\xFF\xFE", 2) == 0 || std::memcmp(m_data, "\xFE\xFF", 2) == 0))
        return makeError(QStringLiteral("%1: the file is UTF-16 text; expected UTF-8 or Latin-1 "
                                        "(save it as UTF-8)").arg(label));

    if (m_options.encoding == CsvEncoding::Utf8) {
        const qsizetype bad = firstInvalidUtf8(m_data + pos, m_size - pos);
        if (bad >= 0) {
            return makeError(QStringLiteral("%1:%2: expected UTF-8 text; set \"encoding\": \"latin-1\" in the "
                                            "manifest if the file is Latin-1")
                                 .arg(label)
                                 .arg(lineAt(m_data, pos + bad)));
        }
    }

    int line = 1;
    const Parsed first = parseRecord(pos, line);
    const QString expected = m_options.hasHeader ? QStringLiteral("expected a header line")
                                                 : QStringLiteral("expected a record");
    if (first.outcome == Outcome::End) {
        return makeError(QStringLiteral("%1 is empty; %2").arg(label, m_options.hasHeader
                             ? QStringLiteral("expected a header line")
                             : QStringLiteral("expected at least one record")));
    }
    if (first.outcome != Outcome::Record)
        return makeError(describeProblem(first, expected));

    m_header.clear();
    if (m_options.hasHeader) {
        for (const CsvRecord::Span &span : m_spans) {
            const char *base = span.inScratch ? m_scratch.data() : m_data;
            m_header.append(decode(base + span.offset, span.length, m_options.encoding).trimmed());
        }
        m_bodyStart = pos;
        m_bodyLine = line;
    } else {
        for (int i = 1; i <= int(m_spans.size()); ++i)
            m_header.append(QString::number(i));
        m_bodyStart = 0;
        m_bodyLine = 1;
        m_firstRecordLine = first.startLine;
    }
    m_ready = true;
    return {};
}

qsizetype CsvReader::maxRecordCount() const
{
    if (!m_ready)
        return 0;
    return qsizetype(std::count(m_data + m_bodyStart, m_data + m_size, '\n')) + 1;
}

QString CsvReader::expectation() const
{
    if (m_options.hasHeader) {
        return QStringLiteral("expected %1 fields (header: %2)").arg(m_header.size()).arg(listNames(m_header));
    }
    return QStringLiteral("expected %1 fields (as on line %2)").arg(m_header.size()).arg(m_firstRecordLine);
}

QString CsvReader::describeProblem(const Parsed &parsed, const QString &expected) const
{
    const QString &label = m_options.label;
    switch (parsed.outcome) {
    case Outcome::StrayQuote:
        return QStringLiteral("%1:%2: %3 but found a stray quote (\") inside unquoted field %4; a field that "
                              "contains quotes must be quoted as a whole, with each inner quote doubled")
            .arg(label).arg(parsed.problemLine).arg(expected).arg(parsed.problemField);
    case Outcome::TextAfterQuote:
        return QStringLiteral("%1:%2: %3 but found text after the closing quote of field %4; expected the "
                              "delimiter %5 or the end of the line")
            .arg(label).arg(parsed.problemLine).arg(expected).arg(parsed.problemField)
            .arg(delimiterName(m_options.delimiter));
    case Outcome::Unterminated:
        return QStringLiteral("%1:%2: %3 but found %4, the last one a quoted field whose quote (line %5) "
                              "is never closed before the end of the file")
            .arg(label).arg(parsed.startLine).arg(expected).arg(parsed.problemField)
            .arg(parsed.problemLine);
    case Outcome::Record:
    case Outcome::End:
        break;
    }
    return QStringLiteral("%1:%2: %3").arg(label).arg(parsed.startLine).arg(expected);
}

CsvReader::Parsed CsvReader::parseRecord(qsizetype &pos, int &line)
{
    Parsed result;
    m_spans.clear();
    m_scratch.clear();
    const char *d = m_data;
    const qsizetype n = m_size;
    const char delimiter = m_options.delimiter;

    while (pos < n && (d[pos] == '\n' || d[pos] == '\r')) {
        if (d[pos] == '\r' && pos + 1 < n && d[pos + 1] == '\n')
            ++pos;
        ++pos;
        ++line;
    }
    if (pos >= n) {
        result.outcome = Outcome::End;
        return result;
    }
    result.startLine = line;

    for (;;) {
        if (m_options.quoting && pos < n && d[pos] == '"') {
            const int quoteLine = line;
            const qsizetype begin = ++pos;
            bool needsCopy = false;
            for (;;) {
                if (pos >= n) {
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
            if (m_options.quoting && pos < n && d[pos] == '"') {
                result.outcome = Outcome::StrayQuote;
                result.problemLine = line;
                result.problemField = int(m_spans.size()) + 1;
                return result;
            }
            m_spans.push_back({begin, pos - begin, false});
        }

        if (pos >= n) {
            result.outcome = Outcome::Record;
            return result;
        }
        if (d[pos] == delimiter) {
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

Result<void> CsvReader::forEachRecord(const RecordFn &onRecord, const ProgressFn &progress)
{
    if (!m_ready)
        return makeError(QStringLiteral("%1: nothing to read; open the file first").arg(m_options.label));

    qsizetype pos = m_bodyStart;
    int line = m_bodyLine;
    qsizetype lastReport = pos;
    const int expectedFields = columnCount();
    CsvRecord record;
    record.m_data = m_data;
    record.m_spans = &m_spans;
    record.m_encoding = m_options.encoding;

    for (;;) {
        const Parsed parsed = parseRecord(pos, line);
        if (parsed.outcome == Outcome::End)
            break;
        if (parsed.outcome != Outcome::Record)
            return makeError(describeProblem(parsed, expectation()));
        if (int(m_spans.size()) != expectedFields) {
            return makeError(QStringLiteral("%1:%2: %3 but found %4")
                                 .arg(m_options.label)
                                 .arg(parsed.startLine)
                                 .arg(expectation())
                                 .arg(m_spans.size()));
        }
        record.m_scratch = m_scratch.data();
        record.m_line = parsed.startLine;
        if (Result<void> accepted = onRecord(record); !accepted)
            return accepted;
        if (progress && pos - lastReport >= kProgressStep) {
            lastReport = pos;
            if (!progress(double(pos) / double(m_size)))
                return makeError(QStringLiteral("%1: reading cancelled").arg(m_options.label));
        }
    }
    if (progress)
        progress(1.0);
    return {};
}

namespace {

Result<CsvTable> readTable(CsvReader &reader, const ProgressFn &progress)
{
    CsvTable table;
    table.label = reader.label();
    table.header = reader.header();
    const int columns = reader.columnCount();
    Result<void> done = reader.forEachRecord(
        [&](const CsvRecord &record) -> Result<void> {
            QStringList row;
            row.reserve(columns);
            for (int i = 0; i < columns; ++i)
                row.append(record.text(i));
            table.rows.push_back(std::move(row));
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
