#pragma once

// A run as the workbench keeps it: what it was trained on (the dataset's identity, with content
// hashes), every parameter, when it started and how long it took, its per-epoch curves, its summary
// and how it ended. Every run produces one, in the window and in the CLI alike (RunDriver fills it);
// it is the material of the Runs page, sweeps, ablations, saved experiments and reports. Records are
// values: they are copied across threads and written to JSON and read back exactly (doubles in JSON
// round-trip bit for bit).

#include "engine/core/Result.h"
#include "engine/data/Dataset.h"
#include "engine/training/RunTrainer.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <vector>

namespace fl {

// Which data a run saw, so that a saved run can tell whether it is re-run on the same data and say
// what changed when not.
struct DatasetIdentity
{
    QString name;
    QString path;                        // as the user gave it ("demo", a folder, a manifest)
    QString format;                      // datasetFormatName(), "auto" when unknown
    int users = 0;
    int items = 0;
    int interactions = 0;
    QString hash;                        // of everything below: hex
    QString itemsHash;                   // item ids, titles, categories
    QString interactionsHash;            // users, items, ratings, timestamps, the file's own split
    QMap<QString, QString> modalityHashes; // per modality: its kind and content (image paths as written)
    QMap<QString, QString> modalityKinds;  // per modality: modalityKindName() ("text", "image" …)

    bool isEmpty() const { return hash.isEmpty(); }
    QJsonObject toJson() const;
    static DatasetIdentity fromJson(const QJsonObject &json);
};

// The content hashes of a loaded dataset (BLAKE2b-256; about 1 GB/s, so a 25-million-rating set
// costs under a second). Image modalities hash their paths relative to the dataset's folder, so a
// moved folder is the same data.
DatasetIdentity identifyDataset(const Dataset &dataset, const QString &path = {}, const QString &format = {});

// What differs between a saved identity and the data loaded now, one sentence each; empty when the
// content is the same.
QStringList describeDatasetChanges(const DatasetIdentity &saved, const DatasetIdentity &now);

// Every parameter of a run, as JSON and back. fromJson checks names and ranges and says which key is
// wrong; keys it does not know are ignored (newer files), missing keys keep their defaults.
QJsonObject runConfigToJson(const RunConfig &config);
Result<RunConfig> runConfigFromJson(const QJsonObject &json);

struct RunRecord
{
    QString id;                          // unique, stable across saves
    QString name;                        // the user's label; empty: label() makes one
    bool starred = false;
    DatasetIdentity dataset;
    RunConfig config;
    QDateTime started;                   // UTC
    double seconds = 0;                  // training, without preparation
    double prepareSeconds = 0;
    // "running", "completed", "early stop", "stopped", "superseded", "diverged", "failed", "cancelled"
    QString status = QStringLiteral("running");
    QString message;                     // why it diverged or failed
    ProblemInfo info;                    // formula, fused modalities and weights, floors, notes
    // Per-epoch loss curves with the η each epoch used. A very long run keeps every epoch up to
    // kMaxCurvePoints, then every 2nd, 4th … (each point keeps its own epoch number).
    std::vector<EpochRecord> epochs;
    std::vector<int> metricEpochs;                    // epochs with validation metrics (ranking models)
    QMap<QString, std::vector<double>> metricCurves;  // "ndcg@10" → one value per metricEpochs entry
    RunSummary summary;                  // at the end: losses, RMSE / MAE, best epoch, test metrics

    static constexpr int kMaxCurvePoints = 1 << 17;

    bool isRanking() const { return !config.model.isLinear(); }
    // The user's name, or what the run fitted: "hybrid · α = 0.5, β = 0.5".
    QString label() const;
    // Summary values by the names the Runs table, sweeps and the CLI use: "train_loss", "val_loss",
    // "floor", "rmse", "mae", "ndcg@10", "cold_ndcg@10" … NaN where a value cannot be computed.
    QMap<QString, double> summaryValues() const;

    QJsonObject toJson() const;
    static Result<RunRecord> fromJson(const QJsonObject &json);
};

// A fresh id for a record.
QString newRunId();

// The parameters that differ between records, as (key, value text) per record, in a stable order:
// "model", "fusion", "weight:text", "modality:image" ("on"/"off"), "lr", "optimizer", "epochs" …
// Only keys whose value is not the same for every record are returned.
struct ParameterColumn
{
    QString key;
    QString title;                       // for a column header: "α (text)", "η", "image"
    QStringList values;                  // one per record
};
std::vector<ParameterColumn> differingParameters(const std::vector<const RunRecord *> &records);

// Every parameter of one record as key → text, the material of differingParameters.
QMap<QString, QString> describeParameters(const RunRecord &record);
// Where a parameter key goes among columns and rows (model first, seed last).
int parameterRank(const QString &key);
// A parameter key's heading for people: "α (text)", "η", "image", "text text width" …
QString parameterTitle(const QString &key, const RunConfig &config);

} // namespace fl
