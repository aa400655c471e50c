// Why one file (about 800 lines):
// The .npy format both ways: the header's dict literal parsed strictly, every dtype and byte order
// converted, Fortran order, and the writer that must produce exactly what the reader accepts.

#include "engine/data/Npy.h"

#include "engine/core/SaveFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QSaveFile>
#include <QStringDecoder>
#include <QtEndian>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <new>
#include <type_traits>

namespace fl {

namespace {

// The translation context of this file's messages; lupdate reads it from the macro.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(fl::Npy)
};

const QByteArray kMagic = QByteArrayLiteral("\x93NUMPY");
constexpr qsizetype kMagicSize = 6;
constexpr qint64 kMaxHeaderBytes = 1 << 20;
constexpr qint64 kBlockValues = 1 << 16;            // values converted between progress reports
constexpr int kAlign = 64;                          // numpy.lib.format.ARRAY_ALIGN
constexpr int kGrowthDigits = 21;                   // numpy.lib.format.GROWTH_AXIS_MAX_DIGITS

struct DtypeInfo
{
    NpyDtype dtype;
    char kind;
    int size;
};

constexpr DtypeInfo kDtypes[] = {
    {NpyDtype::Bool, 'b', 1},    {NpyDtype::Int8, 'i', 1},    {NpyDtype::Int16, 'i', 2},
    {NpyDtype::Int32, 'i', 4},   {NpyDtype::Int64, 'i', 8},   {NpyDtype::UInt8, 'u', 1},
    {NpyDtype::UInt16, 'u', 2},  {NpyDtype::UInt32, 'u', 4},  {NpyDtype::UInt64, 'u', 8},
    {NpyDtype::Float16, 'f', 2}, {NpyDtype::Float32, 'f', 4}, {NpyDtype::Float64, 'f', 8},
};

const DtypeInfo &infoOf(NpyDtype dtype)
{
    return *std::find_if(std::begin(kDtypes), std::end(kDtypes), [&](const DtypeInfo &i) { return i.dtype == dtype; });
}

const char *const kSupportedDtypes = "a number type: '<f4', '<f8', '<f2', '|i1', '<i2', '<i4', '<i8', '|u1', '<u2', "
                                     "'<u4', '<u8' or '|b1' ('>' for big-endian)";

// ---- Converting between stored values and doubles ------------------------------------------------

template<size_t N>
using UIntOf = std::conditional_t<N == 1, quint8, std::conditional_t<N == 2, quint16,
                                  std::conditional_t<N == 4, quint32, quint64>>>;

template<typename T, bool BigEndian>
T load(const uchar *p)
{
    using U = UIntOf<sizeof(T)>;
    const U bits = BigEndian ? qFromBigEndian<U>(p) : qFromLittleEndian<U>(p);
    return Eigen::numext::bit_cast<T>(bits);
}

template<typename T, bool BigEndian>
void store(T value, uchar *p)
{
    using U = UIntOf<sizeof(T)>;
    const U bits = Eigen::numext::bit_cast<U>(value);
    if constexpr (BigEndian)
        qToBigEndian<U>(bits, p);
    else
        qToLittleEndian<U>(bits, p);
}

// Bool is stored as one byte holding 0 or 1.
template<typename T>
using StoredAs = std::conditional_t<std::is_same_v<T, bool>, quint8, T>;

template<typename T>
constexpr bool isFloat = std::is_floating_point_v<T> || std::is_same_v<T, Eigen::half>;

// Whether a 64-bit integer survives the trip through a double's 53-bit significand.
bool exactInDouble(quint64 magnitude)
{
    if (magnitude == 0)
        return true;
    return 64 - std::countl_zero(magnitude) - std::countr_zero(magnitude) <= 53;
}

// Calls fn.template operator()<T, BigEndian>() with the C++ type of dtype.
template<typename Fn>
void dispatch(NpyDtype dtype, bool bigEndian, Fn &&fn)
{
    auto byOrder = [&]<typename T>() {
        if (bigEndian)
            fn.template operator()<T, true>();
        else
            fn.template operator()<T, false>();
    };
    switch (dtype) {
    case NpyDtype::Bool: byOrder.template operator()<bool>(); break;
    case NpyDtype::Int8: byOrder.template operator()<qint8>(); break;
    case NpyDtype::Int16: byOrder.template operator()<qint16>(); break;
    case NpyDtype::Int32: byOrder.template operator()<qint32>(); break;
    case NpyDtype::Int64: byOrder.template operator()<qint64>(); break;
    case NpyDtype::UInt8: byOrder.template operator()<quint8>(); break;
    case NpyDtype::UInt16: byOrder.template operator()<quint16>(); break;
    case NpyDtype::UInt32: byOrder.template operator()<quint32>(); break;
    case NpyDtype::UInt64: byOrder.template operator()<quint64>(); break;
    case NpyDtype::Float16: byOrder.template operator()<Eigen::half>(); break;
    case NpyDtype::Float32: byOrder.template operator()<float>(); break;
    case NpyDtype::Float64: byOrder.template operator()<double>(); break;
    }
}

// Walks a column-major matrix in the file's order of values: row by row for C order, column by column
// for Fortran order (and for 1-D arrays, whose single column is both).
struct ElementOrder
{
    Eigen::Index rows = 0;
    Eigen::Index cols = 0;
    bool rowMajor = false;
    Eigen::Index r = 0;
    Eigen::Index c = 0;

