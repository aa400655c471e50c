#pragma once

// Reading and writing NumPy .npy files (format versions 1.0, 2.0 and 3.0, as specified in
// numpy.lib.format), for precomputed feature vectors such as CLIP or Sentence-Transformers embeddings.
//
// The header, a Python dict literal {'descr': '<f4', 'fortran_order': False, 'shape': (480, 512), }, is
// parsed strictly. Accepted: numeric dtypes (bool, signed and unsigned integers of 1 to 8 bytes, float16,
// float32, float64) in either byte order, C or Fortran order, 1-D (n values read as an n × 1 matrix) and
// 2-D arrays. Everything else (object, structured, complex, string or datetime dtypes, 0-D or 3-D and
// higher arrays, a data size that does not match the shape) is an error naming the file, the byte offset
// where it helps, what was found and what was expected. The data is converted from the memory-mapped
// file straight into the matrix, without a second copy of the file.

#include "engine/core/Result.h"
#include "engine/data/Dataset.h"

#include <Eigen/Core>
#include <QString>

#include <vector>

namespace fl {

enum class NpyDtype { Bool, Int8, Int16, Int32, Int64, UInt8, UInt16, UInt32, UInt64, Float16, Float32, Float64 };

struct NpyHeader
{
    int version = 1;              // the format's major version: 1, 2 or 3
    QString descr;                // as written in the file, e.g. "<f4"
    NpyDtype dtype = NpyDtype::Float64;
    bool bigEndian = false;       // false for one-byte types
    bool fortranOrder = false;
    std::vector<qint64> shape;    // 1 or 2 dimensions
    qint64 dataOffset = 0;        // where the data starts in the file

    qint64 rows() const { return shape.empty() ? 0 : shape[0]; }
    qint64 cols() const { return shape.size() < 2 ? 1 : shape[1]; }
};

struct NpyArray
{
    NpyHeader header;
    Eigen::MatrixXd values;       // rows × cols; a 1-D array is n × 1
    qint64 nonFiniteCount = 0;    // NaN and ±inf values (not an error here; callers report them)
    qint64 inexactCount = 0;      // 64-bit integers too large to be held exactly by a double (rounded)
};

struct NpyOptions
{
    bool bigEndian = false;       // ignored for one-byte types
    bool fortranOrder = false;
    int version = 1;              // 1, 2 or 3
    bool oneDimensional = false;  // write an n × 1 matrix with shape (n,)
};

// Bytes per value, and the descr NumPy writes for the type ("<f4", ">i8", "|u1", "|b1").
int npyItemSize(NpyDtype dtype);
QString npyDescr(NpyDtype dtype, bool bigEndian = false);

// label names the file in messages; empty: the path.
Result<NpyHeader> readNpyHeader(const QString &path, const QString &label = {});
Result<NpyArray> readNpy(const QString &path, const ProgressFn &progress = {}, const QString &label = {});

// Writes byte for byte what numpy.save (NumPy 1.24) writes for the same array, dtype, order and version.
// Values that the dtype cannot hold (a fraction, NaN or an out-of-range value for an integer type, not 0
// or 1 for bool) are errors; float16 and float32 round to nearest.
Result<void> writeNpy(const QString &path, const Eigen::MatrixXd &values, NpyDtype dtype,
                      const NpyOptions &options = {});

// A Vectors modality from a matrix with one row per item: a row holding NaN or ±inf marks its item as
// missing, and is set to NaN throughout, as numeric modalities mark a NaN or inf cell, so that the
// embedding's note can say that the file held them (missingValuesNote in ModalityMatrix.h).
ModalitySource vectorsModality(const QString &name, const QString &origin, Eigen::MatrixXd values);

} // namespace fl
