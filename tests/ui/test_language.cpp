// Switching the window's language live (offscreen). The Chinese catalogue is still being written, so
// the switch is checked against a pseudo-translation built here from the sources: every message
// becomes "〔source〕" (lupdate extracts, lrelease compiles). Menus, docks, tabs, buttons and the status
// line must read exactly that after View ▸ Language ▸ 简体中文, and the English texts again after the
// switch back, with the dataset, the parameters, the run history and the page kept. Also: the demo's
// titles in both languages (the manifest's title_columns) and search by either, Qt's own dialogs in
// Chinese, and the language codes.

#include "engine/training/RunRecord.h"
#include "tests/TestSupport.h"
#include "ui/AppSettings.h"
#include "ui/DatasetBrowser.h"
#include "ui/ExperimentController.h"
#include "ui/FormulaPanel.h"
#include "ui/Language.h"
#include "ui/LessonPanel.h"
#include "ui/Lessons.h"
#include "ui/LossChartView.h"
#include "ui/MainWindow.h"
#include "ui/ModalitiesPanel.h"
#include "ui/RunHistoryModel.h"
#include "ui/StartPage.h"
#include "ui/Workbench.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

using namespace fl;

namespace {

QString pseudo(const QString &english)
{
    return QStringLiteral("〔%1〕").arg(english);
}

// Turns a .ts of the sources into one where every message is translated as pseudo(source).
bool writePseudoCatalogue(const QString &from, const QString &to, QString *error)
{
    QFile in(from);
    QFile out(to);
    if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot open %1 or %2").arg(from, to);
        return false;
    }
    QXmlStreamReader xml(&in);
    QXmlStreamWriter ts(&out);
    ts.setAutoFormatting(true);
    ts.writeStartDocument();
    ts.writeDTD(QStringLiteral("<!DOCTYPE TS>"));
    ts.writeStartElement(QStringLiteral("TS"));
    ts.writeAttribute(QStringLiteral("version"), QStringLiteral("2.1"));
    ts.writeAttribute(QStringLiteral("language"), QStringLiteral("zh_CN"));
    bool inContext = false;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("name")) {
            if (inContext)
                ts.writeEndElement();
            ts.writeStartElement(QStringLiteral("context"));
            ts.writeTextElement(QStringLiteral("name"), xml.readElementText());
            inContext = true;
        } else if (xml.name() == QLatin1String("message")) {
            const bool numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            QString source;
            QString comment;
            while (xml.readNextStartElement()) {
                if (xml.name() == QLatin1String("source"))
                    source = xml.readElementText();
                else if (xml.name() == QLatin1String("comment"))
                    comment = xml.readElementText();
                else
                    xml.skipCurrentElement();
            }
            ts.writeStartElement(QStringLiteral("message"));
            if (numerus)
                ts.writeAttribute(QStringLiteral("numerus"), QStringLiteral("yes"));
            ts.writeTextElement(QStringLiteral("source"), source);
            if (!comment.isEmpty())
                ts.writeTextElement(QStringLiteral("comment"), comment);
            ts.writeStartElement(QStringLiteral("translation"));
            if (numerus)
                ts.writeTextElement(QStringLiteral("numerusform"), pseudo(source));
            else
                ts.writeCharacters(pseudo(source));
            ts.writeEndElement();
            ts.writeEndElement();
        }
    }
    if (inContext)
        ts.writeEndElement();
    ts.writeEndDocument();
    if (xml.hasError()) {
        *error = xml.errorString();
        return false;
    }
    return true;
}

bool run(const QString &program, const QStringList &arguments, QString *output)
{
    QProcess process;
    process.setWorkingDirectory(QStringLiteral(FUSIONLAB_SOURCE_DIR));
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    const bool ok = process.waitForFinished(120000) && process.exitCode() == 0;
    *output = QString::fromLocal8Bit(process.readAll());
    return ok;
}

// What a class sees of the window's language, by the texts it shows.
struct VisibleTexts
{
    QStringList menus;
    QStringList docks;
    QStringList tabs;
    QString train;
    QString state;
    QString epoch;
    QString title;
    QString searchPlaceholder;
};