    Eigen::Index index() const { return c * rows + r; }
    void next()
    {
        if (rowMajor) {
            if (++c == cols) {
                c = 0;
                ++r;
            }
        } else if (++r == rows) {
            r = 0;
            ++c;
        }
    }
};

struct Tally
{
    qint64 nonFinite = 0;
    qint64 inexact = 0;
};

// Converts count stored values at src into the matrix; returns the position (0-based, within this block)
// of a bool byte that is not 0 or 1, or -1.
template<typename T, bool BigEndian>
qint64 convertBlock(const uchar *src, qint64 count, double *dst, ElementOrder &order, Tally &tally)
{
    using Stored = StoredAs<T>;
    for (qint64 i = 0; i < count; ++i, src += sizeof(Stored), order.next()) {
        const Stored v = load<Stored, BigEndian>(src);
        if constexpr (std::is_same_v<T, bool>) {
            if (v > 1)
                return i;
        }
        double d;
        if constexpr (std::is_same_v<T, Eigen::half>)
            d = double(float(v));
        else
            d = double(v);
        if constexpr (isFloat<T>)
            tally.nonFinite += std::isfinite(d) ? 0 : 1;
        if constexpr (std::is_same_v<T, qint64>)
            tally.inexact += exactInDouble(v < 0 ? 0 - quint64(v) : quint64(v)) ? 0 : 1;
        if constexpr (std::is_same_v<T, quint64>)
            tally.inexact += exactInDouble(v) ? 0 : 1;
        dst[order.index()] = d;
    }
    return -1;
}

// The stored form of value, or false if the dtype cannot hold it.
template<typename T>
bool toStored(double value, StoredAs<T> &out)
{
    if constexpr (std::is_same_v<T, bool>) {
        if (value != 0.0 && value != 1.0)
            return false;
        out = value == 1.0 ? 1 : 0;
    } else if constexpr (std::is_same_v<T, Eigen::half>) {
        out = Eigen::half(value);
    } else if constexpr (std::is_floating_point_v<T>) {
        out = T(value);
    } else {
        // max() + 1.0 is a power of two, exact in a double even where max() itself is not.
        if (!(value >= double(std::numeric_limits<T>::lowest()) && value < double(std::numeric_limits<T>::max()) + 1.0
              && value == std::trunc(value)))
            return false;
        out = T(value);
    }
    return true;
}

// Whole numbers in full ("18446744073709551616", not "1.8446744073709552e+19"), others shortest-exact.
QString numberText(double value)
{
    if (std::isfinite(value) && value == std::trunc(value) && std::abs(value) < 1e21)
        return QString::number(value, 'f', 0);
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

template<typename T>
QString storableRange()
{
    if constexpr (std::is_same_v<T, bool>)
        return Tr::tr("0 or 1");
    else if constexpr (isFloat<T>)
        return Tr::tr("a number");
    else
        return Tr::tr("a whole number from %1 to %2")
            .arg(QString::number(std::numeric_limits<T>::lowest()), QString::number(std::numeric_limits<T>::max()));
}

// ---- The header --------------------------------------------------------------------------------------

QString shapeText(const std::vector<qint64> &shape)
{
    QStringList parts;
    for (qint64 n : shape)
        parts.append(QString::number(n));
    return QLatin1Char('(') + parts.join(QStringLiteral(", ")) + (shape.size() == 1 ? QStringLiteral(",)") : QStringLiteral(")"));
}

// A value of the Python literal subset that .npy headers use.
struct PyValue
{
    enum class Type { String, Int, Bool, None, Tuple, List, Dict };
    Type type = Type::None;
    QString text;                 // String
    qint64 number = 0;            // Int; Bool: 0 or 1
    std::vector<PyValue> items;   // Tuple, List, Dict (values)
    QStringList keys;             // Dict
    qint64 offset = 0;            // where it starts in the file
};

QString pyTypeName(const PyValue &value)
{
    switch (value.type) {
    case PyValue::Type::String: return Tr::tr("a string");
    case PyValue::Type::Int: return Tr::tr("an integer");
    case PyValue::Type::Bool: return Tr::tr("a boolean");
    case PyValue::Type::None: return Tr::tr("None");
    case PyValue::Type::Tuple: return Tr::tr("a tuple");
    case PyValue::Type::List: return Tr::tr("a list");
    case PyValue::Type::Dict: return Tr::tr("a dict");
    }
    return {};
}

// Parses the header: a Python dict literal of strings, integers, True/False/None, tuples, lists and
// dicts (lists and dicts appear in structured dtypes, which are then rejected with a clear message).
class HeaderParser
{
public:
    HeaderParser(QByteArrayView text, qint64 fileOffset, bool utf8, const QString &label)
        : m_text(text)
        , m_base(fileOffset)
        , m_utf8(utf8)
        , m_label(label)
    {
    }

    Result<PyValue> parse()
    {
        skipSpace();
        Result<PyValue> value = parseValue(0);
        if (!value)
            return value;
        skipSpace();
        if (m_pos < m_text.size())
            return error(Tr::tr("expected only spaces and a newline after the header's closing '}'"));
        if (!m_text.endsWith('\n'))
            return makeError(Tr::tr("%1: the header (bytes %2 to %3) does not end with a newline; expected a header "
                                "padded with spaces and ending in '\\n', as NumPy writes it")
                                 .arg(m_label).arg(m_base).arg(m_base + m_text.size() - 1));
        return value;
    }

private:
    static constexpr int kMaxDepth = 16;

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }

    void skipSpace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++m_pos;
    }

