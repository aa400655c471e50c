#include "CommandLineTool.h"

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
    return fl::runCommandLine(QCoreApplication::arguments(), out, err, isatty(fileno(stderr)) != 0);
}
