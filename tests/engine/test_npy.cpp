#include "engine/data/Npy.h"
#include "engine/embedding/ModalityMatrix.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <limits>
#include <random>

using namespace fl;

Q_DECLARE_METATYPE(Eigen::MatrixXd)
Q_DECLARE_METATYPE(fl::NpyDtype)

namespace {

const QString kFixtures = QStringLiteral(FUSIONLAB_FIXTURES_DIR "/npy");
constexpr double kInf = std::numeric_limits<double>::infinity();
const double kNaN = std::numeric_limits<double>::quiet_NaN();

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

template<typename T>
QString errorOf(const Result<T> &result)
{
    return result.ok() ? QStringLiteral("(no error)") : result.error();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

// A .npy file with the given header text, padded the way NumPy pads it (unless raw), and data bytes.
QByteArray npyBytes(const QByteArray &dict, const QByteArray &data = {}, int version = 1, bool raw = false)
{
    const int lengthBytes = version == 1 ? 2 : 4;
    QByteArray header = dict;
    if (!raw) {
        header += QByteArray(64 - (8 + lengthBytes + header.size() + 1) % 64, ' ');
        header += '\n';
    }
    QByteArray bytes("\x93NUMPY", 6);
    bytes += char(version);
    bytes += char(0);
    const qsizetype n = header.size();
    bytes += char(n & 0xff);
    bytes += char((n >> 8) & 0xff);
    if (lengthBytes == 4)
        bytes += QByteArray(2, '\0');
    return bytes + header + data;
}

// Matrices compare exactly, with NaN equal to NaN.
bool sameValues(const Eigen::MatrixXd &a, const Eigen::MatrixXd &b)
{
    if (a.rows() != b.rows() || a.cols() != b.cols())
        return false;
    for (Eigen::Index i = 0; i < a.size(); ++i) {
        const double x = a.data()[i];
        const double y = b.data()[i];
        if (!(x == y || (std::isnan(x) && std::isnan(y))) || std::signbit(x) != std::signbit(y))
            return false;
    }
    return true;
}

Eigen::MatrixXd matrix(Eigen::Index rows, Eigen::Index cols, std::initializer_list<double> rowMajorValues)
{
    Eigen::MatrixXd m(rows, cols);
    auto it = rowMajorValues.begin();
    for (Eigen::Index r = 0; r < rows; ++r)
        for (Eigen::Index c = 0; c < cols; ++c)
            m(r, c) = *it++;
    return m;
}

// Twelve values each dtype holds exactly, extremes included, as a 3 × 4 matrix (so that C and Fortran
// order differ).
Eigen::MatrixXd valuesFor(NpyDtype dtype)
{
    switch (dtype) {
    case NpyDtype::Bool: return matrix(3, 4, {1, 0, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1});
    case NpyDtype::Int8: return matrix(3, 4, {-128, 127, 0, -1, 1, 64, -64, 5, 100, -100, 3, 2});
    case NpyDtype::Int16: return matrix(3, 4, {-32768, 32767, 0, -1, 1, 300, -300, 5, 1000, -1000, 3, 2});
    case NpyDtype::Int32: return matrix(3, 4, {-2147483648.0, 2147483647, 0, -1, 1, 70000, -70000, 5, 1e9, -1e9, 3, 2});
    case NpyDtype::Int64:
        return matrix(3, 4, {-9223372036854775808.0, 4611686018427387904.0, 0, -1, 1, 9007199254740992.0,
                             -9007199254740992.0, 5, 1e15, -1e15, 3, 2});
    case NpyDtype::UInt8: return matrix(3, 4, {0, 255, 1, 2, 128, 127, 3, 4, 5, 6, 7, 200});
    case NpyDtype::UInt16: return matrix(3, 4, {0, 65535, 1, 2, 32768, 32767, 3, 4, 5, 6, 7, 60000});
    case NpyDtype::UInt32: return matrix(3, 4, {0, 4294967295.0, 1, 2, 2147483648.0, 7, 3, 4, 5, 6, 7, 4e9});
    case NpyDtype::UInt64:
        return matrix(3, 4, {0, 18446744073709549568.0, 1, 2, 9223372036854775808.0, 7, 3, 4, 5, 6, 7, 1e19});
    case NpyDtype::Float16:
        return matrix(3, 4, {65504, -65504, 0.5, -1.5, 6.103515625e-05, 5.960464477539063e-08, kInf, -kInf, 0, -0.0,
                             1000.5, 3});
    case NpyDtype::Float32:
        return matrix(3, 4, {3.4028234663852886e38, -3.4028234663852886e38, 1.1754943508222875e-38, 1.401298464324817e-45,
                             double(0.1f), -0.0, kInf, -kInf, 16777216, -2.5, 1, 0});
    case NpyDtype::Float64:
        return matrix(3, 4, {std::numeric_limits<double>::max(), -std::numeric_limits<double>::max(),
                             std::numeric_limits<double>::min(), std::numeric_limits<double>::denorm_min(), 0.1,
                             -0.0, kInf, -kInf, 1.0 / 3.0, -2.5, 1, 0});
    }
    return {};
}

const NpyDtype kAllDtypes[] = {NpyDtype::Bool,   NpyDtype::Int8,    NpyDtype::Int16,   NpyDtype::Int32,
                               NpyDtype::Int64,  NpyDtype::UInt8,   NpyDtype::UInt16,  NpyDtype::UInt32,
                               NpyDtype::UInt64, NpyDtype::Float16, NpyDtype::Float32, NpyDtype::Float64};

} // namespace

class TestNpy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void descrs()
    {
        QCOMPARE(npyDescr(NpyDtype::Float32), QStringLiteral("<f4"));
        QCOMPARE(npyDescr(NpyDtype::Float64, true), QStringLiteral(">f8"));
        QCOMPARE(npyDescr(NpyDtype::Int8, true), QStringLiteral("|i1"));
        QCOMPARE(npyDescr(NpyDtype::Bool), QStringLiteral("|b1"));
        QCOMPARE(npyDescr(NpyDtype::UInt64, true), QStringLiteral(">u8"));
        QCOMPARE(npyDescr(NpyDtype::Float16), QStringLiteral("<f2"));
        QCOMPARE(npyItemSize(NpyDtype::Int16), 2);
        QCOMPARE(npyItemSize(NpyDtype::UInt64), 8);
    }