    QString found() const
    {
        if (atEnd())
            return Tr::tr("the end of the header");
        const char c = peek();
        if (c >= 0x20 && c < 0x7f)
            return QStringLiteral("'%1'").arg(QLatin1Char(c));
        return Tr::tr("byte 0x%1").arg(uchar(c), 2, 16, QLatin1Char('0'));
    }

    Error error(const QString &what) const
    {
        return makeError(Tr::tr("%1: byte %2 (in the header): %3 but found %4").arg(m_label).arg(m_base + m_pos).arg(what, found()));
    }

    // Items up to the closing bracket, separated by commas, with an optional trailing comma.
    Result<void> sequence(char close, int depth, PyValue &into, bool isDict, bool &trailingComma)
    {
        ++m_pos;
        trailingComma = false;
        for (;;) {
            skipSpace();
            if (peek() == close) {
                ++m_pos;
                return {};
            }
            if (isDict) {
                if (peek() != '\'' && peek() != '"')
                    return error(Tr::tr("expected a quoted key or '}'"));
                Result<PyValue> key = parseValue(depth + 1);
                if (!key)
                    return makeError(key.error());
                if (into.keys.contains(key->text)) {
                    return makeError(Tr::tr("%1: byte %2 (in the header): key '%3' appears twice; expected each key once")
                                         .arg(m_label).arg(key->offset).arg(key->text));
                }
                into.keys.append(key->text);
                skipSpace();
                if (peek() != ':')
                    return error(Tr::tr("expected ':' after the key"));
                ++m_pos;
                skipSpace();
            }
            Result<PyValue> item = parseValue(depth + 1);
            if (!item)
                return makeError(item.error());
            into.items.push_back(std::move(*item));
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                trailingComma = true;
                continue;
            }
            trailingComma = false;
            if (peek() != close)
                return error(Tr::tr("expected ',' or '%1'").arg(QLatin1Char(close)));
        }
    }

    Result<PyValue> parseValue(int depth)
    {
        PyValue value;
        value.offset = m_base + m_pos;
        if (depth > kMaxDepth)
            return error(Tr::tr("nesting too deep; expected a flat dict"));
        const char c = peek();
        bool trailingComma = false;
        if (c == '{') {
            value.type = PyValue::Type::Dict;
            if (Result<void> ok = sequence('}', depth, value, true, trailingComma); !ok)
                return makeError(ok.error());
        } else if (c == '[') {
            value.type = PyValue::Type::List;
            if (Result<void> ok = sequence(']', depth, value, false, trailingComma); !ok)
                return makeError(ok.error());
        } else if (c == '(') {
            value.type = PyValue::Type::Tuple;
            if (Result<void> ok = sequence(')', depth, value, false, trailingComma); !ok)
                return makeError(ok.error());
            // In Python, (3) is the integer 3; only (3,) is a tuple.
            if (value.items.size() == 1 && !trailingComma) {
                PyValue inner = std::move(value.items.front());
                return inner;
            }
        } else if (c == '\'' || c == '"') {
            value.type = PyValue::Type::String;
            const qsizetype begin = ++m_pos;
            while (!atEnd() && peek() != c && peek() != '\\' && peek() != '\n')
                ++m_pos;
            if (peek() != c)
                return error(Tr::tr("expected a closing %1 (escape sequences are not supported)").arg(QLatin1Char(c)));
            const QByteArrayView bytes = m_text.sliced(begin, m_pos - begin);
            value.text = m_utf8 ? QString::fromUtf8(bytes) : QString::fromLatin1(bytes);
            ++m_pos;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            value.type = PyValue::Type::Int;
            const qsizetype begin = m_pos;
            if (c == '-')
                ++m_pos;
            while (!atEnd() && peek() >= '0' && peek() <= '9')
                ++m_pos;
            bool ok = false;
            value.number = QByteArrayView(m_text.sliced(begin, m_pos - begin)).toLongLong(&ok);
            if (!ok) {
                m_pos = begin;
                return error(Tr::tr("expected an integer that fits in 64 bits"));
            }
            if (peek() == 'L')
                ++m_pos;          // Python 2 long, as old NumPy wrote it in version 1.0 and 2.0 files
        } else {
            static const struct { const char *word; PyValue::Type type; qint64 number; } words[] = {
                {"True", PyValue::Type::Bool, 1}, {"False", PyValue::Type::Bool, 0}, {"None", PyValue::Type::None, 0}};
            for (const auto &w : words) {
                if (m_text.sliced(m_pos).startsWith(QByteArrayView(w.word))) {
                    m_pos += qsizetype(std::strlen(w.word));
                    value.type = w.type;
                    value.number = w.number;
                    return value;
                }
            }
            return error(Tr::tr("expected a Python literal (a dict, string, integer, tuple, True or False)"));
        }
        return value;
    }

    QByteArrayView m_text;
    qint64 m_base;
    bool m_utf8;
    const QString &m_label;
    qsizetype m_pos = 0;
};

