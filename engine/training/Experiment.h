#pragma once

// A saved experiment: versioned JSON holding the dataset reference and its content hashes, the
// parameters in use, and the runs with their curves and results. The window saves and opens them
// (File ▸ Save / Open Experiment) and autosaves its run history in the same format; the CLI writes
// one with `train --save-experiment FILE` and re-runs one with `run FILE`.

#include "engine/core/Result.h"
#include "engine/training/RunRecord.h"

#include <QList>
#include <QString>

namespace fl {

struct Experiment
{
    static constexpr int kFormatVersion = 1;

    DatasetIdentity dataset;     // the dataset the parameters refer to (path, format, hashes)
    RunConfig config;            // the parameters in use when it was saved
    std::vector<RunRecord> runs; // oldest first
    QString notes;
};

QJsonObject experimentToJson(const Experiment &experiment);
// Checks the format and version; a file from a newer FusionLab is refused with a message saying so.
Result<Experiment> experimentFromJson(const QJsonObject &json, const QString &pathForMessages = {});

// Written atomically (QSaveFile): a failed write leaves any previous file as it was.
Result<void> saveExperiment(const QString &path, const Experiment &experiment);
Result<Experiment> loadExperiment(const QString &path);

} // namespace fl
