// Fuzz target: NumPy .npy files (engine/data/Npy.h), as precomputed embeddings (manifest "vectors"
// modalities, MMRec's *_feat.npy). Input: the file's bytes. A file readNpy accepts must agree with its
// header (whose reading must then succeed too; the data, such as a bool that is not 0 or 1, may still be
// refused) and become a Vectors modality; writing the matrix back and reading it again must give the same
// finite values.
#include "FuzzSupport.h"

#include "engine/data/Npy.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fl::fuzz::ensureApplication();
    const QString folder = fl::fuzz::freshFolder();
    const QString path = folder + QStringLiteral("/m.npy");
    if (!fl::fuzz::writeFile(folder, QStringLiteral("m.npy"), fl::fuzz::inputView(data, size)))
        return 0;
    const fl::Result<fl::NpyHeader> header = fl::readNpyHeader(path);
    const fl::Result<fl::NpyArray> array = fl::readNpy(path);
    if (array.ok() && !header.ok())
        std::abort();
    if (!fl::fuzz::accepted(array))
        return 0;
    const Eigen::MatrixXd &values = array->values;
    if (values.rows() != header->rows() || values.cols() != header->cols())
        std::abort();
    const fl::ModalitySource modality = fl::vectorsModality(QStringLiteral("v"), QStringLiteral("m.npy"), values);
    if (modality.values.rows() != values.rows() || modality.missing.size() != size_t(values.rows()))
        std::abort();
    if (array->nonFiniteCount == 0 && values.size() > 0 && values.size() <= 4096) {
        const QString copy = folder + QStringLiteral("/copy.npy");
        if (fl::writeNpy(copy, values, fl::NpyDtype::Float64)) {
            const fl::Result<fl::NpyArray> again = fl::readNpy(copy);
            if (!again || again->values != values)
                std::abort();
        }
    }
    return 0;
}
