#pragma once

// fusionlab-cli: the engine without a window. Subcommands train, stats, export-demo and
// generate-demo; exit 0 on success, 1 when the data or the run fails (message names file and line),
// 2 on a wrong argument (with the usage text).

#include <QStringList>
#include <QTextStream>

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

    QTextStream &m_out;
    QTextStream &m_err;
    bool m_terminal;
};

QString commandLineUsage();

} // namespace fl