// "<f4" → Float32, little-endian; anything else is an error saying what the descr is.
Result<void> parseDescr(const PyValue &descr, const QString &label, NpyHeader &header)
{
    const QString at = QStringLiteral("%1: byte %2 (in the header): ").arg(label).arg(descr.offset);
    if (descr.type == PyValue::Type::List || descr.type == PyValue::Type::Dict || descr.type == PyValue::Type::Tuple) {
        return makeError(at + Tr::tr("the dtype is structured (%1 of named fields or sub-arrays); expected %2")
                                  .arg(pyTypeName(descr), QLatin1String(kSupportedDtypes)));
    }
    if (descr.type != PyValue::Type::String)
        return makeError(at + Tr::tr("'descr' is %1; expected a dtype string such as '<f4'").arg(pyTypeName(descr)));
    const QString &text = descr.text;
    header.descr = text;
    const QChar order = text.isEmpty() ? QChar() : text[0];
    const QString body = text.mid(1);
    const QChar kind = body.isEmpty() ? QChar() : body[0];
    bool sized = false;
    const int size = body.mid(1).toInt(&sized);
    auto rejected = [&](const QString &what) {
        return makeError(at + Tr::tr("dtype '%1' %2; expected %3").arg(text, what, QLatin1String(kSupportedDtypes)));
    };
    if (kind == QLatin1Char('O'))
        return rejected(Tr::tr("holds Python objects (pickled), which FusionLab does not load"));
    if (kind == QLatin1Char('c'))
        return rejected(Tr::tr("is complex"));
    if (kind == QLatin1Char('S') || kind == QLatin1Char('a') || kind == QLatin1Char('U'))
        return rejected(Tr::tr("holds strings"));
    if (kind == QLatin1Char('V'))
        return rejected(Tr::tr("is raw bytes (void) or a structured record"));
    if (kind == QLatin1Char('M') || kind == QLatin1Char('m'))
        return rejected(Tr::tr("holds dates or durations"));
    if (order != QLatin1Char('<') && order != QLatin1Char('>') && order != QLatin1Char('|'))
        return rejected(Tr::tr("does not start with a byte order ('<', '>' or '|')"));
    const auto info = std::find_if(std::begin(kDtypes), std::end(kDtypes), [&](const DtypeInfo &i) {
        return sized && QLatin1Char(i.kind) == kind && i.size == size && body.size() == 1 + QString::number(size).size();
    });
    if (info == std::end(kDtypes)) {
        if (kind == QLatin1Char('f') && sized && size > 8)
            return rejected(Tr::tr("is an extended-precision float"));
        return rejected(Tr::tr("is not a supported number type"));
    }
    if (info->size > 1 && order == QLatin1Char('|'))
        return rejected(Tr::tr("has no byte order ('|') but its values have %1 bytes").arg(info->size));
    header.dtype = info->dtype;
    header.bigEndian = info->size > 1 && order == QLatin1Char('>');
    return {};
}

