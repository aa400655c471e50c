#include "engine/data/DatasetImport.h"

#include "engine/core/MemoryBudget.h"

#include "engine/data/DemoGenerator.h"
#include "engine/data/ManifestLoader.h"
#include "engine/data/MmrecImporter.h"
#include "engine/data/MovieLensImporter.h"
#include "engine/data/RecBoleImporter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace fl {

namespace {

// The translation context of this file's messages; lupdate reads it from the macro.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(fl::DatasetImport)
};

constexpr DatasetFormat kAllFormats[] = {DatasetFormat::Auto, DatasetFormat::Demo, DatasetFormat::Manifest,
                                         DatasetFormat::MovieLens, DatasetFormat::Mmrec, DatasetFormat::RecBole};

bool isManifest(const QString &path)
{
    const QFileInfo info(path);
    if (info.isDir())
        return QFileInfo::exists(QDir(path).filePath(QStringLiteral("manifest.json")));
    return info.isFile() && info.suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0;
}

} // namespace

QString datasetFormatName(DatasetFormat format)
{
    switch (format) {
    case DatasetFormat::Auto: return QStringLiteral("auto");
    case DatasetFormat::Demo: return QStringLiteral("demo");
    case DatasetFormat::Manifest: return QStringLiteral("manifest");
    case DatasetFormat::MovieLens: return QStringLiteral("movielens");
    case DatasetFormat::Mmrec: return QStringLiteral("mmrec");
    case DatasetFormat::RecBole: return QStringLiteral("recbole");
    }
    return QString();
}

QString datasetFormatTitle(DatasetFormat format)
{
    switch (format) {
    case DatasetFormat::Auto: return Tr::tr("Detect automatically");
    case DatasetFormat::Demo: return Tr::tr("Built-in demo");
    case DatasetFormat::Manifest: return Tr::tr("FusionLab manifest");
    case DatasetFormat::MovieLens: return QStringLiteral("MovieLens");
    case DatasetFormat::Mmrec: return QStringLiteral("MMRec");
    case DatasetFormat::RecBole: return Tr::tr("RecBole atomic files");
    }
    return QString();
}

std::optional<DatasetFormat> parseDatasetFormat(const QString &name)
{
    for (DatasetFormat format : kAllFormats) {
        if (name.compare(datasetFormatName(format), Qt::CaseInsensitive) == 0)
            return format;
    }
    return std::nullopt;
}

QStringList datasetFormatNames()
{
    QStringList names;
    for (DatasetFormat format : kAllFormats)
        names << datasetFormatName(format);
    return names;
}

DatasetFormat detectDatasetFormat(const QString &path)
{
    if (path == QLatin1String("demo") || path == kDemoMissingPath)
        return DatasetFormat::Demo;
    if (isManifest(path))
        return DatasetFormat::Manifest;
    if (looksLikeMmrec(path))
        return DatasetFormat::Mmrec;
    if (looksLikeRecBole(path))
        return DatasetFormat::RecBole;
    if (looksLikeMovieLens(path))
        return DatasetFormat::MovieLens;
    return DatasetFormat::Auto;
}

namespace {

Result<Dataset> importFormat(const QString &path, DatasetFormat format, const ProgressFn &progress);

} // namespace

Result<Dataset> importDataset(const QString &path, DatasetFormat format, const ProgressFn &progress)
{
    // An allocation that fails anyway (the estimate was short, or another process took the memory)
    // ends this load with a message; whatever dataset the caller had is untouched.
    try {
        return importFormat(path, format, progress);
    } catch (const std::exception &error) {
        return makeError(Tr::tr("%1: could not be loaded: %2").arg(path, exceptionText(error)));
    }
}

namespace {

Result<Dataset> importFormat(const QString &path, DatasetFormat format, const ProgressFn &progress)
{
    if (format == DatasetFormat::Auto) {
        format = detectDatasetFormat(path);
        if (format == DatasetFormat::Auto) {
            if (!QFileInfo::exists(path))
                return makeError(Tr::tr("%1: no such file or folder; expected a dataset folder or file, or \"demo\"").arg(path));
            return makeError(Tr::tr("%1: not a dataset FusionLab recognises; expected a folder or file of one of: a "
                                "FusionLab manifest (manifest.json), MovieLens (ratings.csv + movies.csv, u.data + "
                                "u.item, or ratings.dat + movies.dat), MMRec (NAME.inter with userID, itemID, … and "
                                "*_feat.npy), RecBole atomic files (NAME.inter with name:type headers). For other "
                                "CSV files, File ▸ Import CSV writes a manifest.")
                                 .arg(path));
        }
    }
    switch (format) {
    case DatasetFormat::Auto:
        break;
    case DatasetFormat::Demo: {
        Result<Dataset> demo = loadDataset(QStringLiteral("demo"), progress);
        if (demo && path == kDemoMissingPath) {
            if (Result<void> removed = removeDemoModalities(*demo); !removed)
                return makeError(removed.error());
        }
        return demo;
    }
    case DatasetFormat::Manifest:
        return loadDataset(path, progress);
    case DatasetFormat::Mmrec:
        return importMmrec(path, progress);
    case DatasetFormat::MovieLens:
        return importMovieLens(path, progress);
    case DatasetFormat::RecBole:
        return importRecBole(path, progress);
    }
    return makeError(Tr::tr("%1: unknown dataset format").arg(path));
}

} // namespace

} // namespace fl
