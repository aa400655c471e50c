// Fuzz target: the FusionLab manifest (manifest.json) and the tables and images it names (engine/data/ManifestLoader.h).
// Input: the dataset's files, split at "@@@ NAME" lines (FuzzSupport.h); bytes before the first marker
// are manifest.json. They are written into an empty folder and the importer reads that folder; a dataset it
// accepts must be consistent (checkDataset).
#include "FuzzSupport.h"

#include "engine/data/ManifestLoader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fl::fuzz::ensureApplication();
    const QString folder = fl::fuzz::freshFolder();
    if (fl::fuzz::writeSections(folder, fl::fuzz::inputView(data, size), QStringLiteral("manifest.json")) == 0)
        return 0;
    if (const fl::Result<fl::Dataset> dataset = fl::loadManifest(folder + QStringLiteral("/manifest.json")); fl::fuzz::accepted(dataset))
        fl::fuzz::checkDataset(*dataset);
    return 0;
}
