#include "CommandLineTool.h"

#include "engine/MemoryBudget.h"

#include <QCoreApplication>

#include <cstdio>
#include <unistd.h>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // No translator is installed: the CLI's output, engine messages included, stays English whatever the
    // locale, because scripts parse it. Its own texts are QStringLiteral, out of the .ts catalogues.
    QCoreApplication::setApplicationName(QStringLiteral("fusionlab-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FUSIONLAB_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    fl::CommandLineTool tool(out, err, isatty(fileno(stderr)) != 0);
    int code = 1;
    try {
        code = tool.run(QCoreApplication::arguments());
    } catch (const std::exception &error) {
        // Loads report their own failures with the file; this is the last word for anything else (a
        // run that runs out of memory), so that it ends with a sentence and exit 1, never an abort.
        out.flush();
        err << "fusionlab-cli: " << fl::exceptionText(error) << "\n";
    }
    out.flush();
    err.flush();
    return code;
}
