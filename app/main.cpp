#include "ui/AppSettings.h"
#include "ui/Language.h"
#include "ui/Lessons.h"
#include "ui/MainWindow.h"
#include "ui/Workbench.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QMessageBox>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("FusionLab"));
    QApplication::setOrganizationName(QStringLiteral("FusionLab"));
    QApplication::setApplicationVersion(QStringLiteral(FUSIONLAB_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/fusionlab.svg")));
    QApplication::setDesktopFileName(QStringLiteral("fusionlab"));   // resources/fusionlab.desktop

    // The language chosen in View ▸ Language, else the system's, already for the parser's help text.
    fl::Language language;
    // Installed (`cmake --install`, the .deb), the program finds the catalogues in
    // share/fusionlab/translations beside bin/ and prefers them to the embedded ones, so a corrected
    // catalogue can be dropped in without rebuilding.
    const QString installedCatalogues =
        QDir::cleanPath(QApplication::applicationDirPath() + QStringLiteral("/../share/fusionlab/translations"));
    if (QFileInfo(installedCatalogues).isDir())
        language.setCatalogDirectory(installedCatalogues);
    const auto remembered = [] {
        const QString code = fl::Language::normalized(fl::AppSettings::language());
        return code.isEmpty() ? fl::Language::systemLanguage() : code;
    };
    language.setLanguage(remembered());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "A lab for cross-modal feature fusion in recommender systems."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("reset-settings"), QApplication::translate("main", "Forget the saved layout and parameters.")});
    parser.addOption({QStringLiteral("experiment"), QApplication::translate("main", "Open a saved experiment (its dataset, parameters and runs)."),
                      QStringLiteral("file")});
    parser.addPositionalArgument(QStringLiteral("dataset"), QApplication::translate("main", "'demo', 'demo-missing' (the demo with a quarter of its images and texts missing), a folder with manifest.json, or a manifest file."));
    const QCommandLineOption lessonOption(QStringLiteral("lesson"), QApplication::translate("main", "Open lesson N (1 to 5) with its data, parameters and guide."),
                                          QStringLiteral("N"));
    parser.addOption(lessonOption);
    const QCommandLineOption langOption(QStringLiteral("lang"), QApplication::translate("main", "The window's language for this session: zh_CN or en."),
                                        QStringLiteral("code"));
    parser.addOption(langOption);
    parser.process(app);

    if (parser.isSet(QStringLiteral("reset-settings"))) {
        fl::AppSettings::clear();
        language.setLanguage(remembered());
    }
    if (parser.isSet(langOption)) {
        const QString code = fl::Language::normalized(parser.value(langOption));
        if (code.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(QApplication::translate("main", "Unknown language '%1'; expected one of: %2.")
                                                        .arg(parser.value(langOption), fl::Language::available().join(QStringLiteral(", ")))));
            return 2;
        }
        language.setLanguage(code);
    }

    int lesson = 0;
    if (parser.isSet(lessonOption)) {
        const fl::Result<int> number = fl::parseLessonArgument(parser.value(lessonOption));
        if (!number) {
            std::fprintf(stderr, "%s\n", qPrintable(number.error()));
            return 2;
        }
        lesson = *number;
    }

    fl::MainWindow window;
    window.show();
    const QStringList positional = parser.positionalArguments();
    if (lesson > 0) {
        window.openLesson(lesson);   // it opens the lesson's own dataset
    } else if (parser.isSet(QStringLiteral("experiment"))) {
        if (const fl::Result<void> opened = window.workbench()->openExperiment(parser.value(QStringLiteral("experiment"))); !opened) {
            QMessageBox::warning(&window, QApplication::translate("main", "Could not open the experiment"), opened.error());
            window.openDataset(fl::AppSettings::lastDataset());
        }
    } else {
        window.openDataset(positional.isEmpty() ? fl::AppSettings::lastDataset() : positional.front());
    }
    // A previous window that did not close (a crash, kill -9) left its runs: offer them back.
    QTimer::singleShot(0, &window, [&window] { window.workbench()->offerRestore(); });
    // The first launch with nothing asked for offers the lessons.
    if (lesson == 0 && positional.isEmpty() && !parser.isSet(QStringLiteral("experiment")) && !fl::AppSettings::startPageShown()) {
        fl::AppSettings::setStartPageShown(true);
        QTimer::singleShot(0, &window, [&window] { window.showStartPage(); });
    }
    return app.exec();
}
