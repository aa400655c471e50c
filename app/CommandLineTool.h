#pragma once

// fusionlab-cli: the engine without a window. Subcommands train, run, sweep, ablate, stats,
// export-demo and generate-demo; exit 0 on success, 1 when the data or the run fails (message names
// file and line), 2 on a wrong argument (with the usage text).
//
// The commands are a library (the fusionlab_cli target): cli_main.cpp only makes the application
// object and the streams and calls runCommandLine(), and the tests call it in-process the same way.

#include "engine/core/Result.h"
#include "engine/data/Dataset.h"
#include "engine/fusion/FusionPipeline.h"
#include "engine/training/RunRecord.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>
#include <QTextStream>

#include <memory>
#include <optional>

class QCommandLineParser;

namespace fl {

class CommandLineTool
{
public:
    CommandLineTool(QTextStream &out, QTextStream &err, bool terminal);
    int run(const QStringList &arguments);

private:
    int usageError(const QString &message);
    int train(const QStringList &arguments);
    int runExperiment(const QStringList &arguments);
    // In CliWorkbench.cpp: the α–β landscape and the modality ablation.
    int sweep(const QStringList &arguments);
    int ablate(const QStringList &arguments);

    struct ReportOptions
    {
        bool json = false;
        QString exportTopK;
        QString exportSplit;
        bool pseudonymize = false;   // user ids in the exports replaced by salted hashes (Pseudonyms.h)
    };
    // One run through the RunDriver, printed as `train` prints it (per-epoch lines, then the summary),
    // with the exports; the record goes to *record. Returns the exit code.
    int runAndReport(FusionPipeline &pipeline, const RunConfig &config, const DatasetIdentity &identity,
                     const ReportOptions &report, RunRecord *record);
    int stats(const QStringList &arguments);
    int exportDemo(const QStringList &arguments);
    int generateDemo(const QStringList &arguments);
    // Parses `args` (the command first) with `parser`, expecting one argument after the command: nullopt
    // to go on, otherwise the exit code after printing the usage (--help: 0) or the usage error (2).
    std::optional<int> parseCommand(QCommandLineParser &parser, const QStringList &args);
    // The DATASET argument with --format, a progress bar on a terminal for loads over half a second.
    // Null after printing the message: the exit code is then in *exitCode.
    std::shared_ptr<const Dataset> loadDatasetArgument(const QCommandLineParser &parser, bool quiet, int *exitCode);
    void drawProgressBar(double fraction, const QString &suffix);
    void clearProgressBar();

    QTextStream &m_out;
    QTextStream &m_err;
    bool m_terminal;
};

QString commandLineUsage();

// Runs one command line (the program's name first, as QCoreApplication::arguments() gives it) as
// fusionlab-cli does, writing to out and err, and returns the exit code. Anything thrown on the way (a
// run that runs out of memory) ends with a sentence on err and exit 1, never an abort. `terminal`
// draws progress bars on err for long loads.
int runCommandLine(const QStringList &arguments, QTextStream &out, QTextStream &err, bool terminal);

// Parses `args` (the command first) with `parser`, expecting `positionals` arguments after the command;
// nullopt on success, an empty string for --help, otherwise the message (a usage error).
std::optional<QString> parseArguments(QCommandLineParser &parser, const QStringList &args, int positionals);
// The identity of the DATASET argument (the command's first), with its --format or "auto".
DatasetIdentity datasetArgumentIdentity(const QCommandLineParser &parser, const Dataset &dataset);
// A finite number, or nullopt.
std::optional<double> toNumber(const QString &text);
// A JSON number, or null when not finite (a value that cannot be computed is never 0).
QJsonValue jsonNumber(double v);
// One compact JSON object, as the --json lines print it.
QString printLine(const QJsonObject &o);

// Every option of `train` that shapes a run (not --json, --format or the exports), for train, sweep
// and ablate alike.
void addRunOptions(QCommandLineParser &parser);
// The run those options describe. Without a dataset only the options that need none are checked (so a
// wrong argument is reported before a long load). rankingOnlyOptions: more options that make --model
// linear the regression as a recommender (train's exports). An error is a usage error (exit 2).
Result<RunConfig> runConfigFromOptions(const QCommandLineParser &parser, const Dataset *dataset,
                                       const QStringList &rankingOnlyOptions = {});

} // namespace fl