    // Files written by NumPy 1.24 (tests/fixtures/npy/make_fixtures.py) read back with their values, and
    // FusionLab's writer reproduces them byte for byte.
    void numpyFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<Eigen::MatrixXd>("expected");
        QTest::addColumn<QString>("descr");
        QTest::addColumn<NpyDtype>("dtype");
        QTest::addColumn<bool>("fortranOrder");
        QTest::addColumn<int>("version");
        QTest::addColumn<bool>("oneDimensional");
        QTest::addColumn<qint64>("nonFinite");
        QTest::addColumn<qint64>("inexact");
        QTest::addColumn<bool>("byteExact");

        QTest::newRow("<f8 C v1.0")
            << "f8_c_v1.npy"
            << matrix(3, 4, {0.5, -1.25, 3.0, 1e-300, 1152921504606846976.0, -0.0, 7.75, -123456.5, 1.0 / 3.0, 1e300,
                             -2.5, 42.0})
            << "<f8" << NpyDtype::Float64 << false << 1 << false << qint64(0) << qint64(0) << true;
        QTest::newRow(">f4 Fortran v2.0")
            << "f4_be_fortran_v2.npy" << matrix(3, 2, {1.5, -2.0, 0.25, 1024.0, -8.5, 3.0}) << ">f4"
            << NpyDtype::Float32 << true << 2 << false << qint64(0) << qint64(0) << true;
        QTest::newRow("<i2 1-D v3.0") << "i2_1d_v3.npy" << matrix(5, 1, {-32768, -1, 0, 7, 32767}) << "<i2"
                                      << NpyDtype::Int16 << false << 3 << true << qint64(0) << qint64(0) << true;
        QTest::newRow("|u1") << "u1_v1.npy" << matrix(2, 2, {0, 255, 17, 128}) << "|u1" << NpyDtype::UInt8 << false << 1
                             << false << qint64(0) << qint64(0) << true;
        QTest::newRow("|b1") << "b1_v1.npy" << matrix(1, 3, {1, 0, 1}) << "|b1" << NpyDtype::Bool << false << 1
                             << false << qint64(0) << qint64(0) << true;
        QTest::newRow("<f4 NaN and inf")
            << "f4_nonfinite_v1.npy" << matrix(3, 2, {1, kNaN, kInf, 2, -kInf, 3}) << "<f4" << NpyDtype::Float32
            << false << 1 << false << qint64(3) << qint64(0) << true;
        // 2^53 + 1 has no double; it rounds to 2^53 (ties to even) and is counted.
        QTest::newRow(">i8 beyond 2^53")
            << "i8_be_v1.npy" << matrix(2, 2, {-9007199254740992.0, 9007199254740992.0, -1, 9007199254740992.0})
            << ">i8" << NpyDtype::Int64 << false << 1 << false << qint64(0) << qint64(2) << false;
    }

    void numpyFiles()
    {
        QFETCH(QString, file);
        QFETCH(Eigen::MatrixXd, expected);
        QFETCH(QString, descr);
        QFETCH(NpyDtype, dtype);
        QFETCH(bool, fortranOrder);
        QFETCH(int, version);
        QFETCH(bool, oneDimensional);
        QFETCH(qint64, nonFinite);
        QFETCH(qint64, inexact);
        QFETCH(bool, byteExact);

        const QString path = kFixtures + QLatin1Char('/') + file;
        const Result<NpyHeader> header = readNpyHeader(path);
        QVERIFY2(header.ok(), qPrintable(errorOf(header)));
        QCOMPARE(header->descr, descr);
        QCOMPARE(header->dtype, dtype);
        QCOMPARE(header->bigEndian, descr.startsWith(QLatin1Char('>')));
        QCOMPARE(header->fortranOrder, fortranOrder);
        QCOMPARE(header->version, version);
        QCOMPARE(header->shape.size(), size_t(oneDimensional ? 1 : 2));
        QCOMPARE(header->rows(), qint64(expected.rows()));
        QCOMPARE(header->cols(), qint64(expected.cols()));
        QCOMPARE(header->dataOffset % 64, qint64(0));

        const Result<NpyArray> array = readNpy(path);
        QVERIFY2(array.ok(), qPrintable(errorOf(array)));
        QVERIFY2(sameValues(array->values, expected), qPrintable(file));
        QCOMPARE(array->nonFiniteCount, nonFinite);
        QCOMPARE(array->inexactCount, inexact);
        QCOMPARE(array->header.shape, header->shape);

        if (!byteExact)
            return;
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = dir.filePath(file);
        NpyOptions options;
        options.bigEndian = header->bigEndian;
        options.fortranOrder = fortranOrder;
        options.version = version;
        options.oneDimensional = oneDimensional;
        const Result<void> written = writeNpy(copy, expected, dtype, options);
        QVERIFY2(written.ok(), qPrintable(errorOf(written)));
        QCOMPARE(readAll(copy).toHex(), readAll(path).toHex());
    }

    // Every dtype × byte order × memory order × version, 2-D and 1-D, written and read back exactly.
    void roundTrip()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        int files = 0;
        for (NpyDtype dtype : kAllDtypes) {
            const Eigen::MatrixXd values = valuesFor(dtype);
            for (bool bigEndian : {false, true}) {
                for (bool fortranOrder : {false, true}) {
                    for (int version : {1, 2, 3}) {
                        for (bool oneDimensional : {false, true}) {
                            const Eigen::MatrixXd data = oneDimensional ? Eigen::MatrixXd(values.col(2)) : values;
                            const QString name = QStringLiteral("%1_%2_%3_v%4_%5d.npy")
                                                     .arg(npyDescr(dtype, bigEndian).mid(1))
                                                     .arg(bigEndian ? "be" : "le", fortranOrder ? "F" : "C")
                                                     .arg(version)
                                                     .arg(oneDimensional ? 1 : 2);
                            NpyOptions options{bigEndian, fortranOrder, version, oneDimensional};
                            const Result<void> written = writeNpy(dir.filePath(name), data, dtype, options);
                            QVERIFY2(written.ok(), qPrintable(errorOf(written)));
                            const Result<NpyArray> read = readNpy(dir.filePath(name));
                            QVERIFY2(read.ok(), qPrintable(errorOf(read)));
                            QVERIFY2(sameValues(read->values, data), qPrintable(name));
                            QCOMPARE(read->header.dtype, dtype);
                            QCOMPARE(read->header.descr, npyDescr(dtype, bigEndian));
                            QCOMPARE(read->header.bigEndian, bigEndian && npyItemSize(dtype) > 1);
                            QCOMPARE(read->header.fortranOrder, fortranOrder);
                            QCOMPARE(read->header.version, version);
                            QCOMPARE(read->header.shape.size(), size_t(oneDimensional ? 1 : 2));
                            const bool isFloat = dtype == NpyDtype::Float16 || dtype == NpyDtype::Float32
                                                 || dtype == NpyDtype::Float64;
                            QCOMPARE(read->nonFiniteCount, qint64(isFloat ? (oneDimensional ? 1 : 2) : 0));
                            QCOMPARE(QFileInfo(dir.filePath(name)).size(),
                                     read->header.dataOffset + data.size() * npyItemSize(dtype));
                            ++files;
                        }
                    }
                }
            }
        }
        QCOMPARE(files, 12 * 2 * 2 * 3 * 2);
    }

    void storedBytes()
    {
        // The data of a 2 × 2 '>i2' matrix in C order, and in Fortran order, after the 128-byte header (the
        // dict, NumPy's 20 spaces of room for the first dimension to grow, padding to 64 bytes and '\n').
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Eigen::MatrixXd m = matrix(2, 2, {1, 2, 3, -2});
        QVERIFY(writeNpy(dir.filePath("c.npy"), m, NpyDtype::Int16, {true, false, 1, false}).ok());
        QVERIFY(writeNpy(dir.filePath("f.npy"), m, NpyDtype::Int16, {true, true, 1, false}).ok());
        QCOMPARE(readAll(dir.filePath("c.npy")).mid(128).toHex(), QByteArray("000100020003fffe"));
        QCOMPARE(readAll(dir.filePath("f.npy")).mid(128).toHex(), QByteArray("000100030002fffe"));
        QCOMPARE(readAll(dir.filePath("f.npy")).left(128),
                 npyBytes("{'descr': '>i2', 'fortran_order': True, 'shape': (2, 2), }"
                          "                    "));
    }

    void rejectedNumpyFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::newRow("object") << "object.npy"
                                << "object.npy: byte 20 (in the header): dtype '|O' holds Python objects (pickled), "
                                   "which FusionLab does not load; expected a number type: '<f4', '<f8', '<f2', "
                                   "'|i1', '<i2', '<i4', '<i8', '|u1', '<u2', '<u4', '<u8' or '|b1' ('>' for "
                                   "big-endian)";
        QTest::newRow("structured") << "structured.npy"
                                    << "structured.npy: byte 20 (in the header): the dtype is structured (a list of "
                                       "named fields or sub-arrays); expected a number type: ";
        QTest::newRow("complex") << "complex.npy" << "complex.npy: byte 20 (in the header): dtype '<c16' is complex; expected";
        QTest::newRow("strings") << "unicode.npy" << "unicode.npy: byte 20 (in the header): dtype '<U4' holds strings; expected";
        QTest::newRow("dates") << "datetime.npy"
                               << "datetime.npy: byte 20 (in the header): dtype '<M8[D]' holds dates or durations";
        QTest::newRow("3-D") << "f8_3d.npy"
                             << "f8_3d.npy: byte 60 (in the header): the array has 3 dimensions (shape (2, 3, 4)); "
                                "expected 1 (one value per row) or 2 (rows × columns)";
        QTest::newRow("0-D") << "scalar.npy"
                             << "scalar.npy: byte 60 (in the header): the array has 0 dimensions (shape ()); expected 1";
    }

    void rejectedNumpyFiles()
    {
        QFETCH(QString, file);
        QFETCH(QString, message);
        const QString path = kFixtures + QLatin1Char('/') + file;
        const Result<NpyArray> array = readNpy(path, {}, file);
        QVERIFY(!array.ok());
        QVERIFY2(array.error().startsWith(message), qPrintable("got: " + array.error()));
        const Result<NpyHeader> header = readNpyHeader(path, file);
        QVERIFY(!header.ok());
        QCOMPARE(header.error(), array.error());
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");

        const QByteArray f8x2 = "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }";
        const QByteArray twoDoubles = QByteArray::fromHex("000000000000f03f0000000000000040");   // 1.0, 2.0
        QTest::newRow("bad magic") << QByteArray("PK\x03\x04 a zip file, not an npy")
                                   << "x.npy: does not start with the .npy magic string \\x93NUMPY; expected a NumPy "
                                      ".npy file (as written by numpy.save)";
        QTest::newRow("empty file") << QByteArray() << "x.npy: does not start with the .npy magic string";
        QTest::newRow("cut in the version") << QByteArray("\x93NUMPY\x01", 7)
                                            << "x.npy: ends after 7 bytes, inside the format version; expected a .npy header";
        QByteArray v4 = npyBytes(f8x2, twoDoubles);
        v4[6] = 4;
        QTest::newRow("version 4.0") << v4 << "x.npy: byte 6: .npy format version 4.0 is not supported; expected "
                                              "1.0, 2.0 or 3.0";
        QByteArray v11 = npyBytes(f8x2, twoDoubles);
        v11[7] = 1;
        QTest::newRow("version 1.1") << v11 << "x.npy: byte 6: .npy format version 1.1 is not supported";
        QTest::newRow("header longer than the file")
            << npyBytes(f8x2, {}).left(40) << "x.npy: the header length field (byte 8) says 118 bytes but the file "
                                              "ends after 30; expected the whole header";
        QTest::newRow("header is a list")
            << npyBytes("[('descr', '<f8')]", twoDoubles)
            << "x.npy: byte 10: the header is a list; expected a dict such as {'descr': '<f4', 'fortran_order': "
               "False, 'shape': (480, 512), }";
        QTest::newRow("not a Python literal")
            << npyBytes("descr=<f8", twoDoubles)
            << "x.npy: byte 10 (in the header): expected a Python literal (a dict, string, integer, tuple, True or "
               "False) but found 'd'";
        QTest::newRow("lacks shape")
            << npyBytes("{'descr': '<f8', 'fortran_order': False}", twoDoubles)
            << "x.npy: byte 10 (in the header): the header lacks the key 'shape'; expected 'descr', "
               "'fortran_order' and 'shape'";
        QTest::newRow("unexpected key")
            << npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), 'version': 1}", twoDoubles)
            << "x.npy: byte 10 (in the header): unexpected key 'version'; expected only 'descr', 'fortran_order' "
               "and 'shape'";
        QTest::newRow("key twice")
            << npyBytes("{'descr': '<f8', 'descr': '<f4', 'fortran_order': False, 'shape': (2,)}", twoDoubles)
            << "x.npy: byte 27 (in the header): key 'descr' appears twice; expected each key once";
        QTest::newRow("missing comma")
            << npyBytes("{'descr': '<f8' 'fortran_order': False, 'shape': (2,)}", twoDoubles)
            << "x.npy: byte 26 (in the header): expected ',' or '}' but found '''";
        QTest::newRow("unterminated string")
            << npyBytes("{'descr': '<f8, 'fortran_order': False, 'shape': (2,)}", twoDoubles)
            << "x.npy: byte 27 (in the header): expected ',' or '}' but found 'f'";
        QTest::newRow("escape in a string")
            << npyBytes("{'descr': '<f\\x38', 'fortran_order': False, 'shape': (2,)}", twoDoubles)
            << "x.npy: byte 23 (in the header): expected a closing ' (escape sequences are not supported) but "
               "found '\\'";
        QTest::newRow("fortran_order a string")
            << npyBytes("{'descr': '<f8', 'fortran_order': 'no', 'shape': (2,), }", twoDoubles)
            << "x.npy: byte 44 (in the header): 'fortran_order' is a string; expected True or False";
        QTest::newRow("shape an integer (no comma)")
            << npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (2), }", twoDoubles)
            << "x.npy: byte 61 (in the header): 'shape' is an integer; expected a tuple of non-negative integers "
               "such as (480, 512)";
        QTest::newRow("negative dimension")
            << npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (2, -1), }", twoDoubles)
            << "x.npy: byte 60 (in the header): 'shape' is a tuple holding something other than non-negative "
               "integers; expected a tuple";
        QTest::newRow("no byte order")
            << npyBytes("{'descr': 'f8', 'fortran_order': False, 'shape': (2,), }", twoDoubles)
            << "x.npy: byte 20 (in the header): dtype 'f8' does not start with a byte order ('<', '>' or '|'); "
               "expected a number type";
        QTest::newRow("multi-byte without order")
            << npyBytes("{'descr': '|f8', 'fortran_order': False, 'shape': (2,), }", twoDoubles)
            << "x.npy: byte 20 (in the header): dtype '|f8' has no byte order ('|') but its values have 8 bytes";
        QTest::newRow("long double")
            << npyBytes("{'descr': '<f16', 'fortran_order': False, 'shape': (2,), }", twoDoubles)
            << "x.npy: byte 20 (in the header): dtype '<f16' is an extended-precision float; expected";
        QTest::newRow("three-byte integer")
            << npyBytes("{'descr': '<i3', 'fortran_order': False, 'shape': (2,), }", twoDoubles)
            << "x.npy: byte 20 (in the header): dtype '<i3' is not a supported number type; expected";
        QTest::newRow("descr a number")
            << npyBytes("{'descr': 8, 'fortran_order': False, 'shape': (2,), }", twoDoubles)
            << "x.npy: byte 20 (in the header): 'descr' is an integer; expected a dtype string such as '<f4'";
        QTest::newRow("no final newline")
            << npyBytes(f8x2 + "      ", twoDoubles, 1, true)
            << "x.npy: the header (bytes 10 to 72) does not end with a newline; expected a header padded with "
               "spaces and ending in '\\n', as NumPy writes it";
        QTest::newRow("text after the dict")
            << npyBytes(f8x2 + " # comment", twoDoubles)
            << "x.npy: byte 68 (in the header): expected only spaces and a newline after the header's closing '}' "
               "but found '#'";
        QTest::newRow("truncated data")
            << npyBytes(f8x2, twoDoubles.left(12))
            << "x.npy: shape (2,) of '<f8' needs 16 bytes of data after the header (from byte 128) but the file has "
               "12; expected the data to match the shape (is the file truncated?)";
        QTest::newRow("extra data")
            << npyBytes(f8x2, twoDoubles + twoDoubles)
            << "x.npy: the file has 16 bytes after the data (from byte 144); shape (2,) of '<f8' needs only 16 bytes; "
               "expected the data to end the file (does the header understate the shape?)";
        QTest::newRow("impossible size")
            << npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296), }")
            << "x.npy: shape (4294967296, 4294967296) of '<f8' is larger than any file can be";
        QTest::newRow("bool byte not 0 or 1")
            << npyBytes("{'descr': '|b1', 'fortran_order': False, 'shape': (3,), }", QByteArray("\x01\x00\x02", 3))
            << "x.npy: byte 130 holds 2 in a '|b1' (bool) array; expected 0 or 1";
        QTest::newRow("version 3.0 header not UTF-8")
            << npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), 'n\xe9': 1}", twoDoubles, 3)
            << "x.npy: the version 3.0 header (from byte 12) is not valid UTF-8; expected UTF-8 text";
        QTest::newRow("integer too long")
            << npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999,), }", twoDoubles)
            << "x.npy: byte 61 (in the header): expected an integer that fits in 64 bits but found '9'";
    }

    void malformed()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath("x.npy"), bytes));
        const Result<NpyArray> array = readNpy(dir.filePath("x.npy"), {}, QStringLiteral("x.npy"));
        QVERIFY(!array.ok());
        QVERIFY2(array.error().startsWith(message), qPrintable("got: " + array.error()));
    }

    void acceptedVariants()
    {
        // What NumPy also reads: keys in any order, no trailing comma, double quotes, Python 2 longs ("3L"),
        // '<' on one-byte types, an empty array, and a header not padded to 64 bytes.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray data = QByteArray::fromHex("0000803f000000400000404000008040000080400000a040");
        const QByteArray variants[] = {
            npyBytes("{\"shape\": (3L, 2L), \"fortran_order\": False, \"descr\": \"<f4\"}", data),
            npyBytes("{'descr':'<f4','fortran_order':False,'shape':(3,2)}\n", data, 2, true),
        };
        for (const QByteArray &bytes : variants) {
            QVERIFY(writeFile(dir.filePath("v.npy"), bytes));
            const Result<NpyArray> array = readNpy(dir.filePath("v.npy"));
            QVERIFY2(array.ok(), qPrintable(errorOf(array)));
            QCOMPARE(array->values, matrix(3, 2, {1, 2, 3, 4, 4, 5}));
        }
        QVERIFY(writeFile(dir.filePath("i1.npy"), npyBytes("{'descr': '<i1', 'fortran_order': False, 'shape': (2,), }",
                                                           QByteArray("\xff\x05", 2))));
        const Result<NpyArray> int8 = readNpy(dir.filePath("i1.npy"));
        QVERIFY2(int8.ok(), qPrintable(errorOf(int8)));
        QCOMPARE(int8->header.dtype, NpyDtype::Int8);
        QCOMPARE(int8->values, matrix(2, 1, {-1, 5}));

        QVERIFY(writeFile(dir.filePath("empty.npy"), npyBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (0, 7), }")));
        const Result<NpyArray> empty = readNpy(dir.filePath("empty.npy"));
        QVERIFY2(empty.ok(), qPrintable(errorOf(empty)));
        QCOMPARE(empty->values.rows(), Eigen::Index(0));
        QCOMPARE(empty->values.cols(), Eigen::Index(7));
    }

    void missingFile()
    {
        const Result<NpyArray> array = readNpy(kFixtures + "/nowhere.npy", {}, QStringLiteral("nowhere.npy"));
        QVERIFY(!array.ok());
        QCOMPARE(array.error(), QStringLiteral("nowhere.npy: no such file; expected a NumPy .npy file"));
    }

    void writerRejectsValuesTheDtypeCannotHold_data()
    {
        QTest::addColumn<NpyDtype>("dtype");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("fraction") << NpyDtype::Int16 << 3.5
                                  << "the value 3.5 at row 1, column 0 cannot be stored as '<i2'; expected a whole "
                                     "number from -32768 to 32767";
        QTest::newRow("too large") << NpyDtype::Int16 << 32768.0 << "the value 32768 at row 1, column 0";
        QTest::newRow("negative unsigned") << NpyDtype::UInt64 << -1.0
                                           << "the value -1 at row 1, column 0 cannot be stored as '<u8'; expected a "
                                              "whole number from 0 to 18446744073709551615";
        QTest::newRow("2^64 unsigned") << NpyDtype::UInt64 << 18446744073709551616.0
                                       << "the value 18446744073709551616 at row 1";
        QTest::newRow("2^63 signed") << NpyDtype::Int64 << 9223372036854775808.0 << "the value 9223372036854775808 at";
        QTest::newRow("NaN integer") << NpyDtype::UInt8 << kNaN << "the value nan at row 1, column 0 cannot be stored as '|u1'";
        QTest::newRow("bool 2") << NpyDtype::Bool << 2.0 << "the value 2 at row 1, column 0 cannot be stored as '|b1'; expected 0 or 1";
    }

    void writerRejectsValuesTheDtypeCannotHold()
    {
        QFETCH(NpyDtype, dtype);
        QFETCH(double, value);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("w.npy");
        const Result<void> written = writeNpy(path, matrix(2, 1, {1, value}), dtype);
        QVERIFY(!written.ok());
        QVERIFY2(written.error().startsWith(path + ": " + message), qPrintable("got: " + written.error()));
        QVERIFY(!QFile::exists(path));
    }

    void writerRejectsBadOptions()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("w.npy");
        const Result<void> wide = writeNpy(path, Eigen::MatrixXd::Zero(2, 3), NpyDtype::Float32, {false, false, 1, true});
        QVERIFY(!wide.ok());
        QCOMPARE(wide.error(), path + ": a 2 × 3 matrix cannot be written as a 1-D array; expected a single column");
        const Result<void> v4 = writeNpy(path, Eigen::MatrixXd::Zero(2, 3), NpyDtype::Float32, {false, false, 4, false});
        QVERIFY(!v4.ok());
        QCOMPARE(v4.error(), path + ": cannot write .npy format version 4; expected 1, 2 or 3");
    }

    void largeArrayProgressAndCancel()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        std::mt19937 rng(42);
        std::normal_distribution<float> normal(0.0f, 1.0f);
        Eigen::MatrixXd values(5000, 37);
        for (Eigen::Index i = 0; i < values.size(); ++i)
            values.data()[i] = double(normal(rng));   // float values: exact in '<f4'
        const QString path = dir.filePath("big.npy");
        QVERIFY(writeNpy(path, values, NpyDtype::Float32).ok());

        std::vector<double> fractions;
        const Result<NpyArray> read = readNpy(path, [&](double f) {
            fractions.push_back(f);
            return true;
        });
        QVERIFY2(read.ok(), qPrintable(errorOf(read)));
        QCOMPARE(read->values, values);
        QCOMPARE(fractions.size(), size_t(3));      // 185,000 values in blocks of 65,536
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        QCOMPARE(fractions.back(), 1.0);

        const Result<NpyArray> cancelled = readNpy(path, [](double f) { return f < 0.5; }, QStringLiteral("big.npy"));
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error(), QStringLiteral("big.npy: reading cancelled"));
    }

    void vectorsModalityMarksNonFiniteRowsMissing()
    {
        const ModalitySource source = vectorsModality("clip", "clip.npy", matrix(3, 2, {1, 2, kNaN, 4, 5, -kInf}));
        QCOMPARE(source.name, QStringLiteral("clip"));
        QCOMPARE(source.kind, ModalityKind::Vectors);
        QCOMPARE(source.origin, QStringLiteral("clip.npy"));
        QCOMPARE(source.missing, std::vector<bool>({false, true, true}));
        // The rows that held NaN or inf are NaN throughout, so the notes can name them.
        QVERIFY(sameValues(source.values, matrix(3, 2, {1, 2, kNaN, kNaN, kNaN, kNaN})));
        QCOMPARE(nonFiniteRows(source.values, source.missing), 2);
        QCOMPARE(missingValuesNote("clip", source.values, source.missing),
                 QStringLiteral("clip: 2 of 3 items have no value (NaN or inf in 2 of them); filled with the column mean."));
    }

    // Missing rows of zeros were empty cells; only rows marked missing count, whatever they hold.
    void missingValuesNoteCountsNonFiniteRows()
    {
        const Eigen::MatrixXd values = matrix(4, 2, {1, kInf, 0, 0, kNaN, 3, 0, 0});
        QCOMPARE(nonFiniteRows(values, {false, true, true, true}), 1);
        QCOMPARE(nonFiniteRows(values, {true, true, true, true}), 2);
        QCOMPARE(missingValuesNote("price", values, {false, true, true, true}),
                 QStringLiteral("price: 3 of 4 items have no value (NaN or inf in 1 of them); filled with the column mean."));
        QCOMPARE(missingValuesNote("price", values, {false, true, false, true}),
                 QStringLiteral("price: 2 of 4 items have no value; filled with the column mean."));
        QVERIFY(missingValuesNote("price", values, {false, false, false, false}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestNpy)
#include "test_npy.moc"