VisibleTexts visibleTexts(MainWindow &window)
{
    VisibleTexts texts;
    const QList<QAction *> menus = window.menuBar()->actions();
    for (QAction *menu : menus)
        texts.menus << menu->text();
    const QList<QDockWidget *> docks = window.findChildren<QDockWidget *>();
    for (QDockWidget *dock : docks)
        texts.docks << dock->windowTitle();
    for (int i = 0; i < window.pages()->count(); ++i)
        texts.tabs << window.pages()->tabText(i);
    texts.train = window.trainAction()->text();
    const QStringList status = window.statusText().split(QStringLiteral(" | "));
    texts.state = status.value(0);
    texts.epoch = status.value(1);
    texts.title = window.windowTitle();
    texts.searchPlaceholder = window.datasetBrowser()->searchField()->placeholderText();
    return texts;
}

int row(const Dataset &dataset, const QString &id)
{
    return int(dataset.itemIds.indexOf(id));
}

} // namespace

class LanguageTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Language> m_language;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        AppSettings::clear();
        QVERIFY(m_dir.isValid());
        const QString sources = m_dir.filePath(QStringLiteral("sources_zh_CN.ts"));
        const QString catalogue = m_dir.filePath(QStringLiteral("fusionlab_zh_CN.ts"));
        QString output;
        QVERIFY2(run(QStringLiteral(FUSIONLAB_LUPDATE),
                     {QStringLiteral("-I"), QStringLiteral("."), QStringLiteral("engine"), QStringLiteral("ui"),
                      QStringLiteral("app"), QStringLiteral("-ts"), sources},
                     &output),
                 qPrintable(output));
        QString error;
        QVERIFY2(writePseudoCatalogue(sources, catalogue, &error), qPrintable(error));
        QVERIFY2(run(QStringLiteral(FUSIONLAB_LRELEASE),
                     {catalogue, QStringLiteral("-qm"), m_dir.filePath(QStringLiteral("fusionlab_zh_CN.qm"))}, &output),
                 qPrintable(output));
        m_language = std::make_unique<Language>();
    }

    void cleanup()
    {
        m_language->setCatalogDirectory(QStringLiteral(":/i18n"));
        m_language->setLanguage(QStringLiteral("en"));
    }

    void codes()
    {
        QCOMPARE(Language::available(), (QStringList{QStringLiteral("en"), QStringLiteral("zh_CN")}));
        QCOMPARE(Language::normalized(QStringLiteral("zh")), QStringLiteral("zh_CN"));
        QCOMPARE(Language::normalized(QStringLiteral("zh-CN")), QStringLiteral("zh_CN"));
        QCOMPARE(Language::normalized(QStringLiteral("zh_Hans_CN")), QStringLiteral("zh_CN"));
        QCOMPARE(Language::normalized(QStringLiteral("en_GB")), QStringLiteral("en"));
        QCOMPARE(Language::normalized(QStringLiteral("fr_FR")), QString());
        QCOMPARE(Language::normalized(QStringLiteral("")), QString());
        QCOMPARE(Language::nativeName(QStringLiteral("zh_CN")), QStringLiteral("简体中文"));
        QVERIFY(!m_language->setLanguage(QStringLiteral("fr")));
        QCOMPARE(Language::current(), QStringLiteral("en"));
    }

    void embeddedCatalogueAndQtDialogs()
    {
        QVERIFY(m_language->setLanguage(QStringLiteral("zh_CN")));
        QCOMPARE(Language::current(), QStringLiteral("zh_CN"));
        // Qt's own buttons come from qtbase_zh_CN.qm (Debian's qt6-translations-l10n, in .ci/install).
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("取消"));
        QVERIFY(m_language->setLanguage(QStringLiteral("en")));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
    }

    void demoTitlesInBothLanguages()
    {
        // resources/demo/items.csv: i0001,可爱陶瓷抱枕,Cute ceramic cushion,手工细节。…,Handcrafted details. …,家居,home
        const std::shared_ptr<const Dataset> demo = test::loadDemo();
        QVERIFY(demo);
        const int item = row(*demo, QStringLiteral("i0001"));
        QVERIFY(item >= 0);
        QCOMPARE(demo->itemTitle(item, QStringLiteral("zh_CN")), QStringLiteral("可爱陶瓷抱枕"));
        QCOMPARE(demo->itemTitle(item, QStringLiteral("en")), QStringLiteral("Cute ceramic cushion"));
        QCOMPARE(demo->itemTitle(item), QStringLiteral("Cute ceramic cushion"));   // the manifest's "title"
        QCOMPARE(demo->itemTitle(item, QStringLiteral("fr")), QStringLiteral("Cute ceramic cushion"));
        QCOMPARE(demo->itemCategory(item, QStringLiteral("zh_CN")), QStringLiteral("家居"));
        QCOMPARE(demo->itemCategory(item, QStringLiteral("en")), QStringLiteral("home"));
        QVERIFY(demo->itemDescription(item, QStringLiteral("zh_CN")).startsWith(QStringLiteral("手工细节。")));
        QVERIFY(demo->itemDescription(item, QStringLiteral("en")).startsWith(QStringLiteral("Handcrafted details.")));
        QVERIFY(demo->itemMatches(item, QStringLiteral("陶瓷")));
        QVERIFY(demo->itemMatches(item, QStringLiteral("CERAMIC")));
        QVERIFY(!demo->itemMatches(item, QStringLiteral("咖啡")));
    }

    void manifestRejectsBadTitleColumns()
    {
        const QString folder = m_dir.filePath(QStringLiteral("bad"));
        const QByteArray manifest = "{\"fusionlab_manifest\": 1,\n"
                                    " \"items\": {\"file\": \"items.csv\", \"id\": \"id\",\n"
                                    "           \"title_columns\": {\"notalanguage\": \"t\"}},\n"
                                    " \"interactions\": {\"file\": \"r.csv\", \"user\": \"u\", \"item\": \"id\"}}\n";
        QVERIFY(test::writeFiles(folder, {{QStringLiteral("manifest.json"), manifest},
                                          {QStringLiteral("items.csv"), "id,t\na,x\n"},
                                          {QStringLiteral("r.csv"), "u,id\n1,a\n"}}));
        const Result<Dataset> bad = loadDataset(folder + QStringLiteral("/manifest.json"));
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().contains(QStringLiteral("manifest.json:3")) && bad.error().contains(QStringLiteral("notalanguage")),
                 qPrintable(bad.error()));

        QVERIFY(test::writeFiles(folder, {{QStringLiteral("manifest.json"), QByteArray(manifest).replace("notalanguage", "zh")}}));
        const Result<Dataset> good = loadDataset(folder + QStringLiteral("/manifest.json"));
        QVERIFY2(good.ok(), qPrintable(test::errorOf(good)));
        QCOMPARE(good->itemTitle(0, QStringLiteral("zh_CN")), QStringLiteral("x"));
        QCOMPARE(good->itemTitle(0, QStringLiteral("en")), QStringLiteral("a"));   // no default title: the id
    }

    void dataTextsStayAsTheyAre()
    {
        // The recommendations' part names are messages ("text", "image"); a modality named "text" in a
        // combo box whose value the code reads back is data, and keeps its name.
        m_language->setCatalogDirectory(m_dir.path());
        QCOMPARE(QCoreApplication::translate("fl::ContributionBar", "text"), QStringLiteral("text"));
        QCOMPARE(QCoreApplication::translate("fl::ContributionBar", "image"), QStringLiteral("image"));
        QWidget page;
        auto *modalities = new QComboBox(&page);
        modalities->addItems({QStringLiteral("text"), QStringLiteral("image")});
        auto *label = new QLabel(QStringLiteral("image"), &page);
        auto *menu = new QMenu(QCoreApplication::translate("fl::MainWindow", "&View"), &page);
        QVERIFY(m_language->setLanguage(QStringLiteral("zh_CN")));
        QCOMPARE(QCoreApplication::translate("fl::ContributionBar", "text"), pseudo(QStringLiteral("text")));
        QCOMPARE(modalities->itemText(0), QStringLiteral("text"));
        QCOMPARE(modalities->itemText(1), QStringLiteral("image"));
        QCOMPARE(label->text(), QStringLiteral("image"));
        QCOMPARE(menu->title(), pseudo(QStringLiteral("&View")));   // a title is a title wherever it is
    }

    void switchingTranslatesVisibleTextsAndKeepsState()
    {
        m_language->setCatalogDirectory(m_dir.path());
        QTemporaryDir autosave;
        MainWindow window(nullptr, autosave.path());
        window.show();
        ExperimentController *controller = window.controller();
        QSignalSpy loaded(controller, &ExperimentController::datasetLoaded);
        window.openDataset(QStringLiteral("demo"));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(controller->session()->state(), TrainingSession::State::Paused, 20000);

        // A finished run in the history, a changed parameter, two steps of a new run, the Dataset page.
        TrainingConfig training = controller->config().training;
        training.epochs = 5;
        controller->setTrainingConfig(training);
        controller->train();
        QTRY_COMPARE_WITH_TIMEOUT(controller->session()->state(), TrainingSession::State::Finished, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!window.workbench()->history()->records().empty(), 20000);
        PipelineConfig pipeline = controller->config().pipeline;
        pipeline.modalities[0].weight = 0.25;
        controller->pause();
        controller->setPipelineConfig(pipeline);
        QTRY_COMPARE_WITH_TIMEOUT(controller->session()->state(), TrainingSession::State::Paused, 20000);
        controller->step();
        QTRY_COMPARE_WITH_TIMEOUT(window.chart()->currentEpochCount(), 1, 20000);
        QTRY_VERIFY(window.statusText().contains(QStringLiteral("epoch 1")));
        window.pages()->setCurrentIndex(MainWindow::DatasetPage);
        auto *table = window.datasetBrowser()->findChild<QTableView *>(QStringLiteral("itemsTable"));
        QVERIFY(table);
        const auto titlesShown = [table] {
            QStringList titles;
            for (int r = 0; r < table->model()->rowCount(); ++r)
                titles << table->model()->index(r, DatasetBrowser::ItemTitleColumn).data().toString();
            return titles;
        };
        const auto allContain = [&titlesShown](const QString &needle) {
            const QStringList titles = titlesShown();
            return !titles.isEmpty() && std::all_of(titles.cbegin(), titles.cend(), [&needle](const QString &t) {
                return t.contains(needle, Qt::CaseInsensitive);
            });
        };
        window.datasetBrowser()->searchField()->setText(QStringLiteral("ceramic"));
        QTRY_VERIFY(allContain(QStringLiteral("ceramic")));
        const int matches = table->model()->rowCount();

        const std::shared_ptr<const Dataset> dataset = controller->dataset();
        const QJsonObject config = runConfigToJson(controller->config());
        const size_t runs = window.workbench()->history()->records().size();
        const VisibleTexts english = visibleTexts(window);
        QCOMPARE(english.state, QStringLiteral("Paused"));
        QCOMPARE(english.epoch, QStringLiteral("epoch 1"));
        QVERIFY(english.menus.contains(QStringLiteral("&File")));
        QVERIFY(english.docks.contains(QStringLiteral("Fusion")));

        QAction *chinese = window.findChild<QAction *>(QStringLiteral("language_zh_CN"));
        QVERIFY(chinese);
        chinese->trigger();
        QCOMPARE(Language::current(), QStringLiteral("zh_CN"));
        QCOMPARE(AppSettings::language(), QStringLiteral("zh_CN"));

        const VisibleTexts translated = visibleTexts(window);
        for (int i = 0; i < english.menus.size(); ++i)
            QCOMPARE(translated.menus.value(i), pseudo(english.menus[i]));
        for (int i = 0; i < english.docks.size(); ++i)
            QCOMPARE(translated.docks.value(i), pseudo(english.docks[i]));
        for (int i = 0; i < english.tabs.size(); ++i)
            QCOMPARE(translated.tabs.value(i), pseudo(english.tabs[i]));
        QCOMPARE(translated.train, pseudo(english.train));
        QCOMPARE(translated.state, pseudo(QStringLiteral("Paused")));
        QCOMPARE(translated.epoch, pseudo(QStringLiteral("epoch 1")));                 // "epoch %1", composed
        QCOMPARE(translated.title, pseudo(QStringLiteral("FusionLab demo shop — FusionLab")));   // "%1 — FusionLab"
        QCOMPARE(translated.searchPlaceholder, pseudo(english.searchPlaceholder));
        // Composed from several messages, the Dataset page's summary line is composed again.
        QVERIFY2(window.datasetBrowser()->summaryText().contains(pseudo(QStringLiteral("%1 items").arg(QLocale().toString(dataset->itemCount())))),
                 qPrintable(window.datasetBrowser()->summaryText()));
        // The language menu names each language in its own words, in any language.
        QCOMPARE(chinese->text(), QStringLiteral("简体中文"));

        // Nothing of the user's work changed.
        QCOMPARE(controller->dataset().get(), dataset.get());
        QCOMPARE(runConfigToJson(controller->config()), config);
        QCOMPARE(window.workbench()->history()->records().size(), runs);
        QCOMPARE(window.pages()->currentIndex(), int(MainWindow::DatasetPage));
        QCOMPARE(window.chart()->currentEpochCount(), 1);
        QCOMPARE(window.datasetBrowser()->searchField()->text(), QStringLiteral("ceramic"));

        // The Dataset page shows the demo's Chinese titles (the English search still applies), and its
        // search finds the same items by their Chinese titles.
        QCOMPARE(table->model()->rowCount(), matches);
        QVERIFY(allContain(QStringLiteral("陶瓷")));
        QVERIFY(titlesShown().contains(QStringLiteral("可爱陶瓷抱枕")));
        window.datasetBrowser()->searchField()->setText(QStringLiteral("陶瓷"));
        QTest::qWait(400);   // the search applies after a pause in typing
        QTRY_VERIFY(allContain(QStringLiteral("陶瓷")));
        QCOMPARE(table->model()->rowCount(), matches);

        window.findChild<QAction *>(QStringLiteral("language_en"))->trigger();
        const VisibleTexts back = visibleTexts(window);
        QCOMPARE(back.menus, english.menus);
        QCOMPARE(back.docks, english.docks);
        QCOMPARE(back.tabs, english.tabs);
        QCOMPARE(back.train, english.train);
        QCOMPARE(back.state, english.state);
        QCOMPARE(back.epoch, english.epoch);
        QCOMPARE(back.title, english.title);
        QVERIFY(allContain(QStringLiteral("ceramic")));   // still searching "陶瓷", found by the Chinese titles
        QVERIFY(titlesShown().contains(QStringLiteral("Cute ceramic cushion")));
        QCOMPARE(runConfigToJson(controller->config()), config);
    }

    void assembledTextsAreComposedAgain()
    {
        // Texts joined from several messages: the Formulas dock, its notes, the step's sentence, the
        // Fusion dock's switches, the lessons' menu and the start page compose them again.
        m_language->setCatalogDirectory(m_dir.path());
        QTemporaryDir autosave;
        MainWindow window(nullptr, autosave.path());
        window.show();
        ExperimentController *controller = window.controller();
        QSignalSpy loaded(controller, &ExperimentController::datasetLoaded);
        window.openDataset(QStringLiteral("demo"));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(controller->session()->state(), TrainingSession::State::Paused, 20000);
        controller->step();
        QTRY_COMPARE_WITH_TIMEOUT(window.chart()->currentEpochCount(), 1, 20000);
        QLabel *step = window.stepExplanation();
        QTRY_VERIFY(step->text().startsWith(QStringLiteral("Epoch 1:")));

        FormulaPanel *formulas = window.formulaPanel();
        QLabel *notes = nullptr;   // the one plain-text label: the lines are rich text
        for (QLabel *label : formulas->findChildren<QLabel *>()) {
            if (label->textFormat() != Qt::RichText)
                notes = label;
        }
        QVERIFY(notes);
        QTRY_VERIFY(!notes->text().isEmpty());
        const QString formulasEnglish = formulas->text();
        const QString notesEnglish = notes->text();
        const QString stepEnglish = step->text();
        QCheckBox *modality = window.modalitiesPanel()->enabledBox(0);
        const QString switchEnglish = modality->toolTip();
        QVERIFY(formulasEnglish.contains(QStringLiteral("<b>Fusion</b>: F = ")));
        QVERIFY(switchEnglish.startsWith(QStringLiteral("Include the ")));
        std::unique_ptr<QMenu> lessons(window.lessonPanel()->createMenu(nullptr));
        StartPage start;
        const Lesson &first = lessonCatalog().front();
        QCOMPARE(lessons->actions().value(0)->text(), QStringLiteral("&1  ") + first.title.text(false));
        QVERIFY(start.lessonButton(1)->text().contains(first.title.text(false)));

        QVERIFY(m_language->setLanguage(QStringLiteral("zh_CN")));
        const auto before = [](const char *context, const char *source) {   // the message up to its first argument
            return QCoreApplication::translate(context, source).section(QStringLiteral("%1"), 0, 0);
        };
        QVERIFY2(formulas->text().contains(before("fl::FormulaPanel", "<b>Fusion</b>: F = %1 = %2")), qPrintable(formulas->text()));
        QVERIFY(formulas->text().contains(pseudo(QStringLiteral("<b>Model</b>: f(x<sub>i</sub>; W) = W<sup>T</sup>x<sub>i</sub> + b, x<sub>i</sub> = row i of F ∈ ℝ<sup>%1</sup>"))
                                              .section(QStringLiteral("%1"), 0, 0)));
        // The update line joins three messages: the rule, η's value and the epoch.
        QVERIFY2(formulas->text().contains(before("fl::FormulaPanel", "η = <b>%1</b>")), qPrintable(formulas->text()));
        QVERIFY(formulas->text().contains(QCoreApplication::translate("fl::FormulaPanel", ", epoch %1").arg(1)));
        QVERIFY(before("fl::FormulaPanel", "η = <b>%1</b>") != QStringLiteral("η = <b>"));
        const QStringList notesChinese = notes->text().split(QLatin1Char('\n'));
        QCOMPARE(notesChinese.size(), notesEnglish.split(QLatin1Char('\n')).size());
        for (const QString &line : notesChinese)
            QVERIFY2(line.contains(QStringLiteral("〔")), qPrintable(line));   // every note has a message in it
        QVERIFY2(step->text().startsWith(QCoreApplication::translate("fl::StepExplanation", "Epoch %1:").arg(1) + QLatin1Char(' ')
                                         + before("fl::StepExplanation", "the training loss fell from %1 to %2 (−%3).")),
                 qPrintable(step->text()));
        QVERIFY2(modality->toolTip().startsWith(before("fl::ModalitiesPanel", "Include the %1 modality (%2, from %3) in the fusion.")),
                 qPrintable(modality->toolTip()));
        QCOMPARE(lessons->actions().value(0)->text(), QStringLiteral("&1  ") + first.title.text(true));
        QVERIFY(start.lessonButton(1)->text().contains(first.title.text(true)));
        QVERIFY(first.title.text(true) != first.title.text(false));

        QVERIFY(m_language->setLanguage(QStringLiteral("en")));
        QCOMPARE(formulas->text(), formulasEnglish);
        QCOMPARE(notes->text(), notesEnglish);
        QCOMPARE(step->text(), stepEnglish);
        QCOMPARE(modality->toolTip(), switchEnglish);
        QCOMPARE(lessons->actions().value(0)->text(), QStringLiteral("&1  ") + first.title.text(false));
        QVERIFY(start.lessonButton(1)->text().contains(first.title.text(false)));
    }
};

QTEST_MAIN(LanguageTest)
#include "test_language.moc"
