#pragma once

// Running fusionlab-cli as a user does, and reading its --json lines, for the suites that check its
// output (cli, cliworkbench, exportcheck).
// FUSIONLAB_CLI_PATH is defined for every test target by tests/CMakeLists.txt.

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace fl::test {

struct CliRun
{
    int exitCode = -1;   // −1 when it did not finish in time or crashed
    QProcess::ExitStatus status = QProcess::CrashExit;
    QByteArray out;
    QString err;
};

inline CliRun runCli(const QStringList &arguments, int timeoutMs = 120000)
{
    QProcess process;
    process.start(QStringLiteral(FUSIONLAB_CLI_PATH), arguments);
    CliRun run;
    if (!process.waitForFinished(timeoutMs))
        return run;
    run.status = process.exitStatus();
    if (run.status == QProcess::NormalExit)
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
