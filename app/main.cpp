#include "ui/AppSettings.h"
#include "ui/MainWindow.h"
#include "ui/Workbench.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QTimer>

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
    parser.addOption({QStringLiteral("experiment"), QApplication::translate("main", "Open a saved experiment (its dataset, parameters and runs)."),
                      QStringLiteral("file")});
    parser.addPositionalArgument(QStringLiteral("dataset"), QApplication::translate("main", "'demo', a folder with manifest.json, or a manifest file."));
    parser.process(app);

    if (parser.isSet(QStringLiteral("reset-settings")))
        fl::AppSettings::clear();

    fl::MainWindow window;
    window.show();
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(QStringLiteral("experiment"))) {
        if (const fl::Result<void> opened = window.workbench()->openExperiment(parser.value(QStringLiteral("experiment"))); !opened) {
            QMessageBox::warning(&window, QApplication::translate("main", "Could not open the experiment"), opened.error());
            window.openDataset(fl::AppSettings::lastDataset());
        }
    } else {
        window.openDataset(positional.isEmpty() ? fl::AppSettings::lastDataset() : positional.front());
    }
    // A previous window that did not close (a crash, kill -9) left its runs: offer them back.
    QTimer::singleShot(0, &window, [&window] { window.workbench()->offerRestore(); });
    return app.exec();
}
