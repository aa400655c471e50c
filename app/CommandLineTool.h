#pragma once

// fusionlab-cli: the engine without a window. Subcommands train, stats, export-demo and
// generate-demo; exit 0 on success, 1 when the data or the run fails (message names file and line),
// 2 on a wrong argument (with the usage text).

#include "engine/Dataset.h"
#include "engine/Result.h"

#include <QStringList>
#include <QTextStream>

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
    int stats(const QStringList &arguments);
    int exportDemo(const QStringList &arguments);
    int generateDemo(const QStringList &arguments);
    // The DATASET argument with --format, a progress bar on a terminal for loads over half a second.
    // Nullopt after printing the message: the exit code is then in *exitCode.
    std::optional<Dataset> loadDatasetArgument(const QCommandLineParser &parser, bool quiet, int *exitCode);
    void drawProgressBar(double fraction, const QString &suffix);
    void clearProgressBar();

    QTextStream &m_out;
    QTextStream &m_err;
    bool m_terminal;
};

QString commandLineUsage();

} // namespace fl
