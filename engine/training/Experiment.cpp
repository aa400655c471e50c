#include "engine/training/Experiment.h"

#include "engine/core/SaveFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace fl {

namespace {

// The translation context of this file's messages; lupdate reads it from the macro.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(fl::Experiment)
};

constexpr auto kFormat = "fusionlab-experiment";
// Experiment files hold curves, not datasets: anything this large is not one.
constexpr qint64 kMaxFileBytes = qint64(1) << 30;

} // namespace

QJsonObject experimentToJson(const Experiment &experiment)
{
    QJsonArray runs;
    for (const RunRecord &r : experiment.runs)
        runs.append(r.toJson());
    return QJsonObject{{"format", QLatin1String(kFormat)},
                       {"version", Experiment::kFormatVersion},
                       {"fusionlab", QStringLiteral(FUSIONLAB_VERSION)},
                       {"dataset", experiment.dataset.toJson()},
                       {"config", runConfigToJson(experiment.config)},
                       {"notes", experiment.notes},
                       {"runs", runs}};
}

Result<Experiment> experimentFromJson(const QJsonObject &json, const QString &pathForMessages)
{
    const QString where = pathForMessages.isEmpty() ? Tr::tr("The experiment") : QDir::toNativeSeparators(pathForMessages);
    if (json.value(QLatin1String("format")).toString() != QLatin1String(kFormat))
        return makeError(Tr::tr("%1 is not a FusionLab experiment (its \"format\" is not \"%2\").").arg(where, QLatin1String(kFormat)));
    const int version = json.value(QLatin1String("version")).toInt(-1);
    if (version < 1)
        return makeError(Tr::tr("%1: \"version\" should be a whole number ≥ 1.").arg(where));
    if (version > Experiment::kFormatVersion) {
        return makeError(Tr::tr("%1 was written by a newer FusionLab (format version %2; this one reads up to %3).")
                             .arg(where).arg(version).arg(Experiment::kFormatVersion));
    }
    Experiment e;
    e.dataset = DatasetIdentity::fromJson(json.value(QLatin1String("dataset")).toObject());
    Result<RunConfig> config = runConfigFromJson(json.value(QLatin1String("config")).toObject());
    if (!config)
        return makeError(QStringLiteral("%1: %2").arg(where, config.error()));
    e.config = std::move(*config);
    e.notes = json.value(QLatin1String("notes")).toString();
    const QJsonArray runs = json.value(QLatin1String("runs")).toArray();
    for (qsizetype i = 0; i < runs.size(); ++i) {
        Result<RunRecord> run = RunRecord::fromJson(runs[i].toObject());
        if (!run)
            return makeError(Tr::tr("%1, run %2: %3").arg(where).arg(i + 1).arg(run.error()));
        e.runs.push_back(std::move(*run));
    }
    return e;
}

Result<void> saveExperiment(const QString &path, const Experiment &experiment)
{
    const QByteArray bytes = QJsonDocument(experimentToJson(experiment)).toJson(QJsonDocument::Indented);
    return saveBytes(path, bytes);
}

Result<Experiment> loadExperiment(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Tr::tr("Cannot read %1: %2.").arg(QDir::toNativeSeparators(path), file.errorString()));
    if (file.size() > kMaxFileBytes)
        return makeError(Tr::tr("%1 is %2 MB; an experiment file is at most 1024 MB.").arg(QDir::toNativeSeparators(path)).arg(file.size() >> 20));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError) {
        return makeError(Tr::tr("%1 is not valid JSON at byte %2: %3.")
                             .arg(QDir::toNativeSeparators(path)).arg(error.offset).arg(error.errorString()));
    }
    if (!doc.isObject())
        return makeError(Tr::tr("%1 is not a FusionLab experiment (it holds no JSON object).").arg(QDir::toNativeSeparators(path)));
    return experimentFromJson(doc.object(), path);
}

} // namespace fl
