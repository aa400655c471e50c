#include "ui/AppSettings.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("FusionLab"));
    QApplication::setOrganizationName(QStringLiteral("FusionLab"));
    QApplication::setApplicationVersion(QStringLiteral(FUSIONLAB_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "A lab for cross-modal feature fusion in recommender systems."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("reset-settings"), QApplication::translate("main", "Forget the saved layout and parameters.")});
    parser.addPositionalArgument(QStringLiteral("dataset"), QApplication::translate("main", "'demo', a folder with manifest.json, or a manifest file."));
    parser.process(app);

    if (parser.isSet(QStringLiteral("reset-settings")))
        fl::AppSettings::clear();

    fl::MainWindow window;
    window.show();
    const QStringList positional = parser.positionalArguments();
    window.openDataset(positional.isEmpty() ? fl::AppSettings::lastDataset() : positional.front());
    return app.exec();
}