Result<void> parseShape(const PyValue &shape, const QString &label, NpyHeader &header)
{
    const QString at = QStringLiteral("%1: byte %2 (in the header): ").arg(label).arg(shape.offset);
    bool allInts = shape.type == PyValue::Type::Tuple;
    for (const PyValue &n : shape.items)
        allInts = allInts && n.type == PyValue::Type::Int && n.number >= 0;
    if (!allInts) {
        return makeError(at + Tr::tr("'shape' is %1; expected a tuple of non-negative integers such as (480, 512)")
                                  .arg(shape.type == PyValue::Type::Tuple ? Tr::tr("a tuple holding something other than "
                                                                               "non-negative integers")
                                                                          : pyTypeName(shape)));
    }
    for (const PyValue &n : shape.items)
        header.shape.push_back(n.number);
    if (header.shape.empty() || header.shape.size() > 2) {
        return makeError(at + Tr::tr("the array has %1 dimensions (shape %2); expected 1 (one value per row) or 2 (rows × "
                                 "columns)")
                                  .arg(header.shape.size())
                                  .arg(shapeText(header.shape)));
    }
    return {};
}

Result<void> parseHeaderDict(const PyValue &dict, const QString &label, NpyHeader &header)
{
    if (dict.type != PyValue::Type::Dict) {
        return makeError(Tr::tr("%1: byte %2: the header is %3; expected a dict such as {'descr': '<f4', "
                            "'fortran_order': False, 'shape': (480, 512), }")
                             .arg(label).arg(dict.offset).arg(pyTypeName(dict)));
    }
    static const char *const expected[] = {"descr", "fortran_order", "shape"};
    for (const QString &key : dict.keys) {
        if (std::none_of(std::begin(expected), std::end(expected), [&](const char *e) { return key == QLatin1String(e); })) {
            return makeError(Tr::tr("%1: byte %2 (in the header): unexpected key '%3'; expected only 'descr', "
                                "'fortran_order' and 'shape'")
                                 .arg(label).arg(dict.offset).arg(key));
        }
    }
    for (const char *key : expected) {
        if (!dict.keys.contains(QLatin1String(key))) {
            return makeError(Tr::tr("%1: byte %2 (in the header): the header lacks the key '%3'; expected 'descr', "
                                "'fortran_order' and 'shape'")
                                 .arg(label).arg(dict.offset).arg(QLatin1String(key)));
        }
    }
    auto valueOf = [&](const char *key) -> const PyValue & {
        return dict.items[size_t(dict.keys.indexOf(QLatin1String(key)))];
    };
    if (Result<void> ok = parseDescr(valueOf("descr"), label, header); !ok)
        return makeError(ok.error());
    const PyValue &fortran = valueOf("fortran_order");
    if (fortran.type != PyValue::Type::Bool) {
        return makeError(Tr::tr("%1: byte %2 (in the header): 'fortran_order' is %3; expected True or False")
                             .arg(label).arg(fortran.offset).arg(pyTypeName(fortran)));
    }
    header.fortranOrder = fortran.number != 0;
    return parseShape(valueOf("shape"), label, header);
}

