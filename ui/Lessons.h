#pragma once

// The teaching lessons as content: resources/lessons/lessons.json (in the Qt resources as
// :/lessons/lessons.json) holds, per lesson, a preset (the dataset and a RunConfig in the form of
// runConfigToJson, possibly partial), numbered steps with an optional action the app can do itself
// ("Set β to 0"), what to observe and an optional tool (a before/after comparison or a result table the
// lesson builds by training). Every text is in English and Simplified Chinese. This file reads the
// catalogue and turns actions into RunConfigs; LessonPanel shows a lesson and runs it.

#include "engine/core/Result.h"
#include "engine/fusion/FusionPipeline.h"
#include "engine/training/RunRecord.h"
#include "engine/training/RunTrainer.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace fl {

inline const QString kLessonCatalogPath = QStringLiteral(":/lessons/lessons.json");

// True when lesson texts are shown in Chinese: the window's language (Language::current(), or the
// locale when no Language exists) is a Chinese one.
bool lessonsInChinese();

// One text in both languages.
struct LessonText
{
    QString en;
    QString zh;

    // The text in the current language (lessonsInChinese()), English when that one is empty.
    QString text() const;
    QString text(bool chinese) const { return chinese && !zh.isEmpty() ? zh : en; }
};

// What a step's "Do it" button does. Kind Config changes parameters of the current config and starts a
// new run (the previous curve stays as a ghost); the others are the app's own commands.
struct LessonAction
{
    enum class Kind { Config, Train, Step, Reset, Page, LogScale, Tool };
    Kind kind = Kind::Config;

    // Config: each optional change; `run` trains the new run at once.
    std::optional<double> learningRate;
    std::optional<double> learningRateTimesMaxStable;   // η = factor × 2/λ_max of the changed config
    QMap<QString, double> weights;                      // modality name → weight
    QMap<QString, bool> enabled;                        // modality name → on/off
    std::optional<MissingPolicy> missing;
    bool run = false;

    QString page;          // Page: "training", "dataset", "recommendations"
    bool logScale = true;  // LogScale: the loss axis logarithmic or not
};

struct LessonStep
{
    LessonText text;
    LessonText button;                  // the "Do it" button's label
    std::optional<LessonAction> action; // none: the step is something to look at or do by hand
};

// A table row of a lesson's tool: the preset with these changes.
struct LessonRow
{
    LessonText label;
    LessonAction change;
};

struct LessonColumn
{
    QString key;       // lessonValue() key
    LessonText title;
};

struct LessonTool
{
    enum class Kind { None, Compare, Table };
    Kind kind = Kind::None;
    LessonText button;               // "Compare", "Build table"
    LessonText hint;                 // one line above the result
    // Compare: one user's top K, trained at the preset and at the current parameters.
    QString user;
    int k = 10;
    // Table: one run per row (runOnce), one column per value.
    std::vector<LessonRow> rows;
    std::vector<LessonColumn> columns;
};

struct Lesson
{
    int number = 0;                  // 1-based, its place in the catalogue
    QString id;
    LessonText title;
    LessonText summary;              // one line, for the start page
    QString dataset;                 // what ExperimentController::openDataset is given: "demo", "demo-missing"
    QString page;                    // the page shown on opening: "training", "dataset", "recommendations"
    bool logScale = false;           // the loss axis on opening
    bool showLimit = false;          // the panel shows η against 2/λ_max of the current run, live
    RunConfig config;                // the preset (modalities it does not name keep the window's)
    std::optional<double> learningRateTimesMaxStable; // the preset's η as a multiple of 2/λ_max
    std::vector<LessonStep> steps;
    LessonText observe;
    LessonTool tool;
};

// Reads a catalogue; fails naming the lesson and key that are wrong.
Result<std::vector<Lesson>> loadLessons(const QString &path = kLessonCatalogPath);
// The built-in catalogue, read once; empty (with a warning on stderr) if it failed to load.
const std::vector<Lesson> &lessonCatalog();
int lessonCount();

// `fusionlab --lesson N`: N in 1..lessonCount(), or an error message for the user.
Result<int> parseLessonArgument(const QString &value);

// The preset as ExperimentController::applyConfig makes it from `current`: the dataset's modalities
// the preset does not name keep theirs, the split seeds follow the training seed. `maxStableLearningRate`
// is 2/λ_max of the preset's problem, used when the preset gives η as a multiple of it.
RunConfig lessonPresetConfig(const Lesson &lesson, const RunConfig &current, double maxStableLearningRate = 0);

// `config` with a Config action's changes (the same merge as above); maxStableLearningRate as above.
RunConfig applyLessonChange(RunConfig config, const LessonAction &change, double maxStableLearningRate = 0);

// The configs of a Table tool's rows, from the lesson's preset as lessonPresetConfig() gives it.
std::vector<RunConfig> lessonTableConfigs(const Lesson &lesson, const RunConfig &preset);

// A table value of a finished run: any RunRecord::summaryValues() key ("cold_ndcg@10", "val_floor" …),
// or "train_rows", "validation_rows", "width" (the fused feature columns). NaN when unknown.
double lessonValue(const RunRecord &record, const QString &key);

// 2/λ_max of config's regression on the dataset (prepares the problem through pipeline: embeds, fuses,
// splits). For a worker thread.
Result<double> maxStableLearningRate(FusionPipeline &pipeline, const RunConfig &config);

} // namespace fl
