#pragma once

// Running fusionlab-cli's commands and reading its --json lines, for the suites that check its output
// (cli, cliworkbench, exportcheck, …). runCli() calls the command-line library in-process, exactly as
// the executable's main does; runCliProcess() starts the executable itself (FUSIONLAB_CLI_PATH,
// defined for every test target by tests/CMakeLists.txt), for the checks that need a real process.

#include "app/CommandLineTool.h"

#include <QBuffer>
#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace fl::test {

struct CliRun
{
    int exitCode = -1;   // runCliProcess: −1 when it did not finish in time or crashed
    QByteArray out;
    QString err;
};

// `fusionlab-cli ARGUMENTS`, in this process.
inline CliRun runCli(const QStringList &arguments)
{
    QByteArray out, err;
    CliRun run;
    {
        QBuffer outBuffer(&out), errBuffer(&err);
        outBuffer.open(QIODevice::WriteOnly);
        errBuffer.open(QIODevice::WriteOnly);
        QTextStream outStream(&outBuffer), errStream(&errBuffer);
        run.exitCode = runCommandLine(QStringList{QStringLiteral("fusionlab-cli")} + arguments, outStream, errStream,
                                      false);
    }
    run.out = out;
    run.err = QString::fromUtf8(err);
    return run;
}

// `fusionlab-cli ARGUMENTS`, the executable in a process of its own.
inline CliRun runCliProcess(const QStringList &arguments, int timeoutMs = 120000)
{
    QProcess process;
    process.start(QStringLiteral(FUSIONLAB_CLI_PATH), arguments);
    CliRun run;
    if (!process.waitForFinished(timeoutMs))
        return run;
    if (process.exitStatus() == QProcess::NormalExit)
        run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

// The --json output, one object a line (blank lines skipped); empty when any line is not a JSON object.
inline QList<QJsonObject> jsonLines(const QByteArray &out)
{
    QList<QJsonObject> lines;
    for (const QByteArray &line : out.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return {};
        lines << doc.object();
    }
    return lines;
}

} // namespace fl::test
