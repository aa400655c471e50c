// Fuzz target: MovieLens ml-100k (u.data, u.item, u.genre).
// Input: the dataset's files, split at "@@@ NAME" lines (FuzzSupport.h); bytes before the first marker
// are u.data. They are written into an empty folder and the importer reads that folder; a dataset it
// accepts must be consistent (checkDataset).
#include "FuzzSupport.h"

#include "engine/data/MovieLensImporter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fl::fuzz::ensureApplication();
    const QString folder = fl::fuzz::freshFolder();
    if (fl::fuzz::writeSections(folder, fl::fuzz::inputView(data, size), QStringLiteral("u.data")) == 0)
        return 0;
    if (const fl::Result<fl::Dataset> dataset = fl::importMovieLens(folder); fl::fuzz::accepted(dataset))
        fl::fuzz::checkDataset(*dataset);
    return 0;
}