// Reads and checks the header of an open file, including that the data after it has the size the shape
// and dtype call for.
Result<NpyHeader> readHeader(QFile &file, const QString &label)
{
    const QByteArray prefix = file.read(kMagicSize + 2);
    if (!prefix.startsWith(kMagic)) {
        return makeError(Tr::tr("%1: does not start with the .npy magic string \\x93NUMPY; expected a NumPy .npy file "
                            "(as written by numpy.save)")
                             .arg(label));
    }
    if (prefix.size() < kMagicSize + 2)
        return makeError(Tr::tr("%1: ends after %2 bytes, inside the format version; expected a .npy header").arg(label).arg(prefix.size()));
    NpyHeader header;
    header.version = uchar(prefix[kMagicSize]);
    const int minor = uchar(prefix[kMagicSize + 1]);
    if (header.version < 1 || header.version > 3 || minor != 0) {
        return makeError(Tr::tr("%1: byte 6: .npy format version %2.%3 is not supported; expected 1.0, 2.0 or 3.0")
                             .arg(label).arg(header.version).arg(minor));
    }
    const int lengthBytes = header.version == 1 ? 2 : 4;
    const QByteArray lengthField = file.read(lengthBytes);
    if (lengthField.size() < lengthBytes)
        return makeError(Tr::tr("%1: ends inside the header length (byte 8); expected a .npy header").arg(label));
    const qint64 headerLength = header.version == 1 ? qFromLittleEndian<quint16>(lengthField.constData())
                                                    : qFromLittleEndian<quint32>(lengthField.constData());
    const qint64 headerStart = kMagicSize + 2 + lengthBytes;
    if (headerLength > kMaxHeaderBytes) {
        return makeError(Tr::tr("%1: byte 8: the header length field says %2 bytes; expected a header of at most %3 bytes")
                             .arg(label).arg(headerLength).arg(kMaxHeaderBytes));
    }
    const QByteArray text = file.read(headerLength);
    if (text.size() < headerLength) {
        return makeError(Tr::tr("%1: the header length field (byte 8) says %2 bytes but the file ends after %3; expected "
                            "the whole header")
                             .arg(label).arg(headerLength).arg(text.size()));
    }
    const bool utf8 = header.version == 3;
    if (utf8) {
        QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
        [[maybe_unused]] const QString decoded = decoder(text);
        if (decoder.hasError())
            return makeError(Tr::tr("%1: the version 3.0 header (from byte %2) is not valid UTF-8; expected UTF-8 text")
                                 .arg(label).arg(headerStart));
    }
    HeaderParser parser(text, headerStart, utf8, label);
    const Result<PyValue> dict = parser.parse();
    if (!dict)
        return makeError(dict.error());
    if (Result<void> ok = parseHeaderDict(*dict, label, header); !ok)
        return makeError(ok.error());
    header.dataOffset = headerStart + headerLength;

    const int itemSize = npyItemSize(header.dtype);
    qint64 needed = itemSize;
    for (qint64 n : header.shape) {
        if (__builtin_mul_overflow(needed, n, &needed)) {
            return makeError(Tr::tr("%1: shape %2 of '%3' is larger than any file can be; expected the array's real shape")
                                 .arg(label, shapeText(header.shape), header.descr));
        }
    }
    const qint64 present = file.size() - header.dataOffset;
    if (present < needed) {
        return makeError(Tr::tr("%1: shape %2 of '%3' needs %4 bytes of data after the header (from byte %5) but the file "
                            "has %6; expected the data to match the shape (is the file truncated?)")
                             .arg(label, shapeText(header.shape), header.descr)
                             .arg(needed).arg(header.dataOffset).arg(present));
    }
    if (present > needed) {
        return makeError(Tr::tr("%1: the file has %2 bytes after the data (from byte %3); shape %4 of '%5' needs only %6 "
                            "bytes; expected the data to end the file (does the header understate the shape?)")
                             .arg(label).arg(present - needed).arg(header.dataOffset + needed)
                             .arg(shapeText(header.shape), header.descr).arg(needed));
    }
    return header;
}

Result<void> openForReading(QFile &file, const QString &label)
{
    if (!file.exists())
        return makeError(Tr::tr("%1: no such file; expected a NumPy .npy file").arg(label));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Tr::tr("%1: cannot open: %2").arg(label, file.errorString()));
    return {};
}

QByteArray headerText(const NpyHeader &header)
{
    QByteArray dict = "{'descr': '" + header.descr.toLatin1() + "', 'fortran_order': "
                      + (header.fortranOrder ? "True" : "False") + ", 'shape': " + shapeText(header.shape).toLatin1()
                      + ", }";
    const qint64 growing = header.fortranOrder ? header.shape.back() : header.shape.front();
    dict += QByteArray(kGrowthDigits - QByteArray::number(growing).size(), ' ');
    const int lengthBytes = header.version == 1 ? 2 : 4;
    const qsizetype used = kMagicSize + 2 + lengthBytes + dict.size() + 1;
    const qsizetype padding = kAlign - used % kAlign;
    dict += QByteArray(padding, ' ') + '\n';

    QByteArray prefix = kMagic;
    prefix += char(header.version);
    prefix += char(0);
    QByteArray length(lengthBytes, '\0');
    if (lengthBytes == 2)
        qToLittleEndian<quint16>(quint16(dict.size()), length.data());
    else
        qToLittleEndian<quint32>(quint32(dict.size()), length.data());
    return prefix + length + dict;
}

} // namespace

int npyItemSize(NpyDtype dtype)
{
    return infoOf(dtype).size;
}

QString npyDescr(NpyDtype dtype, bool bigEndian)
{
    const DtypeInfo &info = infoOf(dtype);
    const char order = info.size == 1 ? '|' : bigEndian ? '>' : '<';
    return QString(QLatin1Char(order)) + QLatin1Char(info.kind) + QString::number(info.size);
}

Result<NpyHeader> readNpyHeader(const QString &path, const QString &label)
{
    const QString &name = label.isEmpty() ? path : label;
    QFile file(path);
    if (Result<void> ok = openForReading(file, name); !ok)
        return makeError(ok.error());
    return readHeader(file, name);
}

Result<NpyArray> readNpy(const QString &path, const ProgressFn &progress, const QString &label)
{
    const QString &name = label.isEmpty() ? path : label;
    QFile file(path);
    if (Result<void> ok = openForReading(file, name); !ok)
        return makeError(ok.error());
    Result<NpyHeader> header = readHeader(file, name);
    if (!header)
        return makeError(header.error());

    NpyArray array;
    array.header = std::move(*header);
    const NpyHeader &h = array.header;
    const qint64 count = h.rows() * h.cols();
    try {
        array.values.resize(h.rows(), h.cols());
    } catch (const std::bad_alloc &) {
        return makeError(Tr::tr("%1: not enough memory for a %2 × %3 matrix of doubles (%4 MB)")
                             .arg(name).arg(h.rows()).arg(h.cols()).arg(count * 8 / 1000000));
    }

    // Mapped, the file is converted in place; a file that cannot be mapped (a compressed Qt resource) is
    // read a block at a time.
    const int itemSize = npyItemSize(h.dtype);
    const uchar *mapped = count > 0 ? file.map(h.dataOffset, count * itemSize) : nullptr;
    QByteArray buffer;
    if (!mapped && count > 0 && !file.seek(h.dataOffset))
        return makeError(Tr::tr("%1: cannot seek to the data at byte %2: %3").arg(name).arg(h.dataOffset).arg(file.errorString()));

    ElementOrder order{h.rows(), h.cols(), !h.fortranOrder && h.cols() > 1};
    Tally tally;
    for (qint64 done = 0; done < count;) {
        const qint64 block = std::min(kBlockValues, count - done);
        const uchar *src = mapped ? mapped + done * itemSize : nullptr;
        if (!mapped) {
            buffer = file.read(block * itemSize);
            if (buffer.size() != block * itemSize)
                return makeError(Tr::tr("%1: reading the data failed at byte %2: %3")
                                     .arg(name).arg(h.dataOffset + done * itemSize).arg(file.errorString()));
            src = reinterpret_cast<const uchar *>(buffer.constData());
        }
        qint64 bad = -1;
        dispatch(h.dtype, h.bigEndian, [&]<typename T, bool BigEndian>() {
            bad = convertBlock<T, BigEndian>(src, block, array.values.data(), order, tally);
        });
        if (bad >= 0) {
            const qint64 offset = h.dataOffset + (done + bad) * itemSize;
            return makeError(Tr::tr("%1: byte %2 holds %3 in a '|b1' (bool) array; expected 0 or 1")
                                 .arg(name).arg(offset).arg(uchar(src[bad * itemSize])));
        }
        done += block;
        if (progress && !progress(double(done) / double(count)))
            return makeError(Tr::tr("%1: reading cancelled").arg(name));
    }
    array.nonFiniteCount = tally.nonFinite;
    array.inexactCount = tally.inexact;
    return array;
}

Result<void> writeNpy(const QString &path, const Eigen::MatrixXd &values, NpyDtype dtype, const NpyOptions &options)
{
    if (options.version < 1 || options.version > 3)
        return makeError(Tr::tr("%1: cannot write .npy format version %2; expected 1, 2 or 3").arg(path).arg(options.version));
    if (options.oneDimensional && values.cols() != 1) {
        return makeError(Tr::tr("%1: a %2 × %3 matrix cannot be written as a 1-D array; expected a single column")
                             .arg(path).arg(values.rows()).arg(values.cols()));
    }
    NpyHeader header;
    header.version = options.version;
    header.dtype = dtype;
    header.bigEndian = options.bigEndian && npyItemSize(dtype) > 1;
    header.descr = npyDescr(dtype, header.bigEndian);
    header.fortranOrder = options.fortranOrder;
    header.shape = {qint64(values.rows())};
    if (!options.oneDimensional)
        header.shape.push_back(values.cols());

    if (Result<void> ok = checkSaveTarget(path); !ok)
        return ok;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(Tr::tr("%1: cannot write: %2").arg(path, file.errorString()));
    file.write(headerText(header));

    const int itemSize = npyItemSize(dtype);
    const qint64 count = qint64(values.size());
    ElementOrder order{values.rows(), values.cols(), !options.fortranOrder && values.cols() > 1};
    QByteArray buffer;
    for (qint64 done = 0; done < count;) {
        const qint64 block = std::min(kBlockValues, count - done);
        buffer.resize(block * itemSize);
        uchar *dst = reinterpret_cast<uchar *>(buffer.data());
        QString failure;
        dispatch(dtype, header.bigEndian, [&]<typename T, bool BigEndian>() {
            for (qint64 i = 0; i < block; ++i, order.next(), dst += itemSize) {
                const double value = values.data()[order.index()];
                StoredAs<T> stored{};
                if (!toStored<T>(value, stored)) {
                    failure = Tr::tr("%1: the value %2 at row %3, column %4 cannot be stored as '%5'; expected %6")
                                  .arg(path, numberText(value)).arg(order.r).arg(order.c)
                                  .arg(header.descr, storableRange<T>());
                    return;
                }
                store<StoredAs<T>, BigEndian>(stored, dst);
            }
        });
        if (!failure.isEmpty())
            return makeError(failure);
        file.write(buffer);
        done += block;
    }
    if (!file.commit())
        return makeError(Tr::tr("%1: cannot write: %2").arg(path, file.errorString()));
    return {};
}

ModalitySource vectorsModality(const QString &name, const QString &origin, Eigen::MatrixXd values)
{
    ModalitySource source;
    source.name = name;
    source.kind = ModalityKind::Vectors;
    source.origin = origin;
    source.missing.resize(size_t(values.rows()), false);
    for (Eigen::Index r = 0; r < values.rows(); ++r) {
        if (!values.row(r).allFinite()) {
            source.missing[size_t(r)] = true;
            values.row(r).setConstant(std::numeric_limits<double>::quiet_NaN());
        }
    }
    source.values = std::move(values);
    return source;
}

} // namespace fl
